/**
 * Each custom layer (runtime/layers) inside a small graph trains with the supervised recipe:
 * the loss goes down, so gradients flow through it into the weights around it and its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { Rng } from "../../../runtime/data/rng.js";
import { sineWaves } from "../../../runtime/data/synthetic/sequences.js";
import type { Dataset } from "../../../runtime/data/types.js";
import { graph } from "../../support/docs.js";
import { arrays, points, trainDoc, useCpu } from "./support.js";

beforeAll(useCpu);

const sine = (): Dataset => sineWaves({ steps: 12, trainSize: 48, testSize: 8 });
/** 8×8 colour noise; the class is the channel that is brighter. */
function colourImages(): Dataset {
  const rng = new Rng(5);
  const n = 48, per = 8 * 8 * 3;
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  const values = new Float32Array(n * per);
  for (let i = 0; i < n; i++) for (let k = 0; k < per; k++) values[i * per + k] = rng.next() * 0.6 + (k % 3 === labels[i] ? 0.4 : 0);
  return arrays("test:colours", [8, 8, 3], values, labels);
}

const mse = [{ output: "out", loss: "meanSquaredError", weight: 1 }];
const ce = [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }];
const adam = (learningRate: number) => ({ kind: "adam" as const, learningRate });

const cases: [string, () => GraphDocument, () => Dataset][] = [
  ["DilatedCausalConv1D", () => graph()
    .node("x", "Input", { shape: [12, 1] })
    .layer("c1", "DilatedCausalConv1D", { filters: 8, kernelSize: 2, dilationRate: 1, activation: "tanh" }, "x")
    .layer("c2", "DilatedCausalConv1D", { filters: 8, kernelSize: 2, dilationRate: 2, activation: "tanh" }, "c1")
    .layer("out", "DilatedCausalConv1D", { filters: 1, kernelSize: 1, dilationRate: 1 }, "c2")
    .network("net", ["x"], ["out"]).training({ losses: mse, optimizer: adam(0.02), batchSize: 16, epochs: 4 }).build(), sine],
  ["LocalResponseNormalization", () => graph()
    .node("x", "Input", { shape: [8, 8, 3] })
    .layer("conv", "Conv2D", { filters: 6, kernelSize: [3, 3], activation: "relu" }, "x")
    .layer("lrn", "LocalResponseNormalization", { depthRadius: 2, bias: 1, alpha: 1e-3, beta: 0.75 }, "conv")
    .layer("flat", "Flatten", {}, "lrn")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "flat")
    .network("net", ["x"], ["out"]).training({ losses: ce, optimizer: adam(0.01), batchSize: 16, epochs: 4 }).build(),
  colourImages],
  ["Attention", () => graph()
    .node("x", "Input", { shape: [12, 1] })
    .layer("embed", "Dense", { units: 8, activation: "tanh" }, "x")
    .layer("att", "Attention", { inputMode: "self", heads: 2, keyDim: 4, causal: true }, "embed")
    .layer("out", "Dense", { units: 1 }, "att")
    .network("net", ["x"], ["out"]).training({ losses: mse, optimizer: adam(0.02), batchSize: 16, epochs: 4 }).build(), sine],
  ["SpectralNormalization", () => graph()
    .node("x", "Input", { shape: [2] })
    .layer("sn", "SpectralNormalization", { layer: "Dense", units: 16, activation: "relu" }, "x")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "sn")
    .network("net", ["x"], ["out"]).training({ losses: ce, optimizer: adam(0.03), batchSize: 32, epochs: 4 }).build(), points],
  ["Memory (NTM)", () => graph()
    .node("x", "Input", { shape: [8, 1] })
    .layer("ntm", "Memory", { memorySlots: 8, slotSize: 4, readHeads: 1, writeHeads: 1, controllerUnits: 8, shiftRange: 1, outputDim: 1 }, "x")
    .network("net", ["x"], ["ntm"]).training({ losses: [{ output: "ntm", loss: "meanSquaredError", weight: 1 }], optimizer: adam(0.02), batchSize: 16, epochs: 3 }).build(),
  () => sineWaves({ steps: 8, trainSize: 32, testSize: 8 })],
];

describe("custom layers train", () => {
  it.each(cases)("%s: the loss goes down", async (_name, doc, data) => {
    const r = await trainDoc(doc(), data(), { seed: 2 });
    const losses = r.epochs.map((e) => e.values.loss!);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! * 0.9);
    r.session.dispose();
  });
});
