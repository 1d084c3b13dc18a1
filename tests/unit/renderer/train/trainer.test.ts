/**
 * The worker's trainer, run in Node on cpu (the same code the worker runs): LeNet-5 on the
 * shipped digits, paused and resumed mid-run, ends with every step once and an evaluation.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../../runtime/data/registry.js";
import { runOptions, type FromWorker } from "../../../../renderer/train/protocol.js";
import { Trainer } from "../../../../renderer/train/trainer.js";

const loadBytes = async (url: URL) => new Uint8Array(await readFile(url));

describe("the training worker's trainer", () => {
  it("pauses and resumes the same run, then evaluates on the test split", async () => {
    const graph = await readFile("tests/fixtures/lenet5.layerloom.json", "utf8");
    const seen: FromWorker[] = [];
    let trainer: Trainer | undefined;
    let paused = false;
    const post = (m: FromWorker) => {
      seen.push(m);
      if (m.type === "progress" && !paused && m.points.some((p) => p.step >= 3)) {
        paused = true;
        trainer!.pause();
      }
      if (m.type === "paused") setTimeout(() => trainer!.resume(), 50);
    };
    const options = runOptions.parse({ dataset: "shipped:digits-32", epochs: 1, batchSize: 8, seed: 1, maxSteps: 12, backends: ["cpu"], checkpointSteps: 5, testSamples: 40 });
    trainer = new Trainer({ post, dataset: (id) => loadDataset(id, { loadBytes }) }, "r1", graph, options);
    await trainer.run();

    const types = seen.map((m) => m.type).filter((t) => t !== "progress" && t !== "note");
    expect(types).toEqual(["started", "paused", "resumed", "weights", "finished"]);
    // The trained weights of LeNet-5's one network go out for keeping beside the graph: 61,706 numbers.
    const weights = seen.find((m) => m.type === "weights");
    if (weights?.type !== "weights") throw new Error("no weights message");
    expect(Object.values(weights.networks).flat().reduce((n, r) => n + r.data.length, 0)).toBe(61_706);
    const steps = seen.flatMap((m) => (m.type === "progress" ? m.points.map((p) => p.step) : []));
    expect(steps).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const finished = seen.find((m) => m.type === "finished");
    expect(finished).toMatchObject({ status: "completed", step: 12, evaluation: { samples: 40 } });
    if (finished?.type !== "finished") throw new Error("no finished message");
    const confusion = finished.evaluation!.confusion!;
    expect(confusion).toHaveLength(10);
    expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
    expect(finished.evaluation!.predictions).toHaveLength(16);
  });

  it("reports a graph that does not load as an error of the run", async () => {
    const seen: FromWorker[] = [];
    const options = runOptions.parse({ dataset: "synthetic:spirals", epochs: 1, batchSize: 8, seed: 0, backends: ["cpu"] });
    await new Trainer({ post: (m) => seen.push(m), dataset: (id) => loadDataset(id) }, "r2", "{not json", options).run();
    expect(seen).toEqual([{ type: "error", runId: "r2", message: expect.any(String) }]);
  });
});
