/**
 * The folder a training run writes: checkpoint/ (latest checkpoint), model/ (the trained network
 * as tfjs model.json + weights.bin; model/<network>/ when the recipe trains several) and
 * history.json (every epoch's values).
 */
import { mkdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import type { EpochLog } from "../../runtime/train/checkpoint.js";

export const RUNS_FOLDER = "layerloom-runs";

/** layerloom-runs/<graph file name without .layerloom.json or .json>, under the working folder. */
export function defaultRunFolder(file: string, cwd: string): string {
  const stem = basename(file).replace(/\.layerloom\.json$|\.json$/i, "") || "run";
  return resolve(cwd, RUNS_FOLDER, stem);
}

export const checkpointFolder = (run: string): string => join(run, "checkpoint");

export function modelFolder(run: string, network: string, networks: number): string {
  return networks === 1 ? join(run, "model") : join(run, "model", network);
}

export interface HistoryFile {
  readonly file: string;
  readonly graph: string;
  readonly seed: number;
  readonly backend: string;
  readonly status: string;
  readonly columns: readonly string[];
  readonly epochs: readonly EpochLog[];
}

export async function writeHistory(run: string, h: HistoryFile): Promise<void> {
  await mkdir(run, { recursive: true });
  await writeFileAtomic(join(run, "history.json"), JSON.stringify(h, null, 2) + "\n");
}
