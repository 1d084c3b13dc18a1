/**
 * Which samples train and which validate, and in what order each epoch visits them: all fixed
 * by the run seed, so a resumed run sees the same batches as one that never stopped.
 */
import { hashSeed, shuffledIndices } from "../data/rng.js";

export interface Partition {
  /** Indices into the dataset's train split. */
  readonly train: Int32Array;
  readonly validation: Int32Array;
}

/** Holds out round(n · fraction) training samples, chosen by the seed, for validation. */
export function partition(n: number, fraction: number, seed: number): Partition {
  if (fraction <= 0) return { train: Int32Array.from({ length: n }, (_, i) => i), validation: new Int32Array(0) };
  const order = shuffledIndices(n, hashSeed("validation-split", seed, n));
  const held = Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
  return { train: order.slice(0, n - held).sort(), validation: order.slice(n - held).sort() };
}

/** The batches of one epoch: the training samples in a seeded order, cut into batches (the last may be smaller). */
export function epochBatches(train: Int32Array, batchSize: number, seed: number, epoch: number): Int32Array[] {
  const order = shuffledIndices(train.length, hashSeed("epoch-order", seed, epoch));
  const out: Int32Array[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const idx = order.subarray(start, Math.min(start + batchSize, order.length));
    out.push(Int32Array.from(idx, (k) => train[k]!));
  }
  return out;
}

/** Validation batches in index order. */
export function sequentialBatches(indices: Int32Array, batchSize: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let start = 0; start < indices.length; start += batchSize) out.push(indices.slice(start, start + batchSize));
  return out;
}

export function batchCount(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}
