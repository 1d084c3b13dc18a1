/** Tensors as plain data (name, shape, numbers), for checkpoints a host can write anywhere. */
import * as tf from "../tf.js";

export interface TensorRecord {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: "float32" | "int32";
  readonly data: Float32Array | Int32Array;
}

/** Reads a tensor without a synchronous GPU read (webgpu in Node has none). */
export async function toRecord(name: string, t: tf.Tensor): Promise<TensorRecord> {
  const dtype = t.dtype === "int32" ? "int32" : "float32";
  const values = await t.data();
  const data = dtype === "int32" ? Int32Array.from(values as ArrayLike<number>) : Float32Array.from(values as ArrayLike<number>);
  return { name, shape: [...t.shape], dtype, data };
}

export function fromRecord(r: TensorRecord): tf.Tensor {
  return tf.tensor(r.data, [...r.shape], r.dtype);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
