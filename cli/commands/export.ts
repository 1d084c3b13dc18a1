/**
 * `layerloom export FILE [--ts OUT.ts] [--keras OUT.py [--strategy none|mirrored|multiworker]]
 *  [--model DIR [--network ID] [--from RUN|WEIGHTS] [--seed S]]`, one target or several:
 * - --ts: the document as one self-contained TypeScript file (tf.layers code for every network,
 *   inlined custom layers, a training function for the recipe); needs only @tensorflow/tfjs.
 * - --keras: a Keras functional-API Python script with the same names, losses and loss weights,
 *   and the tf.distribute strategy --strategy names (default none) for several GPUs or machines.
 * - --model: writes a network as tfjs's model.json + weights.bin, which plain tf.loadLayersModel
 *   reads (custom layers need runtime/layers imported once). Weights are the seeded initial ones,
 *   or trained ones with --from (a run folder's checkpoint, or the app's GRAPH.weights.json).
 *   With several networks and no --network, each goes to DIR/<network>/.
 *
 * Exit status: 0 written, 1 the graph has errors, 2 bad command line or unreadable input.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { CheckpointFileError } from "../../electron/host/train/checkpoint-files.js";
import { readTrainedWeights, type TrainedNetworks } from "../../electron/host/train/trained-weights.js";
import { saveLayersModel } from "../../electron/host/train/model-files.js";
import { MaterializeError, materializeNetwork } from "../../runtime/materialize/materialize.js";
import { loadNetworkWeights } from "../../runtime/train/checkpoint.js";
import { TrainingError } from "../../runtime/train/errors.js";
import type { Io } from "../io.js";
import { readGraphText } from "./check.js";
import { CODE_OPTIONS, codeTargets, writeCode } from "./export-code.js";

const USAGE = "Usage: layerloom export FILE [--ts OUT.ts] [--keras OUT.py [--strategy none|mirrored|multiworker]] [--model DIR [--network ID] [--from RUN_FOLDER|GRAPH.weights.json] [--seed S]]";
const EXIT = { ok: 0, graphErrors: 1, usage: 2 } as const;

export async function runExport(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { model: { type: "string" }, network: { type: "string" }, from: { type: "string" }, seed: { type: "string" }, ...CODE_OPTIONS } });
  } catch (e) {
    io.err(`layerloom export: ${(e as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const [file, ...extra] = parsed.positionals;
  const out = parsed.values.model;
  const code = codeTargets(parsed.values);
  if (!file || extra.length || (!out && !code.any)) {
    io.err(`layerloom export: ${!file ? "name the graph file" : extra.length ? "one graph file at a time" : "say what to write: --ts OUT.ts, --keras OUT.py or --model DIR"}.\n${USAGE}`);
    return EXIT.usage;
  }
  if (code.problem) {
    io.err(`layerloom export: ${code.problem}\n${USAGE}`);
    return EXIT.usage;
  }
  const seed = parsed.values.seed === undefined ? 0 : Number(parsed.values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    io.err(`layerloom export: --seed needs a whole number from 0 to 4294967295, not "${parsed.values.seed}".`);
    return EXIT.usage;
  }
  const read = await readGraphText(file);
  if (!read.ok) {
    io.err(`layerloom export: ${read.message}`);
    return EXIT.usage;
  }
  const loaded = parseGraphFile(read.text);
  if (!loaded.ok) {
    io.err(`layerloom export: ${file}: ${loaded.error.message}`);
    return EXIT.usage;
  }
  const doc = loaded.doc;
  if (code.any) {
    const status = await writeCode(doc, file, code, io);
    if (status !== EXIT.ok) return status;
  }
  if (out === undefined) return EXIT.ok;
  const known = doc.networks.map((n) => n.id);
  const wanted = parsed.values.network;
  if (wanted !== undefined && !known.includes(wanted)) {
    io.err(`layerloom export: ${file} has no network '${wanted}'${known.length ? `; its networks: ${known.join(", ")}` : ""}.`);
    return EXIT.usage;
  }
  if (!known.length) {
    io.err(`layerloom export: ${file} defines no network; add one that names its inputs and outputs.`);
    return EXIT.usage;
  }
  const ids = wanted !== undefined ? [wanted] : known;

  let checkpoint: TrainedNetworks | undefined;
  if (parsed.values.from) {
    try {
      checkpoint = await readTrainedWeights(parsed.values.from);
    } catch (e) {
      if (!(e instanceof CheckpointFileError)) throw e;
      io.err(`layerloom export: ${e.message}`);
      return EXIT.usage;
    }
  }
  const analysis = analyze(doc);
  for (const id of ids) {
    const dir = ids.length === 1 ? resolve(out) : resolve(out, id);
    let net;
    try {
      net = await materializeNetwork(doc, id, { seed: checkpoint?.seed ?? seed, analysis });
    } catch (e) {
      if (!(e instanceof MaterializeError)) throw e;
      io.err(`layerloom export: ${e.message}`);
      return EXIT.graphErrors;
    }
    try {
      if (checkpoint) {
        if (!checkpoint.networks[id]) {
          io.err(`layerloom export: ${parsed.values.from} has no weights for network '${id}' (it has: ${Object.keys(checkpoint.networks).join(", ") || "none"}); name one with --network.`);
          return EXIT.usage;
        }
        loadNetworkWeights(net, checkpoint.networks[id]);
      }
      await saveLayersModel(net.model, dir);
      io.out(`${id}: ${dir}/model.json + weights.bin (${net.model.countParams().toLocaleString("en-US")} params, ${checkpoint ? `weights from ${parsed.values.from}` : `initial weights, seed ${seed}`})`);
    } catch (e) {
      if (!(e instanceof TrainingError)) throw e;
      io.err(`layerloom export: ${e.message}`);
      return EXIT.usage;
    } finally {
      net.model.dispose();
    }
  }
  return EXIT.ok;
}
