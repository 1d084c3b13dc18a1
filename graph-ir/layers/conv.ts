/**
 * Convolutions: Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D, Conv2DTranspose, as tfjs 4.22
 * builds them, plus the sliding-window arithmetic that pooling, padding and reshaping reuse.
 *
 * Weights (k = kernel taps, C = input channels, f = filters, m = depthMultiplier):
 *   Conv1D/Conv2D    kernel k·C·f (+ f bias)
 *   DepthwiseConv2D  kernel k·C·m (+ C·m bias)
 *   SeparableConv2D  depthwise k·C·m, pointwise C·m·f (+ f bias)
 *   Conv2DTranspose  kernel k·f·C (+ f bias)
 * DepthwiseConv2D and Conv2DTranspose have no dilationRate here: tfjs 4.22 drops it (the depthwise
 * layer calls the op without it; the transposed layer deletes it from its config), so offering it
 * would promise a network tfjs does not build.
 */
import { p, MAX_DIM } from "../core/params.js";
import { dimNames, formatShape, isKnown, type Dim, type Shape } from "../core/shape.js";
import { activationParam, glorotUniform, knownProduct, lastDim, singlePort, zeros } from "./common.js";
import { defineLayer, fail, ok, type FixHint, type InferResult, type ShapeIssue } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Symbolic dimension arithmetic. A symbol ("H", "T") stands for a size known only at run time;
// arithmetic on it yields a readable expression ("⌈H/2⌉", "H-2", "2H") that wires can show and
// merge layers can compare: equal expressions of the same symbols are equal sizes.

const CLOSE: Readonly<Record<string, string>> = { "(": ")", "⌈": "⌉" };

/** True when an expression binds tighter than any operator: H, D3, (H-2), ⌈H/2⌉. */
function isAtomic(e: string): boolean {
  if (/^[\p{L}_?][\p{L}\p{N}_?']*$/u.test(e)) return true;
  const open = e[0];
  if (open === undefined || CLOSE[open] !== e[e.length - 1]) return false;
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    const c = e[i]!;
    if (c in CLOSE) depth++;
    else if (c === ")" || c === "⌉") {
      depth--;
      if (depth === 0 && i < e.length - 1) return false;
    }
  }
  return depth === 0;
}

const group = (e: string): string => (isAtomic(e) ? e : `(${e})`);

/** d + n, folding into a trailing constant: offsetDim("H+2", -2) is "H". */
export function offsetDim(d: Dim, n: number): Dim {
  if (isKnown(d)) return d + n;
  if (n === 0) return d;
  let base = d;
  let c = n;
  const m = /^(.+?)([+-]\d+)$/.exec(d);
  if (m) {
    base = m[1]!;
    c += Number(m[2]);
  }
  return c === 0 ? base : `${base}${c > 0 ? "+" : ""}${c}`;
}

/** d · k, folding coefficients: scaleDim("2H", 2) is "4H". */
export function scaleDim(d: Dim, k: number): Dim {
  if (isKnown(d)) return d * k;
  if (k === 1) return d;
  const m = /^(\d+)(\D.*)$/.exec(d);
  if (m && isAtomic(m[2]!)) return `${Number(m[1]) * k}${m[2]}`;
  return `${k}${group(d)}`;
}

/** ⌈d / s⌉, as a window with stride s steps over d positions. */
export function ceilDivDim(d: Dim, s: number): Dim {
  if (isKnown(d)) return Math.floor((d + s - 1) / s);
  return s === 1 ? d : `⌈${group(d)}/${s}⌉`;
}

/** The product of symbolic factors times num/den, reduced: ("T", 16, 4) is "4T". */
export function ratioDim(symbols: readonly string[], num: number, den: number): Dim {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(num, den);
  const [n, dd] = [num / g, den / g];
  const prod = symbols.length === 1 ? symbols[0]! : symbols.map(group).join("·");
  if (dd === 1) return scaleDim(prod, n);
  return `${n === 1 ? group(prod) : `${n}${group(prod)}`}/${dd}`;
}

// ---------------------------------------------------------------------------------------------
// Sliding windows (convolutions and pooling).

export const PADDINGS = ["valid", "same"] as const;
export type Padding = (typeof PADDINGS)[number];
export const paddingParam = () =>
  p.enum(PADDINGS, "valid", 'valid: windows stay inside the input, so it shrinks; same: zero-pad so the size only divides by the stride.');

/** Taps a dilated kernel spans: 3 taps with dilation 2 cover 5 positions. */
export const kernelSpan = (kernel: number, dilation = 1): number => kernel + (kernel - 1) * (dilation - 1);

/** Output length of a conv or pooling window along one axis, exactly as tfjs's convOutputLength. */
export function convOutSize(size: Dim, kernel: number, stride: number, padding: Padding, dilation = 1): Dim {
  const len = padding === "same" ? size : offsetDim(size, 1 - kernelSpan(kernel, dilation));
  return ceilDivDim(len, stride);
}

/** Output length of a transposed convolution along one axis, as tfjs's deconvLength. */
export function deconvOutSize(size: Dim, kernel: number, stride: number, padding: Padding): Dim {
  return offsetDim(scaleDim(size, stride), padding === "valid" ? Math.max(kernel - stride, 0) : 0);
}

/** Window settings along the spatial axes (index 1..n of the input). */
export interface Windows {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: Padding;
}

/** Tuple params are number|null typed; non-nullable ones hold numbers once resolved. */
export const ints = (t: readonly (number | null)[]): number[] => t.map((v) => v ?? 1);

const tupleText = (t: readonly number[]): string => t.join("×");
const uniformText = (t: readonly number[]): string => (t.every((v) => v === t[0]) ? String(t[0]) : t.join("x"));

/**
 * The issue when windows cannot slide as asked: stride and dilation both above 1 (tfjs's conv ops
 * refuse it), or a window larger than a known input size with padding "valid".
 */
export function windowIssue(layer: string, x: Shape, w: Windows, kernelParam: string): ShapeIssue | undefined {
  const strided = w.strides.some((s) => s > 1);
  if (strided && w.dilation.some((d) => d > 1)) {
    const ones = w.strides.map(() => 1);
    return {
      message: `${layer} cannot both stride (strides ${tupleText(w.strides)}) and dilate (dilationRate ${tupleText(w.dilation)}): tfjs supports one at a time; set one of them to 1`,
      param: "dilationRate",
      fixes: [
        { label: "Set dilationRate to 1", action: "setParam", param: "dilationRate", value: ones },
        { label: "Set strides to 1", action: "setParam", param: "strides", value: ones },
      ],
    };
  }
  if (w.padding !== "valid") return undefined;
  const names = dimNames(x);
  const spans = w.kernel.map((k, i) => kernelSpan(k, w.dilation[i] ?? 1));
  const tooBig = spans.flatMap((span, i) => {
    const size = x[i + 1];
    return size !== undefined && isKnown(size) && span > size ? [`${names[i + 1]} ${size} < ${span}`] : [];
  });
  if (tooBig.length === 0) return undefined;
  const dilated = w.dilation.some((d) => d > 1) ? ` (dilated to span ${tupleText(spans)})` : "";
  return {
    message: `${layer} ${kernelParam} ${tupleText(w.kernel)}${dilated} is larger than its input ${formatShape(x)} (${tooBig.join(", ")}) with padding "valid"; use padding "same" or a smaller ${kernelParam}`,
    param: kernelParam,
    fixes: [{ label: 'Use padding "same"', action: "setParam", param: "padding", value: "same" }],
  };
}

/** Spatial output sizes for windows that passed windowIssue. */
export function windowOutput(x: Shape, w: Windows): Dim[] {
  return w.kernel.map((k, i) => convOutSize(x[i + 1]!, k, w.strides[i] ?? 1, w.padding, w.dilation[i] ?? 1));
}

const RANK_WORDS: Readonly<Record<number, string>> = {
  2: "a vector batch×features",
  3: "a sequence batch×time×channels",
  4: "an image batch×height×width×channels",
};

/** The failure for a missing input or a wrong rank, or undefined when x is usable. */
export function rankIssue(layer: string, x: Shape | undefined, rank: number, hint = "", fixes?: readonly FixHint[]): InferResult | undefined {
  if (!x) return fail("needs an input", { port: "x" });
  if (x.length === rank) return undefined;
  const expects = RANK_WORDS[rank] ?? `a rank-${rank} tensor`;
  return fail(`${layer} expects ${expects} but gets ${formatShape(x)}${hint ? `; ${hint}` : ""}`, { port: "x", fixes });
}

/** Convolutions need a known channel count to size their weights. */
function channelIssue(layer: string, x: Shape): InferResult | undefined {
  const c = lastDim(x);
  return isKnown(c) ? undefined : fail(`${layer} needs a known number of channels, but the last dimension is ${c}`, { port: "x" });
}

/** Offers to add the missing channel axis when an image or sequence arrives without one. */
function addChannelAxis(x: Shape, rank: number): FixHint[] {
  if (x.length !== rank - 1 || x.length < 2 || !x.slice(1).every(isKnown)) return [];
  const target = [...(x.slice(1) as number[]), 1];
  return [{ label: `Insert Reshape to ${tupleText(target)}`, action: "insertBefore", port: "x", layer: "Reshape", params: { targetShape: target } }];
}

interface ConvCheck {
  readonly layer: string;
  readonly rank: number;
  readonly w: Windows;
}

/** Shared checks for all forward convolutions; returns the input's channel count or the failure. */
function checkConv(x: Shape | undefined, c: ConvCheck): { ok: true; x: Shape; channels: number } | { ok: false; r: InferResult } {
  const hint = c.rank === 4 ? "images need height, width and channels" : "sequences need time and channels";
  const bad = rankIssue(c.layer, x, c.rank, hint, x ? addChannelAxis(x, c.rank) : undefined) ?? channelIssue(c.layer, x!);
  if (bad) return { ok: false, r: bad };
  const issue = windowIssue(c.layer, x!, c.w, "kernelSize");
  if (issue) return { ok: false, r: { ok: false, issues: [issue] } };
  return { ok: true, x: x!, channels: lastDim(x!) as number };
}

/** Channels of a shape, 0 when missing or symbolic (param counts then stay 0, never NaN). */
const channelsOf = (x: Shape | undefined): number => {
  const c = x ? lastDim(x) : undefined;
  return c !== undefined && isKnown(c) ? c : 0;
};

const describeConv = (prefix: string, kernel: readonly (number | null)[], strides: readonly (number | null)[], padding: string, dilation?: readonly (number | null)[], activation = "linear"): string => {
  const d = dilation && dilation.some((v) => (v ?? 1) > 1) ? ` d${uniformText(ints(dilation))}` : "";
  const act = activation === "linear" ? "" : ` ${activation}`;
  return `${prefix}${ints(kernel).join("x")} s${uniformText(ints(strides))}${d} ${padding}${act}`;
};

const kernelDoc = "Window size of each filter, in input positions.";
const stridesDoc = "Step between windows; 2 halves the output size.";
const dilationDoc = "Gap between kernel taps; widens the view without more weights. tfjs cannot combine it with strides above 1.";

const conv2dParams = {
  filters: p.int(32, 1, MAX_DIM, "Number of output channels."),
  kernelSize: p.tuple([3, 3], { min: 1, max: MAX_DIM, doc: kernelDoc }),
  strides: p.tuple([1, 1], { min: 1, max: MAX_DIM, doc: stridesDoc }),
  padding: paddingParam(),
  dilationRate: p.tuple([1, 1], { min: 1, max: MAX_DIM, doc: dilationDoc }),
  activation: activationParam(),
  useBias: p.bool(true, "Add a learned offset per output channel; off when batch norm follows."),
};

export const Conv1D = defineLayer({
  kind: "Conv1D",
  title: "Conv 1D",
  category: "convolution",
  summary: "Slides learned filters along the time axis of a sequence.",
  params: {
    ...conv2dParams,
    kernelSize: p.tuple([3], { min: 1, max: MAX_DIM, doc: kernelDoc }),
    strides: p.tuple([1], { min: 1, max: MAX_DIM, doc: stridesDoc }),
    dilationRate: p.tuple([1], { min: 1, max: MAX_DIM, doc: dilationDoc }),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    const w: Windows = { kernel: ints(q.kernelSize), strides: ints(q.strides), dilation: ints(q.dilationRate), padding: q.padding };
    const c = checkConv(x, { layer: "Conv1D", rank: 3, w });
    if (!c.ok) return c.r;
    return ok([c.x[0]!, ...windowOutput(c.x, w), q.filters]);
  },
  paramCount: ([x], q) => ints(q.kernelSize)[0]! * channelsOf(x) * q.filters + (q.useBias ? q.filters : 0),
  flops: ([x], [y], q) => (y ? 2 * knownProduct(y.slice(1)) * ints(q.kernelSize)[0]! * channelsOf(x) : 0),
  toKeras: (q) => ({
    className: "Conv1D",
    config: {
      filters: q.filters, kernel_size: q.kernelSize, strides: q.strides, padding: q.padding, data_format: "channels_last",
      dilation_rate: q.dilationRate, activation: q.activation, use_bias: q.useBias,
      kernel_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => describeConv(`${q.filters}@`, q.kernelSize, q.strides, q.padding, q.dilationRate, q.activation),
});

export const Conv2D = defineLayer({
  kind: "Conv2D",
  title: "Conv 2D",
  category: "convolution",
  summary: "Slides learned filters over an image; each filter gives one output channel.",
  params: conv2dParams,
  ports: () => singlePort,
  infer: ([x], q) => {
    const w: Windows = { kernel: ints(q.kernelSize), strides: ints(q.strides), dilation: ints(q.dilationRate), padding: q.padding };
    const c = checkConv(x, { layer: "Conv2D", rank: 4, w });
    if (!c.ok) return c.r;
    return ok([c.x[0]!, ...windowOutput(c.x, w), q.filters]);
  },
  paramCount: ([x], q) => knownProduct(ints(q.kernelSize)) * channelsOf(x) * q.filters + (q.useBias ? q.filters : 0),
  flops: ([x], [y], q) => (y ? 2 * knownProduct(y.slice(1)) * knownProduct(ints(q.kernelSize)) * channelsOf(x) : 0),
  toKeras: (q) => ({
    className: "Conv2D",
    config: {
      filters: q.filters, kernel_size: q.kernelSize, strides: q.strides, padding: q.padding, data_format: "channels_last",
      dilation_rate: q.dilationRate, activation: q.activation, use_bias: q.useBias,
      kernel_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => describeConv(`${q.filters}@`, q.kernelSize, q.strides, q.padding, q.dilationRate, q.activation),
  presets: [
    {
      title: "1x1 bottleneck",
      summary: "A 1x1 convolution that mixes channels at each pixel and reduces their number before a costly layer (Network in Network, GoogLeNet).",
      params: { filters: 16, kernelSize: [1, 1], strides: [1, 1], padding: "same", activation: "relu" },
    },
  ],
});

const depthwiseParams = {
  kernelSize: conv2dParams.kernelSize,
  strides: conv2dParams.strides,
  padding: paddingParam(),
  depthMultiplier: p.int(1, 1, 1024, "Output channels per input channel."),
  activation: activationParam(),
  useBias: conv2dParams.useBias,
};

export const DepthwiseConv2D = defineLayer({
  kind: "DepthwiseConv2D",
  title: "Depthwise conv 2D",
  category: "convolution",
  summary: "Filters each input channel on its own (no mixing across channels); the first half of a separable convolution.",
  params: depthwiseParams,
  ports: () => singlePort,
  infer: ([x], q) => {
    const w: Windows = { kernel: ints(q.kernelSize), strides: ints(q.strides), dilation: [1, 1], padding: q.padding };
    const c = checkConv(x, { layer: "DepthwiseConv2D", rank: 4, w });
    if (!c.ok) return c.r;
    return ok([c.x[0]!, ...windowOutput(c.x, w), c.channels * q.depthMultiplier]);
  },
  paramCount: ([x], q) => {
    const out = channelsOf(x) * q.depthMultiplier;
    return knownProduct(ints(q.kernelSize)) * out + (q.useBias ? out : 0);
  },
  flops: (_in, [y], q) => (y ? 2 * knownProduct(y.slice(1)) * knownProduct(ints(q.kernelSize)) : 0),
  toKeras: (q) => ({
    className: "DepthwiseConv2D",
    config: {
      kernel_size: q.kernelSize, strides: q.strides, padding: q.padding, data_format: "channels_last",
      depth_multiplier: q.depthMultiplier, activation: q.activation, use_bias: q.useBias,
      depthwise_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => describeConv(q.depthMultiplier > 1 ? `×${q.depthMultiplier} ` : "", q.kernelSize, q.strides, q.padding, undefined, q.activation),
});

export const SeparableConv2D = defineLayer({
  kind: "SeparableConv2D",
  title: "Separable conv 2D",
  category: "convolution",
  summary: "A depthwise convolution then a 1x1 convolution: nearly a Conv2D for a fraction of the weights (Xception, MobileNet).",
  params: { ...conv2dParams, depthMultiplier: depthwiseParams.depthMultiplier },
  ports: () => singlePort,
  infer: ([x], q) => {
    const w: Windows = { kernel: ints(q.kernelSize), strides: ints(q.strides), dilation: ints(q.dilationRate), padding: q.padding };
    const c = checkConv(x, { layer: "SeparableConv2D", rank: 4, w });
    if (!c.ok) return c.r;
    return ok([c.x[0]!, ...windowOutput(c.x, w), q.filters]);
  },
  paramCount: ([x], q) => {
    const mid = channelsOf(x) * q.depthMultiplier;
    return knownProduct(ints(q.kernelSize)) * mid + mid * q.filters + (q.useBias ? q.filters : 0);
  },
  flops: ([x], [y], q) => {
    if (!y) return 0;
    const pixels = knownProduct(y.slice(1, -1));
    const mid = channelsOf(x) * q.depthMultiplier;
    return 2 * pixels * mid * (knownProduct(ints(q.kernelSize)) + q.filters);
  },
  toKeras: (q) => ({
    className: "SeparableConv2D",
    config: {
      filters: q.filters, kernel_size: q.kernelSize, strides: q.strides, padding: q.padding, data_format: "channels_last",
      dilation_rate: q.dilationRate, depth_multiplier: q.depthMultiplier, activation: q.activation, use_bias: q.useBias,
      depthwise_initializer: glorotUniform, pointwise_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => describeConv(`${q.filters}@`, q.kernelSize, q.strides, q.padding, q.dilationRate, q.activation),
});

export const Conv2DTranspose = defineLayer({
  kind: "Conv2DTranspose",
  title: "Conv 2D transpose",
  category: "convolution",
  summary: "Learned upsampling: each input pixel paints a filter-sized patch, strides apart (decoders, GAN generators).",
  params: {
    filters: conv2dParams.filters,
    kernelSize: conv2dParams.kernelSize,
    strides: p.tuple([2, 2], { min: 1, max: MAX_DIM, doc: "Upsampling factor; 2 doubles height and width." }),
    padding: p.enum(PADDINGS, "same", "same: output is input×stride; valid: also adds max(kernel−stride, 0)."),
    activation: activationParam(),
    useBias: conv2dParams.useBias,
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    const bad = rankIssue("Conv2DTranspose", x, 4, "images need height, width and channels", x ? addChannelAxis(x, 4) : undefined)
      ?? channelIssue("Conv2DTranspose", x!);
    if (bad) return bad;
    const k = ints(q.kernelSize);
    const s = ints(q.strides);
    // tfjs's deconvLength: valid gives d·s + max(k−s, 0), which equals Keras's (d−1)·s + k only when k ≥ s.
    return ok([x![0]!, deconvOutSize(x![1]!, k[0]!, s[0]!, q.padding), deconvOutSize(x![2]!, k[1]!, s[1]!, q.padding), q.filters]);
  },
  paramCount: ([x], q) => knownProduct(ints(q.kernelSize)) * channelsOf(x) * q.filters + (q.useBias ? q.filters : 0),
  flops: ([x], _out, q) => (x ? 2 * knownProduct(x.slice(1)) * knownProduct(ints(q.kernelSize)) * q.filters : 0),
  toKeras: (q) => ({
    className: "Conv2DTranspose",
    config: {
      filters: q.filters, kernel_size: q.kernelSize, strides: q.strides, padding: q.padding, data_format: "channels_last",
      activation: q.activation, use_bias: q.useBias, kernel_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => describeConv(`${q.filters}@`, q.kernelSize, q.strides, q.padding, undefined, q.activation),
});

export const convLayers = { Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D, Conv2DTranspose };
