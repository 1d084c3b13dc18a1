/**
 * LocalResponseNormalization (AlexNet), TensorFlow's definition, as graph-ir/layers/normalization.ts
 * documents it: y[..., c] = x[..., c] / (bias + alpha · Σ_{|j−c| ≤ depthRadius} x[..., j]²)^beta.
 *
 * Built from plain differentiable ops rather than tf.localResponseNormalization: tfjs 4.22 has
 * that kernel (and its gradient) only on the cpu and webgl backends, not on webgpu or wasm.
 * The window sum is a sum of shifted slices of the zero-padded squares.
 */
import * as tf from "../tf.js";
import { intParam, numberParam, single, singleShape, type Config, type Kwargs, type LayerArgs, type LayerShape } from "./config.js";

const NAME = "LocalResponseNormalization";

export class LocalResponseNormalization extends tf.layers.Layer {
  static readonly className = NAME;
  readonly depthRadius: number;
  readonly bias: number;
  readonly alpha: number;
  readonly beta: number;

  constructor(args: LayerArgs & Config = {}) {
    super(args);
    const where = `${NAME} "${this.name}"`;
    // Defaults are AlexNet's (k = 2, n = 5, α = 1e-4, β = 0.75), as in the graph-ir definition.
    this.depthRadius = intParam(args, "depthRadius", where, 2, 0);
    this.bias = numberParam(args, "bias", where, 2);
    this.alpha = numberParam(args, "alpha", where, 1e-4);
    this.beta = numberParam(args, "beta", where, 0.75);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(inputShape, NAME);
    if (shape.length !== 4) throw new Error(`${NAME} "${this.name}" normalizes across the channels of images and needs batch×height×width×channels, got rank ${shape.length}`);
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    return singleShape(inputShape, NAME);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs, NAME) as tf.Tensor4D;
      const channels = x.shape[3];
      const sq = tf.square(x);
      // Neighbours past the last channel are zeros; a radius beyond the channel count adds nothing.
      const r = Math.min(this.depthRadius, channels - 1);
      let windowSum: tf.Tensor = sq;
      if (r > 0) {
        const padded = tf.pad(sq, [[0, 0], [0, 0], [0, 0], [r, r]]);
        const shifts = Array.from({ length: 2 * r + 1 }, (_, j) => tf.slice(padded, [0, 0, 0, j], [-1, -1, -1, channels]));
        windowSum = tf.addN(shifts);
      }
      return tf.mul(x, tf.pow(tf.add(tf.mul(windowSum, this.alpha), this.bias), -this.beta));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), depthRadius: this.depthRadius, bias: this.bias, alpha: this.alpha, beta: this.beta };
  }
}

tf.serialization.registerClass(LocalResponseNormalization);
