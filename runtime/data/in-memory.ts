/**
 * A dataset over arrays already in memory: the shipped digits, standard sets once downloaded,
 * and the user's image folders, CSV and .npy files. Pixels stay uint8 (four times smaller than
 * floats) and become [0, 1] floats only as each batch is written.
 */
import { createDataset, product, toPreviewPixels } from "./dataset.js";
import { hashSeed, shuffledIndices } from "./rng.js";
import type { Dataset, Provenance, SamplePreview, Split } from "./types.js";

export type ArrayTarget =
  | { readonly kind: "classes"; readonly labels: ArrayLike<number>; readonly names: readonly string[] }
  | { readonly kind: "values"; readonly values: Float32Array; readonly shape: readonly number[] };

export interface ArraysSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly provenance: Provenance;
  /** Per-sample shape, channels last for images. */
  readonly sampleShape: readonly number[];
  /** All samples back to back. uint8 values are read as pixels and scaled to [0, 1]. */
  readonly values: Uint8Array | Float32Array;
  readonly target: ArrayTarget;
  /** Which samples (indices into values) form each split. */
  readonly splits: Readonly<Record<Split, Int32Array>>;
}

/** A fixed, seeded split of n samples: the last `testFraction` of a shuffled order is test. */
export function splitIndices(n: number, testFraction: number, seed: number): Record<Split, Int32Array> {
  if (!(testFraction >= 0 && testFraction < 1)) throw new RangeError(`The test fraction must be at least 0 and below 1 (got ${testFraction}).`);
  const order = shuffledIndices(n, hashSeed("split", n, seed));
  const nTest = Math.round(n * testFraction);
  return { train: order.slice(0, n - nTest), test: order.slice(n - nTest) };
}

/** Consecutive ranges: the first `trainCount` samples are train, the rest test. */
export function rangeSplits(n: number, trainCount: number): Record<Split, Int32Array> {
  const train = new Int32Array(trainCount);
  const test = new Int32Array(n - trainCount);
  for (let i = 0; i < trainCount; i++) train[i] = i;
  for (let i = trainCount; i < n; i++) test[i - trainCount] = i;
  return { train, test };
}

export function arraysDataset(spec: ArraysSpec): Dataset {
  const sampleSize = product(spec.sampleShape);
  const n = spec.values.length / sampleSize;
  if (!Number.isInteger(n)) {
    throw new RangeError(`${spec.title}: ${spec.values.length} values do not divide into samples of shape [${spec.sampleShape.join(", ")}].`);
  }
  const count = spec.target.kind === "classes" ? spec.target.labels.length : spec.target.values.length / product(spec.target.shape);
  if (count !== n) throw new RangeError(`${spec.title}: ${n} samples but ${count} targets; each sample needs exactly one target.`);
  for (const split of ["train", "test"] as const) {
    for (const i of spec.splits[split]) {
      if (i < 0 || i >= n) throw new RangeError(`${spec.title}: the ${split} split names sample ${i}, but there are only ${n}.`);
    }
  }
  const scale = spec.values instanceof Uint8Array ? 1 / 255 : 1;
  const target = spec.target;
  const ySize = target.kind === "classes" ? 1 : product(target.shape);
  const [h, w, c] = spec.sampleShape;
  const isImage = spec.sampleShape.length === 3 && (c === 1 || c === 3);

  const labelOf = (j: number): string => {
    if (target.kind === "classes") {
      const id = target.labels[j]!;
      return target.names[id] ?? String(id);
    }
    return Array.from(target.values.subarray(j * ySize, (j + 1) * ySize), (v) => +v.toFixed(3)).join(", ");
  };

  return createDataset({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    inputShape: spec.sampleShape,
    inputDtype: "float32",
    target: target.kind === "classes" ? { kind: "classes", classes: target.names.length, names: target.names, shape: [] } : { kind: "values", shape: target.shape },
    provenance: spec.provenance,
    sizes: { train: spec.splits.train.length, test: spec.splits.test.length },
    write(split, i, slot) {
      const j = spec.splits[split][i]!;
      const src = spec.values.subarray(j * sampleSize, (j + 1) * sampleSize);
      for (let k = 0; k < sampleSize; k++) slot.x[k] = src[k]! * scale;
      if (target.kind === "classes") slot.y[0] = target.labels[j]!;
      else slot.y.set(target.values.subarray(j * ySize, (j + 1) * ySize));
    },
    describe(split, i): SamplePreview {
      const j = spec.splits[split][i]!;
      const src = spec.values.subarray(j * sampleSize, (j + 1) * sampleSize);
      if (isImage) {
        const pixels = spec.values instanceof Uint8Array ? new Uint8ClampedArray(src) : toPreviewPixels(src);
        return { kind: "image", width: w!, height: h!, channels: c as 1 | 3, pixels, label: labelOf(j) };
      }
      return { kind: "point", coords: Array.from(src, (v) => v * scale), label: labelOf(j) };
    },
  });
}
