/**
 * Normalization: BatchNormalization and LayerNormalization as tfjs builds them, and AlexNet's
 * LocalResponseNormalization, which tfjs lacks (the runtime registers a custom layer for it).
 *
 * Weights per normalized position (C of them): gamma (scale) and beta (center), trainable;
 * BatchNormalization also keeps a moving mean and variance (C each, not trainable, but counted
 * by Keras's countParams).
 */
import { p } from "../core/params.js";
import { dimNames, formatShape, isKnown, type Shape } from "../core/shape.js";
import { knownProduct, singlePort } from "./common.js";
import { ints, rankIssue } from "./conv.js";
import { defineLayer, fail, ok } from "./types.js";

/** A checked axis list: positions in the input, or the failure to report. */
type AxesResult = { readonly ok: true; readonly axes: number[]; readonly sizes: number[] } | { readonly ok: false; readonly message: string };

/** Resolves Keras-style axes (negative counts from the end) against x; the batch axis is refused. */
function readAxes(layer: string, x: Shape, axes: readonly number[]): AxesResult {
  const rank = x.length;
  const names = dimNames(x);
  const resolved: number[] = [];
  for (const a of axes) {
    const i = a < 0 ? a + rank : a;
    if (i <= 0 || i >= rank) {
      return { ok: false, message: `${layer} axis ${a} does not name a feature axis of ${formatShape(x)}; use 1..${rank - 1}, or -1 for the last (${names[rank - 1]})` };
    }
    if (resolved.includes(i)) return { ok: false, message: `${layer} axis lists ${names[i]} (${i}) twice` };
    resolved.push(i);
  }
  const sizes: number[] = [];
  for (const i of resolved) {
    const d = x[i]!;
    if (!isKnown(d)) return { ok: false, message: `${layer} needs a known size on the ${names[i]} axis to size its weights, but it is ${d}` };
    sizes.push(d);
  }
  return { ok: true, axes: resolved, sizes };
}

const affine = (center: boolean, scale: boolean): number => (center ? 1 : 0) + (scale ? 1 : 0);

const epsilonParam = () => p.float(1e-3, 0, 1, "Added to the variance so it is never divided by zero.");
const centerParam = () => p.bool(true, "Learn an offset (beta) per normalized feature.");
const scaleParam = () => p.bool(true, "Learn a scale (gamma) per normalized feature; off when a linear layer follows.");

export const BatchNormalization = defineLayer({
  kind: "BatchNormalization",
  title: "Batch normalization",
  category: "normalization",
  summary: "Normalizes each channel over the batch, then scales and shifts it; steadies and speeds up training.",
  params: {
    axis: p.int(-1, -8, 8, "The channel axis kept apart; -1 is the last (channels-last images)."),
    momentum: p.float(0.99, 0, 1, "How slowly the running mean and variance used at inference move."),
    epsilon: epsilonParam(),
    center: centerParam(),
    scale: scaleParam(),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    const a = readAxes("BatchNormalization", x, [q.axis]);
    return a.ok ? ok(x) : fail(a.message, { param: "axis" });
  },
  paramCount: ([x], q) => {
    const a = x ? readAxes("BatchNormalization", x, [q.axis]) : undefined;
    return a?.ok ? a.sizes[0]! * (2 + affine(q.center, q.scale)) : 0;
  },
  flops: ([x]) => (x ? 2 * knownProduct(x.slice(1)) : 0),
  toKeras: (q) => ({ className: "BatchNormalization", config: { axis: q.axis, momentum: q.momentum, epsilon: q.epsilon, center: q.center, scale: q.scale } }),
  describe: (q) => (q.axis === -1 ? "" : `axis ${q.axis}`),
});

export const LayerNormalization = defineLayer({
  kind: "LayerNormalization",
  title: "Layer normalization",
  category: "normalization",
  summary: "Normalizes each example over its features (no batch statistics), then scales and shifts; standard in attention models.",
  params: {
    axis: p.tuple([-1], { minLength: 1, maxLength: 4, min: -8, max: 8, doc: "Axes normalized together; -1 is the last. [1, 2, 3] normalizes a whole image." }),
    epsilon: epsilonParam(),
    center: centerParam(),
    scale: scaleParam(),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    const a = readAxes("LayerNormalization", x, ints(q.axis));
    return a.ok ? ok(x) : fail(a.message, { param: "axis" });
  },
  paramCount: ([x], q) => {
    const a = x ? readAxes("LayerNormalization", x, ints(q.axis)) : undefined;
    return a?.ok ? knownProduct(a.sizes) * affine(q.center, q.scale) : 0;
  },
  flops: ([x]) => (x ? 5 * knownProduct(x.slice(1)) : 0),
  toKeras: (q) => ({ className: "LayerNormalization", config: { axis: q.axis, epsilon: q.epsilon, center: q.center, scale: q.scale } }),
  describe: (q) => (ints(q.axis).join(",") === "-1" ? "" : `axis ${ints(q.axis).join(",")}`),
});

/**
 * AlexNet's local response normalization, TensorFlow's definition (tf.nn.local_response_normalization):
 *   y[..., c] = x[..., c] / (bias + alpha · Σ x[..., j]²) ^ beta,  j from c − depthRadius to c + depthRadius.
 * AlexNet's k = 2, n = 5, α = 1e-4, β = 0.75 are bias 2, depthRadius 2 (a window of n = 2·2 + 1 = 5
 * channels), alpha 1e-4 (not divided by n, unlike Caffe), beta 0.75.
 * The runtime registers a custom tfjs layer under className "LocalResponseNormalization" with the
 * snake_case config below; it has no weights and keeps the shape.
 */
export const LocalResponseNormalization = defineLayer({
  kind: "LocalResponseNormalization",
  title: "Local response normalization",
  category: "normalization",
  summary: "Divides each channel by the energy of its neighbouring channels, as in AlexNet; no weights.",
  params: {
    depthRadius: p.int(2, 0, 1024, "Neighbouring channels on each side; AlexNet's window of n = 5 is radius 2."),
    bias: p.float(2, 0, 1e6, "The constant k added before the power (AlexNet: 2)."),
    alpha: p.float(1e-4, 0, 1e6, "Weight of the summed squares (AlexNet: 1e-4)."),
    beta: p.float(0.75, 0, 1e6, "Exponent (AlexNet: 0.75)."),
  },
  ports: () => singlePort,
  infer: ([x]) => {
    const bad = rankIssue("LocalResponseNormalization", x, 4, "it normalizes across the channels of images");
    if (bad) return bad;
    return ok(x!);
  },
  paramCount: () => 0,
  flops: ([x], _out, q) => (x ? knownProduct(x.slice(1)) * (2 * (2 * q.depthRadius + 1) + 3) : 0),
  toKeras: (q) => ({ className: "LocalResponseNormalization", config: { depth_radius: q.depthRadius, bias: q.bias, alpha: q.alpha, beta: q.beta } }),
  describe: (q) => `n=${2 * q.depthRadius + 1} k=${q.bias} α=${q.alpha} β=${q.beta}`,
});

export const normalizationLayers = { BatchNormalization, LayerNormalization, LocalResponseNormalization };
