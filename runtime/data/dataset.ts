/**
 * Builds a Dataset from a function that writes one sample. Every dataset is random-access
 * (sample i of a split is always the same), so batching, shuffling and previews are shared here.
 */
import { hashSeed, shuffledIndices } from "./rng.js";
import type { Batch, BatchOptions, Dataset, DType, FieldSpec, Provenance, SamplePreview, Split, TargetSpec, TensorData } from "./types.js";

/** Views into the batch buffers for one sample; a writer fills them. */
export interface SampleSlot {
  readonly x: Float32Array | Int32Array;
  readonly y: Float32Array | Int32Array;
  readonly extras: Readonly<Record<string, Float32Array | Int32Array>>;
}

export interface DatasetSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly inputShape: readonly number[];
  readonly inputDtype: DType;
  readonly target: TargetSpec;
  readonly extras?: readonly FieldSpec[];
  readonly provenance: Provenance;
  readonly sizes: Readonly<Record<Split, number>>;
  /** Writes sample `index` of `split` into `slot`; slots arrive zero-filled. */
  write(split: Split, index: number, slot: SampleSlot): void;
  describe(split: Split, index: number): SamplePreview;
}

export function product(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function alloc(dtype: DType, n: number): Float32Array | Int32Array {
  return dtype === "int32" ? new Int32Array(n) : new Float32Array(n);
}

export function targetDtype(target: TargetSpec): DType {
  return target.kind === "classes" ? "int32" : "float32";
}

export function createDataset(spec: DatasetSpec): Dataset {
  const extras = spec.extras ?? [];
  const xSize = product(spec.inputShape);
  const ySize = product(spec.target.shape);
  const yDtype = targetDtype(spec.target);

  const checkIndex = (split: Split, index: number): void => {
    const n = spec.sizes[split];
    if (!Number.isInteger(index) || index < 0 || index >= n) {
      throw new RangeError(`Dataset ${spec.id}: sample ${index} does not exist in the ${split} split (it has ${n} samples, 0..${n - 1}).`);
    }
  };

  const gather = (split: Split, indices: ArrayLike<number>): Batch => {
    const b = indices.length;
    const x = alloc(spec.inputDtype, b * xSize);
    const y = alloc(yDtype, b * ySize);
    const extraBufs: Record<string, Float32Array | Int32Array> = {};
    for (const f of extras) extraBufs[f.name] = alloc(f.dtype, b * product(f.shape));
    const idx = new Int32Array(b);
    for (let r = 0; r < b; r++) {
      const i = indices[r]!;
      checkIndex(split, i);
      idx[r] = i;
      const slotExtras: Record<string, Float32Array | Int32Array> = {};
      for (const f of extras) {
        const n = product(f.shape);
        slotExtras[f.name] = extraBufs[f.name]!.subarray(r * n, (r + 1) * n);
      }
      spec.write(split, i, {
        x: x.subarray(r * xSize, (r + 1) * xSize),
        y: y.subarray(r * ySize, (r + 1) * ySize),
        extras: slotExtras,
      });
    }
    const tensor = (dtype: DType, shape: readonly number[], data: Float32Array | Int32Array): TensorData => ({ dtype, shape: [b, ...shape], data });
    const extraTensors: Record<string, TensorData> = {};
    for (const f of extras) extraTensors[f.name] = tensor(f.dtype, f.shape, extraBufs[f.name]!);
    return {
      size: b,
      indices: idx,
      x: tensor(spec.inputDtype, spec.inputShape, x),
      y: tensor(yDtype, spec.target.shape, y),
      extras: extraTensors,
    };
  };

  function* batches(split: Split, options: BatchOptions): Iterable<Batch> {
    const { batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`Dataset ${spec.id}: batch size must be a whole number of at least 1 (got ${batchSize}).`);
    }
    const n = spec.sizes[split];
    const shuffle = options.shuffle ?? split === "train";
    const order = shuffle ? shuffledIndices(n, hashSeed(spec.id, split, options.seed, options.epoch ?? 0)) : null;
    const end = options.dropRemainder ? n - (n % batchSize) : n;
    for (let start = 0; start < end; start += batchSize) {
      const stop = Math.min(start + batchSize, end);
      const indices = new Int32Array(stop - start);
      for (let k = start; k < stop; k++) indices[k - start] = order ? order[k]! : k;
      yield gather(split, indices);
    }
  }

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    inputShape: spec.inputShape,
    inputDtype: spec.inputDtype,
    target: spec.target,
    extras,
    provenance: spec.provenance,
    size: (split) => spec.sizes[split],
    batches,
    gather,
    describe: (split, index) => {
      checkIndex(split, index);
      return spec.describe(split, index);
    },
  };
}

/** Labels in words for a class id, falling back to the number. */
export function className(target: TargetSpec, id: number): string {
  return target.kind === "classes" ? target.names[id] ?? String(id) : String(id);
}

/** 0..255 pixels for a preview from floats in [0, 1]. */
export function toPreviewPixels(values: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i]! * 255);
  return out;
}
