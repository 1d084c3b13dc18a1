/**
 * DilatedCausalConv1D: the building block of WaveNet and TCN stacks.
 *
 * Contract for the runtime layer (className "DilatedCausalConv1D"):
 *   input  [B, T, C] (C known), output [B, T, filters]: the length never changes.
 *   y[t] = activation(bias + sum_{i<k} x[t - (k-1-i)*d] · kernel[i]), with x[t<0] = 0, i.e. the
 *   input is left-padded by (k-1)*d zeros and convolved with stride 1, "valid", dilation d.
 *   Output t sees inputs t-(k-1)d .. t only: never the future.
 * Weights, in this order (same layout as Keras Conv1D, so Conv1D weights load unchanged):
 *   kernel [k, C, filters]
 *   bias   [filters]            (only when use_bias)
 *   => k*C*filters + (use_bias ? filters : 0) parameters, all trainable.
 * Config (snake_case, Conv1D-compatible keys): filters, kernel_size [k], strides [1],
 *   padding "causal", dilation_rate [d], activation, use_bias, kernel_initializer, bias_initializer.
 *   A Keras export may map it to Conv1D(padding="causal"). The runtime must not rely on tfjs
 *   Conv1D's computeOutputShape for "causal": tfjs 4.22 computes it as if "valid" (T-(k-1)d).
 */
import { p, MAX_DIM } from "../core/params.js";
import { isKnown } from "../core/shape.js";
import { activationParam, glorotUniform, singlePort, zeros } from "./common.js";
import { readSequence } from "./recurrent.js";
import { defineLayer, ok } from "./types.js";

export interface CausalConvSpec {
  readonly kernelSize: number;
  readonly dilationRate: number;
}

/**
 * How many input steps one output step of a stack of causal convolutions can see:
 * 1 + sum (k-1)*d. With k = 2 and dilations 1, 2, 4, ... it is 2^depth.
 */
export function receptiveField(stack: readonly CausalConvSpec[]): number {
  return stack.reduce((rf, l) => rf + (l.kernelSize - 1) * l.dilationRate, 1);
}

/** Dilations 1, 2, 4, ... for a WaveNet-style stack of the given depth. */
export function doublingDilations(depth: number): number[] {
  return Array.from({ length: depth }, (_, i) => 2 ** i);
}

export const DilatedCausalConv1D = defineLayer({
  kind: "DilatedCausalConv1D",
  title: "Dilated causal conv 1D",
  category: "convolution",
  summary: "1D convolution that only looks back in time, with gaps of dilationRate between taps; keeps the sequence length.",
  params: {
    filters: p.int(32, 1, MAX_DIM, "Number of output channels."),
    kernelSize: p.int(2, 1, 1024, "Taps per filter."),
    dilationRate: p.int(1, 1, 65536, "Steps between taps; double it layer by layer to widen the view exponentially."),
    activation: activationParam(),
    useBias: p.bool(true),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    const s = readSequence(x, "DilatedCausalConv1D");
    if (!s.ok) return s.issue;
    return ok(["B", s.time, q.filters]);
  },
  paramCount: ([x], q) => {
    const c = x?.[2];
    return c !== undefined && isKnown(c) ? q.kernelSize * c * q.filters + (q.useBias ? q.filters : 0) : 0;
  },
  flops: ([x], _out, q) => {
    const t = x?.[1];
    const c = x?.[2];
    return t !== undefined && c !== undefined && isKnown(t) && isKnown(c) ? 2 * t * q.kernelSize * c * q.filters : 0;
  },
  toKeras: (q) => ({
    className: "DilatedCausalConv1D",
    config: {
      filters: q.filters,
      kernel_size: [q.kernelSize],
      strides: [1],
      padding: "causal",
      dilation_rate: [q.dilationRate],
      activation: q.activation,
      use_bias: q.useBias,
      kernel_initializer: glorotUniform,
      bias_initializer: zeros,
    },
  }),
  describe: (q) => `${q.filters}@${q.kernelSize} d${q.dilationRate}${q.activation === "linear" ? "" : " " + q.activation}`,
});

export const causalLayers = { DilatedCausalConv1D };
