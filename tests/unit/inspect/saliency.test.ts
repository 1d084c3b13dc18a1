/**
 * Saliency: plain gradients agree with finite differences of the class logit; guided
 * back-propagation agrees with a hand computation through two ReLUs (a ReLU node and a Dense
 * layer's relu activation); a final softmax is left out of the score.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { inputGradient, saliency } from "../../../runtime/inspect/index.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import { graph } from "../../support/docs.js";
import { tf } from "./support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const W1 = [[0.5, -1, 0.3, 0.8], [0.2, 0.4, -0.6, -0.5], [-0.7, 0.9, 0.5, 0.1]];
const B1 = [0.1, 0.2, 0.9, -0.1];
const W2 = [[1, -0.5, 0.4], [-0.8, 0.6, 0.3], [0.5, 0.7, -0.9], [0.3, -0.2, 0.6]];
const B2 = [0.05, -0.1, 0.4];
const W3 = [[0.9, -0.4], [-0.7, 0.8], [0.6, 0.5]];
const B3 = [0, 0];
const X = [1, -0.5, 0.8];

const matVec = (x: number[], w: number[][], b: number[]) => b.map((bj, j) => bj + x.reduce((s, xi, i) => s + xi * w[i]![j]!, 0));
/** w · g: back through a layer. */
const back = (w: number[][], g: number[]) => w.map((row) => row.reduce((s, wij, j) => s + wij * g[j]!, 0));

function handGradient(c: number, guided: boolean): number[] {
  const z1 = matVec(X, W1, B1);
  const a1 = z1.map((v) => Math.max(v, 0));
  const z2 = matVec(a1, W2, B2);
  const relu = (z: number[], dy: number[]) => dy.map((d, j) => (z[j]! > 0 && (!guided || d > 0) ? d : 0));
  const g2 = relu(z2, W3.map((row) => row[c]!));
  const g1 = relu(z1, back(W2, g2));
  return back(W1, g1);
}

async function twoLayerNet(outActivation: string) {
  const doc = graph("Two ReLUs")
    .node("x", "Input", { shape: [3] })
    .layer("d1", "Dense", { units: 4 }, "x")
    .layer("r", "ReLU", {}, "d1")
    .layer("d2", "Dense", { units: 3, activation: "relu" }, "r")
    .layer("out", "Dense", { units: 2, activation: outActivation }, "d2")
    .network("net", ["x"], ["out"])
    .build();
  const net = await materializeNetwork(doc, "net");
  const m = net.model;
  m.getLayer("d1").setWeights([tf.tensor2d(W1), tf.tensor1d(B1)]);
  m.getLayer("d2").setWeights([tf.tensor2d(W2), tf.tensor1d(B2)]);
  m.getLayer("out").setWeights([tf.tensor2d(W3), tf.tensor1d(B3)]);
  return m;
}

describe("guided back-propagation", () => {
  it("matches the hand computation through a ReLU node and a Dense relu, and differs from the plain gradient", async () => {
    const model = await twoLayerNet("softmax");
    const x = tf.tensor1d(X);
    for (const c of [0, 1]) {
      const guided = await inputGradient(model, x, { classIndex: c, method: "guided" });
      const plain = await inputGradient(model, x, { classIndex: c, method: "plain" });
      expect(guided.shape).toEqual([3]);
      handGradient(c, true).forEach((v, i) => expect(guided.values[i]).toBeCloseTo(v, 5));
      handGradient(c, false).forEach((v, i) => expect(plain.values[i]).toBeCloseTo(v, 5));
    }
    // The weights are chosen so the two rules disagree: a negative gradient reaches an open ReLU.
    expect(handGradient(0, true)).not.toEqual(handGradient(0, false));
    // The model is left as it was: predictions still go through the ReLUs and the softmax.
    const p = tf.tidy(() => (model.predict(x.expandDims(0)) as tf.Tensor).dataSync());
    expect(p[0]! + p[1]!).toBeCloseTo(1, 5);
    x.dispose();
    model.dispose();
  });

  it("scores the logit: a softmax output gives the gradient of the same net with a linear output", async () => {
    const soft = await twoLayerNet("softmax");
    const linear = await twoLayerNet("linear");
    const x = tf.tensor1d(X);
    const a = await inputGradient(soft, x, { classIndex: 1, method: "plain" });
    const b = await inputGradient(linear, x, { classIndex: 1, method: "plain" });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    x.dispose();
    soft.dispose();
    linear.dispose();
  });
});

describe("plain saliency", () => {
  it("equals |∂score/∂x| by central finite differences", async () => {
    const doc = graph("Conv")
      .node("x", "Input", { shape: [4, 4, 2] })
      .layer("conv", "Conv2D", { filters: 3, kernelSize: [3, 3], padding: "same", activation: "tanh" }, "x")
      .layer("flat", "Flatten", {}, "conv")
      .layer("out", "Dense", { units: 3 }, "flat")
      .network("net", ["x"], ["out"])
      .build();
    const { model } = await materializeNetwork(doc, "net", { seed: 4 });
    const values = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i * 1.7));
    const c = 2;
    const score = (v: Float32Array) => tf.tidy(() => (model.predict(tf.tensor4d(v, [1, 4, 4, 2])) as tf.Tensor).dataSync()[c]!);
    const eps = 1e-2;
    const fd = Array.from(values, (_, i) => {
      const up = values.slice();
      const down = values.slice();
      up[i]! += eps;
      down[i]! -= eps;
      return (score(up) - score(down)) / (2 * eps);
    });
    const x = tf.tensor3d(values, [4, 4, 2]);
    const g = await inputGradient(model, x, { classIndex: c, method: "plain" });
    fd.forEach((v, i) => expect(Math.abs(g.values[i]! - v)).toBeLessThan(2e-3));
    const heat = await saliency(model, x, { classIndex: c, method: "plain" });
    expect([heat.width, heat.height]).toEqual([4, 4]);
    const perPixel = Array.from({ length: 16 }, (_, p) => Math.max(Math.abs(fd[2 * p]!), Math.abs(fd[2 * p + 1]!)));
    const top = Math.max(...perPixel);
    perPixel.forEach((v, p) => expect(Math.abs(heat.values[p]! - v / top)).toBeLessThan(1e-2));
    x.dispose();
    model.dispose();
  });

  it("refuses a class out of range and a batch of several samples", async () => {
    const model = await twoLayerNet("softmax");
    const x = tf.tensor1d(X);
    await expect(inputGradient(model, x, { classIndex: 2, method: "plain" })).rejects.toThrow(/Class 2 is out of range: output 'out' has 2 classes/);
    const two = tf.tensor2d([X, X]);
    await expect(inputGradient(model, two, { classIndex: 0, method: "plain" })).rejects.toThrow(/one sample at a time, of shape \[3\]/);
    tf.dispose([x, two]);
    model.dispose();
  });
});
