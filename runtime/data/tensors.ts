/** The one place plain batches become tfjs tensors (and model outputs become plain arrays). */
import * as tf from "../tf.js";
import type { Predictor } from "./augment.js";
import type { Batch, TargetSpec, TensorData } from "./types.js";

export function toTensor(t: TensorData): tf.Tensor {
  return tf.tensor(t.data, [...t.shape], t.dtype);
}

export interface BatchTensors {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly extras: Readonly<Record<string, tf.Tensor>>;
}

/**
 * Tensors for one batch. With `oneHot`, class ids become one-hot float rows (what categorical
 * cross-entropy wants); otherwise they stay int32 ids (sparse losses, embeddings).
 * The caller disposes them (tf.dispose(Object.values(...)) or inside tf.tidy).
 */
export function batchToTensors(batch: Batch, target: TargetSpec, options: { readonly oneHot?: boolean } = {}): BatchTensors {
  const x = toTensor(batch.x);
  let y = toTensor(batch.y);
  if (options.oneHot && target.kind === "classes") {
    const ids = y;
    y = tf.oneHot(ids as tf.Tensor1D, target.classes);
    ids.dispose();
  }
  const extras: Record<string, tf.Tensor> = {};
  for (const [name, t] of Object.entries(batch.extras)) extras[name] = toTensor(t);
  return { x, y, extras };
}

/** A Predictor (augment.ts) over a tfjs model with one input and one output. */
export function modelPredictor(model: { predict(x: tf.Tensor): tf.Tensor | tf.Tensor[] }): Predictor {
  return async (x) => {
    const input = toTensor(x);
    const out = model.predict(input);
    const first = Array.isArray(out) ? out[0]! : out;
    const data = (await first.data()) as Float32Array;
    tf.dispose([input, ...(Array.isArray(out) ? out : [out])]);
    return data;
  };
}
