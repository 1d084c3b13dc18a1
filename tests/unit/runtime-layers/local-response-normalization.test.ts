import { beforeAll, describe, expect, it } from "vitest";
import { LocalResponseNormalization as Def } from "../../../graph-ir/layers/normalization.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { LocalResponseNormalization } from "../../../runtime/layers/index.js";
import { expectRoundTrip, gradCheck, modelFromSpec, outputShapes, seededTensor, seedWeights, tf, variable } from "./support.js";

const params = (stored: Params) => resolveParams(Def.params, stored).values;
const build = (stored: Params, x: Shape) => modelFromSpec(Def.toKeras(params(stored), [x]), [x]);
const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("LocalResponseNormalization runtime layer", () => {
  it.each<{ stored: Params; x: Shape }>([
    { stored: {}, x: ["B", 6, 6, 8] },
    { stored: { depthRadius: 0, bias: 1, alpha: 0.5, beta: 0.5 }, x: ["B", 4, 5, 3] },
    { stored: { depthRadius: 7 }, x: ["B", "H", "W", 4] },
  ])("has graph-ir's shape and no weights: $stored on $x", async ({ stored, x }) => {
    const q = params(stored);
    const { model, layer } = await build(stored, x);
    const r = Def.infer([x], q);
    if (!r.ok) throw new Error("graph-ir refused the case");
    expect(outputShapes(layer)).toEqual(r.shapes.map(toKerasShape));
    expect(layer.countParams()).toBe(Def.paramCount([x], q));
    model.dispose();
  });

  it.each<Params>([
    {},
    { depthRadius: 1, bias: 1, alpha: 0.3, beta: 0.5 },
    { depthRadius: 0, bias: 0.5, alpha: 2, beta: 1 },
    // A radius wider than the 5 channels sums them all.
    { depthRadius: 9, bias: 1, alpha: 0.1, beta: 0.75 },
  ])("equals tfjs's own LRN kernel and its gradient (cpu): %o", async (stored) => {
    const q = params(stored);
    const { model } = await build(stored, ["B", 3, 4, 5]);
    const x = seededTensor([2, 3, 4, 5], 3, -2, 2);
    const ref = (t: tf.Tensor) => tf.localResponseNormalization(t as tf.Tensor4D, q.depthRadius, q.bias, q.alpha, q.beta);
    expect(maxDiff(model.predict(x) as tf.Tensor, ref(x))).toBeLessThan(1e-5);
    const r = seededTensor([2, 3, 4, 5], 4);
    const ours = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(model.apply(t) as tf.Tensor, r)))(x);
    const theirs = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(ref(t), r)))(x);
    expect(maxDiff(ours, theirs)).toBeLessThan(1e-4);
    model.dispose();
  });

  it("matches the formula by hand for AlexNet's constants", async () => {
    const { model } = await build({}, ["B", 1, 1, 5]);
    const v = [1, 20, -30, 40, 5];
    const y = (model.predict(tf.tensor(v, [1, 1, 1, 5])) as tf.Tensor).dataSync();
    // Channel 2 sees channels 0..4: k = 2, α = 1e-4, β = 0.75.
    const expected = -30 / Math.pow(2 + 1e-4 * (1 + 400 + 900 + 1600 + 25), 0.75);
    expect(y[2]).toBeCloseTo(expected, 5);
    model.dispose();
  });

  it("has correct input gradients against central differences", async () => {
    const { model, layer } = await build({ depthRadius: 1, bias: 1, alpha: 0.5, beta: 0.75 }, ["B", 2, 3, 4]);
    const x = variable(seededTensor([2, 2, 3, 4], 7, -1.5, 1.5), "x");
    const r = seededTensor([2, 2, 3, 4], 8);
    const report = gradCheck(() => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar, [x], { samples: 16 });
    console.log(`LocalResponseNormalization gradcheck: ${report.checked} coords, worst abs ${report.worstAbs.toExponential(1)}, rel ${report.worstRel.toExponential(1)}`);
    expect(report.failures).toEqual([]);
    expect(report.checked).toBe(16);
    model.dispose();
  });

  it("survives a save and load with the same predictions", async () => {
    const { model } = await build({ depthRadius: 3, bias: 1.5, alpha: 0.01, beta: 0.6 }, ["B", 3, 3, 6]);
    await expectRoundTrip(model, [seededTensor([2, 3, 3, 6], 9, -3, 3)]);
    model.dispose();
  });

  it("trains through: a 1x1 conv before it learns a teacher's conv + LRN", async () => {
    const net = (seed: number) => {
      const m = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [4, 4, 3], filters: 4, kernelSize: 1, useBias: false }),
          new LocalResponseNormalization({ depthRadius: 1, bias: 1, alpha: 0.5, beta: 0.75 }),
        ],
      });
      seedWeights(m.layers[0]!, seed);
      return m;
    };
    const teacher = net(1);
    const student = net(50);
    const x = seededTensor([16, 4, 4, 3], 2);
    const y = teacher.predict(x) as tf.Tensor;
    student.compile({ optimizer: tf.train.adam(0.05), loss: "meanSquaredError" });
    const first = (await student.trainOnBatch(x, y)) as number;
    let last = first;
    for (let i = 0; i < 40; i++) last = (await student.trainOnBatch(x, y)) as number;
    console.log(`LocalResponseNormalization teacher fit MSE ${first.toFixed(4)} -> ${last.toExponential(2)}`);
    expect(last).toBeLessThan(first / 10);
    teacher.dispose();
    student.dispose();
  });
});
