/**
 * No future leaks: in a causal stack, changing the input at step t never changes an output
 * before t. Checked on the DilatedCausalConv1D layer alone and on the WaveNet and TCN minis as
 * Layerloom builds them, at seeded random steps with seeded random perturbations, asserting
 * exact equality of every earlier output. A "same"-padded Conv1D stack is the control: the same
 * check must catch its leak, so the check itself can fail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { Rng } from "../../../runtime/data/rng.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import "../../../runtime/layers/index.js";
import { graph } from "../../support/docs.js";
import { loadConfig } from "../templates/support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

interface LeakReport {
  /** Perturbations tried. */
  readonly trials: number;
  /** Trials where some output before the perturbed step changed. */
  readonly leaks: number;
  /** Trials where the output at or after the perturbed step changed (the perturbation reached the output at all). */
  readonly reached: number;
}

/** Perturbs one step of a random input at a time and compares outputs before it, value for value. */
async function leakCheck(doc: GraphDocument, trials: number, seed: number): Promise<LeakReport> {
  const net = await materializeNetwork(doc, doc.networks[0]!.id, { seed });
  const [steps, channels] = net.model.inputs[0]!.shape.slice(1) as [number, number];
  const rng = new Rng(seed);
  const base = Float32Array.from({ length: steps * channels }, () => rng.uniform(-1, 1));
  const predict = (values: Float32Array): Float32Array =>
    tf.tidy(() => (net.model.predict(tf.tensor3d(values, [1, steps, channels])) as tf.Tensor).dataSync() as Float32Array);
  const y0 = predict(base);
  const perStep = y0.length / steps;
  let leaks = 0;
  let reached = 0;
  for (let k = 0; k < trials; k++) {
    const t = 1 + rng.int(steps - 1);
    const x = base.slice();
    for (let c = 0; c < channels; c++) x[t * channels + c]! += rng.uniform(0.5, 2) * (rng.chance(0.5) ? 1 : -1);
    const y = predict(x);
    if (y.subarray(0, t * perStep).some((v, i) => v !== y0[i])) leaks++;
    if (y.subarray(t * perStep).some((v, i) => v !== y0[t * perStep + i])) reached++;
  }
  net.model.dispose();
  return { trials, leaks, reached };
}

describe("causal stacks never see the future", () => {
  it("DilatedCausalConv1D alone, at several kernels and dilations", async () => {
    for (const [k, d] of [[2, 1], [3, 2], [2, 8], [5, 3]] as const) {
      const doc = graph()
        .node("x", "Input", { shape: [24, 3] })
        .layer("conv", "DilatedCausalConv1D", { filters: 4, kernelSize: k, dilationRate: d, activation: "tanh" }, "x")
        .network("net", ["x"], ["conv"])
        .build();
      const r = await leakCheck(doc, 12, 10 + k * d);
      expect(r, `k ${k}, d ${d}`).toEqual({ trials: 12, leaks: 0, reached: 12 });
    }
  });

  it("the WaveNet mini (gated residual layers, skips, 1×1 output layers)", async () => {
    const r = await leakCheck(loadConfig("wavenet", "mini").doc, 16, 3);
    expect(r).toEqual({ trials: 16, leaks: 0, reached: 16 });
  });

  it("the TCN mini (temporal blocks with residual shortcuts)", async () => {
    const r = await leakCheck(loadConfig("tcn", "mini").doc, 16, 4);
    expect(r.leaks).toBe(0);
    // ReLUs can swallow a perturbation, but most must reach the outputs.
    expect(r.reached).toBeGreaterThan(12);
  });

  it("control: the same check catches a \"same\"-padded Conv1D stack looking ahead", async () => {
    const doc = graph()
      .node("x", "Input", { shape: [24, 3] })
      .layer("conv1", "Conv1D", { filters: 4, kernelSize: [3], padding: "same", activation: "tanh" }, "x")
      .layer("conv2", "Conv1D", { filters: 4, kernelSize: [3], padding: "same" }, "conv1")
      .network("net", ["x"], ["conv2"])
      .build();
    const r = await leakCheck(doc, 12, 5);
    expect(r.leaks).toBe(12);
  });
});
