/**
 * The supervised recipe: it learns, it is reproducible, its loss weights really weight the
 * gradient (tfjs's own compile() ignores lossWeights), and each optimizer, weight decay and
 * clipping rule does what settings.ts says.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as tf from "../../../runtime/tf.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import type { StepContext } from "../../../runtime/train/recipe.js";
import { learningRateAt, CONSTANT } from "../../../runtime/train/schedule.js";
import { lossesOf, mlp, points, trainDoc, twoHeads, useCpu } from "./support.js";

beforeAll(useCpu);

const ctx = (learningRate: number, extra: Partial<StepContext["rules"]> = {}): StepContext => ({ step: 0, epoch: 0, rules: { learningRate, weightDecay: 0, ...extra } });
const firstBatch = (n = 32) => points().gather("train", Int32Array.from({ length: n }, (_, i) => i));

describe("supervised recipe", () => {
  it("reduces the loss on a small dataset, and a seeded run gives the same losses twice", async () => {
    const a = await trainDoc(mlp(), points(), { seed: 7 });
    const b = await trainDoc(mlp(), points(), { seed: 7 });
    const c = await trainDoc(mlp(), points(), { seed: 8 });
    const la = a.epochs.map((e) => e.values.loss!);
    expect(la[2]!).toBeLessThan(la[0]! * 0.5);
    expect(a.epochs[2]!.values.accuracy).toBeGreaterThan(0.9);
    // Dropout draws from the seeded stream, so everything repeats exactly.
    expect(lossesOf(b.epochs)).toEqual(lossesOf(a.epochs));
    expect(c.epochs[0]!.values.loss).not.toBe(la[0]);
    for (const r of [a, b, c]) r.session.dispose();
  });

  it("reports total loss = 1·loss(out) + 0.3·loss(aux) for a two-output model", async () => {
    const s = await prepareTraining(twoHeads(0.3), { dataset: points(), seed: 3 });
    expect(s.prepared.columns.map((c) => c.name)).toEqual(["loss", "out_loss", "aux_loss", "out_accuracy", "aux_accuracy"]);
    const v = await tf.tidy(() => s.prepared.step(firstBatch(), ctx(0.1))).data();
    expect(v[1]! > 0 && v[2]! > 0 && Math.abs(v[1]! - v[2]!) > 1e-3).toBe(true);
    expect(v[0]).toBeCloseTo(v[1]! + 0.3 * v[2]!, 5);
    const e = await tf.tidy(() => s.prepared.evaluate(firstBatch())).data();
    expect(e[0]).toBeCloseTo(e[1]! + 0.3 * e[2]!, 5);
    s.dispose();
  });

  it("updates the weights by the gradient of the weighted sum", async () => {
    const s = await prepareTraining(twoHeads(0.3), { dataset: points(), seed: 3 });
    const model = s.roles.model!.model;
    const batch = firstBatch();
    const before = model.trainableWeights.map((w) => w.read().clone());
    // The expected SGD step, computed by hand: w − lr · ∂(ce(out) + 0.3·ce(aux))/∂w.
    const x = tf.tensor(batch.x.data, [...batch.x.shape]);
    const y = tf.oneHot(tf.tensor1d(batch.y.data as Int32Array, "int32"), 3);
    const ce = (p: tf.Tensor) => tf.mean(tf.neg(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, 1e-7, 1 - 1e-7))), -1))) as tf.Scalar;
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => {
      const [out, aux] = model.apply(x, { training: true }) as tf.Tensor[];
      return tf.add(ce(out!), tf.mul(0.3, ce(aux!))) as tf.Scalar;
    }, vars);
    const expected = vars.map((v, i) => tf.sub(before[i]!, tf.mul(0.1, grads[v.name]!)));
    tf.dispose(tf.tidy(() => s.prepared.step(batch, ctx(0.1))));
    vars.forEach((v, i) => {
      const diff = tf.max(tf.abs(tf.sub(v, expected[i]!))).dataSync()[0]!;
      expect(diff, v.name).toBeLessThan(1e-6);
    });
    tf.dispose([...before, ...expected, x, y, ...Object.values(grads)]);
    s.dispose();
  });

  it("leaves a head untouched when its loss weight is 0", async () => {
    const s = await prepareTraining(twoHeads(0), { dataset: points(), seed: 3 });
    const aux = s.roles.model!.model.getLayer("aux");
    const out = s.roles.model!.model.getLayer("out");
    const snap = (l: tf.layers.Layer) => l.getWeights().map((w) => Array.from(w.dataSync()));
    const [aux0, out0] = [snap(aux), snap(out)];
    for (let i = 0; i < 3; i++) tf.dispose(tf.tidy(() => s.prepared.step(firstBatch(), ctx(0.1))));
    expect(snap(aux)).toEqual(aux0);
    expect(snap(out)).not.toEqual(out0);
    s.dispose();
  });

  it.each(["sgd", "adam", "rmsprop"] as const)("trains with %s", async (kind) => {
    const optimizer = kind === "sgd" ? { kind, learningRate: 0.1, momentum: 0.9 } : { kind, learningRate: 0.01, ...(kind === "rmsprop" ? { momentum: 0.5 } : {}) };
    const r = await trainDoc(mlp({ optimizer, epochs: 2 }), points());
    expect(r.epochs[1]!.values.loss!).toBeLessThan(r.epochs[0]!.values.loss! * 0.8);
    r.session.dispose();
  });

  it("applies decoupled weight decay to kernels only, after the optimizer's step", async () => {
    const s = await prepareTraining(mlp({ optimizer: { kind: "sgd", learningRate: 0.1 } }), { dataset: points(), seed: 3 });
    const model = s.roles.model!.model;
    const kernel = model.getLayer("h").getWeights()[0]!.clone();
    const bias = model.getLayer("h").getWeights()[1]!.clone();
    // Zero gradients isolate the decay: lr 0.1, decay 0.5 scales kernels by 0.95 and leaves biases.
    const zeroLoss = () => ({ loss: tf.mul(tf.sum(model.trainableWeights[0]!.read()), 0) as tf.Scalar, report: [] });
    const { applyUpdate } = await import("../../../runtime/train/update.js");
    tf.dispose(tf.tidy(() => applyUpdate(s.prepared.groups[0]!, zeroLoss, { learningRate: 0.1, weightDecay: 0.5 })));
    const [k1, b1] = model.getLayer("h").getWeights();
    expect(Array.from(k1!.dataSync())).toEqual(Array.from(tf.mul(kernel, 0.95).dataSync()));
    expect(Array.from(b1!.dataSync())).toEqual(Array.from(bias.dataSync()));
    tf.dispose([kernel, bias]);
    s.dispose();
  });

  it("clips the gradients to the global norm", async () => {
    const s = await prepareTraining(mlp({ optimizer: { kind: "sgd", learningRate: 1 } }), { dataset: points(), seed: 3 });
    const vars = s.roles.model!.model.trainableWeights.map((w) => w.read());
    const before = vars.map((v) => v.clone());
    tf.dispose(tf.tidy(() => s.prepared.step(firstBatch(), ctx(1, { clipNorm: 0.01 }))));
    // With plain SGD at lr 1 the whole update is the clipped gradient: its global norm is the clip.
    const norm = Math.sqrt(vars.reduce((sum, v, i) => sum + tf.sum(tf.square(tf.sub(v, before[i]!))).dataSync()[0]!, 0));
    expect(norm).toBeCloseTo(0.01, 5);
    tf.dispose(before);
    s.dispose();
  });

  it("refuses losses, metrics and targets that do not fit, naming the output", async () => {
    const bad = [
      [mlp({ losses: [{ output: "out", loss: "crossEntropy", weight: 1 }] }), /loss "crossEntropy".*use one of categoricalCrossentropy/],
      [mlp({ metrics: ["f1"] }), /metrics names "f1".*accuracy/],
      [mlp({ losses: [{ output: "h", loss: "categoricalCrossentropy", weight: 1 }] }), /'h', which is not an output of network 'net'/],
      [mlp({ losses: [{ output: "out", loss: "categoricalCrossentropy", weight: -1 }] }), /weight -1/],
      [mlp({ optimizer: { kind: "adam", learningRate: -0.1 } }), /learningRate is -0.1; it must be above 0/],
    ] as const;
    for (const [doc, message] of bad) await expect(prepareTraining(doc, { dataset: points() })).rejects.toThrow(message);
    // 3 classes, but a 5-unit output.
    const wide = mlp();
    const doc = { ...wide, nodes: wide.nodes.map((n) => (n.id === "out" ? { ...n, params: { ...n.params, units: 5 } } : n)) };
    await expect(prepareTraining(doc, { dataset: points() })).rejects.toThrow(/categoricalCrossentropy loss on 'out'.*3 classes.*gives 5.*set its units to 3/);
  });

  it("warns when an output's activation does not suit its loss", async () => {
    const plain = mlp();
    const doc = { ...plain, nodes: plain.nodes.map((n) => (n.id === "out" ? { ...n, params: { ...n.params, activation: "linear" } } : n)) };
    const s = await prepareTraining(doc, { dataset: points() });
    expect(s.warnings.join("\n")).toMatch(/categoricalCrossentropy loss on 'out' expects probabilities, but its activation is linear; set it to softmax/);
    s.dispose();
  });
});

describe("learning-rate schedules", () => {
  const at = (kind: typeof CONSTANT.kind, t: number, extra: Partial<typeof CONSTANT> = {}) =>
    learningRateAt(0.1, { ...CONSTANT, kind, gamma: kind === "step" ? 0.1 : 0.5, ...extra }, { t, epochs: 10, batchesPerEpoch: 10 });
  it("step, exponential, cosine and warmup follow their formulas", () => {
    expect([at("constant", 7)]).toEqual([0.1]);
    expect([at("step", 0.9, { stepEpochs: 1 }), at("step", 1, { stepEpochs: 1 }), at("step", 3.5, { stepEpochs: 2 })].map((x) => +x.toPrecision(6))).toEqual([0.1, 0.01, 0.01]);
    expect(at("exponential", 2)).toBeCloseTo(0.025, 10);
    expect([at("cosine", 0), at("cosine", 5), at("cosine", 10)].map((x) => +x.toFixed(10))).toEqual([0.1, 0.05, 0]);
    expect(at("cosine", 10, { minLearningRate: 0.01 })).toBeCloseTo(0.01, 10);
    // Warmup over 1 epoch of 10 batches: batch k trains at (k+1)/10 of the rate.
    expect([0, 0.45, 0.95, 1].map((t) => +at("constant", t, { warmupEpochs: 1 }).toFixed(10))).toEqual([0.01, 0.05, 0.1, 0.1]);
  });

  it("is applied by the loop at every batch", async () => {
    const r = await trainDoc(mlp({ epochs: 3, optimizer: { kind: "sgd", learningRate: 0.1 }, options: { schedule: "step", scheduleStepEpochs: 1, scheduleGamma: 0.5 } }), points());
    expect(r.epochs.map((e) => e.learningRate)).toEqual([0.1, 0.05, 0.025]);
    r.session.dispose();
  });
});
