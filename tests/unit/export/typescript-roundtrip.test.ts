/**
 * The TypeScript export's promise, for every fixture, every template and the coverage documents:
 * the exported file compiles with tsc --strict and runs under plain Node with @tensorflow/tfjs;
 * each network it builds has the app's toJSON() topology and, given the app's weights, the app's
 * outputs (max abs diff 1e-5); its weighted loss equals the app's losses with the document's
 * weights; its training function runs and changes the weights.
 *
 * Networks are checked as deeply as their size allows here (tfjs's plain-JavaScript CPU backend
 * is slow): outputs and training for small ones (every fixture, every "mini" template), topology
 * for mid-sized ones, and the largest compile with tsc and name every layer of the compiled
 * topology. Outputs of every network beyond this file's output limits (the "full" templates) are
 * held to the app's by full-size-outputs.test.ts, on the wasm backend with generated weights.
 *
 * One tsc run and one Node run cover all documents.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { pascalCase } from "../../../graph-ir/export/names.js";
import { buildFunctionName, exportTypeScript } from "../../../graph-ir/export/typescript.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { Rng } from "../../../runtime/data/rng.js";
import { materializeNetwork, type MaterializedNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import { nllPerDim, pixelModel, quantize, shrink } from "../../../runtime/recipes/autoregressive.js";
import { gradientPenalty } from "../../../runtime/recipes/wgan.js";
import { lossDef } from "../../../runtime/train/losses.js";
import { exportCases, OUTPUT_FLOPS, OUTPUT_PARAMS, templateCount, type Case } from "./documents.js";
import { workspace, writeWeights, type Workspace } from "./workspace.js";

const TOLERANCE = 1e-5;
const BATCH = 2;
/** The size given to free dimensions (sequence lengths) when data is made up. */
const FREE = 5;
/** Up to this many weights, both sides build the network and compare toJSON(). */
const TOPOLOGY_PARAMS = 1.5e7;
/** The exported training function runs on networks up to this many FLOPs per example (the loss is compared for all). */
const TRAIN_FLOPS = 2e7;

type Depth = "outputs" | "topology" | "compile";

interface TensorData { data: number[]; shape: number[]; dtype: "float32" | "int32" }

interface NetResult {
  topology: unknown;
  outputs: { shape: number[]; data: number[] }[];
}

interface AppCase {
  depth: Record<string, Depth>;
  networks: Record<string, NetResult>;
  layerNames: Record<string, string[]>;
  expectedLoss?: number;
  trainingKind?: "supervised" | "adversarial" | "autoregressive";
  /** wgan-clip's clip, and the critic's largest initial weight (which must exceed it for the check to mean something). */
  clip?: { clip: number; initialMax: number };
  /** wgan-gp: the runtime's gradient penalty on the tiny linear critic the runner also builds. */
  penalty?: number;
  /** pix2pix's l1Weight. */
  l1Weight?: number;
  /** False when the network is too big for the training run (the loss is still compared). */
  trains?: boolean;
}

interface RunResult {
  error: string | null;
  networks: Record<string, NetResult>;
  training?: {
    loss?: number; history: unknown[]; weightsChanged: boolean; criticMaxAbs?: number; penalty?: number;
    pix2pix?: { g: number; l1: number; adversarial: number; l1Expected: number };
  };
}

const cases = exportCases();
const app = new Map<string, AppCase>();
const exported = new Map<string, { text: string; warnings: readonly string[] }>();
const exportProblems = new Map<string, string>();
let compileErrors = new Map<string, string[]>();
let results: Record<string, RunResult> = {};
let ws: Workspace;

/** Values for one tensor of the given shape (batch first): ids below `vocab` for int32, else uniform [-1, 1). */
function makeTensor(rng: Rng, shape: readonly (number | null)[], dtype: "float32" | "int32", vocab: number, batch = BATCH): TensorData {
  const dims = shape.map((d, i) => (i === 0 ? batch : d ?? FREE));
  const size = dims.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: size }, () => (dtype === "int32" ? rng.int(vocab) : rng.uniform(-1, 1)));
  return { data, shape: dims, dtype };
}

/** Smallest Embedding vocabulary in a network, so made-up token ids are valid for every Embedding. */
function vocabulary(net: MaterializedNetwork): number {
  const dims = net.topology.config.layers.filter((l) => l.class_name === "Embedding").map((l) => l.config["input_dim"] as number);
  return dims.length ? Math.min(...dims) : 3;
}

/** A target of the form each loss expects, for an output of the given shape. */
function makeTarget(rng: Rng, loss: string, shape: number[]): TensorData {
  const classes = shape[shape.length - 1]!;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  if (loss === "categoricalCrossentropy") {
    const data = Array.from({ length: rows * classes }, () => 0);
    for (let r = 0; r < rows; r++) data[r * classes + rng.int(classes)] = 1;
    return { data, shape, dtype: "float32" };
  }
  if (loss === "sparseCategoricalCrossentropy") return { data: Array.from({ length: rows }, () => rng.int(classes)), shape: shape.slice(0, -1), dtype: "float32" };
  const size = rows * classes;
  if (loss === "binaryCrossentropy") return { data: Array.from({ length: size }, () => rng.int(2)), shape, dtype: "float32" };
  return { data: Array.from({ length: size }, () => rng.uniform(-1, 1)), shape, dtype: "float32" };
}

/** Names tfjs gives wrapped layers (Bidirectional's RNN, SpectralNormalization's Dense) come from a process-wide counter; they are not part of the network. */
function withoutAutoNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAutoNames);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === "layer" && v && typeof v === "object" && "config" in v) {
      const inner = v as { class_name: string; config: Record<string, unknown> };
      out[k] = { ...inner, config: { ...(withoutAutoNames(inner.config) as Record<string, unknown>), name: "(automatic)" } };
    } else out[k] = withoutAutoNames(v);
  }
  return out;
}

function depthOf(params: number, flops: number): Depth {
  if (params <= OUTPUT_PARAMS && flops <= OUTPUT_FLOPS) return "outputs";
  return params <= TOPOLOGY_PARAMS ? "topology" : "compile";
}


const ADVERSARIAL = ["gan", "hinge", "wgan-clip", "wgan-gp", "conditional-gan", "pix2pix"];
/** Recipes whose exported training typescript-training.test.ts holds to the runtime (loss columns, one step, a short run). */
const CHECKED_ELSEWHERE = ["yolo", "ssd", "word2vec"];

/** What the runner needs to train an adversarial pair: the data trainGan takes, and the recipe's own checks. */
function adversarialEntry(rng: Rng, doc: GraphDocument, appCase: AppCase, g: MaterializedNetwork, d: MaterializedNetwork): Record<string, unknown> {
  const t = doc.training!;
  const dSteps = typeof t.options?.["dSteps"] === "number" ? t.options["dSteps"] : 1;
  // Enough rows that two epochs of batches of 2 reach a G update under every schedule (G first updates at step dSteps − 1).
  const rows = 2 * Math.max(2, Math.ceil(dSteps / 2));
  const sample = (shape: readonly (number | null)[]) => makeTensor(rng, shape, "float32", 1, rows);
  let data: TensorData[];
  if (t.recipe === "pix2pix") data = [sample(g.model.inputs[0]!.shape), sample(g.model.outputs[0]!.shape)];
  else if (t.recipe === "conditional-gan") {
    const outShape = JSON.stringify(g.model.outputs[0]!.shape.slice(1));
    const x = d.model.inputs.find((i) => JSON.stringify(i.shape.slice(1)) === outShape)!;
    const label = d.model.inputs.find((i) => i !== x)!;
    const classes = label.shape.length === 2 && label.shape[1]! > 1 ? label.shape[1]! : 2;
    data = [sample(x.shape), { data: Array.from({ length: rows }, () => rng.int(classes)), shape: [rows], dtype: "float32" }];
  } else data = [sample(d.model.inputs[0]!.shape)];
  appCase.trainingKind = "adversarial";
  appCase.trains = true;
  const entry: Record<string, unknown> = { kind: "adversarial", generator: g.id, discriminator: d.id, data };
  const option = (key: string, fallback: number) => (typeof t.options?.[key] === "number" ? (t.options[key] as number) : fallback);
  if (t.recipe === "wgan-clip") {
    appCase.clip = { clip: option("clip", 0.01), initialMax: Math.max(...d.model.trainableWeights.map((w) => tf.max(tf.abs(w.read())).dataSync()[0]!)) };
  }
  if (t.recipe === "wgan-gp") {
    const shape = d.model.inputs[0]!.shape.slice(1) as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    const kernel = Array.from({ length: size }, () => rng.uniform(-1, 1));
    const fake = sample(d.model.inputs[0]!.shape);
    const critic = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [size], inputShape: shape }), tf.layers.dense({ units: 1 })] });
    critic.setWeights([tf.tensor(kernel, [size, 1]), tf.tensor([0.3])]);
    const real = tf.tensor(data[0]!.data, data[0]!.shape);
    appCase.penalty = gradientPenalty((x) => critic.apply(x) as tf.Tensor, real, tf.tensor(fake.data, fake.shape)).dataSync()[0]!;
    critic.dispose();
    entry["penalty"] = { shape, kernel, bias: 0.3, fake };
  }
  if (t.recipe === "pix2pix") {
    appCase.l1Weight = option("l1Weight", 100);
    entry["l1Weight"] = appCase.l1Weight;
  }
  return entry;
}

async function prepare(c: Case, manifest: unknown[]): Promise<void> {
  const r = exportTypeScript(c.doc);
  if (!r.ok) {
    exportProblems.set(c.name, r.diagnostics.map((d) => `${d.code} ${d.nodeId ?? ""}: ${d.message}`).join("\n"));
    return;
  }
  exported.set(c.name, r);
  const file = `${c.name}.ts`;
  ws.write(file, r.text);
  const rng = new Rng(17);
  const analysis = analyze(c.doc);
  const appCase: AppCase = { depth: {}, networks: {}, layerNames: {} };
  app.set(c.name, appCase);
  const entry: Record<string, unknown> = { name: c.name, module: ws.emitted(file), networks: [] as unknown[] };
  const inputsByNet = new Map<string, TensorData[]>();
  const outputsByNet = new Map<string, tf.Tensor[]>();
  const nets = new Map<string, MaterializedNetwork>();
  for (const def of c.doc.networks) {
    const summary = analysis.networks.get(def.id)!;
    const depth = depthOf(summary.params, summary.flops);
    appCase.depth[def.id] = depth;
    const compiled = compileNetwork(c.doc, def.id, analysis);
    appCase.layerNames[def.id] = compiled.ok ? compiled.topology.config.layers.map((l) => l.name) : [];
    if (depth === "compile") continue;
    const net = await materializeNetwork(c.doc, def.id, { seed: 3, analysis });
    const result: NetResult = { topology: net.model.toJSON(null, false), outputs: [] };
    appCase.networks[def.id] = result;
    if (depth === "topology") {
      (entry["networks"] as unknown[]).push({ id: def.id, build: buildFunctionName(def.id), depth });
      net.model.dispose();
      continue;
    }
    nets.set(def.id, net);
    const layers = writeWeights(net, join(ws.dir, `${c.name}.${def.id}.bin`));
    const vocab = vocabulary(net);
    const inputs = net.model.inputs.map((t) => makeTensor(rng, t.shape, t.dtype === "int32" ? "int32" : "float32", vocab));
    inputsByNet.set(def.id, inputs);
    const predicted = net.model.predict(inputs.map((t) => tf.tensor(t.data, t.shape, t.dtype)));
    const outs = Array.isArray(predicted) ? predicted : [predicted];
    outputsByNet.set(def.id, outs);
    result.outputs = outs.map((t) => ({ shape: t.shape, data: Array.from(t.dataSync()) }));
    (entry["networks"] as unknown[]).push({ id: def.id, build: buildFunctionName(def.id), depth, weights: join(ws.dir, `${c.name}.${def.id}.bin`), layers, inputs });
  }
  const t = c.doc.training;
  const bound = (role: string) => (t?.networks[role] !== undefined && nets.has(t.networks[role]) ? t.networks[role] : undefined);
  if (t?.recipe === "supervised" && bound("model") && !r.warnings.length) {
    const netId = bound("model")!;
    const net = nets.get(netId)!;
    const outs = outputsByNet.get(netId)!;
    const targets: Record<string, TensorData> = {};
    let expected = 0;
    for (const l of t.losses) {
      const index = net.outputs.findIndex((o) => o.nodeId === l.output);
      const target = makeTarget(rng, l.loss, outs[index]!.shape);
      targets[l.output] = target;
      expected += l.weight * lossDef(l.loss)!.fn(tf.tensor(target.data, target.shape, target.dtype), outs[index]!).dataSync()[0]!;
    }
    appCase.expectedLoss = expected;
    appCase.trainingKind = "supervised";
    appCase.trains = analysis.networks.get(netId)!.flops <= TRAIN_FLOPS;
    const P = pascalCase(netId);
    entry["training"] = { kind: "supervised", network: netId, loss: `${P.charAt(0).toLowerCase()}${P.slice(1)}Loss`, train: appCase.trains ? `train${P}` : undefined, inputs: inputsByNet.get(netId), targets };
  } else if (t?.recipe === "autoregressive" && bound("model") && !r.warnings.length) {
    const netId = bound("model")!;
    const net = nets.get(netId)!;
    const m = pixelModel(t, net);
    const shape = [2 * BATCH, m.shape[0] * m.downscale, m.shape[1] * m.downscale, m.shape[2]];
    const images: TensorData = { data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(0, 1)), shape, dtype: "float32" };
    appCase.expectedLoss = tf.tidy(() => {
      const { input, target } = quantize(m, shrink(m, tf.tensor(images.data, images.shape)));
      const outs = ([] as tf.Tensor[]).concat(net.model.apply(input, { training: false }) as tf.Tensor | tf.Tensor[]);
      return nllPerDim(m, outs[m.output]!, target).dataSync()[0]!;
    });
    appCase.trainingKind = "autoregressive";
    appCase.trains = analysis.networks.get(netId)!.flops <= TRAIN_FLOPS;
    entry["training"] = { kind: "autoregressive", network: netId, images, train: appCase.trains };
  } else if (t && ADVERSARIAL.includes(t.recipe) && bound("generator") && bound("discriminator") && !r.warnings.length) {
    entry["training"] = adversarialEntry(rng, c.doc, appCase, nets.get(bound("generator")!)!, nets.get(bound("discriminator")!)!);
  }
  for (const net of nets.values()) net.model.dispose();
  tf.dispose([...outputsByNet.values()].flat());
  manifest.push(entry);
}

beforeAll(async () => {
  ws = workspace("ts-export");
  const manifest: unknown[] = [];
  for (const c of cases) await prepare(c, manifest);
  compileErrors = (await ws.compile()).errors;
  const manifestFile = ws.write("manifest.json", JSON.stringify({ cases: manifest }));
  const resultFile = join(ws.dir, "result.json");
  await ws.node(new URL("./run-exported.mjs", import.meta.url).pathname, [manifestFile, resultFile]);
  results = JSON.parse(await readFile(resultFile, "utf8")) as Record<string, RunResult>;
}, 480_000);

afterAll(() => ws?.remove());

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe("TypeScript export round trip", () => {
  it("runs over every fixture and template graph, plus the coverage documents", () => {
    const depths = [...app.values()].flatMap((a) => Object.values(a.depth));
    const tally = (d: Depth) => depths.filter((x) => x === d).length;
    console.log(`TypeScript round trip over ${cases.length} documents (${templateCount()} from templates/): outputs compared for ${tally("outputs")} networks, topology for ${tally("topology")}, compile only for ${tally("compile")}`);
    expect(cases.filter((c) => c.name.startsWith("fixture-")).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(cases.map((c) => [c.name, c] as const))("%s", (name, c: Case) => {
    it("exports without problems", () => {
      expect(exportProblems.get(name)).toBeUndefined();
    });

    it("compiles with tsc --strict", () => {
      expect(compileErrors.get(`${name}.ts`) ?? []).toEqual([]);
      expect(compileErrors.get("(tsc)")).toBeUndefined();
    });

    it("builds, under plain Node, each network with the app's topology (and, where small enough, outputs)", () => {
      const r = results[name];
      const expected = app.get(name)!;
      const text = exported.get(name)!.text;
      for (const net of (c.doc as GraphDocument).networks) {
        // Every layer of the compiled topology is built by the exported code, under its own name.
        for (const layer of expected.layerNames[net.id]!) expect(text, `${net.id}: layer ${layer}`).toContain(`name: "${layer}"`);
        const depth = expected.depth[net.id]!;
        if (depth === "compile") continue;
        expect(r?.error ?? null).toBeNull();
        const mine = r!.networks[net.id]!;
        const theirs = expected.networks[net.id]!;
        expect(withoutAutoNames(mine.topology)).toEqual(withoutAutoNames(theirs.topology));
        if (depth === "topology") continue;
        expect(mine.outputs.map((o) => o.shape)).toEqual(theirs.outputs.map((o) => o.shape));
        mine.outputs.forEach((o, i) => expect(maxAbsDiff(o.data, theirs.outputs[i]!.data), `${net.id} output ${i}`).toBeLessThanOrEqual(TOLERANCE));
      }
    });

    it("trains with the document's recipe: the app's weighted loss, finite losses, weights that move", () => {
      const expected = app.get(name)!;
      const r = results[name]!;
      const recipe = c.doc.training?.recipe;
      if (!expected.trainingKind) {
        if (recipe !== undefined && CHECKED_ELSEWHERE.includes(recipe)) {
          expect(exported.get(name)!.warnings).toEqual([]);
          expect(exported.get(name)!.text).toMatch(/export async function train(Detector|Word2Vec)\(/);
          return;
        }
        // Only documents without training, with a recipe the export does not write, or too big to run here.
        const small = Object.values(expected.depth).every((d) => d === "outputs");
        expect(recipe === undefined || ![...ADVERSARIAL, "supervised", "autoregressive"].includes(recipe) || !small, `recipe ${recipe}`).toBe(true);
        if (recipe !== undefined && ![...ADVERSARIAL, "supervised", "autoregressive"].includes(recipe)) expect(exported.get(name)!.warnings.join()).toContain(`"${recipe}" is not exported`);
        return;
      }
      expect(r.training).toBeDefined();
      if (expected.trainingKind === "supervised") {
        expect(Math.abs(r.training!.loss! - expected.expectedLoss!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected.expectedLoss!)));
        if (!expected.trains) return;
        expect((r.training!.history as number[]).every(Number.isFinite)).toBe(true);
      } else if (expected.trainingKind === "autoregressive") {
        // The exported quantization and likelihood give the runtime recipe's loss, in nats.
        expect(Math.abs(r.training!.loss! - expected.expectedLoss!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected.expectedLoss!)));
        if (!expected.trains) return;
        const h = r.training!.history as { loss: number; bits_per_dim: number }[];
        expect(h.length).toBe(2);
        expect(h.every((e) => Number.isFinite(e.loss) && Math.abs(e.bits_per_dim - e.loss / Math.LN2) < 1e-9)).toBe(true);
      } else {
        const h = r.training!.history as Record<string, number>[];
        expect(h.length).toBe(2);
        expect(h.every((e) => Number.isFinite(e["discriminator"]) && Number.isFinite(e["generator"]))).toBe(true);
        // Every column the runtime recipe reports, under its runtime name.
        const extra = recipe === "wgan-clip" ? ["w_distance"] : recipe === "wgan-gp" ? ["w_distance", "gp"] : recipe === "pix2pix" ? ["l1"] : [];
        expect(Object.keys(h[0]!).sort()).toEqual(["discriminator", "generator", ...extra].sort());
      }
      if (expected.clip) {
        expect(expected.clip.initialMax).toBeGreaterThan(expected.clip.clip);
        expect(r.training!.criticMaxAbs!).toBeLessThanOrEqual(expected.clip.clip * (1 + 1e-6));
      }
      if (expected.penalty !== undefined) expect(Math.abs(r.training!.penalty! - expected.penalty)).toBeLessThanOrEqual(1e-5 * Math.max(1, expected.penalty));
      if (expected.l1Weight !== undefined) {
        const p = r.training!.pix2pix!;
        expect(Math.abs(p.l1 - p.l1Expected)).toBeLessThanOrEqual(1e-5);
        expect(Math.abs(p.g - (p.adversarial + expected.l1Weight * p.l1Expected))).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(p.g)));
      }
      expect(r.training!.weightsChanged).toBe(true);
    });
  });
});
