/**
 * `layerloom sample` end to end through main(): images to a PNG grid from an untrained and a
 * trained PixelCNN, neighbours from word2vec, points from the toy GAN, text from a character
 * model, and plain messages with their own exit status for a missing file, a graph with nothing
 * to sample and a run folder from another graph.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { openDataset } from "../../../electron/host/train/datasets.js";
import * as tf from "../../../runtime/tf.js";
import { graph } from "../../support/docs.js";
import { charDoc } from "../sample/docs.js";

const dir = mkdtempSync(join(tmpdir(), "layerloom-sample-cli-"));
let savedCache: string | undefined;

beforeAll(async () => {
  savedCache = process.env.LAYERLOOM_CACHE;
  process.env.LAYERLOOM_CACHE = join(dir, "cache");
  await tf.setBackend("cpu");
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.LAYERLOOM_CACHE;
  else process.env.LAYERLOOM_CACHE = savedCache;
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => { io.stdout += t + "\n"; }, err: (t: string) => { io.stderr += t + "\n"; } };
  return io;
}

async function cli(...args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, ...io };
}

function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** A PixelCNN on the shipped digits shrunk 4 times (7×7), `filters` wide. */
function digits7(filters = 4): GraphDocument {
  return graph("Digits 7x7")
    .node("x", "Input", { shape: [7, 7, 1] })
    .layer("a", "MaskedConv2D", { filters, kernelSize: 3, maskType: "A", activation: "relu" }, "x")
    .layer("out", "Conv2D", { filters: 1, kernelSize: [1, 1], activation: "sigmoid" }, "a")
    .network("net", ["x"], ["out"])
    .training({ recipe: "autoregressive", networks: { model: "net" }, dataset: "shipped:digits", losses: [{ output: "out", loss: "binaryCrossentropy", weight: 1 }], optimizer: { kind: "adam", learningRate: 0.02 }, batchSize: 250, epochs: 1, options: { downscale: 4 } })
    .build();
}

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;
const TEMPLATES = new URL("../../../templates/", import.meta.url).pathname;

describe("layerloom sample", () => {
  const pixels = file("digits7.layerloom.json", digits7());
  const run = join(dir, "run");

  it("samples an untrained PixelCNN into a PNG grid, saying the network is untrained", async () => {
    const png = join(dir, "untrained.png");
    const r = await cli("sample", pixels, "--n", "4", "--seed", "2", "--out", png);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: no --weights given, so this samples the untrained network 'net' \(initial weights, seed 2\)/);
    expect(r.stdout).toMatch(/^4 images of 7×7, pixel by pixel \(49 passes\), temperature 1; written to .*untrained\.png \(2×2 grid\)\n$/);
    const image = PNG.sync.read(readFileSync(png));
    expect([image.width, image.height]).toEqual([2 * 56 + 3 * 2, 2 * 56 + 3 * 2]);
  });

  it("samples with a training run's weights", async () => {
    expect((await cli("train", pixels, "--backend", "cpu", "--out", run)).code).toBe(0);
    const png = join(dir, "trained.png");
    const r = await cli("sample", pixels, "--weights", run, "--n", "2", "--out", png);
    expect(r.stderr).toMatch(/^note: weights from .*run \(step 10\)\n$/);
    expect(r.code).toBe(0);
    expect(existsSync(png)).toBe(true);
  });

  it("refuses a run folder written by another graph, naming the difference", async () => {
    const other = await cli("sample", join(TEMPLATES, "word2vec/mini.layerloom.json"), "--weights", run);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/run was written by training another graph: it holds weights for 'net', and .*mini\.layerloom\.json samples network 'cbow'\./);
    const wider = file("wider.layerloom.json", digits7(6));
    const changed = await cli("sample", wider, "--weights", run);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/network 'net' does not fit its weights \(a\/kernel \[3, 3, 1, 4\] there, a\/kernel \[3, 3, 1, 6\] here\)/);
  });

  it("lists word2vec's nearest words, and says which words it does not know", async () => {
    const r = await cli("sample", join(TEMPLATES, "word2vec/mini.layerloom.json"), "--words", "river,zzz", "--n", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^river: [a-z']+ \(-?\d\.\d\d\), [a-z']+ \(-?\d\.\d\d\), [a-z']+ \(-?\d\.\d\d\)\nzzz: not in the vocabulary\n$/);
  });

  it("prints a GAN generator's points, one per line", async () => {
    const r = await cli("sample", join(FIXTURES, "toy-gan.layerloom.json"), "--n", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^(-?\d+(\.\d+)? -?\d+(\.\d+)?\n){3}$/);
  });

  it("continues a prompt with a character model, and refuses characters the corpus lacks", async () => {
    const chars = (await openDataset("shipped:text", join(dir, "cache"))).target;
    const k = chars.kind === "classes" ? chars.classes : 0;
    const text = file("chars.layerloom.json", charDoc(k, 64));
    const r = await cli("sample", text, "--prompt", "The river", "--n", "20", "--temperature", "0.8");
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("The river")).toBe(true);
    expect([...r.stdout].length).toBe(9 + 20 + 1);
    const bad = await cli("sample", text, "--prompt", "§");
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/The prompt has "§", which is not among the \d+ characters of shipped:text/);
  });

  it.each([
    { args: ["sample", "/no/such/graph.json"], code: 2, message: /^layerloom sample: Cannot read \/no\/such\/graph\.json: no such file\.\n$/ },
    { args: ["sample", join(FIXTURES, "lenet5.layerloom.json")], code: 3, message: /: nothing to sample\. .* trains with the supervised recipe, which makes predictions, not samples/ },
    { args: ["sample", "x.json", "--temperature", "0"], code: 2, message: /--temperature needs a number above 0/ },
    { args: ["sample", "x.json", "--out", "samples.jpg"], code: 2, message: /--out must name a \.png file \(images\) or a \.txt file/ },
    { args: ["sample", join(FIXTURES, "toy-gan.layerloom.json"), "--weights", "/no/such/run"], code: 2, message: /No checkpoint in \/no\/such\/run/ },
  ])("exits $code for $args.1 $args.2", async ({ args, code, message }) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
