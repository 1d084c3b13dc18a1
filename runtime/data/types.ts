/**
 * One interface for every dataset Layerloom trains on: synthetic sets, the shipped digits, user
 * folders and files, and the standard sets. Batches are plain typed arrays (not tensors) so they
 * can be made in any worker, moved between threads, tested without tfjs, and turned into tensors
 * in one place (tensors.ts).
 */

export type Split = "train" | "test";
export const SPLITS: readonly Split[] = ["train", "test"];

export type DType = "float32" | "int32";

/** A batch-shaped block of numbers: `shape[0]` is the batch. */
export interface TensorData {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

/**
 * What the model is asked to predict for each sample.
 * - classes: integer class ids (int32), one per sample (`shape` []) or one per step (`shape` [T]).
 * - values: real numbers of the given per-sample shape (float32).
 */
export type TargetSpec =
  | { readonly kind: "classes"; readonly classes: number; readonly names: readonly string[]; readonly shape: readonly number[] }
  | { readonly kind: "values"; readonly shape: readonly number[] };

/** A per-sample field beside x and y, such as bounding boxes or a loss mask. */
export interface FieldSpec {
  readonly name: string;
  readonly dtype: DType;
  /** Per-sample shape, without the batch. */
  readonly shape: readonly number[];
  readonly description: string;
}

export interface Batch {
  readonly size: number;
  /** Which samples of the split are in this batch, in order. */
  readonly indices: Int32Array;
  readonly x: TensorData;
  readonly y: TensorData;
  readonly extras: Readonly<Record<string, TensorData>>;
}

export interface BatchOptions {
  readonly batchSize: number;
  /** Fixes the sample order: the same seed and epoch give the same batches. */
  readonly seed: number;
  readonly epoch?: number;
  /** Defaults to true for train, false for test. */
  readonly shuffle?: boolean;
  /** Leave out a last, smaller batch (default false). */
  readonly dropRemainder?: boolean;
}

export interface BoxPreview {
  /** Corners as fractions of the image width and height. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly label: string;
}

/** What a preview panel needs to draw one sample, with its label in words. */
export type SamplePreview =
  | {
      readonly kind: "image";
      readonly width: number;
      readonly height: number;
      readonly channels: 1 | 3;
      /** Row-major, channels last, 0..255. */
      readonly pixels: Uint8ClampedArray;
      readonly label: string;
      readonly boxes?: readonly BoxPreview[];
    }
  | { readonly kind: "point"; readonly coords: readonly number[]; readonly label: string }
  | {
      readonly kind: "sequence";
      readonly steps: number;
      readonly inputChannels: number;
      readonly input: Float32Array;
      readonly targetChannels: number;
      readonly target: Float32Array;
      readonly label: string;
    }
  | { readonly kind: "text"; readonly input: string; readonly target: string; readonly label: string };

/** Where a dataset comes from and on what terms, for the dataset panel and exported notebooks. */
export interface Provenance {
  readonly source: string;
  readonly license: string;
}

export interface Dataset {
  /** Registry id, e.g. "synthetic:spirals" or "standard:mnist". */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Per-sample input shape (no batch), channels last for images. */
  readonly inputShape: readonly number[];
  readonly inputDtype: DType;
  readonly target: TargetSpec;
  readonly extras: readonly FieldSpec[];
  readonly provenance: Provenance;
  size(split: Split): number;
  /** Batches of a split in an order fixed by the seed (and epoch). */
  batches(split: Split, options: BatchOptions): Iterable<Batch>;
  /** The samples at the given indices of a split, as one batch. */
  gather(split: Split, indices: ArrayLike<number>): Batch;
  describe(split: Split, index: number): SamplePreview;
}
