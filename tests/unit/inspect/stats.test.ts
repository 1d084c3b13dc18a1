/**
 * Live statistics from the training loop: a ReLU layer forced dead reads deadFraction 1 (and no
 * gradient, no update); one SGD step's update ratio is lr·||g||/||w|| with ||g|| the true
 * gradient norm; softmax outputs average 1/3 over 3 classes; statistics come every `every` steps
 * and leave the run's losses exactly as they are without them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { StatsSnapshot } from "../../../runtime/inspect/index.js";
import { toTensor } from "../../../runtime/data/tensors.js";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { graph } from "../../support/docs.js";
import { lossesOf, mlp, points, tf, trainDoc } from "../train/support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const nodeStats = (s: StatsSnapshot, id: string) => s.nodes.find((n) => n.node === id)!;

describe("training statistics", () => {
  it("reads a ReLU layer forced dead as dead: fraction 1, no gradient, no update", async () => {
    const dataset = points();
    const session = await prepareTraining(mlp({ epochs: 1 }), { dataset, seed: 1 });
    const h = session.networks[0]!.model.getLayer("h");
    const [kernel] = h.getWeights();
    h.setWeights([kernel!, tf.fill([16], -100)]);
    const snaps: StatsSnapshot[] = [];
    await train({ recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint, stats: { every: 2 }, onStats: (s) => void snaps.push(s) });
    expect(snaps.map((s) => s.step)).toEqual([1, 3, 5]);
    for (const s of snaps) {
      const dead = nodeStats(s, "h");
      expect(dead.deadFraction).toBe(1);
      expect([dead.actMean, dead.actStd, dead.gradNorm, dead.updateRatio]).toEqual([0, 0, 0, 0]);
      // Only nodes ending in a ReLU get a dead fraction; only nodes with weights get gradients.
      expect(nodeStats(s, "out").deadFraction).toBeNull();
      expect(nodeStats(s, "drop").gradNorm).toBeNull();
      expect(nodeStats(s, "drop").updateRatio).toBeNull();
    }
    session.dispose();
  });

  it("gives lr·||g||/||w|| as one SGD step's update ratio, with ||g|| the loss's true gradient norm", async () => {
    const dataset = points();
    const doc = graph("Linear")
      .node("x", "Input", { shape: [2] })
      .layer("out", "Dense", { units: 3, activation: "softmax" }, "x")
      .network("net", ["x"], ["out"])
      .training({ dataset: "synthetic:gaussians", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], optimizer: { kind: "sgd", learningRate: 0.1 }, batchSize: 192, epochs: 1 })
      .build();
    const session = await prepareTraining(doc, { dataset, seed: 1 });
    const model = session.networks[0]!.model;
    const batch = dataset.gather("train", Int32Array.from({ length: 192 }, (_, i) => i));
    const { wNorm, gNorm } = tf.tidy(() => {
      const x = toTensor(batch.x);
      const y = tf.oneHot(tf.cast(toTensor(batch.y), "int32"), 3);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, tf.log(model.predict(x) as tf.Tensor), undefined, undefined, tf.Reduction.MEAN) as tf.Scalar, vars);
      const norm = (ts: tf.Tensor[]) => Math.sqrt(ts.reduce((s, t) => s + tf.sum(tf.square(t)).dataSync()[0]!, 0));
      return { wNorm: norm(vars), gNorm: norm(Object.values(grads)) };
    });
    const snaps: StatsSnapshot[] = [];
    await train({ recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint, stats: { every: 1 }, onStats: (s) => void snaps.push(s) });
    expect(snaps).toHaveLength(1);
    const out = nodeStats(snaps[0]!, "out");
    expect(out.gradNorm!).toBeCloseTo(gNorm, 5);
    expect(out.updateRatio!).toBeCloseTo((0.1 * gNorm) / wNorm, 6);
    // Softmax rows sum to 1: the mean over 3 classes is 1/3.
    expect(out.actMean).toBeCloseTo(1 / 3, 6);
    session.dispose();
  });

  it("comes every `every` steps and leaves the losses as they are without statistics", async () => {
    const plain = await trainDoc(mlp({ epochs: 2 }), points(), { seed: 4 });
    const snaps: StatsSnapshot[] = [];
    const watched = await trainDoc(mlp({ epochs: 2 }), points(), { seed: 4, stats: { every: 4 }, onStats: (s) => void snaps.push(s) });
    expect(lossesOf(watched.epochs)).toEqual(lossesOf(plain.epochs));
    expect(snaps.map((s) => s.step)).toEqual([1, 5, 9]);
    expect(snaps[0]!.nodes.map((n) => n.node)).toEqual(["h", "drop", "out"]);
    const h = nodeStats(snaps[2]!, "h");
    expect(h.deadFraction!).toBeGreaterThanOrEqual(0);
    expect(h.deadFraction!).toBeLessThan(0.5);
    expect(h.gradNorm!).toBeGreaterThan(0);
    expect(h.updateRatio!).toBeGreaterThan(0);
    const before = tf.memory().numTensors;
    await trainDoc(mlp({ epochs: 1 }), points(), { seed: 4, stats: { every: 1 }, onStats: () => undefined }).then((r) => r.session.dispose());
    expect(tf.memory().numTensors).toBe(before);
    plain.session.dispose();
    watched.session.dispose();
  });
});
