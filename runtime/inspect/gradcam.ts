/**
 * Grad-CAM (Selvaraju et al., 2017): each channel k of a convolutional layer's feature maps A is
 * weighted by the mean over its positions of ∂score/∂A_k, the weighted maps are summed, passed
 * through a ReLU (only evidence for the class), and upsampled to the input's size. The gradient
 * with respect to A comes from adding a zero tensor to the layer's output and differentiating
 * the score by it, so branches and skip connections after the layer are handled as they are.
 */
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";
import { capture, checkClass, classScore, findLayer, logitPatches, oneSample, outputIndex, patched, tapPatch } from "./forward.js";
import type { Heatmap } from "./types.js";

export interface GradCamOptions {
  readonly classIndex: number;
  /** A layer with feature maps (height × width × channels): usually the last convolution. */
  readonly layerName: string;
  readonly output?: string;
}

export async function gradCam(model: tf.LayersModel, input: tf.Tensor, options: GradCamOptions): Promise<Heatmap> {
  const layer = findLayer(model, options.layerName);
  const shape = layer.outputShape;
  const single = Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
  if (single.length !== 4) {
    throw new InspectError(`Grad-CAM needs a convolutional layer with feature maps (height × width × channels), and '${layer.name}' (${layer.getClassName()}) gives [${single.slice(1).map((d) => d ?? "?").join(", ")}] per sample; choose a Conv2D layer, usually the last one.`);
  }
  const index = outputIndex(model, options.output);
  checkClass(model, index, options.classIndex);
  const x = tf.tidy(() => oneSample(model, input, "Grad-CAM"));
  if (x.rank !== 4) {
    if (x !== input) x.dispose();
    throw new InspectError(`Grad-CAM draws over images (height × width × channels); this network's input is [${x.shape.slice(1).join(", ")}].`);
  }
  const logits = logitPatches(model, index);
  const a = capture(model, layer, x, logits);
  try {
    const heat = tf.tidy(() => {
      const score = (delta: tf.Tensor) => patched([...logits, tapPatch(layer, (out) => tf.add(out, delta))], () => classScore(model, x, index, options.classIndex));
      const grads = tf.grad(score)(tf.zerosLike(a));
      const weights = tf.mean(grads, [1, 2], true);
      const cam = tf.relu(tf.sum(tf.mul(a, weights), -1, true)) as tf.Tensor4D;
      const up = tf.image.resizeBilinear(cam, [x.shape[1]!, x.shape[2]!], false, true);
      const top = tf.max(up);
      return tf.reshape(tf.div(up, tf.maximum(top, 1e-12)), [-1]);
    });
    const values = new Float32Array(await heat.data());
    heat.dispose();
    return { width: x.shape[2]!, height: x.shape[1]!, values };
  } finally {
    a.dispose();
    if (x !== input) x.dispose();
  }
}
