import { beforeAll, describe, expect, it } from "vitest";
import { DilatedCausalConv1D as Def } from "../../../graph-ir/layers/causal.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { expectRoundTrip, gradCheck, modelFromSpec, outputShapes, seededTensor, seedWeights, tf, variable } from "./support.js";

const params = (stored: Params) => resolveParams(Def.params, stored).values;
const build = (stored: Params, x: Shape) => modelFromSpec(Def.toKeras(params(stored), [x]), [x]);

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("DilatedCausalConv1D runtime layer", () => {
  it.each<{ stored: Params; x: Shape }>([
    { stored: { filters: 4, kernelSize: 2, dilationRate: 1 }, x: ["B", 10, 3] },
    { stored: { filters: 3, kernelSize: 3, dilationRate: 4, useBias: false }, x: ["B", 9, 2] },
    { stored: { filters: 2, kernelSize: 4, dilationRate: 16, activation: "relu" }, x: ["B", 3, 5] },
    { stored: { filters: 5, kernelSize: 2, dilationRate: 2 }, x: ["B", "T", 1] },
  ])("has graph-ir's shape and parameter count: $stored on $x", async ({ stored, x }) => {
    const q = params(stored);
    const { model, layer } = await build(stored, x);
    const r = Def.infer([x], q);
    if (!r.ok) throw new Error("graph-ir refused the case");
    expect(outputShapes(layer)).toEqual(r.shapes.map(toKerasShape));
    expect(layer.countParams()).toBe(Def.paramCount([x], q));
    expect(layer.weights.map((w) => w.shape)).toEqual([[q.kernelSize, x[2], q.filters], ...(q.useBias ? [[q.filters]] : [])]);
    model.dispose();
  });

  it.each([
    { k: 3, d: 2, t: 9 },
    { k: 2, d: 1, t: 6 },
    // Taps reaching back past the start see only padding and are skipped.
    { k: 4, d: 3, t: 5 },
  ])("computes tfjs's (forward-only) dilated conv1d on the left-padded input: k $k, d $d, T $t", async ({ k, d, t }) => {
    const c = 2, f = 3;
    const { model, layer } = await build({ filters: f, kernelSize: k, dilationRate: d }, ["B", t, c]);
    seedWeights(layer, 3);
    const bias = seededTensor([f], 4);
    layer.weights[1]!.write(bias);
    const x = seededTensor([2, t, c], 5);
    const y = model.predict(x) as tf.Tensor;
    const ref = tf.conv1d(tf.pad(x, [[0, 0], [(k - 1) * d, 0], [0, 0]]) as tf.Tensor3D, layer.weights[0]!.read() as tf.Tensor3D, 1, "valid", "NWC", d).add(bias);
    expect(y.shape).toEqual([2, t, f]);
    expect(tf.max(tf.abs(y.sub(ref))).dataSync()[0]).toBeLessThan(1e-5);
    model.dispose();
  });

  it("never leaks the future: changing x[t] changes exactly outputs t, t+d, ..., t+(k-1)d", async () => {
    const k = 3, d = 3, t = 12;
    const { model, layer } = await build({ filters: 2, kernelSize: k, dilationRate: d, activation: "tanh" }, ["B", t, 2]);
    seedWeights(layer, 7);
    const x = seededTensor([1, t, 2], 8);
    const y0 = (model.predict(x) as tf.Tensor).arraySync() as number[][][];
    for (let s = 0; s < t; s++) {
      const bump = tf.buffer([1, t, 2]);
      bump.set(0.5, 0, s, 0);
      bump.set(-0.7, 0, s, 1);
      const y1 = (model.predict(x.add(bump.toTensor())) as tf.Tensor).arraySync() as number[][][];
      const changed = y0[0]!.map((row, i) => row.some((v, j) => v !== y1[0]![i]![j])).flatMap((c, i) => (c ? [i] : []));
      const expected = Array.from({ length: k }, (_, i) => s + i * d).filter((i) => i < t);
      expect(changed, `bump at ${s}`).toEqual(expected);
    }
    model.dispose();
  });

  it("has correct gradients for inputs, kernel and bias with dilation > 1", async () => {
    const { model, layer } = await build({ filters: 2, kernelSize: 3, dilationRate: 2, activation: "tanh" }, ["B", 7, 2]);
    seedWeights(layer, 11);
    layer.weights[1]!.write(seededTensor([2], 12, -0.3, 0.3));
    const x = variable(seededTensor([2, 7, 2], 13), "x");
    const r = seededTensor([2, 7, 2], 14);
    const f = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar;
    const report = gradCheck(f, [x, ...layer.weights.map((w) => w.read() as tf.Variable)], { samples: 10 });
    console.log(`DilatedCausalConv1D gradcheck: ${report.checked} coords, worst abs ${report.worstAbs.toExponential(1)}, rel ${report.worstRel.toExponential(1)}`);
    expect(report.failures).toEqual([]);
    expect(report.checked).toBe(10 + 10 + 2);
    model.dispose();
  });

  it("survives a save and load with the same predictions", async () => {
    const { model, layer } = await build({ filters: 3, kernelSize: 2, dilationRate: 4, activation: "relu" }, ["B", 8, 2]);
    seedWeights(layer, 21);
    await expectRoundTrip(model, [seededTensor([2, 8, 2], 22)]);
    model.dispose();
  });

  it("learns to output the input delayed by 6 steps (taps at 0, 2, 4, 6)", async () => {
    const { model, layer } = await build({ filters: 1, kernelSize: 4, dilationRate: 2 }, ["B", 24, 1]);
    seedWeights(layer, 31);
    const x = seededTensor([16, 24, 1], 32);
    const y = tf.pad(x.slice([0, 0, 0], [16, 18, 1]), [[0, 0], [6, 0], [0, 0]]);
    model.compile({ optimizer: tf.train.adam(0.05), loss: "meanSquaredError" });
    const first = (await model.trainOnBatch(x, y)) as number;
    let last = first;
    for (let i = 0; i < 60; i++) last = (await model.trainOnBatch(x, y)) as number;
    console.log(`DilatedCausalConv1D delay-6 MSE ${first.toFixed(4)} -> ${last.toExponential(2)}`);
    expect(last).toBeLessThan(first / 50);
    model.dispose();
  });
});
