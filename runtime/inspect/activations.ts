/** Feature maps of one layer for one input. */
import * as tf from "../tf.js";
import { capture, findLayer, oneSample } from "./forward.js";
import type { LayerValues } from "./types.js";

/**
 * The values one layer produces for one sample, without the batch dim: [h, w, channels] for
 * feature maps, [t, features] for sequences, [units] for vectors.
 */
export async function activations(model: tf.LayersModel, input: tf.Tensor, layerName: string): Promise<LayerValues> {
  const layer = findLayer(model, layerName);
  const x = tf.tidy(() => oneSample(model, input, "Activations"));
  let a: tf.Tensor | undefined;
  try {
    a = capture(model, layer, x);
    const values = new Float32Array(await a.data());
    return { shape: a.shape.slice(1), values };
  } finally {
    if (x !== input) x.dispose();
    a?.dispose();
  }
}
