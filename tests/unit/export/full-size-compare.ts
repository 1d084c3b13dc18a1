/**
 * The orchestration of the full-size output comparison, shared by full-size-outputs.test.ts and
 * `npm run bench -- fullSizeExport`.
 *
 * No weights are ever copied from one side to the other: each side creates every weight with
 * generated values as it builds (full-size-weights.mjs), so no model holds a second set. For
 * each document, the exported side (full-size-run.mjs, plain Node and @tensorflow/tfjs) and then
 * the app side (full-size-app.ts: materializeNetwork) run in processes of their own, one after
 * the other, each building one network at a time, predicting one seeded input (batch 1) and
 * writing the outputs to files. Own processes because the wasm heap never gives memory back:
 * one runner that had held VGG, OverFeat and extra copies reached 4.8 GB and gave YOLO garbage
 * outputs (the wasm backend does not check its allocations). Both sides use tfjs's wasm backend
 * (XNNPACK, SIMD; single-threaded in Node): about 15x faster than the cpu backend on these
 * convolutions, so the largest templates fit in a test.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { buildFunctionName, exportTypeScript } from "../../../graph-ir/export/typescript.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { OUTPUT_FLOPS, OUTPUT_PARAMS, type Case } from "./documents.js";
import { workspace } from "./workspace.js";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;

/** The size given to free dimensions (sequence lengths), as the round trip does. */
const FREE = 5;

export type Backend = "wasm" | "cpu";

export interface Target {
  readonly caseName: string;
  readonly doc: GraphDocument;
  readonly network: string;
  readonly params: number;
  readonly flops: number;
}

export interface Side {
  readonly topology: unknown;
  readonly outputs: readonly { shape: number[]; data: Float32Array }[];
  readonly seconds: number;
  /** Peak resident memory of the side's process so far (one process per document). */
  readonly peakRssMB: number;
  /** How many weight values were generated. */
  readonly filled: number;
}

export interface Comparison extends Target {
  readonly app: Side;
  readonly exported?: Side;
  /** Why the exported side has no result: the export, tsc or the run failed. */
  readonly problem?: string;
}

/** Networks of these cases that the round trip does not compare outputs for (too big for its cpu-backend run). */
export function fullSizeTargets(cases: readonly Case[]): Target[] {
  const out: Target[] = [];
  for (const c of cases) {
    const analysis = analyze(c.doc);
    for (const net of c.doc.networks) {
      const s = analysis.networks.get(net.id);
      if (!s) continue;
      if (s.params > OUTPUT_PARAMS || s.flops > OUTPUT_FLOPS) out.push({ caseName: c.name, doc: c.doc, network: net.id, params: s.params, flops: s.flops });
    }
  }
  return out;
}

/** Smallest Embedding vocabulary in a topology, so made-up token ids suit every Embedding. */
function vocabulary(layers: readonly { class_name: string; config: Record<string, unknown> }[]): number {
  const dims = layers.filter((l) => l.class_name === "Embedding").map((l) => l.config["input_dim"] as number);
  return dims.length ? Math.min(...dims) : 3;
}

export interface InputSpec { shape: (number | null)[]; dtype: "float32" | "int32"; vocab: number; free: number }

/** What both sides need before either builds: the topology's layer names and its inputs, read from the compiled topology. */
export function plan(t: Target): { layerNames: string[]; inputs: InputSpec[] } {
  const compiled = compileNetwork(t.doc, t.network);
  if (!compiled.ok) throw new Error(`${t.caseName}: network ${t.network} does not compile: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);
  const layers = compiled.topology.config.layers;
  const vocab = vocabulary(layers);
  const inputs = compiled.topology.config.input_layers.map(([name]): InputSpec => {
    const c = layers.find((l) => l.name === name)!.config;
    return { shape: c["batch_input_shape"] as (number | null)[], dtype: c["dtype"] === "int32" ? "int32" : "float32", vocab, free: FREE };
  });
  return { layerNames: layers.map((l) => l.name), inputs };
}

/** Writes outputs as one binary file (some networks give millions of values); returns what readOutputs needs. */
export function writeOutputs(file: string, outputs: readonly { shape: number[]; data: Float32Array }[]): { shape: number[]; size: number }[] {
  const all = new Float32Array(outputs.reduce((a, o) => a + o.data.length, 0));
  let offset = 0;
  for (const o of outputs) {
    all.set(o.data, offset);
    offset += o.data.length;
  }
  writeFileSync(file, new Uint8Array(all.buffer));
  return outputs.map((o) => ({ shape: o.shape, size: o.data.length }));
}

/** Reads the exported side's outputs back from the runner's binary file. */
function readOutputs(file: string, specs: readonly { shape: number[]; size: number }[]): { shape: number[]; data: Float32Array }[] {
  const bytes = readFileSync(file);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  let offset = 0;
  return specs.map((s) => {
    const data = all.slice(offset, offset + s.size);
    offset += s.size;
    return { shape: s.shape, data };
  });
}

/** What both runners write: per document, per network, the topology and where the outputs are. */
export interface RunnerNetwork { topology: unknown; outputs: { shape: number[]; size: number }[]; filled: number; seconds: number; peakRssMB: number }
export interface RunnerResult { backend: string; cases: Record<string, { error: string | null; networks: Record<string, RunnerNetwork> }> }

/** One runner's instructions: one document, its networks in order. */
export interface RunnerNetworkPlan { id: string; build: string; inputs: InputSpec[]; layerNames: string[]; outputFile: string }
export interface AppManifest { backend: Backend; name: string; networks: RunnerNetworkPlan[] }

/** Runs one runner process; a runner that dies (out of memory, a crash in the backend) gives its stderr as the document's error. */
async function runRunner(args: readonly string[], cwd: string, name: string, resultFile: string): Promise<RunnerResult> {
  try {
    await run(process.execPath, args, { cwd, maxBuffer: 64 << 20 });
    return JSON.parse(await readFile(resultFile, "utf8")) as RunnerResult;
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr || e).slice(-2000);
    return { backend: "", cases: { [name]: { error: `the runner stopped: ${stderr}`, networks: {} } } };
  }
}

/**
 * Runs both sides for every target. `editExport` may change an exported file's text before it
 * is compiled (only to show that the comparison can fail).
 */
export async function compareFullSize(targets: readonly Target[], backend: Backend, editExport: (caseName: string, text: string) => string = (_c, t) => t): Promise<{ comparisons: Comparison[]; exportedBackend: string }> {
  const ws = workspace("full-size");
  try {
    const problems = new Map<string, string>();
    const caseNames = [...new Set(targets.map((t) => t.caseName))];
    for (const name of caseNames) {
      const r = exportTypeScript(targets.find((t) => t.caseName === name)!.doc);
      if (r.ok) ws.write(`${name}.ts`, editExport(name, r.text));
      else problems.set(name, `export refused: ${r.diagnostics.map((d) => `${d.nodeId ?? ""} ${d.message}`).join("; ")}`);
    }
    const compiled = await ws.compile();
    for (const [file, errors] of compiled.errors) {
      const name = file.replace(/\.ts$/, "");
      for (const n of caseNames.includes(name) ? [name] : caseNames) if (!problems.has(n)) problems.set(n, `tsc --strict: ${errors.slice(0, 5).join("\n")}`);
    }

    const plans = targets.map((t) => ({ target: t, ...plan(t) }));
    const comparisons: Comparison[] = [];
    let exportedBackend = "";
    for (const name of caseNames) {
      const networks: RunnerNetworkPlan[] = plans.filter((p) => p.target.caseName === name).map((p) => ({
        id: p.target.network, build: buildFunctionName(p.target.network), inputs: p.inputs, layerNames: p.layerNames, outputFile: join(ws.dir, `${name}.${p.target.network}`),
      }));
      const forSide = (side: string) => networks.map((n) => ({ ...n, outputFile: `${n.outputFile}.${side}.out` }));
      let exported: RunnerResult | undefined;
      if (!problems.has(name)) {
        const manifest = ws.write(`${name}.exported.json`, JSON.stringify({ backend, cases: [{ name, module: ws.emitted(`${name}.ts`), networks: forSide("exported") }] }));
        const resultFile = join(ws.dir, `${name}.exported.result.json`);
        exported = await runRunner([new URL("./full-size-run.mjs", import.meta.url).pathname, manifest, resultFile], ws.dir, name, resultFile);
        exportedBackend ||= exported.backend;
      }
      const appManifest: AppManifest = { backend, name, networks: forSide("app") };
      const appResultFile = join(ws.dir, `${name}.app.result.json`);
      const app = await runRunner(["--import", "tsx", new URL("./full-size-app.ts", import.meta.url).pathname, ws.write(`${name}.app.json`, JSON.stringify(appManifest)), appResultFile], ROOT, name, appResultFile);
      for (const p of plans.filter((q) => q.target.caseName === name)) {
        const id = p.target.network;
        const mine = app.cases[name]?.networks[id];
        if (!mine) throw new Error(`the app side failed on ${name} / ${id}: ${app.cases[name]?.error ?? "no result"}`);
        const appSide: Side = { ...mine, outputs: readOutputs(join(ws.dir, `${name}.${id}.app.out`), mine.outputs) };
        const theirs = exported?.cases[name]?.networks[id];
        const problem = problems.get(name) ?? exported?.cases[name]?.error ?? (theirs ? undefined : "the runner gave no result");
        if (problem || !theirs) comparisons.push({ ...p.target, app: appSide, problem: problem ?? "" });
        else comparisons.push({ ...p.target, app: appSide, exported: { ...theirs, outputs: readOutputs(join(ws.dir, `${name}.${id}.exported.out`), theirs.outputs) } });
      }
    }
    return { comparisons, exportedBackend };
  } finally {
    ws.remove();
  }
}

export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return a.length === b.length ? m : Infinity;
}

/**
 * What an output looks like: its size, spread, and the share of values exactly equal to its
 * smallest or largest value (a saturated tanh, a one-hot softmax; ReLU's zeros stay well below).
 */
export function outputStats(data: Float32Array): { size: number; rms: number; std: number; atExtremes: number } {
  let min = Infinity, max = -Infinity, sum = 0, sq = 0;
  for (const v of data) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sq += v * v;
  }
  const n = data.length;
  const mean = sum / n;
  let extreme = 0;
  for (const v of data) if (v === min || v === max) extreme++;
  return { size: n, rms: Math.sqrt(sq / n), std: Math.sqrt(Math.max(0, sq / n - mean * mean)), atExtremes: extreme / n };
}
