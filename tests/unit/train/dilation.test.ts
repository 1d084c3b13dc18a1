/**
 * tfjs 4.22 has no gradient for dilated Conv1D / Conv2D / SeparableConv2D; training refuses such
 * a network before the first step, naming the node (inside a block too) and what to do.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BLOCK_IN, BLOCK_OUT } from "../../../graph-ir/core/document.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import { TrainingError } from "../../../runtime/train/errors.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { blockDef, edge, graph, node } from "../../support/docs.js";
import { tf, trainDoc, useCpu } from "./support.js";

beforeAll(useCpu);

const data = () => shapes({ size: 16, trainSize: 8, testSize: 4 });
const training = { dataset: "synthetic:shapes-16", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], batchSize: 4, epochs: 1 };

function convNet(dilation: number) {
  return graph("Dilated")
    .node("x", "Input", { shape: [16, 16, 3] })
    .layer("wide", "Conv2D", { filters: 4, kernelSize: [3, 3], padding: "same", dilationRate: [dilation, dilation], activation: "relu" }, "x")
    .layer("gap", "GlobalAveragePooling2D", {}, "wide")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "gap")
    .network("net", ["x"], ["out"])
    .training(training)
    .build();
}

async function refusal(doc: ReturnType<typeof convNet>): Promise<TrainingError> {
  const e = await prepareTraining(doc, { dataset: data(), seed: 1 }).then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(TrainingError);
  return e as TrainingError;
}

describe("dilated convolutions in training", () => {
  it("tfjs itself cannot take the gradient (the reason for the refusal)", () => {
    const x = tf.ones([1, 8, 8, 1]) as tf.Tensor4D;
    const k = tf.variable(tf.ones([3, 3, 1, 1]) as tf.Tensor4D);
    expect(() => tf.variableGrads(() => tf.sum(tf.conv2d(x, k, 1, "same", "NHWC", 2)) as tf.Scalar, [k])).toThrow(/dilation/i);
    tf.dispose([x, k]);
  });

  it("refuses a dilated Conv2D before training, naming the node and the fix", async () => {
    const before = tf.memory().numTensors;
    const e = await refusal(convNet(2));
    expect(e.code).toBe("graph");
    expect(e.nodeId).toBe("wide");
    expect(e.message).toMatch(/'wide' \(Conv2D\) in network 'net' has dilationRate 2×2/);
    expect(e.message).toMatch(/Set its dilationRate to 1/);
    expect(tf.memory().numTensors).toBe(before); // the built model was freed
  });

  it("names the block instance and inner node of a dilated convolution inside a block", async () => {
    const body = blockDef({
      inputs: ["x"], outputs: ["y"],
      nodes: [node("atrous", "Conv2D", { filters: 4, kernelSize: [3, 3], padding: "same", dilationRate: [3, 3] })],
      edges: [edge([BLOCK_IN, "x"], "atrous"), edge("atrous", [BLOCK_OUT, "y"])],
    });
    const doc = graph("Block")
      .block("Atrous", body)
      .node("x", "Input", { shape: [16, 16, 3] })
      .layer("fc6", "Atrous", {}, "x")
      .layer("gap", "GlobalAveragePooling2D", {}, "fc6")
      .layer("out", "Dense", { units: 3, activation: "softmax" }, "gap")
      .network("net", ["x"], ["out"])
      .training(training)
      .build();
    const e = await refusal(doc);
    expect(e.nodeId).toBe("fc6");
    expect(e.message).toMatch(/'fc6' \(Atrous\) › atrous \(Conv2D\)/);
  });

  it("points a dilated Conv1D at DilatedCausalConv1D", async () => {
    const doc = graph("Seq")
      .node("x", "Input", { shape: [16, 3] })
      .layer("c", "Conv1D", { filters: 4, kernelSize: [3], dilationRate: [2] }, "x")
      .layer("gap", "GlobalAveragePooling1D", {}, "c")
      .layer("out", "Dense", { units: 3, activation: "softmax" }, "gap")
      .network("net", ["x"], ["out"])
      .training(training)
      .build();
    // The image dataset would not fit this sequence net either; the refusal comes first.
    const e = await refusal(doc);
    expect(e.message).toMatch(/'c' \(Conv1D\).*dilationRate 2.*DilatedCausalConv1D/s);
  });

  it("trains the same network with dilationRate 1", async () => {
    const run = await trainDoc(convNet(1), data(), { seed: 1 });
    expect(Number.isFinite(run.epochs[0]!.values["loss"])).toBe(true);
    run.session.dispose();
  });
});
