import { beforeAll, describe, expect, it } from "vitest";
import { MaskedConv2D as Def, pixelMask } from "../../../graph-ir/layers/autoregressive.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { MaskedConv2D } from "../../../runtime/layers/masked-conv2d.js";
import { expectRoundTrip, gradCheck, modelFromSpec, outputShapes, seededTensor, seedWeights, tf, variable } from "./support.js";

const params = (stored: Params) => resolveParams(Def.params, stored).values;
const build = (stored: Params, x: Shape) => modelFromSpec(Def.toKeras(params(stored), [x]), [x]);

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Which output pixels (as raster indices) change when input pixel `at` is bumped. */
function changedBy(model: tf.LayersModel, x: tf.Tensor, at: number): number[] {
  const [, h, w, c] = x.shape as number[];
  const y0 = (model.predict(x) as tf.Tensor).arraySync() as number[][][][];
  const bump = tf.buffer([1, h!, w!, c!]);
  for (let ch = 0; ch < c!; ch++) bump.set(0.9 - 0.4 * ch, 0, Math.floor(at / w!), at % w!, ch);
  const y1 = (model.predict(x.add(bump.toTensor())) as tf.Tensor).arraySync() as number[][][][];
  const out: number[] = [];
  for (let i = 0; i < h!; i++) for (let j = 0; j < w!; j++) if (y0[0]![i]![j]!.some((v, f) => v !== y1[0]![i]![j]![f])) out.push(i * w! + j);
  return out;
}

describe("MaskedConv2D runtime layer", () => {
  it.each<{ stored: Params; x: Shape }>([
    { stored: { filters: 4, kernelSize: 3, maskType: "A" }, x: ["B", 6, 5, 1] },
    { stored: { filters: 3, kernelSize: 7, maskType: "B", useBias: false }, x: ["B", 8, 8, 3] },
    { stored: { filters: 2, kernelSize: 1, maskType: "B", activation: "relu" }, x: ["B", "H", "W", 2] },
  ])("has graph-ir's shape and parameter count: $stored on $x", async ({ stored, x }) => {
    const q = params(stored);
    const { model, layer } = await build(stored, x);
    const r = Def.infer([x], q);
    if (!r.ok) throw new Error("graph-ir refused the case");
    expect(outputShapes(layer)).toEqual(r.shapes.map(toKerasShape));
    expect(layer.countParams()).toBe(Def.paramCount([x], q));
    expect(layer.weights.map((w) => w.shape)).toEqual([[q.kernelSize, q.kernelSize, x[3], q.filters], ...(q.useBias ? [[q.filters]] : [])]);
    model.dispose();
  });

  it("refuses an even kernel in graph-ir, offering the next odd size", () => {
    const r = Def.infer([["B", 8, 8, 1]], params({ kernelSize: 4 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.fixes?.[0]).toMatchObject({ param: "kernelSize", value: 5 });
  });

  it("computes tfjs's conv2d with the masked kernel", async () => {
    for (const type of ["A", "B"] as const) {
      const { model, layer } = await build({ filters: 3, kernelSize: 5, maskType: type }, ["B", 7, 6, 2]);
      seedWeights(layer, 3);
      const bias = seededTensor([3], 4);
      layer.weights[1]!.write(bias);
      const x = seededTensor([2, 7, 6, 2], 5);
      const mask = tf.tensor(pixelMask(5, type).flat(), [5, 5, 1, 1]);
      const ref = tf.conv2d(x as tf.Tensor4D, tf.mul(layer.weights[0]!.read(), mask) as tf.Tensor4D, 1, "same").add(bias);
      const y = model.predict(x) as tf.Tensor;
      expect(tf.max(tf.abs(y.sub(ref))).dataSync()[0]).toBeLessThan(1e-5);
      model.dispose();
    }
  });

  it.each(["A", "B"] as const)("mask %s: bumping input pixel p changes exactly the outputs whose unmasked taps reach p", async (type) => {
    const k = 5, h = 6, w = 7, c = (k - 1) / 2;
    const { model, layer } = await build({ filters: 2, kernelSize: k, maskType: type, activation: "tanh" }, ["B", h, w, 2]);
    seedWeights(layer, 7);
    const x = seededTensor([1, h, w, 2], 8);
    const mask = pixelMask(k, type);
    for (let p = 0; p < h * w; p++) {
      const [r, s] = [Math.floor(p / w), p % w];
      const expected: number[] = [];
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) if (mask[r - i + c]?.[s - j + c] === 1) expected.push(i * w + j);
      const changed = changedBy(model, x, p);
      expect(changed, `bump at ${p}`).toEqual(expected);
      // The property PixelCNN needs: A never reaches its own pixel or earlier ones; B never earlier ones.
      expect(changed.every((q) => (type === "A" ? q > p : q >= p))).toBe(true);
    }
    model.dispose();
  });

  it("a stack A, B, B (3 channels): output (i, j) depends on no input pixel at or after (i, j)", () => {
    const h = 5, w = 5;
    const model = tf.sequential({
      layers: [
        new MaskedConv2D({ filters: 4, kernelSize: 3, maskType: "A", activation: "relu", inputShape: [h, w, 3] }),
        new MaskedConv2D({ filters: 4, kernelSize: 3, maskType: "B", activation: "tanh" }),
        new MaskedConv2D({ filters: 3, kernelSize: 1, maskType: "B" }),
      ],
    });
    model.layers.forEach((l, i) => seedWeights(l, 40 + i));
    model.layers.forEach((l) => l.weights[1]!.write(tf.fill([l.weights[1]!.shape[0]!], 0.3)));
    const x = seededTensor([1, h, w, 3], 9, 0, 1);
    let reached = 0;
    for (let p = 0; p < h * w; p++) {
      const changed = changedBy(model, x, p);
      expect(changed.filter((q) => q <= p), `bump at ${p}`).toEqual([]);
      reached += changed.length;
    }
    // Not vacuous: the stack does see earlier pixels.
    expect(reached).toBeGreaterThan(h * w);
    model.dispose();
  });

  it("has correct gradients for inputs, kernel and bias; masked taps get none", async () => {
    const { model, layer } = await build({ filters: 2, kernelSize: 3, maskType: "A", activation: "tanh" }, ["B", 4, 4, 2]);
    seedWeights(layer, 11);
    layer.weights[1]!.write(seededTensor([2], 12, -0.3, 0.3));
    const x = variable(seededTensor([2, 4, 4, 2], 13), "x");
    const r = seededTensor([2, 4, 4, 2], 14);
    const f = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar;
    const vars = [x, ...layer.weights.map((wt) => wt.read() as tf.Variable)];
    const report = gradCheck(f, vars, { samples: 12 });
    console.log(`MaskedConv2D gradcheck: ${report.checked} coords, worst abs ${report.worstAbs.toExponential(1)}, rel ${report.worstRel.toExponential(1)}`);
    expect(report.failures).toEqual([]);
    const g = tf.variableGrads(f, [vars[1]!]).grads[vars[1]!.name]!.arraySync() as number[][][][];
    const mask = pixelMask(3, "A");
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      const zero = g[a]![b]!.flat().every((v) => v === 0);
      expect(zero, `tap ${a},${b}`).toBe(mask[a]![b] === 0);
    }
    model.dispose();
  });

  it("survives a save and load with the same predictions", async () => {
    const { model, layer } = await build({ filters: 3, kernelSize: 3, maskType: "A", activation: "relu" }, ["B", 5, 5, 1]);
    seedWeights(layer, 21);
    await expectRoundTrip(model, [seededTensor([2, 5, 5, 1], 22)]);
    model.dispose();
  });
});
