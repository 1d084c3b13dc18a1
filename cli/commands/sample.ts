/**
 * `layerloom sample FILE [--weights RUN_FOLDER|GRAPH.weights.json] [--n N] [--seed S] [--temperature T]
 *  [--prompt TEXT] [--words a,b,c] [--out OUT.png|OUT.txt]`: draws from the model the file's
 * training section describes (runtime/sample decides how): PixelCNN images pixel by pixel, text
 * from a character model, a GAN generator's samples, or word2vec's nearest words. Weights come
 * from a training run's checkpoint or the app's GRAPH.weights.json (--weights); without them the
 * untrained network is sampled, and the command says so. Images go to a PNG grid (default <graph>-samples.png), anything else to
 * stdout or --out.
 *
 * --n is the number of images or generator samples (default 16), of characters for a text model
 * (default 300), of neighbours per word for word2vec (default 8).
 *
 * Exit status: 0 sampled, 1 the network has errors, 2 bad command line, unreadable file or
 * weights that are not this graph's, 3 nothing to sample or sampling could not run.
 */
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import { DownloadError } from "../../electron/host/data/download.js";
import { userCacheDir } from "../../electron/host/train/cache-dir.js";
import { CheckpointFileError } from "../../electron/host/train/checkpoint-files.js";
import { readTrainedWeights, type TrainedNetworks } from "../../electron/host/train/trained-weights.js";
import { openDataset } from "../../electron/host/train/datasets.js";
import { MaterializeError, materializeNetwork, type MaterializedNetwork } from "../../runtime/materialize/materialize.js";
import { sample, samplerFor, SampleError, type SampleOptions } from "../../runtime/sample/index.js";
import * as tf from "../../runtime/tf.js";
import { loadNetworkWeights } from "../../runtime/train/checkpoint.js";
import type { Io } from "../io.js";
import { sampleLines, samplePng } from "../sample/output.js";
import { readGraphText } from "./check.js";

export const SAMPLE_EXIT = { ok: 0, graphErrors: 1, usage: 2, cannot: 3 } as const;
const USAGE = "Usage: layerloom sample FILE [--weights RUN_FOLDER|GRAPH.weights.json] [--n N] [--seed S] [--temperature T] [--prompt TEXT] [--words a,b,c] [--out OUT.png|OUT.txt]";

interface SampleArgs {
  readonly file: string;
  readonly weights?: string;
  readonly n?: number;
  readonly seed: number;
  readonly temperature: number;
  readonly prompt?: string;
  readonly words?: string[];
  readonly out?: string;
}

export function parseSampleArgs(args: string[]): SampleArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { weights: { type: "string" }, n: { type: "string" }, seed: { type: "string" }, temperature: { type: "string" }, prompt: { type: "string" }, words: { type: "string" }, out: { type: "string" } },
    });
  } catch (e) {
    return (e as Error).message;
  }
  const v = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!file) return "name the graph file to sample from.";
  if (extra.length) return `one graph file at a time (got ${[file, ...extra].join(", ")}).`;
  const whole = (flag: string, text: string, min: number, max: number): number | string => {
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : `--${flag} needs a whole number from ${min} to ${max}, not "${text}".`;
  };
  const n = v.n === undefined ? undefined : whole("n", v.n, 1, 100_000);
  const seed = v.seed === undefined ? 0 : whole("seed", v.seed, 0, 0xffffffff);
  for (const x of [n, seed]) if (typeof x === "string") return x;
  const temperature = v.temperature === undefined ? 1 : Number(v.temperature);
  if (!(temperature > 0 && temperature <= 100)) return `--temperature needs a number above 0 and at most 100 (1 samples the model as trained), not "${v.temperature}".`;
  if (v.out !== undefined && !/\.(png|txt|csv)$/i.test(v.out)) return `--out must name a .png file (images) or a .txt file (text, points, neighbours), not "${v.out}".`;
  const words = v.words?.split(",").map((w) => w.trim()).filter((w) => w.length > 0);
  if (v.words !== undefined && !words?.length) return `--words needs words separated by commas, e.g. --words river,bread,light.`;
  return {
    file, seed: seed as number, temperature,
    ...(n !== undefined ? { n: n as number } : {}),
    ...(v.weights ? { weights: v.weights } : {}),
    ...(v.prompt !== undefined ? { prompt: v.prompt } : {}),
    ...(words ? { words } : {}),
    ...(v.out ? { out: v.out } : {}),
  };
}

const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** Loads a run's weights into the network, or says why they are not this graph's. */
function loadRunWeights(net: MaterializedNetwork, checkpoint: TrainedNetworks, folder: string, file: string): string | undefined {
  const records = checkpoint.networks[net.id];
  const other = `${folder} was written by training another graph`;
  if (!records) return `${other}: it holds weights for ${Object.keys(checkpoint.networks).map((id) => `'${id}'`).join(", ") || "no network"}, and ${file} samples network '${net.id}'.`;
  const weights = net.model.weights;
  const differs = records.length !== weights.length
    ? `${records.length} weights there, ${weights.length} here`
    : records.map((r, i) => ({ r, w: weights[i]! })).filter(({ r, w }) => r.name !== w.originalName || shapeText(r.shape) !== shapeText(w.shape as number[]))
        .map(({ r, w }) => `${r.name} ${shapeText(r.shape)} there, ${w.originalName} ${shapeText(w.shape as number[])} here`)[0];
  if (differs) return `${other} (or ${file} changed since): network '${net.id}' does not fit its weights (${differs}). Train ${file} again, or pass the run folder it wrote.`;
  loadNetworkWeights(net, records);
  return undefined;
}

export async function runSample(args: string[], io: Io): Promise<number> {
  const a = parseSampleArgs(args);
  if (typeof a === "string") {
    io.err(`layerloom sample: ${a}\n${USAGE}`);
    return SAMPLE_EXIT.usage;
  }
  const read = await readGraphText(a.file);
  if (!read.ok) {
    io.err(`layerloom sample: ${read.message}`);
    return SAMPLE_EXIT.usage;
  }
  const loaded = parseGraphFile(read.text);
  if (!loaded.ok) {
    io.err(`layerloom sample: ${a.file}: ${loaded.error.message}`);
    return SAMPLE_EXIT.usage;
  }
  const doc = loaded.doc;
  const analysis = analyze(doc);
  const choice = samplerFor(doc, analysis);
  if (choice.kind === "none") {
    io.err(`layerloom sample: ${a.file}: nothing to sample. ${choice.reason}`);
    return SAMPLE_EXIT.cannot;
  }
  let checkpoint: TrainedNetworks | undefined;
  if (a.weights) {
    try {
      checkpoint = await readTrainedWeights(a.weights);
    } catch (e) {
      if (!(e instanceof CheckpointFileError)) throw e;
      io.err(`layerloom sample: ${e.message}`);
      return SAMPLE_EXIT.usage;
    }
  }
  let net: MaterializedNetwork;
  try {
    net = await materializeNetwork(doc, choice.network, { seed: checkpoint?.seed ?? a.seed, analysis });
  } catch (e) {
    if (!(e instanceof MaterializeError)) throw e;
    io.err(`layerloom sample: ${e.message}`);
    return SAMPLE_EXIT.graphErrors;
  }
  try {
    if (checkpoint) {
      const problem = loadRunWeights(net, checkpoint, a.weights!, a.file);
      if (problem) {
        io.err(`layerloom sample: ${problem}`);
        return SAMPLE_EXIT.usage;
      }
      io.err(`note: weights from ${a.weights} (step ${checkpoint.step})`);
    } else {
      io.err(`note: no --weights given, so this samples the untrained network '${net.id}' (initial weights, seed ${a.seed}); train it with "layerloom train ${a.file}" and pass --weights with the run folder.`);
    }
    await tf.ready();
    const dataset = doc.training ? () => openDataset(doc.training!.dataset, userCacheDir()) : undefined;
    const options: SampleOptions = {
      seed: a.seed, temperature: a.temperature,
      ...(a.n !== undefined ? (choice.kind === "text" ? { length: a.n } : choice.kind === "neighbours" ? { neighbours: a.n } : { count: a.n }) : {}),
      ...(a.prompt !== undefined ? { prompt: a.prompt } : {}),
      ...(a.words ? { words: a.words } : {}),
      ...(dataset ? { dataset } : {}),
      ...(io.live ? { onProgress: (done: number, total: number) => io.live!(`sampling ${done}/${total}`) } : {}),
    };
    const result = await sample(doc, new Map([[net.id, net]]), options).finally(() => io.live?.(undefined));
    const lines = sampleLines(result);
    if (result.kind === "images") {
      if (a.out && !/\.png$/i.test(a.out)) {
        io.err(`layerloom sample: ${a.file} gives images; name a .png file with --out.`);
        return SAMPLE_EXIT.usage;
      }
      const out = resolve(a.out ?? `${basename(a.file).replace(/\.layerloom\.json$|\.json$/i, "") || "samples"}-samples.png`);
      const png = samplePng(result);
      await writeFileAtomic(out, png.bytes);
      io.out(`${result.note}; written to ${out} (${png.rows}×${png.columns} grid)`);
    } else if (a.out) {
      if (/\.png$/i.test(a.out)) {
        io.err(`layerloom sample: ${a.file} gives ${result.kind}, not images; name a .txt file with --out.`);
        return SAMPLE_EXIT.usage;
      }
      await writeFileAtomic(resolve(a.out), lines!.join("\n") + "\n");
      io.out(`${result.note}; written to ${resolve(a.out)}`);
    } else {
      for (const line of lines!) io.out(line);
    }
    return SAMPLE_EXIT.ok;
  } catch (e) {
    if (e instanceof SampleError || e instanceof DownloadError) {
      io.err(`layerloom sample: ${e.message}`);
      return SAMPLE_EXIT.cannot;
    }
    if (e instanceof Error && /^Unknown dataset/.test(e.message)) {
      io.err(`layerloom sample: training.dataset: ${e.message}`);
      return SAMPLE_EXIT.cannot;
    }
    throw e;
  } finally {
    net.model.dispose();
  }
}
