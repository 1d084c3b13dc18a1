/**
 * The training loop: flat tensor count across epochs, exact resume from a mid-epoch checkpoint
 * (through the checkpoint files the CLI writes), validation and early stopping, the recipe seam,
 * and the clear errors for bad data, NaN losses and memory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCheckpoint, writeCheckpoint } from "../../../electron/host/train/checkpoint-files.js";
import * as tf from "../../../runtime/tf.js";
import type { Checkpoint } from "../../../runtime/train/checkpoint.js";
import { TrainingError } from "../../../runtime/train/errors.js";
import { train } from "../../../runtime/train/loop.js";
import type { PreparedRecipe } from "../../../runtime/train/recipe.js";
import { parseSettings } from "../../../runtime/train/settings.js";
import { applyUpdate } from "../../../runtime/train/update.js";
import { blockDef, edge, graph, node } from "../../support/docs.js";
import { arrays, lossesOf, mlp, points, trainDoc, useCpu } from "./support.js";

let dir: string;
beforeAll(async () => {
  await useCpu();
  dir = await mkdtemp(join(tmpdir(), "layerloom-loop-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("training loop", () => {
  it("keeps tf.memory().numTensors flat from epoch 2 to epoch 5, and frees everything on dispose", async () => {
    const start = tf.memory().numTensors;
    const counts: number[] = [];
    const r = await trainDoc(mlp({ epochs: 5, optimizer: { kind: "sgd", learningRate: 0.05, momentum: 0.9 }, clipNorm: 1, options: { validationSplit: 0.25, schedule: "cosine" } }), points(), {
      onEpoch: () => void counts.push(tf.memory().numTensors),
    });
    expect(counts).toHaveLength(5);
    expect(counts[4]).toBe(counts[1]);
    r.session.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it.each([
    ["adam", { kind: "adam", learningRate: 0.02 }],
    ["sgd with momentum", { kind: "sgd", learningRate: 0.05, momentum: 0.9 }],
    ["rmsprop", { kind: "rmsprop", learningRate: 0.01, momentum: 0.5 }],
  ] as const)("resumes from a mid-epoch checkpoint file with the same losses as an uninterrupted run (%s)", async (_name, optimizer) => {
    const doc = mlp({ epochs: 3, optimizer, options: { validationSplit: 0.25 } });
    const whole = await trainDoc(doc, points(), { seed: 11 });
    whole.session.dispose();

    let batches = 0;
    const first = await trainDoc(doc, points(), { seed: 11, onBatch: () => void batches++, signal: { get aborted() { return batches >= 6; } } });
    expect(first.outcome.status).toBe("interrupted");
    // 144 training samples in batches of 32: 5 per epoch, so the stop falls in the second epoch.
    expect(first.outcome.loop).toMatchObject({ epoch: 1, batch: 1, step: 6 });
    const path = join(dir, `resume-${optimizer.kind}`);
    await writeCheckpoint(path, first.checkpoints.at(-1)!);
    first.session.dispose();

    const rest = await trainDoc(doc, points(), { seed: 11, resume: await readCheckpoint(path) });
    expect(rest.outcome.status).toBe("completed");
    expect(lossesOf(rest.outcome.history)).toEqual(lossesOf(whole.outcome.history));
    rest.session.dispose();
  });

  it("refuses a checkpoint from a different graph", async () => {
    const a = await trainDoc(mlp({ epochs: 1 }), points());
    const checkpoint: Checkpoint = a.checkpoints.at(-1)!;
    a.session.dispose();
    const other = mlp({ epochs: 2, optimizer: { kind: "adam", learningRate: 0.02 }, batchSize: 16 });
    await expect(trainDoc(other, points(), { resume: checkpoint })).rejects.toThrow(/written for a different graph or training setup/);
  });

  it("reports validation values and stops early when the monitored value stalls", async () => {
    const doc = mlp({ epochs: 10, optimizer: { kind: "sgd", learningRate: 1e-9 }, options: { validationSplit: 0.25, earlyStoppingPatience: 2, earlyStoppingMinDelta: 0.01 } });
    const r = await trainDoc(doc, points());
    expect(r.outcome.status).toBe("early-stopped");
    expect(r.epochs).toHaveLength(3);
    expect(Object.keys(r.epochs[0]!.values)).toEqual(["loss", "accuracy", "val_loss", "val_accuracy"]);
    expect(r.outcome.loop.stopper.bestEpoch).toBe(1);
    r.session.dispose();
    await expect(trainDoc(mlp({ options: { earlyStoppingPatience: 1, earlyStoppingMonitor: "val_loss" } }), points())).rejects.toThrow(/"val_loss", which this run does not report \(validation values need training.options.validationSplit\); choose one of loss, accuracy/);
  });
});

describe("bad input gets a clear message", () => {
  it("names the sample and position of a NaN in the data", async () => {
    const values = new Float32Array(20).fill(0.5);
    values[11] = NaN; // sample 5, feature 1
    const data = arrays("test:nan", [2], values, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    const err = await trainDoc(mlp({ batchSize: 4 }), data).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as TrainingError).code).toBe("data-not-finite");
    expect((err as Error).message).toMatch(/^Sample 5 of the train split of test:nan has NaN in its input at position \[1\]/);
  });

  it("says when the data does not fit the Input node, and how to fix it", async () => {
    const wide = mlp();
    const doc = { ...wide, nodes: wide.nodes.map((n) => (n.id === "x" ? { ...n, params: { shape: [3] } } : n)) };
    await expect(trainDoc(doc, points())).rejects.toThrow("The dataset synthetic:gaussians gives samples of shape 2, but input 'x' of network 'net' takes 3. To fix: set the shape of 'x' to [2], or pick a dataset whose samples are 3.");
  });

  it("stops on a NaN loss and names the first node, inside its block, whose output went non-finite", async () => {
    // Every sample is the same point, so a batch norm with epsilon 0 divides 0 by 0.
    const unit = blockDef({
      inputs: ["x"], outputs: ["y"],
      nodes: [node("dense", "Dense", { units: 4, activation: "relu" }), node("norm", "BatchNormalization", { epsilon: 0 }), node("act", "Tanh", {})],
      edges: [edge(["$in", "x"], "dense"), edge("dense", "norm"), edge("norm", "act"), edge("act", ["$out", "y"])],
    });
    const doc = graph("NaN")
      .block("Unit", unit)
      .node("x", "Input", { shape: [2] })
      .layer("h", "Dense", { units: 4 }, "x")
      .layer("u", "Unit", {}, "h")
      .layer("out", "Dense", { units: 3, activation: "softmax" }, "u")
      .network("net", ["x"], ["out"])
      .training({ dataset: "test:same", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], optimizer: { kind: "adam", learningRate: 0.01 }, batchSize: 8, epochs: 2 })
      .build();
    const data = arrays("test:same", [2], new Float32Array(32).fill(0.7), Array.from({ length: 16 }, (_, i) => i % 3));
    const { prepareTraining } = await import("../../../runtime/train/session.js");
    const session = await prepareTraining(doc, { dataset: data, seed: 1 });
    const err = await train({ recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as TrainingError).code).toBe("non-finite-loss");
    expect((err as TrainingError).nodeId).toBe("u");
    expect((err as Error).message).toMatch(/^Training stopped at epoch 1, batch 1 of 2 \(step 1\): the loss is not finite \(loss = NaN\)\. The first node whose output is not finite on that batch is node 'u' \(Unit\) › norm \(BatchNormalization\): 32 NaN of its 32 values/);
    expect((err as Error).message).toMatch(/unless epsilon is above 0 .*Lower the learning rate \(now 0\.01\)/);
    // The NaN step was not applied: the weights are still finite.
    for (const w of session.networks[0]!.model.weights) expect(tf.all(tf.isFinite(w.read())).dataSync()[0], w.name).toBe(1);
    session.dispose();
  });

  it("turns an allocation failure into an out-of-memory message with a smaller batch to try", async () => {
    const { prepareTraining } = await import("../../../runtime/train/session.js");
    const session = await prepareTraining(mlp({ batchSize: 64 }), { dataset: points() });
    const failing: PreparedRecipe = { ...session.prepared, step: () => { throw new RangeError("Array buffer allocation failed"); } };
    const err = await train({ recipe: failing, networks: session.networks, dataset: points(), settings: session.settings, fingerprint: session.fingerprint }).catch((e: unknown) => e);
    expect((err as TrainingError).code).toBe("out-of-memory");
    expect((err as Error).message).toMatch(/^Out of memory during a training step on the cpu backend with batch size 64 \(Array buffer allocation failed\)\. .* Lower training\.batchSize \(try 32\)/);
    session.dispose();
  });

  it("lists every bad training setting at once", () => {
    const t = mlp({ batchSize: 0, clipNorm: -1, options: { schedule: "linear", validationSplit: 1.5, augmentFlip: "yes" } }).training!;
    expect(() => parseSettings(t, [])).toThrow(/batchSize is 0[\s\S]*clipNorm is -1[\s\S]*schedule is "linear"; it must be one of constant, step, exponential, cosine[\s\S]*validationSplit is 1.5[\s\S]*augmentFlip must be true or false/);
    expect(parseSettings(mlp({ options: { colour: 3 } }).training!, []).warnings).toEqual(["training.options.colour is not a setting of the supervised recipe or the training loop; it is ignored"]);
  });
});

describe("the recipe seam", () => {
  it("runs a recipe the loop knows nothing about", async () => {
    // A one-variable recipe: learn the mean class id. It uses only the PreparedRecipe interface and applyUpdate.
    const data = points();
    const mean = tf.variable(tf.scalar(0), true, "test_recipe_mean");
    const layerVar = { read: () => mean, trainable: true, name: mean.name } as unknown as tf.LayerVariable;
    const group = { name: "mean", optimizer: tf.train.sgd(0.1), variables: [layerVar] };
    const loss = (y: tf.Tensor) => tf.mean(tf.square(tf.sub(tf.cast(y, "float32"), mean))) as tf.Scalar;
    const recipe: PreparedRecipe = {
      columns: [{ name: "loss", kind: "loss", better: "lower" }],
      groups: [group],
      warnings: [],
      step: (b, ctx) => applyUpdate(group, () => ({ loss: loss(tf.tensor(b.y.data, [...b.y.shape])), report: [] }), ctx.rules),
      evaluate: (b) => tf.stack([loss(tf.tensor(b.y.data, [...b.y.shape]))]) as tf.Tensor1D,
      probe: () => { throw new Error("not used"); },
      dispose: () => group.optimizer.dispose(),
    };
    const { settings } = parseSettings(mlp({ epochs: 4, optimizer: { kind: "sgd", learningRate: 0.1 } }).training!, []);
    const out = await train({ recipe, networks: [], dataset: data, settings, fingerprint: "test" });
    const losses = out.history.map((h) => h.values.loss!);
    expect(losses[3]!).toBeLessThan(losses[0]! * 0.8);
    expect(Math.abs(mean.dataSync()[0]! - 1)).toBeLessThan(0.15); // classes 0, 1, 2 equally often
    recipe.dispose();
    mean.dispose();
  });
});
