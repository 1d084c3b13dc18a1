/** Checkpoint folders: exact round trip, old data files cleaned up, damage reported plainly. */
import { readdir, readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckpointFileError, readCheckpoint, writeCheckpoint } from "../../../electron/host/train/checkpoint-files.js";
import type { Checkpoint } from "../../../runtime/train/checkpoint.js";
import { tempDir } from "../host/temp.js";

function checkpoint(step: number): Checkpoint {
  return {
    format: "layerloom-checkpoint", version: 1, fingerprint: "abc", seed: 4,
    loop: { epoch: 1, batch: 2, step, rng: 123456789, history: [{ epoch: 1, values: { loss: 0.5 }, learningRate: 0.1, seconds: 1, samplesPerSecond: 10 }], partial: { sums: [1.5], samples: 3, seconds: 0.2 }, stopper: { best: 0.5, bestEpoch: 1, wait: 0 } },
    networks: { net: [{ name: "d/kernel", shape: [2, 3], dtype: "float32", data: Float32Array.from([1, -2.5, 3e-8, Number.MAX_VALUE, -0, 6]) }, { name: "d/bias", shape: [3], dtype: "float32", data: Float32Array.from([0.1, 0.2, 0.3]) }] },
    optimizers: { model: [{ name: "iter", shape: [], dtype: "int32", data: Int32Array.from([step]) }] },
    recipe: { phase: "d", count: 2 },
  };
}

describe("checkpoint files", () => {
  it("read back exactly what was written, with the run folder or the checkpoint folder", async () => {
    const dir = await tempDir();
    const path = join(dir, "checkpoint");
    await writeCheckpoint(path, checkpoint(7));
    for (const p of [path, dir]) expect(await readCheckpoint(p)).toEqual(checkpoint(7));
  });

  it("keep only the data file the latest checkpoint names", async () => {
    const dir = await tempDir();
    await writeCheckpoint(dir, checkpoint(7));
    await writeCheckpoint(dir, checkpoint(9));
    expect((await readdir(dir)).sort()).toEqual(["checkpoint-9.bin", "checkpoint.json"]);
    expect((await readCheckpoint(dir)).loop.step).toBe(9);
  });

  it("say what is wrong with a damaged or missing checkpoint", async () => {
    const dir = await tempDir();
    await expect(readCheckpoint(dir)).rejects.toThrow(/^No checkpoint in /);
    await writeCheckpoint(dir, checkpoint(3));
    await truncate(join(dir, "checkpoint-3.bin"), 5);
    await expect(readCheckpoint(dir)).rejects.toThrow(/has 5 bytes, not 40; it is damaged/);
    const json = JSON.parse(await readFile(join(dir, "checkpoint.json"), "utf8"));
    await writeFile(join(dir, "checkpoint.json"), JSON.stringify({ ...json, data: "../../etc/passwd" }));
    await expect(readCheckpoint(dir)).rejects.toThrow(CheckpointFileError);
    await writeFile(join(dir, "checkpoint.json"), "{");
    await expect(readCheckpoint(dir)).rejects.toThrow(/cannot be read/);
  });
});
