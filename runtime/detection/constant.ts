/**
 * Values a loss needs that must not carry gradients (which predictor is responsible, which
 * negatives are mined): computed inside a custom-gradient kernel, so tfjs records none of the
 * inner operations (argMax, topk have no useful gradient) and passes zeros back to the input.
 */
import * as tf from "../tf.js";

export function constant(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor): tf.Tensor {
  const op = tf.customGrad(((input: tf.Tensor) => ({ value: f(input), gradFunc: () => tf.zerosLike(input) })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x);
}
