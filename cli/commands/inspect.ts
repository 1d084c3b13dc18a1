/**
 * `layerloom inspect FILE [--weights RUN_FOLDER|GRAPH.weights.json] --tool activations|saliency|guided|gradcam|optimize|tsne|pca
 *   [--node ID] [--class K] [--input-index I] [--unit U] [--penalty W] [--steps N] [--count N] [--network ID] [--seed S] [--out DIR]`
 * looks inside a (trained) network with runtime/inspect and writes PNG files into --out
 * (default: ./inspect), printing what it wrote. Inputs come from the training section's dataset,
 * its test split when it has one. Without --weights the untrained network is inspected, with a note.
 *
 * Exit status: 0 written; 1 the graph has errors; 2 bad command line, weights that are not this
 * graph's, or a request the tool cannot answer (unknown node, class out of range, Grad-CAM on a
 * layer without feature maps); 3 the data could not be opened.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { DownloadError } from "../../electron/host/data/download.js";
import { userCacheDir } from "../../electron/host/train/cache-dir.js";
import { CheckpointFileError } from "../../electron/host/train/checkpoint-files.js";
import { openDataset } from "../../electron/host/train/datasets.js";
import { readTrainedWeights, type TrainedNetworks } from "../../electron/host/train/trained-weights.js";
import type { Dataset } from "../../runtime/data/types.js";
import { InspectError } from "../../runtime/inspect/index.js";
import { MaterializeError, materializeNetwork, type MaterializedNetwork } from "../../runtime/materialize/materialize.js";
import { loadNetworkWeights } from "../../runtime/train/checkpoint.js";
import type { Io } from "../io.js";
import { defaultLayer, resolveNode, type Tool } from "../inspect/layers.js";
import { runTool } from "../inspect/tools.js";
import { readGraphText } from "./check.js";

export const INSPECT_EXIT = { ok: 0, graphErrors: 1, usage: 2, data: 3 } as const;
const TOOLS: readonly Tool[] = ["activations", "saliency", "guided", "gradcam", "optimize", "tsne", "pca"];
const USAGE = `Usage: layerloom inspect FILE [--weights RUN_FOLDER] --tool ${TOOLS.join("|")} [--node ID] [--class K] [--input-index I] [--unit U] [--penalty W] [--steps N] [--count N] [--network ID] [--seed S] [--out DIR]`;

interface InspectArgs {
  readonly file: string;
  readonly tool: Tool;
  readonly weights?: string;
  readonly node?: string;
  readonly network?: string;
  readonly out: string;
  readonly numbers: { class?: number; index: number; unit?: number; penalty?: number; steps?: number; count?: number; seed: number };
}

export function parseInspectArgs(args: string[]): InspectArgs | string {
  let parsed;
  try {
    const text = { type: "string" } as const;
    parsed = parseArgs({ args, allowPositionals: true, options: { weights: text, tool: text, node: text, class: text, "input-index": text, unit: text, penalty: text, steps: text, count: text, network: text, seed: text, out: text } });
  } catch (e) {
    return (e as Error).message;
  }
  const [file, ...extra] = parsed.positionals;
  const v = parsed.values;
  if (!file) return "name the graph file to inspect.";
  if (extra.length) return `one graph file at a time (got ${[file, ...extra].join(", ")}).`;
  if (!v.tool) return `say which tool with --tool (${TOOLS.join(", ")}).`;
  if (!TOOLS.includes(v.tool as Tool)) return `--tool must be one of ${TOOLS.join(", ")}, not "${v.tool}".`;
  const numbers: Record<string, number> = {};
  const whole = (flag: string, key: string, min: number, max: number) => {
    const t = v[flag as keyof typeof v];
    if (t === undefined) return undefined;
    const n = Number(t);
    if (!Number.isInteger(n) || n < min || n > max) return `--${flag} needs a whole number from ${min} to ${max}, not "${t}".`;
    numbers[key] = n;
    return undefined;
  };
  const problem = whole("class", "class", 0, 1e9) ?? whole("input-index", "index", 0, 1e9) ?? whole("unit", "unit", 0, 1e9)
    ?? whole("steps", "steps", 1, 100_000) ?? whole("count", "count", 2, v.tool === "tsne" ? 1000 : 100_000) ?? whole("seed", "seed", 0, 0xffffffff);
  if (problem) return problem + (v.tool === "tsne" && v.count !== undefined ? " (t-SNE here is exact, meant for up to 1,000 points)" : "");
  if (v.penalty !== undefined) {
    const w = Number(v.penalty);
    if (!(w >= 0 && Number.isFinite(w))) return `--penalty needs a weight of 0 or more, not "${v.penalty}".`;
    numbers["penalty"] = w;
  }
  return {
    file, tool: v.tool as Tool, out: v.out ?? "inspect",
    ...(v.weights ? { weights: v.weights } : {}), ...(v.node ? { node: v.node } : {}), ...(v.network ? { network: v.network } : {}),
    numbers: { ...numbers, index: numbers["index"] ?? 0, seed: numbers["seed"] ?? 0 },
  };
}

/** Loads trained weights into the network, or says why they are not this graph's. */
function loadWeights(net: MaterializedNetwork, trained: TrainedNetworks, from: string, file: string): string | undefined {
  const records = trained.networks[net.id];
  const other = `${from} was written by training another graph`;
  if (!records) return `${other}: it holds weights for ${Object.keys(trained.networks).map((id) => `'${id}'`).join(", ") || "no network"}, and ${file} inspects network '${net.id}'.`;
  const weights = net.model.weights;
  const shape = (s: readonly (number | null)[]) => `[${s.join(", ")}]`;
  const differs = records.length !== weights.length
    ? `${records.length} weights there, ${weights.length} here`
    : records.map((r, i) => ({ r, w: weights[i]! })).find(({ r, w }) => r.name !== w.originalName || shape(r.shape) !== shape(w.shape));
  if (differs) {
    const why = typeof differs === "string" ? differs : `${differs.r.name} ${shape(differs.r.shape)} there, ${differs.w.originalName} ${shape(differs.w.shape)} here`;
    return `${other} (or ${file} changed since): network '${net.id}' does not fit its weights (${why}). Train ${file} again, or pass the run folder it wrote.`;
  }
  loadNetworkWeights(net, records);
  return undefined;
}

export async function runInspect(args: string[], io: Io): Promise<number> {
  const a = parseInspectArgs(args);
  const fail = (code: number, message: string) => {
    io.err(`layerloom inspect: ${message}`);
    return code;
  };
  if (typeof a === "string") return fail(INSPECT_EXIT.usage, `${a}\n${USAGE}`);
  const read = await readGraphText(a.file);
  if (!read.ok) return fail(INSPECT_EXIT.usage, read.message);
  const loaded = parseGraphFile(read.text);
  if (!loaded.ok) return fail(INSPECT_EXIT.usage, `${a.file}: ${loaded.error.message}`);
  const doc = loaded.doc;
  const known = doc.networks.map((n) => n.id);
  const networkId = a.network ?? doc.training?.networks["model"] ?? known[0];
  if (networkId === undefined || !known.includes(networkId)) {
    return fail(INSPECT_EXIT.usage, networkId === undefined ? `${a.file} defines no network.` : `${a.file} has no network '${networkId}'; its networks: ${known.join(", ")}.`);
  }
  let trained: TrainedNetworks | undefined;
  if (a.weights) {
    try {
      trained = await readTrainedWeights(a.weights);
    } catch (e) {
      if (!(e instanceof CheckpointFileError)) throw e;
      return fail(INSPECT_EXIT.usage, e.message);
    }
  }
  const seed = a.numbers.seed;
  let net: MaterializedNetwork;
  try {
    net = await materializeNetwork(doc, networkId, { seed: trained?.seed ?? seed, analysis: analyze(doc) });
  } catch (e) {
    if (!(e instanceof MaterializeError)) throw e;
    return fail(INSPECT_EXIT.graphErrors, e.message);
  }
  try {
    if (trained) {
      const problem = loadWeights(net, trained, a.weights!, a.file);
      if (problem) return fail(INSPECT_EXIT.usage, problem);
    } else {
      io.err(`note: no --weights given, so this inspects the untrained network '${net.id}' (initial weights, seed ${seed}); train it with "layerloom train ${a.file}" and pass --weights with the run folder.`);
    }
    let layer: string | undefined;
    const chosen = a.node !== undefined ? resolveNode(net, a.node) : defaultLayer(net, a.tool);
    if (typeof chosen === "object") return fail(INSPECT_EXIT.usage, chosen.problem);
    layer = chosen;

    let dataset: Dataset | undefined;
    if (a.tool !== "optimize") {
      if (!doc.training) return fail(INSPECT_EXIT.data, `${a.file} has no training section, so there is no dataset to take inputs from; add one that names a dataset.`);
      try {
        dataset = await openDataset(doc.training.dataset, userCacheDir());
      } catch (e) {
        if (e instanceof DownloadError || (e instanceof Error && /^Unknown dataset/.test(e.message))) return fail(INSPECT_EXIT.data, `training.dataset: ${e.message}`);
        throw e;
      }
      const want = net.model.inputs[0]!.shape.slice(1);
      if (want.length !== dataset.inputShape.length || want.some((d, i) => d !== null && d !== dataset!.inputShape[i])) {
        return fail(INSPECT_EXIT.data, `${dataset.title} gives samples of shape [${dataset.inputShape.join(", ")}], but network '${net.id}' takes [${want.map((d) => d ?? "?").join(", ")}].`);
      }
    }
    const split = dataset && dataset.size("test") > 0 ? "test" : "train";
    if (dataset && a.numbers.index >= dataset.size(split)) {
      return fail(INSPECT_EXIT.usage, `--input-index ${a.numbers.index} is out of range: the ${split} split of ${dataset.title} has ${dataset.size(split)} samples (0 to ${dataset.size(split) - 1}).`);
    }
    const out = resolve(a.out);
    await mkdir(out, { recursive: true });
    const lines = await runTool({
      tool: a.tool, net, ...(layer !== undefined ? { layer } : {}), ...(dataset ? { dataset } : {}), split, index: a.numbers.index,
      ...(a.numbers.class !== undefined ? { classIndex: a.numbers.class } : {}), ...(a.numbers.unit !== undefined ? { unit: a.numbers.unit } : {}),
      ...(a.numbers.penalty !== undefined ? { penalty: a.numbers.penalty } : {}), ...(a.numbers.steps !== undefined ? { steps: a.numbers.steps } : {}),
      ...(a.numbers.count !== undefined ? { count: a.numbers.count } : {}), seed, out, io,
    });
    for (const line of lines) io.out(line);
    return INSPECT_EXIT.ok;
  } catch (e) {
    if (e instanceof InspectError) return fail(INSPECT_EXIT.usage, e.message);
    throw e;
  } finally {
    net.model.dispose();
  }
}
