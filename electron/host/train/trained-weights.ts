/**
 * Trained weights for the commands that use them (export, sample, inspect), from either place
 * training leaves them: a CLI run folder (its checkpoint) or the app's "<graph>.weights.json"
 * beside the graph file.
 */
import { readFile, stat } from "node:fs/promises";
import type { TensorRecord } from "../../../runtime/train/tensor-records.js";
import { parseWeights } from "../../../runtime/train/weights-file.js";
import { CheckpointFileError, readCheckpoint } from "./checkpoint-files.js";

export interface TrainedNetworks {
  /** Weights by network id, in model.weights order. */
  readonly networks: Readonly<Record<string, readonly TensorRecord[]>>;
  /** The run's seed, when the source records it (checkpoints do). */
  readonly seed?: number;
  /** Training steps behind these weights. */
  readonly step: number;
}

/** Reads a run folder, a checkpoint folder or a .weights.json file; failures are CheckpointFileErrors. */
export async function readTrainedWeights(path: string): Promise<TrainedNetworks> {
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  if (!isFile) {
    const c = await readCheckpoint(path);
    return { networks: c.networks, seed: c.seed, step: c.loop.step };
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new CheckpointFileError(`${path} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = parseWeights(text);
  if (!parsed.ok) throw new CheckpointFileError(`${path} is not a Layerloom weights file: ${parsed.message}.`);
  return { networks: parsed.weights.networks, step: parsed.weights.run.steps };
}
