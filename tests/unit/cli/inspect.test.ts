/**
 * `layerloom inspect` through main(): each tool writes its PNG files (and t-SNE/PCA their points)
 * and says what it wrote; a node without feature maps for Grad-CAM, a class out of range, an
 * unknown node and a run folder of another graph get plain messages and exit status 2.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";
import { writeCheckpoint } from "../../../electron/host/train/checkpoint-files.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import { captureCheckpoint } from "../../../runtime/train/checkpoint.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { graph } from "../../support/docs.js";

const dir = mkdtempSync(join(tmpdir(), "layerloom-inspect-cli-"));

function cnn(filters = 4): GraphDocument {
  return graph("Shapes CNN")
    .node("x", "Input", { shape: [32, 32, 3] })
    .layer("conv", "Conv2D", { filters, kernelSize: [3, 3], padding: "same", activation: "relu" }, "x")
    .layer("pool", "MaxPooling2D", { poolSize: [4, 4] }, "conv")
    .layer("conv2", "Conv2D", { filters: 4, kernelSize: [3, 3], padding: "same", activation: "relu" }, "pool")
    .layer("flat", "Flatten", {}, "conv2")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "flat")
    .network("net", ["x"], ["out"])
    .training({ dataset: "synthetic:shapes-32", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], optimizer: { kind: "adam", learningRate: 0.01 }, batchSize: 32, epochs: 1 })
    .build();
}

/** A run folder as `layerloom train` leaves it (checkpoint/), holding the document's seeded weights. */
async function runFolder(doc: GraphDocument, name: string): Promise<string> {
  const net = await materializeNetwork(doc, "net", { seed: 5 });
  const loop = { epoch: 1, batch: 0, step: 10, rng: 0, history: [], partial: { sums: [], samples: 0, seconds: 0 }, stopper: { best: null, bestEpoch: 0, wait: 0 } };
  const run = join(dir, name);
  await writeCheckpoint(join(run, "checkpoint"), await captureCheckpoint("test", 5, loop, [net], []));
  net.model.dispose();
  return run;
}

let file: string;
let run: string;
let otherRun: string;
beforeAll(async () => {
  await tf.setBackend("cpu");
  file = join(dir, "cnn.layerloom.json");
  writeFileSync(file, JSON.stringify(cnn()));
  run = await runFolder(cnn(), "run");
  otherRun = await runFolder(cnn(6), "other");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inspect(...args: string[]) {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += t + "\n"), err: (t: string) => void (io.stderr += t + "\n") } satisfies Io & { stdout: string; stderr: string };
  const code = await main(["inspect", file, "--weights", run, "--out", join(dir, "out"), ...args], io);
  return { code, ...io };
}

const png = (path: string) => PNG.sync.read(readFileSync(path));

describe("layerloom inspect", () => {
  it("draws Grad-CAM at the last convolution by default, alone and over the input", async () => {
    const r = await inspect("--tool", "gradcam", "--input-index", "2", "--class", "1");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const heat = join(dir, "out", "gradcam-conv2-2-c1.png");
    expect(r.stdout).toContain(`wrote ${heat} (Grad-CAM at 'conv2' for class 1 (square) on sample 2 of the test split (label `);
    expect(r.stdout).toContain(`wrote ${join(dir, "out", "gradcam-conv2-2-c1-overlay.png")} (the same over the input)`);
    const image = png(heat);
    expect([image.width, image.height]).toEqual([128, 128]);
  });

  it("writes feature maps, saliency, guided back-propagation and an optimised input", async () => {
    for (const [args, name] of [
      [["--tool", "activations", "--node", "conv"], "activations-conv-0.png"],
      [["--tool", "saliency", "--class", "0"], "saliency-0-c0.png"],
      [["--tool", "guided", "--class", "2"], "guided-0-c2-overlay.png"],
      [["--tool", "optimize", "--node", "conv2", "--unit", "3", "--steps", "5", "--penalty", "0.2"], "optimize-conv2-u3.png"],
    ] as const) {
      const r = await inspect(...args);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(dir, "out", name)), name).toBe(true);
      expect(r.stdout).toContain(`wrote ${join(dir, "out", name)}`);
    }
  });

  it("embeds the penultimate layer with t-SNE and PCA, writing the points", async () => {
    const t = await inspect("--tool", "tsne", "--count", "30", "--steps", "60");
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/t-SNE of 'flat' over 30 samples of the test split \(256 values each\), 60 iterations, nearest-neighbour accuracy \d\.\d{3}/);
    const p = await inspect("--tool", "pca", "--count", "30");
    expect(p.stdout).toMatch(/PCA of 'flat' .* explained variance 0\.\d{3} \+ 0\.\d{3}/);
    const csv = readFileSync(join(dir, "out", "pca-flat.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("x,y,label");
    expect(csv).toHaveLength(31);
  });

  it("says plainly what is wrong with a request", async () => {
    const dense = await inspect("--tool", "gradcam", "--node", "out");
    expect(dense.code).toBe(2);
    expect(dense.stderr).toMatch(/^layerloom inspect: Grad-CAM needs a convolutional layer with feature maps \(height × width × channels\), and 'out' \(Dense\) gives \[3\] per sample; choose a Conv2D layer/);
    const klass = await inspect("--tool", "saliency", "--class", "7");
    expect(klass.code).toBe(2);
    expect(klass.stderr).toContain("Class 7 is out of range: output 'out' has 3 classes, numbered 0 to 2.");
    const node = await inspect("--tool", "activations", "--node", "nope");
    expect(node.code).toBe(2);
    expect(node.stderr).toContain("network 'net' has no node 'nope'; its nodes are conv, pool, conv2, flat, out.");
    const index = await inspect("--tool", "saliency", "--input-index", "100000");
    expect(index.stderr).toMatch(/--input-index 100000 is out of range: the test split of .* has \d+ samples/);
    const other = await inspect("--tool", "gradcam", "--weights", otherRun);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${otherRun} was written by training another graph (or ${file} changed since): network 'net' does not fit its weights (conv/kernel [3, 3, 3, 6] there, conv/kernel [3, 3, 3, 4] here)`);
    const tool = await inspect("--tool", "xray");
    expect(tool.code).toBe(2);
    expect(tool.stderr).toContain("--tool must be one of activations, saliency, guided, gradcam, optimize, tsne, pca");
    for (const r of [dense, klass, node, index, other, tool]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
