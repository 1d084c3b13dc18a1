/**
 * Checkpoints on disk: a folder with checkpoint.json (the position, history and tensor index)
 * and one binary file of all tensor data, named after the step it holds. The JSON is replaced
 * atomically last and names its binary, so a crash mid-write leaves the previous checkpoint
 * whole; binaries no JSON names any more are removed afterwards.
 */
import { mkdir, readFile, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { CHECKPOINT_FORMAT, type Checkpoint, type LoopState } from "../../../runtime/train/checkpoint.js";
import type { OptionValue } from "../../../runtime/train/settings.js";
import type { TensorRecord } from "../../../runtime/train/tensor-records.js";
import { writeFileAtomic } from "../atomic-write.js";

export const CHECKPOINT_FILE = "checkpoint.json";

interface StoredTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: "float32" | "int32";
  /** Byte offset into the binary file. */
  readonly offset: number;
}

interface StoredCheckpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: 1;
  readonly fingerprint: string;
  readonly seed: number;
  readonly loop: LoopState;
  readonly recipe?: Readonly<Record<string, OptionValue>>;
  readonly data: string;
  readonly bytes: number;
  readonly networks: Readonly<Record<string, readonly StoredTensor[]>>;
  readonly optimizers: Readonly<Record<string, readonly StoredTensor[]>>;
}

export async function writeCheckpoint(dir: string, c: Checkpoint): Promise<void> {
  await mkdir(dir, { recursive: true });
  const groups = [c.networks, c.optimizers];
  const total = groups.flatMap((g) => Object.values(g).flat()).reduce((n, r) => n + r.data.byteLength, 0);
  const bin = new Uint8Array(total);
  let offset = 0;
  const index = (records: Readonly<Record<string, readonly TensorRecord[]>>): Record<string, StoredTensor[]> => {
    const out: Record<string, StoredTensor[]> = {};
    for (const [key, list] of Object.entries(records)) {
      out[key] = list.map((r) => {
        bin.set(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength), offset);
        const stored = { name: r.name, shape: [...r.shape], dtype: r.dtype, offset };
        offset += r.data.byteLength;
        return stored;
      });
    }
    return out;
  };
  const networks = index(c.networks);
  const optimizers = index(c.optimizers);
  const data = `checkpoint-${c.loop.step}.bin`;
  const stored: StoredCheckpoint = {
    format: c.format, version: c.version, fingerprint: c.fingerprint, seed: c.seed, loop: c.loop,
    ...(c.recipe ? { recipe: c.recipe } : {}),
    data, bytes: total, networks, optimizers,
  };
  await writeFileAtomic(join(dir, data), bin);
  await writeFileAtomic(join(dir, CHECKPOINT_FILE), JSON.stringify(stored));
  for (const name of await readdir(dir)) {
    if (/^checkpoint-\d+\.bin$/.test(name) && name !== data) await rm(join(dir, name), { force: true });
  }
}

export class CheckpointFileError extends Error {
  override readonly name = "CheckpointFileError";
}

/** Reads a checkpoint folder (or the run folder holding a "checkpoint" folder). */
export async function readCheckpoint(path: string): Promise<Checkpoint> {
  const dir = await checkpointDir(path);
  let stored: StoredCheckpoint;
  try {
    stored = JSON.parse(await readFile(join(dir, CHECKPOINT_FILE), "utf8")) as StoredCheckpoint;
  } catch (e) {
    throw new CheckpointFileError(`${join(dir, CHECKPOINT_FILE)} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (stored?.format !== CHECKPOINT_FORMAT || stored.version !== 1 || typeof stored.data !== "string" || !/^checkpoint-\d+\.bin$/.test(stored.data)) {
    throw new CheckpointFileError(`${join(dir, CHECKPOINT_FILE)} is not a Layerloom checkpoint.`);
  }
  const raw = await readFile(join(dir, stored.data)).catch(() => {
    throw new CheckpointFileError(`The checkpoint's data file ${join(dir, stored.data)} is missing.`);
  });
  if (raw.byteLength !== stored.bytes) throw new CheckpointFileError(`The checkpoint's data file ${join(dir, stored.data)} has ${raw.byteLength} bytes, not ${stored.bytes}; it is damaged.`);
  // Copy into an aligned buffer: typed-array views need 4-byte alignment.
  const bytes = new Uint8Array(raw.byteLength);
  bytes.set(raw);
  const load = (records: Readonly<Record<string, readonly StoredTensor[]>>): Record<string, TensorRecord[]> => {
    const out: Record<string, TensorRecord[]> = {};
    for (const [key, list] of Object.entries(records)) {
      out[key] = list.map((s) => {
        const n = s.shape.reduce((a, b) => a * b, 1);
        if (s.offset + n * 4 > bytes.byteLength) throw new CheckpointFileError(`The checkpoint's tensor ${s.name} lies outside its data file; it is damaged.`);
        const data = s.dtype === "int32" ? new Int32Array(bytes.buffer, s.offset, n) : new Float32Array(bytes.buffer, s.offset, n);
        return { name: s.name, shape: s.shape, dtype: s.dtype, data };
      });
    }
    return out;
  };
  return {
    format: CHECKPOINT_FORMAT, version: 1, fingerprint: stored.fingerprint, seed: stored.seed, loop: stored.loop,
    ...(stored.recipe ? { recipe: stored.recipe } : {}),
    networks: load(stored.networks), optimizers: load(stored.optimizers),
  };
}

/** A folder holding checkpoint.json, given it or the run folder above it. */
export async function checkpointDir(path: string): Promise<string> {
  for (const dir of [path, join(path, "checkpoint")]) {
    if (await stat(join(dir, CHECKPOINT_FILE)).then((s) => s.isFile(), () => false)) return dir;
  }
  throw new CheckpointFileError(`No checkpoint in ${path}: expected ${join(path, CHECKPOINT_FILE)} or ${join(path, "checkpoint", CHECKPOINT_FILE)}.`);
}
