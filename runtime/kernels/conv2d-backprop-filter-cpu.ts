/**
 * A faster Conv2DBackpropFilter (the filter gradient of every Conv2D) for tfjs's cpu backend.
 *
 * tfjs 4.22's cpu kernel loops filter-position-first and reads every element through
 * TensorBuffer.get, which recomputes an index per read: on the detection minis it was over half
 * of a training step. This one walks the output positions once, reads channels-last rows
 * straight from the typed arrays and accumulates in float64 (the stock kernel sums in a JS
 * number too), so results match it to rounding. Input values that are exactly zero (ReLU
 * outputs, zero padding) are skipped, as they add nothing.
 *
 * Kernels import tfjs from "#tf" rather than ../tf.ts because tf.ts installs them on import.
 */
import * as tf from "#tf";
import { overrideCpuKernel, values } from "./override.js";

type Conv2DInfo = ReturnType<typeof tf.backend_util.computeConv2DInfo>;

interface FilterGradAttrs {
  strides: [number, number] | number;
  pad: "same" | "valid" | number | tf.backend_util.ExplicitPadding;
  dataFormat: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: [number, number, number, number];
}

/** dW[r, c, i, o] = Σ over batch and output positions of x[b, y·s + r − pad, x·s + c − pad, i] · dy[b, y, x, o]. */
export function filterGradient(x: Float32Array, dy: Float32Array, info: Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const sum = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const dyRow = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight - top + wR;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth - left + wC;
            if (xC < 0 || xC >= inWidth) continue;
            const xRow = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const wBase = (wR * filterWidth + wC) * inChannels * outChannels;
            for (let i = 0; i < inChannels; i++) {
              const xv = x[xRow + i]!;
              if (xv === 0) continue;
              const w = wBase + i * outChannels;
              for (let o = 0; o < outChannels; o++) sum[w + o]! += xv * dy[dyRow + o]!;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(sum);
}

/** Channels-last float32 goes through filterGradient; anything else stays with tfjs's kernel. */
export function installFastConv2DFilterGradient(): void {
  overrideCpuKernel("Conv2DBackpropFilter", ({ inputs, attrs, backend }) => {
    const a = attrs as unknown as FilterGradAttrs;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    if (a.dataFormat !== "NHWC" || x.dtype !== "float32" || dy.dtype !== "float32") return undefined;
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, "channelsLast");
    return backend.makeTensorInfo(info.filterShape, "float32", filterGradient(values(backend, x), values(backend, dy), info));
  });
}
