/**
 * The exported TypeScript training of the yolo, ssd and word2vec recipes, held to the runtime:
 * given the app's weights and one batch of the app's data, every loss column the exported code
 * computes equals what the runtime recipe's evaluate() gives on that batch (1e-5), and the
 * exported training function runs two epochs and moves the weights. For word2vec the exported
 * side builds its own vocabulary from the same passages and draws its negatives from the same
 * random numbers, so vocabulary, examples, sampler and loss are all compared at once.
 *
 * Small graphs train (tests/support/detection.ts, a 32-word CBOW); the YOLO and SSD template
 * minis, whose options take the other paths (7×7 grid; SSD scales from minScale/maxScale and
 * two extra aspect ratios), have their loss compared only. One tsc run and one Node run.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { buildFunctionName, exportTypeScript } from "../../../graph-ir/export/typescript.js";
import { hashSeed, Rng } from "../../../runtime/data/rng.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import type { Batch, Dataset } from "../../../runtime/data/types.js";
import { truthsOf } from "../../../runtime/detection/boxes.js";
import { characterNames, windowWords } from "../../../runtime/recipes/word2vec-vocab.js";
import * as tf from "../../../runtime/tf.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { detectionSet, tinySsd, tinyYolo } from "../../support/detection.js";
import { cbowDoc, plantedText } from "../sample/docs.js";
import { workspace, writeWeights, type Workspace } from "./workspace.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const BATCH = [0, 1, 2, 3];

interface Case {
  readonly name: string;
  readonly doc: () => GraphDocument;
  readonly dataset: () => Dataset;
  /** Whether the exported training function runs (the minis take seconds per step on the cpu backend). */
  readonly train: boolean;
}

function template(id: string): GraphDocument {
  const r = parseGraphFile(readFileSync(join(ROOT, `templates/${id}/mini.layerloom.json`), "utf8"));
  if (!r.ok) throw new Error(`${id}: ${r.error.message}`);
  return r.doc;
}

const shapes64 = () => shapes({ size: 64, maxObjects: 3, trainSize: 8, testSize: 2 });

/** Plain SGD, so that one step's weight change is the gradient itself (Adam's first step is about lr·sign(g)). */
const sgd = (doc: GraphDocument, learningRate = 0.01): GraphDocument => ({ ...doc, training: { ...doc.training!, optimizer: { kind: "sgd", learningRate } } });

const CASES: Case[] = [
  { name: "tiny-yolo", doc: () => sgd(tinyYolo()), dataset: () => detectionSet(8, 2), train: true },
  { name: "tiny-ssd", doc: () => sgd(tinySsd()), dataset: () => detectionSet(8, 2), train: true },
  { name: "cbow", doc: () => sgd(cbowDoc(32), 0.5), dataset: plantedText, train: true },
  { name: "yolo-v1-mini", doc: () => template("yolo-v1"), dataset: shapes64, train: false },
  { name: "ssd-mini", doc: () => template("ssd"), dataset: shapes64, train: false },
];

interface Expected {
  /** The runtime recipe's columns on the batch, by name. */
  readonly columns: Record<string, number>;
  readonly negatives?: number;
  /** Every weight after one runtime training step on the batch (trained cases). */
  readonly stepWeights?: number[][];
}

interface RunResult {
  error: string | null;
  training?: { columns: Record<string, number>; history: unknown[]; weightsChanged: boolean; examples?: number; randomsUsed?: number; stepWeights?: number[][]; initialWeights?: number[][] };
}

const expected = new Map<string, Expected>();
const warnings = new Map<string, readonly string[]>();
let compileErrors = new Map<string, string[]>();
let results: Record<string, RunResult> = {};
let ws: Workspace;


const tensorData = (t: Batch["x"]) => ({ data: Array.from(t.data), shape: [...t.shape], dtype: t.dtype === "int32" ? "int32" : "float32" });

/** Each image's objects as the exported LabelledBox lists. */
function boxLists(batch: Batch): unknown[][] {
  const boxes = batch.extras["boxes"]!;
  const classes = batch.extras["boxClasses"]!;
  return Array.from({ length: batch.size }, (_, i) => truthsOf(boxes.data, classes.data, i, boxes.shape[1]!));
}

/** The complete words of every window of a split, as the runtime reads them. */
function passages(dataset: Dataset, rows: readonly number[]): string[][] {
  const chars = characterNames(dataset, "test");
  const b = dataset.gather("train", [...rows]);
  const t = dataset.inputShape[0]!;
  return rows.map((_, s) => windowWords(b.x.data.subarray(s * t, (s + 1) * t), chars));
}

async function prepare(c: Case, manifest: unknown[]): Promise<void> {
  const doc = c.doc();
  const r = exportTypeScript(doc);
  if (!r.ok) throw new Error(`${c.name}: ${r.diagnostics.map((d) => d.message).join("; ")}`);
  warnings.set(c.name, r.warnings);
  ws.write(`${c.name}.ts`, r.text);
  const dataset = c.dataset();
  const session = await prepareTraining(doc, { dataset, seed: 3 });
  try {
    const net = session.networks[0]!;
    const batch = dataset.gather("train", BATCH);
    const values = session.prepared.evaluate(batch);
    const columns = Object.fromEntries(session.prepared.columns.map((col, i) => [col.name, values.dataSync()[i]!]));
    values.dispose();
    const recipe = doc.training!.recipe;
    const weights = join(ws.dir, `${c.name}.bin`);
    const layers = writeWeights(net, weights);
    // One runtime step on the batch, with Math.random (word2vec's negatives) read from a recorded seeded stream.
    const stepRandoms: number[] = [];
    let stepWeights: number[][] | undefined;
    if (c.train) {
      const rng = new Rng(11);
      const random = Math.random;
      Math.random = () => { const u = rng.next(); stepRandoms.push(u); return u; };
      try {
        tf.tidy(() => session.prepared.step(batch, { step: 0, epoch: 0, rules: { learningRate: doc.training!.optimizer.learningRate, weightDecay: 0 } }));
      } finally {
        Math.random = random;
      }
      stepWeights = net.model.getWeights().map((w) => Array.from(w.dataSync()));
    }
    let training: Record<string, unknown>;
    if (recipe === "word2vec") {
      // evaluate() draws its negatives from a stream seeded by the batch; the runner gets the same numbers.
      const rng = new Rng(hashSeed("word2vec-eval", ...Array.from(batch.indices.subarray(0, 4))));
      const randoms = Array.from({ length: 4096 }, () => rng.next());
      const all = Array.from({ length: dataset.size("train") }, (_, i) => i);
      training = { kind: "word2vec", network: net.id, passages: passages(dataset, all), batch: passages(dataset, BATCH), randoms, stepRandoms };
      expected.set(c.name, { columns, negatives: doc.training!.options!["negatives"] as number, ...(stepWeights ? { stepWeights } : {}) });
    } else {
      training = { kind: "detection", network: net.id, images: tensorData(batch.x), boxes: boxLists(batch), train: c.train };
      expected.set(c.name, { columns, ...(stepWeights ? { stepWeights } : {}) });
    }
    const inputs = [recipe === "word2vec" ? { data: [1, 2, 3, 4], shape: [1, 4], dtype: "int32" } : tensorData(batch.x)];
    manifest.push({ name: c.name, module: ws.emitted(`${c.name}.ts`), networks: [{ id: net.id, build: buildFunctionName(net.id), depth: "outputs", weights, layers, inputs }], training });
  } finally {
    session.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend("cpu");
  ws = workspace("ts-training");
  const manifest: unknown[] = [];
  for (const c of CASES) await prepare(c, manifest);
  compileErrors = (await ws.compile()).errors;
  const manifestFile = ws.write("manifest.json", JSON.stringify({ cases: manifest }));
  const resultFile = join(ws.dir, "result.json");
  await ws.node(new URL("./run-exported.mjs", import.meta.url).pathname, [manifestFile, resultFile]);
  results = JSON.parse(await readFile(resultFile, "utf8")) as Record<string, RunResult>;
}, 240_000);

afterAll(() => ws?.remove());

describe.each(CASES.map((c) => [c.name, c] as const))("exported training of %s", (name, c: Case) => {
  it("is written without warnings and compiles with tsc --strict", () => {
    expect(warnings.get(name)).toEqual([]);
    expect(compileErrors.get(`${name}.ts`) ?? []).toEqual([]);
    expect(compileErrors.get("(tsc)")).toBeUndefined();
  });

  it("gives the runtime recipe's loss columns on the same weights and batch", () => {
    const r = results[name]!;
    expect(r.error).toBeNull();
    const want = expected.get(name)!;
    const got = r.training!.columns;
    expect(Object.keys(got).sort()).toEqual(Object.keys(want.columns).sort());
    const diff = Math.max(...Object.entries(want.columns).map(([k, v]) => Math.abs(got[k]! - v)));
    console.log(`${name}: runtime ${Object.entries(want.columns).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(", ")}; largest difference ${diff.toExponential(1)}`);
    for (const [column, value] of Object.entries(want.columns)) {
      // A column that is 0 would compare nothing: the batch must exercise every term.
      expect(value, column).toBeGreaterThan(0);
      expect(Math.abs(got[column]! - value), `${column}: exported ${got[column]}, runtime ${value}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(value)));
    }
    if (want.negatives !== undefined) {
      expect(r.training!.examples!).toBeGreaterThan(0);
      expect(r.training!.randomsUsed).toBe(r.training!.examples! * want.negatives);
    }
  });

  // The minis take seconds per step on the cpu backend: their loss is compared, they do not train here.
  if (!c.train) return;

  it("takes the runtime's training step: the same weights after one SGD update on the batch", () => {
    const r = results[name]!;
    expect(r.error).toBeNull();
    const want = expected.get(name)!.stepWeights!;
    const got = r.training!.stepWeights!;
    expect(got.map((w) => w.length)).toEqual(want.map((w) => w.length));
    let diff = 0;
    let moved = 0;
    const initial = r.training!.initialWeights!;
    want.forEach((w, i) => w.forEach((v, j) => {
      diff = Math.max(diff, Math.abs(got[i]![j]! - v));
      moved = Math.max(moved, Math.abs(v - initial[i]![j]!));
    }));
    console.log(`${name}: one step moves a weight by up to ${moved.toExponential(1)}; exported and runtime weights differ by ${diff.toExponential(1)}`);
    // The step must move the weights far more than the tolerance, or the comparison would say nothing.
    expect(moved).toBeGreaterThan(1e-3);
    expect(diff).toBeLessThanOrEqual(1e-6);
  });

  it("trains two epochs with finite losses and moves the weights", () => {
    const r = results[name]!;
    expect(r.error).toBeNull();
    const h = r.training!.history as (number | Record<string, number>)[];
    expect(h.length).toBe(2);
    const numbers = h.flatMap((e) => (typeof e === "number" ? [e] : Object.values(e)));
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(r.training!.weightsChanged).toBe(true);
  });
});

describe("exported training refuses what the runtime refuses", () => {
  const withOptions = (doc: GraphDocument, options: Record<string, number | string | boolean>): GraphDocument => ({ ...doc, training: { ...doc.training!, options: { ...doc.training!.options, ...options } } });

  it.each([
    { doc: () => withOptions(tinyYolo(), { gridSize: 5 }), warning: "the yolo recipe needs 'grid' to give 5×5×13 per image (gridSize 5, 5·2 box values and 3 classes per cell), but it gives 4×4×13, so the file has no training function" },
    { doc: () => withOptions(tinyYolo(), { lambdaCoord: -1 }), warning: "the yolo recipe cannot read its options (training.options.lambdaCoord is -1; it must be 0 or more (the paper: 5)), so the file has no training function" },
    { doc: () => withOptions(tinySsd(), { featureMaps: "4" }), warning: "training.options.aspectRatios has 2 groups but featureMaps lists 1 maps" },
    { doc: () => withOptions(tinySsd(), { aspectRatios: "2,3|2" }), warning: "the ssd recipe needs 'classes' to give 112×4 per image (112 default boxes, 3 classes and background), but it gives 80×4, so the file has no training function" },
    { doc: () => withOptions(tinySsd(), { boxVariances: "0.1,0.1" }), warning: "training.options.boxVariances must be four numbers above 0" },
    { doc: () => withOptions(cbowDoc(32), { negatives: 0 }), warning: "the word2vec recipe reads training.options.negatives 0, which must be a whole number from 1 to 100, so the file has no training function" },
  ])("$warning", ({ doc, warning }) => {
    const r = exportTypeScript(doc());
    if (!r.ok) throw new Error("the networks should export");
    expect(r.warnings.join("\n")).toContain(warning);
    expect(r.text).not.toMatch(/export async function train/);
    expect(r.text).toContain("// Note: the ");
  });
});
