/**
 * "Best that works" in the app: the first run of a model times every backend that passes its
 * self-check and keeps the fastest; the next run of the same model on the same machine starts on
 * the remembered one without timing again. Run in Node, where only cpu (and wasm for dense
 * layers) can train.
 */
import { describe, expect, it } from "vitest";
import { serializeGraph } from "../../../../graph-ir/core/serialize.js";
import { loadDataset } from "../../../../runtime/data/registry.js";
import { runOptions, type FromWorker } from "../../../../renderer/train/protocol.js";
import { Trainer } from "../../../../renderer/train/trainer.js";
import { mlp } from "../../train/support.js";

async function run(storage: Map<string, string>, backends?: ("wasm" | "cpu")[]) {
  const seen: FromWorker[] = [];
  const options = runOptions.parse({ dataset: "synthetic:gaussians", epochs: 1, batchSize: 16, seed: 0, maxSteps: 2, testSamples: 0, ...(backends ? { backends } : {}) });
  const backendStorage = { get: (k: string) => storage.get(k), set: (k: string, v: string) => void storage.set(k, v) };
  await new Trainer({ post: (m) => seen.push(m), dataset: (id) => loadDataset(id), backendStorage, machine: "test-machine" }, "r", serializeGraph(mlp()), options).run();
  const started = seen.find((m) => m.type === "started");
  if (started?.type !== "started") throw new Error(`no start: ${JSON.stringify(seen.filter((m) => m.type === "error"))}`);
  return started;
}

describe("choosing the backend in the app", () => {
  it("measures the passing backends once, then starts on the remembered fastest", async () => {
    const storage = new Map<string, string>();
    const first = await run(storage);
    const timed = first.attempts.filter((a) => a.ok);
    expect(timed.length).toBeGreaterThan(0);
    expect(timed.every((a) => typeof a.msPerStep === "number" && a.msPerStep > 0)).toBe(true);
    const fastest = timed.reduce((a, b) => (b.msPerStep! < a.msPerStep! ? b : a));
    expect(first.backend).toBe(fastest.name);
    expect(first.summary).toMatch(new RegExp(`^${first.backend} \\(fastest: `));
    // Browser-only backends are skipped with their reason, never silently.
    expect(first.attempts.find((a) => a.name === "webgl")).toMatchObject({ ok: false, reason: expect.stringMatching(/^webgl: /) });
    expect(storage.size).toBe(1);

    const second = await run(storage);
    expect(second.backend).toBe(first.backend);
    expect(second.summary).toMatch(/measured fastest earlier on this machine for this model/);
  });

  it("takes the first that passes when the person chose where to start", async () => {
    const storage = new Map<string, string>();
    const chosen = await run(storage, ["cpu"]);
    expect(chosen.summary).toBe("cpu (first that passed its self-check)");
    expect(storage.size).toBe(0);
  });
});
