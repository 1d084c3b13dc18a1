/**
 * Saliency: how much each input value moves a class score. Plain saliency is |∂score/∂x|;
 * guided back-propagation passes gradients back through each ReLU only where both its input and
 * the incoming gradient are positive (Springenberg et al., 2015), which keeps the parts of the
 * input that excite the class and drops what suppresses it. Scores are logits: a final softmax or
 * sigmoid is left out.
 */
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";
import { checkClass, classScore, guidedPatches, logitPatches, oneSample, outputIndex, patched } from "./forward.js";
import type { Heatmap, LayerValues } from "./types.js";

export interface SaliencyOptions {
  readonly classIndex: number;
  readonly method: "plain" | "guided";
  /** The output layer whose class is scored (default: the network's first output). */
  readonly output?: string;
}

/** ∂score/∂x for one sample (guided or plain), signed, shaped like the input without the batch dim. */
export async function inputGradient(model: tf.LayersModel, input: tf.Tensor, options: SaliencyOptions): Promise<LayerValues> {
  if (input.dtype !== "float32") throw new InspectError("Saliency needs real-valued inputs; this network takes whole numbers (token ids), which have no gradient.");
  const index = outputIndex(model, options.output);
  checkClass(model, index, options.classIndex);
  const g = tf.tidy(() => {
    const x = oneSample(model, input, "Saliency");
    const patches = [...logitPatches(model, index), ...(options.method === "guided" ? guidedPatches(model) : [])];
    return patched(patches, () => tf.grad((v: tf.Tensor) => classScore(model, v, index, options.classIndex))(x));
  });
  try {
    return { shape: g.shape.slice(1), values: new Float32Array(await g.data()) };
  } finally {
    g.dispose();
  }
}

/**
 * A heat map over the input's spatial dims: the largest |gradient| over channels at each place,
 * scaled so the largest is 1. Images give height × width; sequences [t, features] give 1 × t.
 */
export async function saliency(model: tf.LayersModel, input: tf.Tensor, options: SaliencyOptions): Promise<Heatmap> {
  const g = await inputGradient(model, input, options);
  return spatialMaxAbs(g);
}

/** |values| reduced by max over the last axis of [h, w, c] (or [t, f]), scaled to 0..1. */
export function spatialMaxAbs(g: LayerValues): Heatmap {
  const s = g.shape;
  const image = s.length >= 3;
  const height = image ? s[0]! : 1;
  const width = image ? s[1]! : (s[0] ?? 1);
  const depth = g.values.length / (height * width);
  const values = new Float32Array(height * width);
  let top = 0;
  for (let p = 0; p < values.length; p++) {
    let m = 0;
    for (let k = 0; k < depth; k++) m = Math.max(m, Math.abs(g.values[p * depth + k]!));
    values[p] = m;
    top = Math.max(top, m);
  }
  if (top > 0) for (let p = 0; p < values.length; p++) values[p]! /= top;
  return { width, height, values };
}
