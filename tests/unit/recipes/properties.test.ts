/**
 * What each adversarial recipe computes, checked by hand on networks small enough to know
 * their outputs: the update schedule, WGAN's clipping, the gradient penalty (value and its
 * gradient through tf.grad), the hinge loss, the labels a conditional GAN passes, pix2pix's
 * loss terms, and the errors that name a network that does not fit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { gaussianMixture } from "../../../runtime/data/synthetic/points.js";
import type { Batch } from "../../../runtime/data/types.js";
import type { PreparedRecipe } from "../../../runtime/train/recipe.js";
import { prepareTraining, type TrainingSession } from "../../../runtime/train/session.js";
import { graph } from "../../support/docs.js";
import { tf, useCpu } from "../train/support.js";
import { largestChange, setWeights, smallDataset, snapshot, template } from "./support.js";

beforeAll(useCpu);

const points = () => gaussianMixture({ trainSize: 64, testSize: 8 });

function values(p: PreparedRecipe, batch: Batch): number[] {
  const v = tf.tidy(() => p.evaluate(batch));
  const out = Array.from(v.dataSync());
  v.dispose();
  return out;
}

function step(p: PreparedRecipe, batch: Batch, n: number, learningRate = 0.01): void {
  tf.dispose(tf.tidy(() => p.step(batch, { step: n, epoch: 0, rules: { learningRate, weightDecay: 0 } })));
}

/** G: z(2) -> g_out Dense 2; D: x(2) -> d_out Dense 1 with the given activation. */
function linearPair(recipe: string, activation: string, training: Partial<TrainingSpec> = {}): GraphDocument {
  return graph("Linear pair")
    .node("z", "LatentInput", { dim: 2 })
    .layer("g_out", "Dense", { units: 2 }, "z")
    .node("x", "Input", { shape: [2] })
    .layer("d_out", "Dense", { units: 1, activation }, "x")
    .network("G", ["z"], ["g_out"])
    .network("D", ["x"], ["d_out"])
    .training({ recipe, networks: { generator: "G", discriminator: "D" }, losses: [], optimizer: { kind: "sgd", learningRate: 0.01 }, batchSize: 8, epochs: 1, ...training })
    .build();
}

async function session(doc: GraphDocument, dataset = points()): Promise<TrainingSession> {
  return prepareTraining(doc, { dataset, seed: 5 });
}

describe("the update schedule", () => {
  it("updates D and G on alternate batches by default (gan), and G every dSteps-th batch otherwise", async () => {
    const data = smallDataset("synthetic:gaussians", 40);
    const batch = data.gather("train", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const changes = async (options: Record<string, number | boolean>, steps: number): Promise<string[]> => {
      const s = await session(template("toy-gan", "full", { options }), data);
      const out: string[] = [];
      for (let n = 0; n < steps; n++) {
        const g = snapshot(s.roles["generator"]!);
        const d = snapshot(s.roles["discriminator"]!);
        step(s.prepared, batch, n, 0.001);
        out.push(`${largestChange(d, snapshot(s.roles["discriminator"]!)) > 0 ? "D" : ""}${largestChange(g, snapshot(s.roles["generator"]!)) > 0 ? "G" : ""}`);
      }
      s.dispose();
      return out;
    };
    expect(await changes({}, 4)).toEqual(["D", "G", "D", "G"]);
    expect(await changes({ alternate: true, dSteps: 2 }, 6)).toEqual(["D", "D", "G", "D", "D", "G"]);
    expect(await changes({ alternate: false, dSteps: 2 }, 4)).toEqual(["D", "DG", "D", "DG"]);
  });
});

describe("wgan-clip", () => {
  it("leaves every critic weight within [-clip, clip] after a critic step, and the generator unclipped", async () => {
    const doc = template("wgan-clip", "mini", { batchSize: 4 });
    const data = smallDataset("synthetic:shapes-32", 8);
    const s = await session(doc, data);
    const largest = (role: string) => Math.max(...snapshot(s.roles[role]!).map((w) => Math.max(...w.map(Math.abs))));
    expect(largest("discriminator")).toBeGreaterThan(0.05);
    step(s.prepared, data.gather("train", [0, 1, 2, 3]), 0, 5e-5);
    expect(largest("discriminator")).toBeLessThanOrEqual(0.01 + 1e-7);
    expect(largest("generator")).toBeGreaterThan(0.05);
    s.dispose();
  });
});

describe("wgan-gp", () => {
  it("computes the penalty and its gradient as by hand for a linear critic (gradient norm ‖w‖ = 5)", async () => {
    const s = await session(linearPair("wgan-gp", "linear"));
    setWeights(s.roles["generator"]!, [[0, 0, 0, 0], [1, 2]]); // every generated point is (1, 2)
    setWeights(s.roles["discriminator"]!, [[3, 4], [0.5]]);
    const data = points();
    const batch = data.gather("train", [0, 1, 2, 3, 4, 5, 6, 7]);
    const xs = Array.from(batch.x.data);
    const mean = [0, 1].map((c) => xs.filter((_, i) => i % 2 === c).reduce((a, b) => a + b, 0) / 8);
    const w = 3 * mean[0]! + 4 * mean[1]! + 0.5 - 11.5;
    const [loss, dLoss, gLoss, wDistance, gp] = values(s.prepared, batch);
    expect(s.prepared.columns.map((c) => c.name)).toEqual(["loss", "d_loss", "g_loss", "w_distance", "gp"]);
    expect(gp).toBeCloseTo(16, 4);
    expect(wDistance).toBeCloseTo(w, 4);
    expect(dLoss).toBeCloseTo(-w + 10 * 16, 3);
    expect(gLoss).toBeCloseTo(-11.5, 4);
    expect(loss).toBeCloseTo(dLoss! + gLoss!, 3);

    // One critic step (SGD, 0.01): ∂d_loss/∂w = −(mean real − (1, 2)) + 10·2·(‖w‖ − 1)·w/‖w‖.
    step(s.prepared, batch, 0, 0.01);
    const [kernel, bias] = snapshot(s.roles["discriminator"]!);
    expect(kernel![0]).toBeCloseTo(3 - 0.01 * (-(mean[0]! - 1) + 48), 4);
    expect(kernel![1]).toBeCloseTo(4 - 0.01 * (-(mean[1]! - 2) + 64), 4);
    expect(bias![0]).toBeCloseTo(0.5, 6);
    s.dispose();
  });
});

describe("hinge", () => {
  it("gives relu(1 − D(x)) + relu(1 + D(G(z))) and −D(G(z)), and steps by its subgradient", async () => {
    const s = await session(linearPair("hinge", "linear"));
    const batch = points().gather("train", [0, 1, 2, 3]);
    setWeights(s.roles["generator"]!, [[0, 0, 0, 0], [1, 2]]);
    for (const [c, d, g] of [[2, 3, -2], [-0.5, 2, 0.5], [0.25, 2, -0.25]] as const) {
      setWeights(s.roles["discriminator"]!, [[0, 0], [c]]);
      const v = values(s.prepared, batch);
      expect(v[1]).toBeCloseTo(d, 5);
      expect(v[2]).toBeCloseTo(g, 5);
    }
    // At D ≡ 2 only the generated term is active: ∂/∂bias = 1, ∂/∂kernel = the generated point (1, 2).
    setWeights(s.roles["discriminator"]!, [[0, 0], [2]]);
    step(s.prepared, batch, 0, 0.1);
    const [kernel, bias] = snapshot(s.roles["discriminator"]!);
    expect(Array.from(kernel!)).toEqual([expect.closeTo(-0.1, 5), expect.closeTo(-0.2, 5)]);
    expect(bias![0]).toBeCloseTo(1.9, 5);
    s.dispose();
  });
});

describe("conditional-gan", () => {
  it("gives each generated sample its real sample's label, in G and in D", async () => {
    const doc = graph("Linear cGAN")
      .node("z", "LatentInput", { dim: 2 })
      .node("label", "Input", { shape: [3] })
      .node("g_join", "Concatenate", {}).edge("z", ["g_join", "in0"]).edge("label", ["g_join", "in1"])
      .layer("g_out", "Dense", { units: 2 }, "g_join")
      .node("x", "Input", { shape: [2] })
      .node("d_join", "Concatenate", {}).edge("x", ["d_join", "in0"]).edge("label", ["d_join", "in1"])
      .layer("d_out", "Dense", { units: 1, activation: "sigmoid" }, "d_join")
      .network("G", ["z", "label"], ["g_out"])
      .network("D", ["x", "label"], ["d_out"])
      .training({ recipe: "conditional-gan", networks: { generator: "G", discriminator: "D" }, losses: [], optimizer: { kind: "adam", learningRate: 0.001 }, batchSize: 5, epochs: 1 })
      .build();
    const s = await session(doc);
    // G(z, y) = L[y] whatever z; D(x, y) = sigmoid(v·x + w[y]).
    const L = [[1, 0], [0, 1], [2, 2]];
    const v = [0.5, -0.25];
    const w = [1, -1, 0.3];
    setWeights(s.roles["generator"]!, [[0, 0, 0, 0, ...L.flat()], [0, 0]]);
    setWeights(s.roles["discriminator"]!, [[...v, ...w], [0]]);
    // Labels 0, 0, 0, 0, 1: a generator fed other labels (uniform, or shifted) would score differently.
    const batch = points().gather("train", [0, 3, 6, 9, 1]);
    const ids = Array.from(batch.y.data);
    expect(ids).toEqual([0, 0, 0, 0, 1]);
    const sig = (t: number) => 1 / (1 + Math.exp(-t));
    const real = ids.map((y, i) => sig(v[0]! * batch.x.data[2 * i]! + v[1]! * batch.x.data[2 * i + 1]! + w[y]!));
    const fake = ids.map((y) => sig(v[0]! * L[y]![0]! + v[1]! * L[y]![1]! + w[y]!));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [, dLoss, gLoss] = values(s.prepared, batch);
    expect(dLoss).toBeCloseTo(mean(real.map((p) => -Math.log(p))) + mean(fake.map((p) => -Math.log(1 - p))), 5);
    expect(gLoss).toBeCloseTo(mean(fake.map((p) => -Math.log(p))), 5);
    s.dispose();
  });
});

describe("pix2pix", () => {
  it("computes d_loss = ½(BCE real + BCE fake), l1 = mean |G(s) − y| and g_loss = BCE + l1Weight·l1", async () => {
    const data = smallDataset("synthetic:outlines-32", 4);
    const s = await session(template("pix2pix", "mini", { batchSize: 2, options: { l1Weight: 7 } }), data);
    const batch = data.gather("train", [0, 1]);
    const [, dLoss, gLoss, l1] = values(s.prepared, batch);
    const expected = tf.tidy(() => {
      const src = tf.tensor(batch.x.data, [...batch.x.shape]);
      const y = tf.tensor(batch.y.data, [...batch.y.shape]);
      const g = s.roles["generator"]!.model;
      const d = s.roles["discriminator"]!.model;
      const fake = g.predict(src) as tf.Tensor;
      const bce = (p: tf.Tensor, label: number) => tf.mean(tf.neg(tf.log(tf.clipByValue(label ? p : tf.sub(1, p), 1e-7, 1))));
      const dReal = d.predict([src, y]) as tf.Tensor;
      const dFake = d.predict([src, fake]) as tf.Tensor;
      const l1 = tf.mean(tf.abs(tf.sub(fake, y)));
      return [tf.mul(0.5, tf.add(bce(dReal, 1), bce(dFake, 0))), tf.add(bce(dFake, 1), tf.mul(7, l1)), l1].map((t) => t.dataSync()[0]!);
    });
    expect(dLoss).toBeCloseTo(expected[0]!, 4);
    expect(gLoss).toBeCloseTo(expected[1]!, 3);
    expect(l1).toBeCloseTo(expected[2]!, 5);
    expect(l1).toBeGreaterThan(0);
    s.dispose();
  });
});

describe("networks that do not fit", () => {
  const toy = () => template("toy-gan", "full");
  const edit = (doc: GraphDocument, id: string, params: Record<string, unknown>): GraphDocument => ({
    ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...params } as typeof n.params } : n)),
  });

  it.each([
    ["a generator output of the wrong size", edit(toy(), "g_out", { units: 3 }), "gan", "g_out", /gives 3 per sample, but the samples of synthetic:gaussians are 2/],
    ["a discriminator without a sigmoid under cross-entropy", edit(toy(), "d_out", { activation: "linear" }), "gan", "d_out", /set it to sigmoid/],
    ["a sigmoid critic under the Wasserstein loss", toy(), "wgan-clip", "d_out", /set it to linear/],
    ["a data input of the wrong size", edit(toy(), "x", { shape: [3] }), "hinge", "x", /takes 3/],
  ])("names the node at fault: %s", async (_what, doc, recipe, node, message) => {
    const d = { ...doc, training: { ...doc.training!, recipe } };
    await expect(session(d)).rejects.toMatchObject({ name: "TrainingError", nodeId: node, message: expect.stringMatching(message) });
  });

  it("refuses a conditional GAN whose discriminator has no label input", async () => {
    await expect(session({ ...toy(), training: { ...toy().training!, recipe: "conditional-gan" } })).rejects.toThrow(/needs two inputs, one Latent noise node and one label Input/);
  });
});
