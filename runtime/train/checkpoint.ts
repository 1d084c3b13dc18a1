/**
 * A checkpoint as plain data: everything a run needs to continue exactly where it stopped
 * (weights, optimiser slots, position, random stream, the epoch so far, history, early-stopping
 * state). The host decides where it goes (electron/host/train/checkpoint-files.ts writes a
 * folder; the app can keep it in IndexedDB).
 */
import * as tf from "../tf.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import { TrainingError } from "./errors.js";
import { optimizerState, restoreOptimizer } from "./optimizers.js";
import type { OptionValue } from "./settings.js";
import { fromRecord, sameShape, toRecord, type TensorRecord } from "./tensor-records.js";
import type { UpdateGroup } from "./update.js";

export interface EpochLog {
  /** 1-based. */
  readonly epoch: number;
  /** Training means by column, then validation means as "val_<column>". */
  readonly values: Readonly<Record<string, number>>;
  /** The learning rate at the epoch's last batch. */
  readonly learningRate: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

export interface LoopState {
  /** Where to continue: epoch (0-based) and the batch within it. */
  readonly epoch: number;
  readonly batch: number;
  /** Steps done over the whole run. */
  readonly step: number;
  /** The seeded random stream (dropout and other random layers). */
  readonly rng: number;
  readonly history: readonly EpochLog[];
  /** Sums over the batches of the unfinished epoch (value × batch size), and their sample count. */
  readonly partial: { readonly sums: readonly number[]; readonly samples: number; readonly seconds: number };
  readonly stopper: { readonly best: number | null; readonly bestEpoch: number; readonly wait: number };
}

export interface Checkpoint {
  readonly format: "layerloom-checkpoint";
  readonly version: 1;
  /** Of the networks, losses and data settings; a checkpoint resumes only the run it came from. */
  readonly fingerprint: string;
  readonly seed: number;
  readonly loop: LoopState;
  /** Weights by network id, in model.weights order. */
  readonly networks: Readonly<Record<string, readonly TensorRecord[]>>;
  /** Optimiser state by update group. */
  readonly optimizers: Readonly<Record<string, readonly TensorRecord[]>>;
  readonly recipe?: Readonly<Record<string, OptionValue>>;
}

export const CHECKPOINT_FORMAT = "layerloom-checkpoint";

export async function networkWeights(net: MaterializedNetwork): Promise<TensorRecord[]> {
  const out: TensorRecord[] = [];
  for (const w of net.model.weights) out.push(await toRecord(w.originalName, w.read()));
  return out;
}

export async function captureCheckpoint(
  fingerprint: string, seed: number, loop: LoopState, networks: readonly MaterializedNetwork[], groups: readonly UpdateGroup[],
  recipe?: Readonly<Record<string, OptionValue>>,
): Promise<Checkpoint> {
  const nets: Record<string, readonly TensorRecord[]> = {};
  for (const n of networks) nets[n.id] = await networkWeights(n);
  const optimizers: Record<string, readonly TensorRecord[]> = {};
  for (const g of groups) optimizers[g.name] = await optimizerState(g.optimizer);
  return { format: CHECKPOINT_FORMAT, version: 1, fingerprint, seed, loop, networks: nets, optimizers, ...(recipe ? { recipe } : {}) };
}

/** Loads weights from records into a network, refusing any that do not match one for one. */
export function loadNetworkWeights(net: MaterializedNetwork, records: readonly TensorRecord[] | undefined): void {
  const weights = net.model.weights;
  const mismatch = (why: string) => new TrainingError("checkpoint", `The checkpoint's weights for network '${net.id}' do not fit it: ${why}. The graph changed since it was written; train afresh without --resume.`);
  if (!records) throw mismatch("it has none");
  if (records.length !== weights.length) throw mismatch(`it holds ${records.length} weights, the network has ${weights.length}`);
  records.forEach((r, i) => {
    const w = weights[i]!;
    if (r.name !== w.originalName || !sameShape(r.shape, w.shape as number[])) throw mismatch(`weight ${i} is ${r.name} [${r.shape.join(", ")}], the network's is ${w.originalName} [${w.shape.join(", ")}]`);
  });
  const tensors = records.map(fromRecord);
  net.model.setWeights(tensors);
  tf.dispose(tensors);
}

export async function restoreCheckpoint(c: Checkpoint, fingerprint: string, networks: readonly MaterializedNetwork[], groups: readonly UpdateGroup[]): Promise<void> {
  if (c.format !== CHECKPOINT_FORMAT || c.version !== 1) throw new TrainingError("checkpoint", "This is not a Layerloom checkpoint of a version this program reads.");
  if (c.fingerprint !== fingerprint) {
    throw new TrainingError("checkpoint", "The checkpoint was written for a different graph or training setup (networks, losses, optimizer, batch size, validation split or seed changed). Train afresh without --resume, or undo the change.");
  }
  for (const n of networks) loadNetworkWeights(n, c.networks[n.id]);
  for (const g of groups) {
    const state = c.optimizers[g.name];
    if (!state) throw new TrainingError("checkpoint", `The checkpoint has no optimizer state for '${g.name}'; train afresh without --resume.`);
    await restoreOptimizer(g.optimizer, state, `'${g.name}'`);
  }
}
