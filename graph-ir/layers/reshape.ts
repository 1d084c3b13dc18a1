/**
 * Layers that rearrange values without weights: Flatten, Reshape, Permute, RepeatVector, and the
 * image-border layers ZeroPadding2D, Cropping2D and UpSampling2D.
 */
import { p, MAX_DIM } from "../core/params.js";
import { dimNames, formatShape, isKnown, type Dim, type Shape } from "../core/shape.js";
import { singlePort } from "./common.js";
import { ints, offsetDim, rankIssue, ratioDim, scaleDim } from "./conv.js";
import { defineLayer, fail, ok, type InferResult } from "./types.js";

/** The sizes after the batch, split into the product of the known ones and the symbols. */
function splitSizes(x: Shape): { known: number; symbols: string[] } {
  let known = 1;
  const symbols: string[] = [];
  for (const d of x.slice(1)) {
    if (isKnown(d)) known *= d;
    else symbols.push(d);
  }
  return { known, symbols };
}

const product = (t: readonly number[]): number => t.reduce((a, b) => a * b, 1);

export const Flatten = defineLayer({
  kind: "Flatten",
  title: "Flatten",
  category: "reshape",
  summary: "Lays all values of an example out in one vector (batch×features), e.g. between convolutions and Dense.",
  params: {},
  ports: () => singlePort,
  infer: ([x]) => {
    if (!x) return fail("needs an input", { port: "x" });
    if (x.length < 3) return fail(`Flatten's input ${formatShape(x)} is already flat; remove this Flatten`, { port: "x" });
    const names = dimNames(x);
    const free = x.findIndex((d, i) => i > 0 && !isKnown(d));
    if (free > 0) {
      return fail(
        `Flatten needs every size known to count the features, but ${names[free]} is ${x[free]} in ${formatShape(x)}; use global pooling to collapse a free-sized axis`,
        { port: "x" },
      );
    }
    return ok([x[0]!, splitSizes(x).known]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: () => ({ className: "Flatten", config: {} }),
});

export const Reshape = defineLayer({
  kind: "Reshape",
  title: "Reshape",
  category: "reshape",
  summary: "Gives each example a new shape with the same number of values; one size may be -1 to be worked out.",
  params: {
    targetShape: p.tuple([-1], { minLength: 1, maxLength: 4, min: -1, max: MAX_DIM, doc: "New shape after the batch; at most one entry -1 (inferred)." }),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    const t = ints(q.targetShape);
    const shown = t.join("×");
    if (t.some((v) => v === 0)) {
      return fail(`Reshape targetShape ${shown} has a 0; sizes must be positive, or -1 for the one size Reshape works out`, { param: "targetShape" });
    }
    const free = t.filter((v) => v === -1).length;
    if (free > 1) return fail(`Reshape targetShape ${shown} has ${free} entries of -1; only one size can be worked out`, { param: "targetShape" });
    const fixed = product(t.filter((v) => v !== -1));
    const { known, symbols } = splitSizes(x);
    if (symbols.length > 0) {
      // The total is only known at run time: keep the free size as an expression of the symbols.
      return ok([x[0]!, ...t.map((v): Dim => (v === -1 ? ratioDim(symbols, known, fixed) : v))]);
    }
    if (free === 1) {
      if (known % fixed !== 0) {
        return fail(
          `Reshape cannot lay out the ${known} values of ${formatShape(x)} as ${shown}: ${known} is not a multiple of ${fixed}; change targetShape`,
          { param: "targetShape" },
        );
      }
      return ok([x[0]!, ...t.map((v) => (v === -1 ? known / fixed : v))]);
    }
    if (fixed === known) return ok([x[0]!, ...t]);
    // Suggest the nearest shape that fits: adjust the last size that can absorb the difference.
    const fixes = [];
    for (let i = t.length - 1; i >= 0 && fixes.length === 0; i--) {
      const rest = fixed / t[i]!;
      if (known % rest === 0) {
        const target = t.map((v, j) => (j === i ? known / rest : v));
        fixes.push({ label: `Set targetShape to ${target.join("×")}`, action: "setParam" as const, param: "targetShape", value: target });
      }
    }
    return fail(
      `Reshape must keep the number of values: ${formatShape(x)} holds ${known} per example but targetShape ${shown} holds ${fixed}; change targetShape or use -1 for one size`,
      { param: "targetShape", fixes },
    );
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "Reshape", config: { target_shape: q.targetShape } }),
  describe: (q) => `→ ${ints(q.targetShape).join("×")}`,
});

export const Permute = defineLayer({
  kind: "Permute",
  title: "Permute",
  category: "reshape",
  summary: "Reorders the axes after the batch; dims (2, 1) swaps time and features.",
  params: {
    dims: p.tuple([2, 1], { minLength: 1, maxLength: 4, min: 1, max: 4, doc: "New order of the axes, numbered from 1 (the batch axis stays first)." }),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    const dims = ints(q.dims);
    const n = x.length - 1;
    const all = Array.from({ length: n }, (_, i) => i + 1).join(", ");
    if (dims.length !== n) {
      return fail(`Permute dims (${dims.join(", ")}) has ${dims.length} entries but ${formatShape(x)} has ${n} axes after the batch; list each of ${all} once`, { param: "dims" });
    }
    const sorted = [...dims].sort((a, b) => a - b);
    if (!sorted.every((v, i) => v === i + 1)) {
      return fail(`Permute dims (${dims.join(", ")}) must list each of ${all} exactly once`, { param: "dims" });
    }
    return ok([x[0]!, ...dims.map((d) => x[d]!)]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "Permute", config: { dims: q.dims } }),
  describe: (q) => `(${ints(q.dims).join(", ")})`,
});

export const RepeatVector = defineLayer({
  kind: "RepeatVector",
  title: "Repeat vector",
  category: "reshape",
  summary: "Repeats a vector n times to make a sequence batch×n×features (e.g. to feed a decoder RNN).",
  params: { n: p.int(4, 1, MAX_DIM, "How many times (time steps) to repeat the vector.") },
  ports: () => singlePort,
  infer: ([x], q) => {
    const hint = x && x.length > 2 ? "flatten or pool it to a vector first" : "";
    return rankIssue("RepeatVector", x, 2, hint) ?? ok([x![0]!, q.n, x![1]!]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "RepeatVector", config: { n: q.n } }),
  describe: (q) => `×${q.n}`,
});

/** Border sizes [[top, bottom], [left, right]] from 2 entries (height, width) or 4. */
function borders(t: readonly number[]): [[number, number], [number, number]] | undefined {
  if (t.length === 2) return [[t[0]!, t[0]!], [t[1]!, t[1]!]];
  if (t.length === 4) return [[t[0]!, t[1]!], [t[2]!, t[3]!]];
  return undefined;
}

const bordersDoc = "2 entries (height, width) for both sides, or 4 (top, bottom, left, right).";

function bordersIssue(layer: string, param: string, t: readonly number[]): InferResult {
  return fail(`${layer} ${param} (${t.join(", ")}) has ${t.length} entries; give 2 (height, width) or 4 (top, bottom, left, right)`, { param });
}

const bordersText = (b: [[number, number], [number, number]]): string => {
  const flat = b.flat();
  return flat.every((v) => v === flat[0]) ? String(flat[0]) : b.map(([a, c]) => `${a},${c}`).join(" ");
};

export const ZeroPadding2D = defineLayer({
  kind: "ZeroPadding2D",
  title: "Zero padding 2D",
  category: "reshape",
  summary: "Adds rows and columns of zeros around an image.",
  params: { padding: p.tuple([1, 1], { minLength: 2, maxLength: 4, min: 0, max: MAX_DIM, doc: bordersDoc }) },
  ports: () => singlePort,
  infer: ([x], q) => {
    const bad = rankIssue("ZeroPadding2D", x, 4);
    if (bad) return bad;
    const b = borders(ints(q.padding));
    if (!b) return bordersIssue("ZeroPadding2D", "padding", ints(q.padding));
    return ok([x![0]!, offsetDim(x![1]!, b[0][0] + b[0][1]), offsetDim(x![2]!, b[1][0] + b[1][1]), x![3]!]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "ZeroPadding2D", config: { padding: borders(ints(q.padding)) ?? q.padding, data_format: "channels_last" } }),
  describe: (q) => {
    const b = borders(ints(q.padding));
    return b ? `+${bordersText(b)}` : "";
  },
});

export const Cropping2D = defineLayer({
  kind: "Cropping2D",
  title: "Cropping 2D",
  category: "reshape",
  summary: "Cuts rows and columns off the borders of an image (e.g. to match a U-Net skip connection).",
  params: { cropping: p.tuple([1, 1], { minLength: 2, maxLength: 4, min: 0, max: MAX_DIM, doc: bordersDoc }) },
  ports: () => singlePort,
  infer: ([x], q) => {
    const bad = rankIssue("Cropping2D", x, 4);
    if (bad) return bad;
    const b = borders(ints(q.cropping));
    if (!b) return bordersIssue("Cropping2D", "cropping", ints(q.cropping));
    const names = dimNames(x!);
    for (const axis of [1, 2] as const) {
      const size = x![axis]!;
      const [a, c] = b[axis - 1]!;
      if (isKnown(size) && a + c >= size) {
        const sides = axis === 1 ? ["top", "bottom"] : ["left", "right"];
        return fail(
          `Cropping2D removes ${a + c} ${axis === 1 ? "rows" : "columns"} (${a} ${sides[0]}, ${c} ${sides[1]}) from a ${names[axis]} of ${size}, leaving nothing; crop less`,
          { param: "cropping" },
        );
      }
    }
    return ok([x![0]!, offsetDim(x![1]!, -(b[0][0] + b[0][1])), offsetDim(x![2]!, -(b[1][0] + b[1][1])), x![3]!]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "Cropping2D", config: { cropping: borders(ints(q.cropping)) ?? q.cropping, data_format: "channels_last" } }),
  describe: (q) => {
    const b = borders(ints(q.cropping));
    return b ? `−${bordersText(b)}` : "";
  },
});

export const UpSampling2D = defineLayer({
  kind: "UpSampling2D",
  title: "Upsampling 2D",
  category: "reshape",
  summary: "Enlarges an image by repeating (nearest) or interpolating (bilinear) pixels; no weights.",
  params: {
    size: p.tuple([2, 2], { min: 1, max: MAX_DIM, doc: "Factor for height and width." }),
    interpolation: p.enum(["nearest", "bilinear"], "nearest", "nearest repeats pixels; bilinear blends neighbours."),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    const bad = rankIssue("UpSampling2D", x, 4);
    if (bad) return bad;
    const [sh, sw] = ints(q.size);
    return ok([x![0]!, scaleDim(x![1]!, sh!), scaleDim(x![2]!, sw!), x![3]!]);
  },
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "UpSampling2D", config: { size: q.size, data_format: "channels_last", interpolation: q.interpolation } }),
  describe: (q) => `×${ints(q.size).join("x")} ${q.interpolation}`,
});

export const reshapeLayers = { Flatten, Reshape, Permute, RepeatVector, ZeroPadding2D, Cropping2D, UpSampling2D };
