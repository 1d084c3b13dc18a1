/**
 * One training run inside the worker: picks the backend, builds the session from the frozen
 * graph, runs runtime/train's loop in legs between checkpoints (so pause, a lost device and the
 * step limit all continue from plain-data checkpoints), and reports through `post`.
 *
 * A leg ends when the loop's signal says so: pause, stop, the step limit, or every
 * `checkpointSteps` steps (the loop then checkpoints and returns "interrupted"). A lost device
 * is raced against the leg: the leg is abandoned (its backend may never answer again), the next
 * backend that passes the self-check is chosen, and the run resumes from the last checkpoint.
 */
import { parseGraphFile } from "../../graph-ir/core/load.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { browserCandidates } from "../../runtime/backend/browser.js";
import type { BackendName } from "../../runtime/backend/names.js";
import { backendCacheKey, modelSignature, selectBackend, type BackendChoice, type BackendStorage } from "../../runtime/backend/select.js";
import type { Dataset } from "../../runtime/data/types.js";
import { networkWeights, type Checkpoint } from "../../runtime/train/checkpoint.js";
import type { TensorRecord } from "../../runtime/train/tensor-records.js";
import { batchCount, partition } from "../../runtime/train/data-order.js";
import { TrainingError, errorMessage } from "../../runtime/train/errors.js";
import { train } from "../../runtime/train/loop.js";
import { prepareTraining, type TrainingSession } from "../../runtime/train/session.js";
import { trainingProbe } from "../../runtime/train/probe.js";
import { DeviceLostError, watchDevice } from "./device-loss.js";
import { evaluateTest } from "./evaluate.js";
import type { StatsSnapshot } from "../../runtime/inspect/index.js";
import type { ModelSource } from "../inspect/model-source.js";
import { BACKENDS, type FromWorker, type ProgressPoint, type RunOptions } from "./protocol.js";

type Post = (msg: FromWorker) => void;
type Options = RunOptions & { checkpointSteps: number; testSamples: number };

export interface TrainerDeps {
  readonly post: Post;
  readonly dataset: (id: string) => Promise<Dataset>;
  /** Where the wasm backend's .wasm files are served. */
  readonly wasmPaths?: Record<string, string>;
  /** Remembers the fastest backend per machine and model; without it, the first that passes is used. */
  readonly backendStorage?: BackendStorage;
  /** Names this machine in that memory (machineKey()). */
  readonly machine?: string;
  /** Takes the finished run's networks for inspection (it frees them later); absent: freed at the end. */
  readonly keep?: (source: ModelSource) => void;
}

/** Progress goes out at most this often, so the app redraws a few times a second, not per step. */
const PROGRESS_MS = 100;

export class Trainer {
  private session: TrainingSession | undefined;
  private checkpoint: Checkpoint | undefined;
  private paused = false;
  private stopped = false;
  private wake: (() => void) | undefined;
  private generation = 0;
  private pending: ProgressPoint[] = [];
  private lastPost = 0;
  /** Steps done, as of the last leg's start plus the steps it has queued since. */
  private step = 0;
  private dataset: Dataset | undefined;

  constructor(
    private readonly deps: TrainerDeps,
    readonly runId: string,
    private readonly graph: string,
    private readonly options: Options,
  ) {}

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** The run's networks as they are now, for an inspection while it goes; undefined before they are built. */
  live(): ModelSource | undefined {
    return this.session && this.dataset ? { session: this.session, dataset: this.dataset, step: this.step, trained: true, live: true } : undefined;
  }

  async run(): Promise<void> {
    const { post } = this.deps;
    const runId = this.runId;
    try {
      const loaded = parseGraphFile(this.graph);
      if (!loaded.ok) throw new TrainingError("graph", loaded.error.message);
      const doc = loaded.doc;
      const dataset = await this.deps.dataset(this.options.dataset);
      this.dataset = dataset;
      let order: BackendName[] = [...(this.options.backends ?? BACKENDS)];
      const t0 = performance.now();
      let choice = await this.choose(doc, dataset, order);
      post({ type: "note", message: `Backend ${choice.backend} passed its self-check in ${((performance.now() - t0) / 1000).toFixed(1)} s.` });
      order = order.slice(order.indexOf(choice.backend));
      this.session = await this.prepare(doc, dataset);
      const s = this.session;
      const trainCount = partition(dataset.size("train"), s.settings.validationSplit, s.settings.seed).train.length;
      post({
        type: "started", runId, backend: choice.backend, summary: choice.summary, fingerprint: s.fingerprint, warnings: [...s.warnings],
        attempts: choice.attempts.map((a) => ({ name: a.name, ok: a.ok, ...(a.reason ? { reason: a.reason } : {}), ...(a.msPerStep !== undefined ? { msPerStep: a.msPerStep } : {}) })),
        columns: s.prepared.columns.map((c) => ({ name: c.name, kind: c.kind })),
        stepsPerEpoch: batchCount(trainCount, s.settings.batchSize),
      });

      for (;;) {
        if (this.stopped) return await this.finish("stopped", dataset);
        if (this.options.maxSteps !== undefined && this.step >= this.options.maxSteps) return await this.finish("completed", dataset);
        if (this.paused) {
          post({ type: "paused", runId, step: this.step });
          await new Promise<void>((r) => (this.wake = r));
          this.wake = undefined;
          if (this.stopped) continue;
          post({ type: "resumed", runId, step: this.step });
        }
        let outcome;
        try {
          outcome = await this.leg(dataset);
        } catch (e) {
          if (e instanceof DeviceLostError) {
            const from = choice.backend;
            order = order.filter((b) => b !== from);
            if (order.length === 0) throw new Error(`${e.message}, and no other backend is left to continue on.`);
            this.session = undefined; // its tensors lived on the lost device; nothing to free
            choice = await this.choose(doc, dataset, order, true);
            order = order.slice(order.indexOf(choice.backend));
            this.session = await this.prepare(doc, dataset);
            this.step = this.checkpoint?.loop.step ?? 0;
            post({ type: "recovered", runId, from, to: choice.backend, fromStep: this.step, reason: e.message, summary: choice.summary });
            continue;
          }
          if (e instanceof TrainingError && e.code === "non-finite-loss") {
            // Paused, not ended: the weights stay as they were before the bad step, for a look.
            post({ type: "fault", runId, code: e.code, message: e.message, ...(e.nodeId ? { nodeId: e.nodeId } : {}) });
            this.paused = true;
            this.step = this.checkpoint?.loop.step ?? 0;
            continue;
          }
          throw e;
        }
        if (outcome !== "interrupted") return await this.finish(outcome, dataset);
      }
    } catch (e) {
      this.flush(true);
      post({ type: "error", runId, message: errorMessage(e) });
    } finally {
      try {
        this.session?.dispose();
      } catch {
        // A session on a lost device cannot be freed; the backend goes with it.
      }
      this.session = undefined;
    }
  }

  /**
   * "Best that works" times every backend that passes and keeps the fastest, remembered per
   * machine and model (deps.backendStorage), so later runs start at once. A backend the person
   * chose, and the move after a lost device, take the first that passes.
   */
  private async choose(doc: GraphDocument, dataset: Dataset, order: readonly BackendName[], recovering = false): Promise<BackendChoice> {
    const candidates = browserCandidates({ only: order, ...(this.deps.wasmPaths ? { wasmPaths: this.deps.wasmPaths } : {}) });
    const probe = trainingProbe(doc, dataset, this.options.seed, this.options.batchSize);
    const storage = this.deps.backendStorage;
    if (recovering || this.options.backends || !storage) return selectBackend({ candidates, probe, mode: "first", timeoutMs: 60_000 });
    const signature = modelSignature({ nodes: doc.nodes, edges: doc.edges, blocks: doc.blocks, networks: doc.networks }, this.options.batchSize);
    return selectBackend({ candidates, probe, mode: "measure", storage, cacheKey: backendCacheKey(this.deps.machine ?? "unknown", signature), timeoutMs: 60_000 });
  }

  private prepare(doc: GraphDocument, dataset: Dataset): Promise<TrainingSession> {
    const o = this.options;
    return prepareTraining(doc, { dataset, seed: o.seed, epochs: o.epochs, batchSize: o.batchSize });
  }

  /** One stretch of training up to the next checkpoint, pause, stop or the step limit. */
  private async leg(dataset: Dataset): Promise<"completed" | "early-stopped" | "interrupted"> {
    const s = this.session!;
    const gen = ++this.generation;
    const o = this.options;
    const watch = watchDevice();
    const startStep = this.checkpoint?.loop.step ?? 0;
    this.step = startStep;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the signal's getter needs the trainer
    const self = this;
    // The loop reads `aborted` once before each batch; when nothing asks to stop, that batch is a step.
    const signal = {
      get aborted(): boolean {
        const stop = self.generation !== gen || watch.isLost() || self.paused || self.stopped
          || self.step - startStep >= o.checkpointSteps || (o.maxSteps !== undefined && self.step >= o.maxSteps);
        if (!stop) self.step++;
        return stop;
      },
    };
    const run = train({
      recipe: s.prepared, networks: s.networks, dataset, settings: s.settings, fingerprint: s.fingerprint, signal,
      ...(this.checkpoint ? { resume: this.checkpoint } : {}),
      onBatch: (p) => {
        if (gen !== this.generation) return;
        this.pending.push({ step: p.step, epoch: p.epoch, values: { ...p.values }, learningRate: p.learningRate, samplesPerSecond: p.samplesPerSecond });
        this.flush(false);
      },
      onCheckpoint: (c) => {
        if (gen === this.generation) this.checkpoint = c;
      },
      // Per-node statistics for the canvas bars (renderer/inspect), every few steps.
      ...(o.statsEvery ? {
        stats: { every: o.statsEvery },
        onStats: (snapshot: StatsSnapshot) => {
          if (gen === this.generation) this.deps.post({ type: "stats", runId: this.runId, snapshot });
        },
      } : {}),
    });
    run.catch(() => undefined); // an abandoned leg may fail later; it no longer matters
    try {
      const outcome = await Promise.race([run, watch.lost]);
      this.flush(true);
      return outcome.status;
    } catch (e) {
      if (watch.isLost() && !(e instanceof DeviceLostError)) throw new DeviceLostError(`${errorMessage(e)} (the device was lost)`);
      throw e;
    } finally {
      watch.stop();
      if (watch.isLost()) this.generation++;
    }
  }

  private flush(force: boolean): void {
    const now = performance.now();
    if (!this.pending.length || (!force && now - this.lastPost < PROGRESS_MS)) return;
    this.deps.post({ type: "progress", runId: this.runId, points: this.pending });
    this.pending = [];
    this.lastPost = now;
  }

  private async finish(status: "completed" | "early-stopped" | "stopped", dataset: Dataset): Promise<void> {
    this.flush(true);
    const t0 = performance.now();
    const evaluation = this.session ? await evaluateTest(this.session, dataset, this.options.testSamples) : undefined;
    if (evaluation) this.deps.post({ type: "note", message: `Evaluated ${evaluation.samples} test samples in ${((performance.now() - t0) / 1000).toFixed(1)} s.` });
    if (this.session) {
      const networks: Record<string, (TensorRecord & { shape: number[] })[]> = {};
      for (const net of this.session.networks) networks[net.id] = (await networkWeights(net)).map((r) => ({ ...r, shape: [...r.shape] }));
      this.deps.post({ type: "weights", runId: this.runId, step: this.step, networks });
    }
    if (this.session && this.deps.keep) {
      this.deps.keep({ session: this.session, dataset, step: this.step, trained: true, live: false });
      this.session = undefined; // the inspector owns it now
    }
    this.deps.post({ type: "finished", runId: this.runId, status, step: this.step, ...(evaluation ? { evaluation } : {}) });
  }
}
