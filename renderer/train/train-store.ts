/**
 * The app's side of training: one worker, the state of the current run, and the runs of this
 * session. Each message from the worker is checked against the protocol; one that does not
 * parse stops the panel with the protocol error rather than being ignored.
 *
 * Each run records the graph's hash, its settings and its curves; runs-sync.ts keeps them (and
 * the last run's weights) beside the graph when it has a file, and loads them when it opens.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { hashSeed } from "../../runtime/data/rng.js";
import {
  BACKENDS, fromWorker, parseMessage, type AttemptMsg, type FromWorker, type PreviewMsg, type ProgressPoint, type RunOptions, type ToWorker,
} from "./protocol.js";

export type TrainStatus = "idle" | "starting" | "running" | "paused" | "stopping" | "finished" | "failed";
export type Evaluation = NonNullable<Extract<FromWorker, { type: "finished" }>["evaluation"]>;

export interface RunRecord {
  readonly id: string;
  readonly label: string;
  /** Hash of the graph file text the run trained (the frozen snapshot). */
  readonly graphHash: string;
  readonly graphName: string;
  readonly options: RunOptions;
  backend?: string;
  fingerprint?: string;
  columns: { name: string; kind: "loss" | "metric" }[];
  points: ProgressPoint[];
  status: TrainStatus;
  evaluation?: Evaluation;
  /** Its weights are the ones saved beside the graph. */
  weights?: boolean;
}

export interface BackendInfo {
  readonly name: string;
  readonly summary: string;
  readonly attempts: readonly AttemptMsg[];
}

export interface Preview {
  readonly dataset: string;
  readonly title: string;
  readonly description: string;
  readonly samples: readonly PreviewMsg[];
}

export interface TrainState {
  readonly status: TrainStatus;
  readonly current?: string;
  readonly runs: readonly RunRecord[];
  /** Bumped on each progress message, so charts redraw without copying every point. */
  readonly version: number;
  readonly backend?: BackendInfo;
  readonly overlay?: string;
  readonly preview?: Preview;
  readonly log: readonly string[];
  readonly error?: string;
  readonly fault?: { readonly nodeId?: string; readonly message: string };
  /** What the panel has set for the next run, over the graph's training section. */
  readonly draft: Draft;
}

export interface Draft {
  readonly dataset?: string;
  readonly epochs?: number;
  readonly batchSize?: number;
  readonly seed?: number;
  readonly maxSteps?: number;
  readonly testSamples?: number;
  /** The backend to start on (later ones remain as fallbacks), or undefined for the best that works. */
  readonly backend?: (typeof BACKENDS)[number];
}

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface TrainController {
  readonly store: StoreApi<TrainState>;
  start(graph: string, graphName: string, options: RunOptions): void;
  pause(): void;
  resume(): void;
  stop(): void;
  preview(dataset: string, count?: number): void;
  loseDevice(): void;
  setOverlay(runId: string | undefined): void;
  setDraft(draft: Partial<Draft>): void;
  /** Puts the runs read from beside the graph in place of the ended ones (a run going on stays). */
  loadRuns(runs: readonly RunRecord[]): void;
  /** Adds a line to the training log. */
  note(line: string): void;
  /** Marks the run whose weights are now the ones beside the graph. */
  markWeights(runId: string | undefined): void;
  dispose(): void;
}

export interface ControllerOptions {
  readonly makeWorker: () => WorkerLike;
  /** A non-finite value started at this node (or clears it, with undefined). */
  readonly onFault?: (fault: { nodeId: string; message: string } | undefined) => void;
  /** A run ended or changed state worth keeping (runs.ts saves them beside the graph). */
  readonly onRunsChanged?: (runs: readonly RunRecord[]) => void;
  /** A run's trained weights, just before it reports finished. */
  readonly onWeights?: (run: RunRecord, weights: WeightsMsg) => void;
}

export type WeightsMsg = Extract<FromWorker, { type: "weights" }>;

const LOG_LINES = 50;

/** "Run 7" after runs up to "Run 6", whatever was loaded or thinned out before. */
function nextLabel(runs: readonly RunRecord[]): string {
  const numbers = runs.map((r) => /^Run (\d+)$/.exec(r.label)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `Run ${Math.max(0, ...numbers) + 1}`;
}

export function createTrainController(options: ControllerOptions): TrainController {
  const store = createStore<TrainState>(() => ({ status: "idle", runs: [], version: 0, log: [], draft: {} }));
  let worker: WorkerLike | undefined;
  let counter = 0;
  const note = (line: string) => store.setState((s) => ({ log: [...s.log, line].slice(-LOG_LINES) }));
  const run = (id: string | undefined) => store.getState().runs.find((r) => r.id === id);
  const send = (msg: ToWorker) => ensure().postMessage(msg);

  function ensure(): WorkerLike {
    if (worker) return worker;
    const w = options.makeWorker();
    w.onmessage = (event) => {
      const parsed = parseMessage(fromWorker, event.data);
      if (!parsed.ok) {
        store.setState({ status: "failed", error: parsed.error });
        return;
      }
      handle(parsed.msg);
    };
    w.onerror = (event) => {
      event.preventDefault();
      store.setState({ status: "failed", error: `The training worker failed: ${event.message || "it could not start"}.` });
      worker?.terminate();
      worker = undefined;
    };
    worker = w;
    return w;
  }

  function handle(msg: FromWorker): void {
    const s = store.getState();
    const r = "runId" in msg ? run(msg.runId) : undefined;
    switch (msg.type) {
      case "ready":
        return;
      case "started":
        if (!r) return;
        r.backend = msg.backend;
        r.fingerprint = msg.fingerprint;
        r.columns = msg.columns;
        store.setState({ status: "running", backend: { name: msg.backend, summary: msg.summary, attempts: msg.attempts }, version: s.version + 1 });
        for (const w of msg.warnings) note(`Note: ${w}`);
        return;
      case "progress":
        if (!r) return;
        r.points.push(...msg.points);
        store.setState({ version: s.version + 1 });
        return;
      case "paused":
        if (r) r.status = "paused";
        store.setState({ status: "paused" });
        note(`Paused at step ${msg.step}.`);
        return;
      case "resumed":
        if (r) r.status = "running";
        store.setState({ status: "running" });
        options.onFault?.(undefined);
        store.setState({ fault: undefined });
        note(`Resumed at step ${msg.step}.`);
        return;
      case "recovered":
        if (r) r.backend = msg.to;
        store.setState({ backend: { name: msg.to, summary: msg.summary, attempts: [{ name: msg.from, ok: false, reason: `${msg.from}: ${msg.reason}` }] } });
        note(`${msg.reason}: continuing on ${msg.to} from step ${msg.fromStep}.`);
        return;
      case "fault":
        store.setState({ fault: { message: msg.message, ...(msg.nodeId ? { nodeId: msg.nodeId } : {}) } });
        if (msg.nodeId) options.onFault?.({ nodeId: msg.nodeId, message: msg.message });
        note(msg.message);
        return;
      case "finished":
        if (r) {
          r.status = "finished";
          if (msg.evaluation) r.evaluation = msg.evaluation;
        }
        store.setState({ status: "finished", current: undefined, version: s.version + 1 });
        note(`Run ${msg.status} after ${msg.step} steps.`);
        options.onRunsChanged?.(store.getState().runs);
        return;
      case "weights":
        if (r) options.onWeights?.(r, msg);
        return;
      case "preview":
        store.setState({ preview: { dataset: msg.dataset, title: msg.title, description: msg.description, samples: msg.samples } });
        return;
      case "note":
        note(msg.message);
        return;
      case "error":
        if (msg.runId) {
          if (r) r.status = "failed";
          store.setState({ status: "failed", current: undefined, error: msg.message });
          options.onRunsChanged?.(store.getState().runs);
        } else note(msg.message);
        return;
      case "protocol-error":
        store.setState({ status: "failed", error: msg.message });
        return;
    }
  }

  return {
    store,
    start(graph, graphName, runOptions) {
      const s = store.getState();
      if (s.current) return;
      const id = `run-${Date.now().toString(36)}-${++counter}`;
      const record: RunRecord = {
        id, label: nextLabel(s.runs), graphHash: hashSeed(graph).toString(16), graphName, options: runOptions,
        columns: [], points: [], status: "starting",
      };
      options.onFault?.(undefined);
      store.setState({ status: "starting", current: id, runs: [...s.runs, record], error: undefined, fault: undefined, log: [...s.log, `Starting ${record.label} on ${runOptions.dataset}…`].slice(-LOG_LINES) });
      send({ type: "start", runId: id, graph, options: { checkpointSteps: 10, testSamples: 1000, ...runOptions } });
    },
    pause() {
      if (store.getState().status === "running") send({ type: "pause" });
    },
    resume() {
      if (store.getState().status === "paused") send({ type: "resume" });
    },
    stop() {
      const st = store.getState().status;
      if (st === "running" || st === "paused" || st === "starting") {
        store.setState({ status: "stopping" });
        send({ type: "stop" });
      }
    },
    preview(dataset, count = 12) {
      send({ type: "preview", dataset, count });
    },
    loseDevice() {
      send({ type: "lose-device" });
    },
    setOverlay(runId) {
      store.setState({ overlay: runId });
    },
    setDraft(draft) {
      store.setState((s) => ({ draft: { ...s.draft, ...draft } }));
    },
    loadRuns(loaded) {
      store.setState((s) => {
        const live = s.runs.filter((r) => r.id === s.current);
        const ids = new Set(live.map((r) => r.id));
        const runs = [...loaded.filter((r) => !ids.has(r.id)), ...live];
        return { runs, overlay: runs.some((r) => r.id === s.overlay) ? s.overlay : undefined, version: s.version + 1 };
      });
    },
    note,
    markWeights(runId) {
      for (const r of store.getState().runs) r.weights = r.id === runId;
      store.setState((s) => ({ version: s.version + 1 }));
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
