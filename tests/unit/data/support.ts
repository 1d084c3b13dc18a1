/** Helpers shared by the data tests: temp folders removed after each test, whole-epoch reads. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Batch, Dataset, Split } from "../../../runtime/data/types.js";

const made: string[] = [];

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "layerloom-data-"));
  made.push(dir);
  return dir;
}

export function allBatches(ds: Dataset, split: Split, batchSize: number, seed = 1): Batch[] {
  return [...ds.batches(split, { batchSize, seed })];
}

/** Class ids of a whole split, in index order. */
export function labelsOf(ds: Dataset, split: Split): number[] {
  const out: number[] = [];
  for (const b of ds.batches(split, { batchSize: 256, seed: 0, shuffle: false })) out.push(...b.y.data);
  return out;
}

export function counts(values: readonly number[], k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const v of values) c[v]!++;
  return c;
}
