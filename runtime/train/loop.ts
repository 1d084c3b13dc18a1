/**
 * The training loop, the same for every recipe: epochs, seeded batches, augmentation, data
 * checks, the learning-rate schedule, steps under the seeded random stream, reading values back
 * without stalling the device, NaN/Inf detection with the node that produced it, validation,
 * early stopping, checkpoints and stopping on request.
 *
 * Reading values: a step's values stay on the device until the loop has queued the next step
 * (`readLag`, 1 on GPU backends), and are then read with an async data() call, so the GPU never
 * waits for the CPU. On cpu and wasm the values exist as soon as the step returns, so the lag is 0
 * and a NaN is caught before the next step.
 */
import type { Batch, Dataset } from "../data/types.js";
import { augmentBatch } from "../data/augment.js";
import { hashSeed } from "../data/rng.js";
import { streamFor, withRandom, type RandomStream } from "../materialize/random-stream.js";
import { createStatsCollector, type StatsCollector, type StatsOptions, type StatsSnapshot } from "../inspect/stats.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { captureCheckpoint, restoreCheckpoint, type Checkpoint, type EpochLog, type LoopState } from "./checkpoint.js";
import { checkBatchFinite } from "./data-check.js";
import { batchCount, epochBatches, partition, sequentialBatches } from "./data-order.js";
import { TrainingError } from "./errors.js";
import { guardMemory, nonFiniteError, type FailedStep } from "./failures.js";
import { learningRateOf, setLearningRate } from "./optimizers.js";
import type { Column, PreparedRecipe } from "./recipe.js";
import { learningRateAt } from "./schedule.js";
import { resolveAugment, type TrainSettings } from "./settings.js";

export interface BatchProgress {
  /** 1-based, of `epochs`. */
  readonly epoch: number;
  readonly epochs: number;
  /** Batches of this epoch done (1-based), of `batches`. */
  readonly batch: number;
  readonly batches: number;
  readonly step: number;
  /** Means so far this epoch, by column. */
  readonly values: Readonly<Record<string, number>>;
  readonly learningRate: number;
  readonly samplesPerSecond: number;
  /** Seconds left in the whole run at the current pace. */
  readonly etaSeconds: number;
}

export interface TrainRun {
  readonly recipe: PreparedRecipe;
  /** Every network the recipe trains (their weights go into checkpoints). */
  readonly networks: readonly MaterializedNetwork[];
  readonly dataset: Dataset;
  readonly settings: TrainSettings;
  /** Identifies the run's setup; see Checkpoint.fingerprint. */
  readonly fingerprint: string;
  readonly resume?: Checkpoint;
  /** Checked between batches; when set, the loop checkpoints and returns "interrupted". */
  readonly signal?: { readonly aborted: boolean };
  /** Steps queued before a step's values are read (default: 0 on cpu and wasm, else 1). */
  readonly readLag?: number;
  readonly onBatch?: (p: BatchProgress) => void;
  readonly onEpoch?: (log: EpochLog) => void | Promise<void>;
  /** Called with each checkpoint (every settings.checkpointEvery epochs, at the end, and when interrupted). */
  readonly onCheckpoint?: (c: Checkpoint) => void | Promise<void>;
  /** Live per-node statistics every `stats.every` steps (runtime/inspect/stats.ts), handed to onStats. */
  readonly stats?: StatsOptions;
  readonly onStats?: (s: StatsSnapshot) => void;
  readonly now?: () => number;
}

export interface TrainOutcome {
  readonly status: "completed" | "early-stopped" | "interrupted";
  readonly history: readonly EpochLog[];
  readonly columns: readonly Column[];
  /** The state at the end, as a checkpoint would hold it. */
  readonly loop: LoopState;
}

/** A step whose values are still on the device. */
interface Pending extends FailedStep {
  readonly values: tf.Tensor1D;
}

const FRESH_STOPPER = { best: null, bestEpoch: 0, wait: 0 } as const;

export async function train(run: TrainRun): Promise<TrainOutcome> {
  const stats = run.stats && run.onStats ? createStatsCollector(run.networks, run.stats) : undefined;
  try {
    return await runLoop(run, stats);
  } finally {
    stats?.dispose();
  }
}

async function runLoop(run: TrainRun, stats: StatsCollector | undefined): Promise<TrainOutcome> {
  const { recipe, dataset, settings } = run;
  const now = run.now ?? (() => performance.now());
  const columns = recipe.columns;
  const width = columns.length;
  const readLag = Math.max(0, run.readLag ?? (["cpu", "wasm"].includes(tf.getBackend()) ? 0 : 1));
  const parts = partition(dataset.size("train"), settings.validationSplit, settings.seed);
  if (parts.train.length === 0) throw new TrainingError("data-shape", `The dataset ${dataset.id} has no training samples.`);
  const batchesPerEpoch = batchCount(parts.train.length, settings.batchSize);
  const augment = settings.augment ? imageAugment(settings, dataset) : undefined;
  const monitor = resolveMonitor(settings, columns, parts.validation.length > 0);

  const rng: RandomStream = streamFor(settings.seed, "steps");
  let state: LoopState = { epoch: 0, batch: 0, step: 0, rng: rng.state, history: [], partial: { sums: new Array(width).fill(0), samples: 0, seconds: 0 }, stopper: FRESH_STOPPER };
  if (run.resume) {
    await restoreCheckpoint(run.resume, run.fingerprint, run.networks, recipe.groups);
    if (run.resume.recipe && recipe.restore) recipe.restore(run.resume.recipe);
    state = run.resume.loop;
    rng.state = state.rng;
  }
  const checkpoint = async (loop: LoopState): Promise<void> => {
    if (run.onCheckpoint) await run.onCheckpoint(await captureCheckpoint(run.fingerprint, settings.seed, loop, run.networks, recipe.groups, recipe.state?.()));
  };

  let status: TrainOutcome["status"] = "completed";
  const history = [...state.history];
  let stopper = state.stopper;
  let step = state.step;

  for (let epoch = state.epoch; epoch < settings.epochs; epoch++) {
    const batches = epochBatches(parts.train, settings.batchSize, settings.seed, epoch);
    const resumeHere = epoch === state.epoch;
    const startBatch = resumeHere ? state.batch : 0;
    const sums = resumeHere ? [...state.partial.sums] : new Array<number>(width).fill(0);
    let samples = resumeHere ? state.partial.samples : 0;
    const secondsBefore = resumeHere ? state.partial.seconds : 0;
    const epochStart = now();
    let lastRate = learningRateOf(recipe.groups[0]!.optimizer);
    const pending: Pending[] = [];

    const readOne = async (): Promise<void> => {
      const p = pending.shift()!;
      const v = await p.values.data();
      p.values.dispose();
      if (!v.every((x) => Number.isFinite(x))) {
        tf.dispose(pending.map((q) => q.values));
        pending.length = 0;
        throw await nonFiniteError(recipe, columns, v, p, epoch, batches.length);
      }
      for (let k = 0; k < width; k++) sums[k]! += v[k]! * p.batch.size;
      samples += p.batch.size;
      const elapsed = (now() - epochStart) / 1000;
      const seconds = secondsBefore + elapsed;
      const done = p.batchIndex + 1;
      const perBatch = elapsed / Math.max(1, done - startBatch);
      run.onBatch?.({
        epoch: epoch + 1, epochs: settings.epochs, batch: done, batches: batches.length, step: p.step + 1,
        values: means(columns, sums, samples), learningRate: p.learningRate,
        samplesPerSecond: samples / Math.max(seconds, 1e-9),
        etaSeconds: perBatch * ((batches.length - done) + (settings.epochs - epoch - 1) * batchesPerEpoch),
      });
    };
    const flush = async (): Promise<void> => {
      while (pending.length) await readOne();
    };
    const snapshot = (batchIndex: number): LoopState => ({
      epoch, batch: batchIndex, step, rng: rng.state, history: [...history],
      partial: { sums: [...sums], samples, seconds: secondsBefore + (now() - epochStart) / 1000 }, stopper,
    });

    for (let b = startBatch; b < batches.length; b++) {
      if (run.signal?.aborted) {
        await flush();
        const loop = snapshot(b);
        await checkpoint(loop);
        return { status: "interrupted", history, columns, loop };
      }
      const batch = guardMemory(() => prepareBatch(dataset, batches[b]!, augment, epoch), run.networks, settings.batchSize, "preparing a batch");
      const learningRate = learningRateAt(settings.optimizer.learningRate, settings.schedule, { t: epoch + b / batches.length, epochs: settings.epochs, batchesPerEpoch });
      for (const g of recipe.groups) setLearningRate(g.optimizer, learningRate);
      lastRate = learningRate;
      const rngBefore = rng.state;
      const ctx = { step, epoch, rules: { learningRate, weightDecay: settings.weightDecay, ...(settings.clipNorm !== undefined ? { clipNorm: settings.clipNorm } : {}) } };
      const values = guardMemory(() => withRandom(rng, () => tf.tidy(() => recipe.step(batch, stats ? stats.observe(ctx) : ctx))), run.networks, settings.batchSize, "a training step");
      pending.push({ values, batch, batchIndex: b, step, rngBefore, learningRate });
      step++;
      while (pending.length > readLag) await readOne();
      if (stats?.taking) run.onStats!(await stats.finish(recipe.probe(batch)));
    }
    await flush();

    const seconds = secondsBefore + (now() - epochStart) / 1000;
    const values: Record<string, number> = means(columns, sums, samples);
    if (parts.validation.length) Object.assign(values, await validate(run, parts.validation));
    const log: EpochLog = { epoch: epoch + 1, values, learningRate: lastRate, seconds, samplesPerSecond: samples / Math.max(seconds, 1e-9) };
    history.push(log);
    await run.onEpoch?.(log);

    let stop = false;
    if (monitor && settings.earlyStopping) {
      const value = values[monitor.name]!;
      const { minDelta, patience } = settings.earlyStopping;
      const improved = stopper.best === null || (monitor.better === "lower" ? value < stopper.best - minDelta : value > stopper.best + minDelta);
      stopper = improved ? { best: value, bestEpoch: epoch + 1, wait: 0 } : { ...stopper, wait: stopper.wait + 1 };
      stop = stopper.wait >= patience;
    }
    const last = stop || epoch + 1 === settings.epochs;
    const loop: LoopState = { epoch: epoch + 1, batch: 0, step, rng: rng.state, history: [...history], partial: { sums: new Array(width).fill(0), samples: 0, seconds: 0 }, stopper };
    state = loop;
    if (last || (epoch + 1) % settings.checkpointEvery === 0) await checkpoint(loop);
    if (stop) {
      status = "early-stopped";
      break;
    }
  }
  return { status, history, columns, loop: state };
}

function means(columns: readonly Column[], sums: readonly number[], samples: number): Record<string, number> {
  const out: Record<string, number> = {};
  columns.forEach((c, k) => {
    out[c.name] = samples ? sums[k]! / samples : NaN;
  });
  return out;
}

function prepareBatch(dataset: Dataset, indices: Int32Array, augment: ((b: Batch, epoch: number) => Batch) | undefined, epoch: number): Batch {
  const raw = dataset.gather("train", indices);
  checkBatchFinite(raw, dataset, "train");
  return augment ? augment(raw, epoch) : raw;
}

function imageAugment(settings: TrainSettings, dataset: Dataset): (b: Batch, epoch: number) => Batch {
  const shape = dataset.inputShape;
  if (shape.length !== 3) {
    throw new TrainingError("bad-settings", `training.options asks for image augmentation, but ${dataset.id} gives samples of shape ${shape.join("×")}, not images (height×width×channels); remove the augment options.`);
  }
  const options = resolveAugment(settings.augment!, Math.min(shape[0]!, shape[1]!));
  return (b, epoch) => augmentBatch(b, options, hashSeed("augment", settings.seed, epoch));
}

function resolveMonitor(settings: TrainSettings, columns: readonly Column[], validation: boolean): { name: string; better: "higher" | "lower" } | undefined {
  if (!settings.earlyStopping) return undefined;
  const name = settings.earlyStopping.monitor ?? (validation ? "val_loss" : "loss");
  const names = columns.flatMap((c) => (validation ? [c.name, `val_${c.name}`] : [c.name]));
  const column = names.includes(name) ? columns.find((c) => c.name === name || `val_${c.name}` === name) : undefined;
  if (!column) {
    const why = name.startsWith("val_") && !validation ? " (validation values need training.options.validationSplit)" : "";
    throw new TrainingError("bad-settings", `training.options.earlyStoppingMonitor is "${name}", which this run does not report${why}; choose one of ${names.join(", ")}.`);
  }
  return { name, better: column.better };
}

async function validate(run: TrainRun, indices: Int32Array): Promise<Record<string, number>> {
  const { recipe, dataset, settings } = run;
  const width = recipe.columns.length;
  const sums = new Array<number>(width).fill(0);
  let samples = 0;
  for (const idx of sequentialBatches(indices, settings.batchSize)) {
    const batch = dataset.gather("train", idx);
    checkBatchFinite(batch, dataset, "train");
    const values = guardMemory(() => tf.tidy(() => recipe.evaluate(batch)), run.networks, settings.batchSize, "validation");
    const v = await values.data();
    values.dispose();
    for (let k = 0; k < width; k++) sums[k]! += v[k]! * batch.size;
    samples += batch.size;
  }
  const out: Record<string, number> = {};
  recipe.columns.forEach((c, k) => {
    out[`val_${c.name}`] = sums[k]! / samples;
  });
  return out;
}
