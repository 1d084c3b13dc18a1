/**
 * Activations as layers of their own: ReLU, LeakyReLU, ELU, Softmax, and Sigmoid and Tanh, which
 * Keras has only as the generic Activation layer (they compile to it). All keep the shape and
 * have no weights.
 */
import { p } from "../core/params.js";
import { dimNames, formatShape, type Shape } from "../core/shape.js";
import { knownProduct, singlePort } from "./common.js";
import { defineLayer, fail, ok, type InferResult } from "./types.js";

const passThrough = (x: Shape | undefined): InferResult => (x ? ok(x) : fail("needs an input", { port: "x" }));

/** Rough cost per value: 1 for piecewise-linear functions, more where an exponential is taken. */
const perValue = (cost: number) => ([x]: readonly Shape[]): number => (x ? cost * knownProduct(x.slice(1)) : 0);

export const ReLU = defineLayer({
  kind: "ReLU",
  title: "ReLU",
  category: "activation",
  summary: "max(0, x): passes positives, zeroes negatives.",
  params: {},
  ports: () => singlePort,
  infer: ([x]) => passThrough(x),
  paramCount: () => 0,
  flops: perValue(1),
  toKeras: () => ({ className: "ReLU", config: {} }),
});

export const LeakyReLU = defineLayer({
  kind: "LeakyReLU",
  title: "Leaky ReLU",
  category: "activation",
  summary: "Like ReLU but lets a small slope alpha·x through for negatives, so no unit dies (common in GAN discriminators).",
  params: { alpha: p.float(0.3, 0, 1, "Slope for negative inputs (DCGAN uses 0.2).") },
  ports: () => singlePort,
  infer: ([x]) => passThrough(x),
  paramCount: () => 0,
  flops: perValue(2),
  toKeras: (q) => ({ className: "LeakyReLU", config: { alpha: q.alpha } }),
  describe: (q) => `α=${q.alpha}`,
});

export const ELU = defineLayer({
  kind: "ELU",
  title: "ELU",
  category: "activation",
  summary: "x for positives, alpha·(eˣ − 1) for negatives: smooth, with outputs that average nearer zero.",
  params: { alpha: p.float(1, 0, 10, "Saturation value for negative inputs; tfjs supports only 1.") },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    // tfjs 4.22's ELU layer throws on any other alpha, so the network would not build.
    if (q.alpha !== 1) {
      return fail(`ELU alpha ${q.alpha} is not supported by tfjs, which implements only alpha 1`, {
        param: "alpha",
        fixes: [{ label: "Set alpha to 1", action: "setParam", param: "alpha", value: 1 }],
      });
    }
    return ok(x);
  },
  paramCount: () => 0,
  flops: perValue(3),
  toKeras: (q) => ({ className: "ELU", config: { alpha: q.alpha } }),
});

export const Softmax = defineLayer({
  kind: "Softmax",
  title: "Softmax",
  category: "activation",
  summary: "Turns scores into probabilities that sum to 1 along an axis (the classes, by default the last).",
  params: { axis: p.int(-1, -8, 8, "Axis whose values sum to 1; -1 is the last.") },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    const i = q.axis < 0 ? q.axis + x.length : q.axis;
    if (i <= 0 || i >= x.length) {
      const names = dimNames(x);
      return fail(`Softmax axis ${q.axis} does not name a feature axis of ${formatShape(x)}; use 1..${x.length - 1}, or -1 for the last (${names[x.length - 1]})`, {
        param: "axis",
        fixes: [{ label: "Use the last axis (-1)", action: "setParam", param: "axis", value: -1 }],
      });
    }
    // tfjs 4.22 builds such a layer but refuses to run it, so say so before training does.
    if (i !== x.length - 1) {
      return fail(`Softmax runs only along the last axis in tfjs; axis ${q.axis} of ${formatShape(x)} is not the last. Use -1, or move that axis last with a Permute first`, {
        param: "axis",
        fixes: [{ label: "Use the last axis (-1)", action: "setParam", param: "axis", value: -1 }],
      });
    }
    return ok(x);
  },
  paramCount: () => 0,
  flops: perValue(3),
  toKeras: (q) => ({ className: "Softmax", config: { axis: q.axis } }),
  describe: (q) => (q.axis === -1 ? "" : `axis ${q.axis}`),
});

export const Sigmoid = defineLayer({
  kind: "Sigmoid",
  title: "Sigmoid",
  category: "activation",
  summary: "1 / (1 + e⁻ˣ): squashes each value into (0, 1), e.g. for yes/no outputs.",
  params: {},
  ports: () => singlePort,
  infer: ([x]) => passThrough(x),
  paramCount: () => 0,
  flops: perValue(3),
  toKeras: () => ({ className: "Activation", config: { activation: "sigmoid" } }),
});

export const Tanh = defineLayer({
  kind: "Tanh",
  title: "Tanh",
  category: "activation",
  summary: "Squashes each value into (−1, 1); the usual output of a GAN generator.",
  params: {},
  ports: () => singlePort,
  infer: ([x]) => passThrough(x),
  paramCount: () => 0,
  flops: perValue(3),
  toKeras: () => ({ className: "Activation", config: { activation: "tanh" } }),
});

export const activationLayers = { ReLU, LeakyReLU, ELU, Softmax, Sigmoid, Tanh };
