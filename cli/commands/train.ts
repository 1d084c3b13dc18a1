/**
 * `layerloom train FILE [--epochs N] [--backend B] [--seed S] [--out DIR] [--resume DIR]`:
 * trains the document's training section in Node with the same runtime the app uses, shows
 * progress, writes checkpoints, and leaves the trained model in the run folder.
 * Ctrl-C stops after the current batch and writes a checkpoint (exit 130); --resume continues it
 * with the same losses an uninterrupted run would have had.
 *
 * Exit status: 0 trained, 1 the graph has errors, 2 bad command line or unreadable file,
 * 3 training could not start or had to stop (data, settings, NaN, memory), 130 interrupted.
 */
import { parseArgs } from "node:util";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { userCacheDir } from "../../electron/host/train/cache-dir.js";
import { CheckpointFileError, readCheckpoint, writeCheckpoint } from "../../electron/host/train/checkpoint-files.js";
import { DownloadError } from "../../electron/host/data/download.js";
import { openDataset } from "../../electron/host/train/datasets.js";
import { saveLayersModel } from "../../electron/host/train/model-files.js";
import type { Dataset } from "../../runtime/data/types.js";
import * as tf from "../../runtime/tf.js";
import type { Checkpoint, EpochLog } from "../../runtime/train/checkpoint.js";
import { partition } from "../../runtime/train/data-order.js";
import { TrainingError } from "../../runtime/train/errors.js";
import { train } from "../../runtime/train/loop.js";
import { prepareTraining } from "../../runtime/train/session.js";
import type { Io } from "../io.js";
import { chooseBackend, parseBackendFlag, type BackendFlag } from "../train/backend.js";
import { trainingProbe } from "../../runtime/train/probe.js";
import { ProgressDisplay } from "../train/progress.js";
import { checkpointFolder, defaultRunFolder, modelFolder, writeHistory } from "../train/run-folder.js";
import { readGraphText } from "./check.js";

export const TRAIN_EXIT = { ok: 0, graphErrors: 1, usage: 2, failed: 3, interrupted: 130 } as const;
const TRAINING_CODES: ReadonlySet<string> = new Set(["loss-unknown-output", "training-unknown-network"]);
const USAGE = "Usage: layerloom train FILE [--epochs N] [--backend cpu|wasm|webgpu|auto] [--seed S] [--out DIR] [--resume DIR]";

interface TrainArgs {
  readonly file: string;
  readonly epochs?: number;
  readonly backend: BackendFlag;
  readonly seed?: number;
  readonly out?: string;
  readonly resume?: string;
}

export function parseTrainArgs(args: string[]): TrainArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { epochs: { type: "string" }, backend: { type: "string", default: "auto" }, seed: { type: "string" }, out: { type: "string" }, resume: { type: "string" } },
    });
  } catch (e) {
    return (e as Error).message;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) return "name the graph file to train.";
  if (extra.length) return `one graph file at a time (got ${[file, ...extra].join(", ")}).`;
  const whole = (flag: string, text: string | undefined, min: number, max: number): number | string | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : `--${flag} needs a whole number from ${min} to ${max}, not "${text}".`;
  };
  const epochs = whole("epochs", parsed.values.epochs, 1, 1_000_000);
  const seed = whole("seed", parsed.values.seed, 0, 0xffffffff);
  const backend = parseBackendFlag(parsed.values.backend ?? "auto");
  for (const v of [epochs, seed]) if (typeof v === "string") return v;
  if (!["auto", "cpu", "wasm", "webgpu"].includes(backend)) return backend;
  return {
    file, backend: backend as BackendFlag,
    ...(epochs !== undefined ? { epochs: epochs as number } : {}),
    ...(seed !== undefined ? { seed: seed as number } : {}),
    ...(parsed.values.out ? { out: parsed.values.out } : {}),
    ...(parsed.values.resume ? { resume: parsed.values.resume } : {}),
  };
}

export async function runTrain(args: string[], io: Io): Promise<number> {
  const a = parseTrainArgs(args);
  if (typeof a === "string") {
    io.err(`layerloom train: ${a}\n${USAGE}`);
    return TRAIN_EXIT.usage;
  }
  const read = await readGraphText(a.file);
  if (!read.ok) {
    io.err(`layerloom train: ${read.message}`);
    return TRAIN_EXIT.usage;
  }
  const loaded = parseGraphFile(read.text);
  if (!loaded.ok) {
    io.err(`layerloom train: ${a.file}: ${loaded.error.message}`);
    return TRAIN_EXIT.usage;
  }
  const doc = loaded.doc;
  const analysis = analyze(doc);
  const training = doc.training;
  if (!training) {
    io.err(`layerloom train: ${a.file} has no training section; add one that names the recipe, the network, the dataset and the losses.`);
    return TRAIN_EXIT.failed;
  }
  // Problems of the networks training uses (and of the training section); a broken node elsewhere does not stop training.
  const bound = new Set(Object.values(training.networks));
  const members = new Set([...bound].flatMap((id) => analysis.networks.get(id)?.nodeIds ?? []));
  const errors = analysis.diagnostics.filter((d) => d.severity === "error" && (d.network !== undefined ? bound.has(d.network) : d.nodeId === undefined || members.has(d.nodeId) || TRAINING_CODES.has(d.code)));
  if (errors.length) {
    io.err(`layerloom train: ${a.file} has ${errors.length} error${errors.length === 1 ? "" : "s"} to fix first (layerloom check ${a.file} lists them all):`);
    for (const d of errors.slice(0, 10)) io.err(`  ${d.nodeId ? `${d.nodeId}: ` : ""}${d.message}`);
    return TRAIN_EXIT.graphErrors;
  }

  const cacheDir = userCacheDir();
  const runDir = a.resume ?? a.out ?? defaultRunFolder(a.file, process.cwd());
  let resume: Checkpoint | undefined;
  let dataset: Dataset;
  const stop = { aborted: false };
  const onSigint = () => {
    if (stop.aborted) process.exit(TRAIN_EXIT.interrupted); // a second Ctrl-C does not wait
    stop.aborted = true;
    io.err("\nStopping after this batch and writing a checkpoint (Ctrl-C again to quit at once)...");
  };
  process.on("SIGINT", onSigint);
  try {
    if (a.resume) resume = await readCheckpoint(a.resume);
    const seed = a.seed ?? resume?.seed ?? 0;
    dataset = await openDataset(training.dataset, cacheDir);

    // Check everything on the default backend first, so a data or settings problem is reported as
    // itself rather than as every backend failing its self-check.
    const check = await prepareTraining(doc, { dataset, seed, analysis, ...(a.epochs !== undefined ? { epochs: a.epochs } : {}) });
    const topology = check.networks.map((n) => n.topology);
    const settings = check.settings;
    for (const w of check.warnings) io.err(`note: ${w}`);
    check.dispose();

    const choice = await chooseBackend(a.backend, trainingProbe(doc, dataset, seed), { topology, batchSize: settings.batchSize }, cacheDir);
    if (stop.aborted) {
      io.err("Interrupted before training started; nothing was written.");
      return TRAIN_EXIT.interrupted;
    }
    const session = await prepareTraining(doc, { dataset, seed, analysis, ...(a.epochs !== undefined ? { epochs: a.epochs } : {}) });
    try {
      const display = new ProgressDisplay(io, session.prepared.columns);
      const trainCount = partition(dataset.size("train"), settings.validationSplit, seed).train.length;
      io.out(`${doc.name}: ${session.recipe.title.toLowerCase()} training on ${dataset.title}, ${settings.epochs} epochs of ${Math.ceil(trainCount / settings.batchSize)} batches of ${settings.batchSize}, seed ${seed}`);
      io.out(`backend: ${choice.summary}`);
      for (const attempt of choice.attempts) if (!attempt.ok && attempt.reason) io.out(`  skipped ${attempt.reason}`);
      if (resume) io.out(`resuming from ${checkpointFolder(runDir)} at epoch ${resume.loop.epoch + 1}, batch ${resume.loop.batch + 1}`);

      const history: { status: string; epochs: readonly EpochLog[] } = { status: "running", epochs: resume?.loop.history ?? [] };
      const save = () => writeHistory(runDir, {
        file: a.file, graph: doc.name, seed, backend: tf.getBackend(), status: history.status,
        columns: session.prepared.columns.map((c) => c.name), epochs: history.epochs,
      });
      let outcome;
      try {
        outcome = await train({
          recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint,
          ...(resume ? { resume } : {}),
          signal: stop,
          onBatch: (p) => display.batch(p),
          onEpoch: async (log) => {
            display.epoch(log, session.settings.epochs);
            history.epochs = [...history.epochs, log];
            await save();
          },
          onCheckpoint: (c) => writeCheckpoint(checkpointFolder(runDir), c),
        });
      } finally {
        display.end();
      }
      history.status = outcome.status;
      await save();
      if (outcome.status === "interrupted") {
        io.out(`Interrupted at epoch ${outcome.loop.epoch + 1}, batch ${outcome.loop.batch + 1}. Checkpoint: ${checkpointFolder(runDir)}`);
        io.out(`Continue with: layerloom train ${a.file} --resume ${runDir}${a.epochs !== undefined ? ` --epochs ${a.epochs}` : ""}`);
        return TRAIN_EXIT.interrupted;
      }
      for (const n of session.networks) {
        const dir = modelFolder(runDir, n.id, session.networks.length);
        await saveLayersModel(n.model, dir);
        io.out(`model '${n.id}' written to ${dir} (model.json + weights.bin)`);
      }
      if (outcome.status === "early-stopped") io.out(`Stopped early after epoch ${outcome.history.length}: ${session.settings.earlyStopping?.monitor ?? "the monitored value"} stopped improving (best at epoch ${outcome.loop.stopper.bestEpoch}).`);
      return TRAIN_EXIT.ok;
    } finally {
      session.dispose();
    }
  } catch (e) {
    if (e instanceof TrainingError || e instanceof CheckpointFileError || e instanceof DownloadError) {
      io.err(`layerloom train: ${e.message}`);
      return TRAIN_EXIT.failed;
    }
    if (e instanceof Error && /^No backend can train this model here/.test(e.message)) {
      io.err(`layerloom train: ${e.message}`);
      return TRAIN_EXIT.failed;
    }
    if (e instanceof Error && /^Unknown dataset/.test(e.message)) {
      io.err(`layerloom train: training.dataset: ${e.message}`);
      return TRAIN_EXIT.failed;
    }
    throw e;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
