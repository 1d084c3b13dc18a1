/**
 * Sum over the leading axes (batch norm's moments and gradients reduce [B, H, W, C] to [C]) on
 * tfjs's cpu backend. tfjs first transposes the reduced axes to the end, copying the whole
 * tensor element by element through index arithmetic; summing rows in place needs no copy.
 * Accumulates in float64, as tfjs's own sum does in a JS number.
 */
import * as tf from "#tf";
import { overrideCpuKernel, values } from "./override.js";

/** out[j] = Σ_i x[i·inner + j]: the sum of `outer` consecutive rows of length `inner`. */
export function sumRows(x: Float32Array, outer: number, inner: number): Float32Array {
  const sum = new Float64Array(inner);
  for (let i = 0; i < outer; i++) {
    const row = i * inner;
    for (let j = 0; j < inner; j++) sum[j]! += x[row + j]!;
  }
  return Float32Array.from(sum);
}

export function installFastLeadingSum(): void {
  overrideCpuKernel("Sum", ({ inputs, attrs, backend }) => {
    const x = inputs["x"]!;
    if (x.dtype !== "float32") return undefined;
    const axes = tf.util.parseAxisParam(attrs["axis"] as number | number[], x.shape).sort((p, q) => p - q);
    const k = axes.length;
    // Only a proper prefix of the axes; tfjs sums trailing axes and everything without a copy already.
    if (k === 0 || k >= x.shape.length || axes.some((a, i) => a !== i)) return undefined;
    const outer = x.shape.slice(0, k).reduce((p, d) => p * d, 1);
    const rest = x.shape.slice(k);
    const shape = attrs["keepDims"] ? [...x.shape.slice(0, k).map(() => 1), ...rest] : rest;
    return backend.makeTensorInfo(shape, "float32", sumRows(values(backend, x), outer, rest.reduce((p, d) => p * d, 1)));
  });
}
