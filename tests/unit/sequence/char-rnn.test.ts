/**
 * The char-LSTM and char-GRU minis: their loss falls within eight steps on the shipped text,
 * their training sections clip gradients (clipNorm 5, as char-rnn), and the runtime really
 * scales gradients whose global norm exceeds clipNorm: checked on a tiny update whose gradient
 * is known, and through the training loop on the template itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import * as tf from "../../../runtime/tf.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { applyUpdate, type UpdateGroup } from "../../../runtime/train/update.js";
import { loadConfig } from "../templates/support.js";
import { ends, shippedText, trainSteps } from "./support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe.each(["char-lstm", "char-gru"])("%s mini", (id) => {
  it("clips gradients to a global norm of 5 and predicts a character at every step", () => {
    const { doc, analysis } = loadConfig(id, "mini");
    expect(doc.training?.clipNorm).toBe(5);
    expect(doc.training?.dataset).toBe("shipped:text");
    expect(analysis.networks.get("net")!.outputs[0]!.shape).toEqual(["B", 64, 56]);
  });

  it("lowers its loss within eight steps on the shipped text", async () => {
    const { doc } = loadConfig(id, "mini");
    const { losses, session } = await trainSteps(doc, await shippedText(), 8, { batchSize: 8 });
    session.dispose();
    const { first, last } = ends(losses);
    // Untrained, the loss is about ln 56 = 4.03 nats; it must be clearly on its way down.
    expect(first).toBeGreaterThan(3.8);
    expect(last).toBeLessThan(first - 0.4);
  }, 180_000);
});

describe("gradient norm clipping", () => {
  /** One SGD step (learning rate 1) on loss = g·w from w = 0, so the update is exactly −(clipped g). */
  function update(g: number[], clipNorm?: number): number[] {
    const w = tf.variable(tf.zeros([g.length]));
    const group = { name: "t", optimizer: tf.train.sgd(1), variables: [{ trainable: true, read: () => w, rank: 1 }] } as unknown as UpdateGroup;
    tf.tidy(() => applyUpdate(group, () => ({ loss: tf.sum(tf.mul(w, tf.tensor1d(g))) as tf.Scalar, report: [] }), { weightDecay: 0, learningRate: 1, ...(clipNorm ? { clipNorm } : {}) }));
    const out = Array.from(w.dataSync());
    w.dispose();
    group.optimizer.dispose();
    return out;
  }

  it("scales a gradient of norm 7 down to norm 5, keeping its direction, and leaves a smaller one alone", () => {
    const g = [2, 3, 6];
    const clipped = update(g, 5);
    g.forEach((v, i) => expect(clipped[i]).toBeCloseTo((-v * 5) / 7, 6));
    expect(update(g, 7.5)).toEqual(g.map((v) => -v));
    expect(update(g)).toEqual(g.map((v) => -v));
  });

  it("is applied by the training loop from the template's training section", async () => {
    // The char-LSTM mini with plain SGD (rate 1) and a tiny clipNorm: one step must move the weights by exactly clipNorm.
    const { doc } = loadConfig("char-lstm", "mini");
    const clipNorm = 1e-3;
    const clippedDoc: GraphDocument = { ...doc, training: { ...doc.training!, optimizer: { kind: "sgd", learningRate: 1 }, clipNorm } };
    const data = await shippedText();
    // Weights are seeded, so a fresh session with the same seed starts from the same weights.
    const fresh = await prepareTraining(clippedDoc, { dataset: data, seed: 1, batchSize: 4 });
    const start = fresh.networks[0]!.model.trainableWeights.map((w) => w.read().clone());
    fresh.dispose();
    const { session: after } = await trainSteps(clippedDoc, data, 1, { batchSize: 4 });
    const moved = after.networks[0]!.model.trainableWeights.map((w, i) => tf.sum(tf.square(tf.sub(w.read(), start[i]!))).dataSync()[0]!);
    after.dispose();
    tf.dispose(start);
    expect(Math.sqrt(moved.reduce((a, b) => a + b, 0))).toBeCloseTo(clipNorm, 6);
  }, 120_000);
});
