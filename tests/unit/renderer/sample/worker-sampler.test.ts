/**
 * Sampling in the training worker, run in Node on cpu (the same code the worker runs): the toy
 * GAN's untrained generator says so; trained a few steps, its kept networks give 2-D points and
 * the note names the run; a character model continues the prompt with as many characters as
 * asked, reports progress and stops when cancelled; a classifier has nothing to sample and the
 * reason is one line. PixelCNN draws images with one progress pass per pixel.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../../runtime/data/registry.js";
import * as tf from "../../../../runtime/tf.js";
import { runOptions, type FromWorker } from "../../../../renderer/train/protocol.js";
import { Trainer } from "../../../../renderer/train/trainer.js";
import { ModelSources } from "../../../../renderer/inspect/model-source.js";
import { WorkerSampler } from "../../../../renderer/sample/worker-sampler.js";
import { sampleParams, type SampleParams } from "../../../../renderer/sample/protocol.js";

const loadBytes = async (url: URL) => new Uint8Array(await readFile(url));
const dataset = (id: string) => loadDataset(id, { loadBytes });

function harness(onPost: (m: FromWorker, s: WorkerSampler) => void = () => undefined) {
  const seen: FromWorker[] = [];
  const sources = new ModelSources();
  let trainer: Trainer | undefined;
  const post = (m: FromWorker) => {
    seen.push(m);
    onPost(m, sampler);
  };
  const sampler = new WorkerSampler({ post, dataset, live: () => trainer?.live(), sources });
  let n = 0;
  const ask = async (graph: string, datasetId: string, params: SampleParams = {}, id = `s${++n}`) => {
    await sampler.run({ type: "sample", id, graph, dataset: datasetId, seed: 1, params: sampleParams.parse(params) });
    const reply = seen.find((m) => (m.type === "sample-result" || m.type === "sample-error") && m.id === id);
    if (!reply) throw new Error(`no reply to ${id}`);
    return reply;
  };
  const train = async (graph: string, options: unknown) => {
    trainer = new Trainer({ post, dataset, keep: (s) => sources.keep(s) }, "r1", graph, runOptions.parse(options));
    await trainer.run();
    trainer = undefined;
  };
  return { seen, ask, train };
}

describe("sampling in the training worker", () => {
  it("draws points from the toy GAN's generator, untrained and then trained", async () => {
    await tf.setBackend("cpu");
    const graph = await readFile("tests/fixtures/toy-gan.layerloom.json", "utf8");
    const { seen, ask, train } = harness();
    const before = await ask(graph, "synthetic:gaussians", { count: 12 });
    expect(before).toMatchObject({ type: "sample-result", sampler: "generator", model: { trained: false, note: expect.stringMatching(/untrained model/) }, result: { kind: "points" } });

    await train(graph, { dataset: "synthetic:gaussians", epochs: 1, batchSize: 16, seed: 1, maxSteps: 4, backends: ["cpu"], checkpointSteps: 4, testSamples: 8 });
    expect(seen.some((m) => m.type === "finished")).toBe(true);
    const after = await ask(graph, "synthetic:gaussians", { count: 12, seed: 3 });
    expect(after).toMatchObject({ type: "sample-result", model: { trained: true, step: 4, note: expect.stringMatching(/trained model of the last run \(4 steps\)/) } });
    if (after.type !== "sample-result" || after.result.kind !== "points") throw new Error("expected points");
    expect(after.result.points).toHaveLength(12);
    expect(after.result.points.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
    // The training data comes along, to draw the samples over.
    expect(after.reference!.length).toBeGreaterThan(100);
    expect(after.reference!.every((p) => p.length === 2)).toBe(true);
    // Training moved the generator: the same seed draws other points than before.
    const again = await ask(graph, "synthetic:gaussians", { count: 12 });
    if (before.type !== "sample-result" || before.result.kind !== "points" || again.type !== "sample-result" || again.result.kind !== "points") throw new Error("expected points");
    expect(again.result.points).not.toEqual(before.result.points);
  });

  it("continues a prompt with a character model, with progress, and stops when cancelled", async () => {
    await tf.setBackend("cpu");
    const graph = await readFile("templates/char-lstm/mini.layerloom.json", "utf8");
    let cancelOn = "";
    const { seen, ask } = harness((m, s) => {
      if (m.type === "sample-progress" && m.id === cancelOn) s.cancel(m.id);
    });
    const r = await ask(graph, "shipped:text", { length: 24, prompt: "The ", temperature: 0.8 });
    expect(r).toMatchObject({ type: "sample-result", sampler: "text", model: { trained: false }, result: { kind: "text", prompt: "The " } });
    if (r.type !== "sample-result" || r.result.kind !== "text") throw new Error("expected text");
    expect([...r.result.text]).toHaveLength(24);
    expect(seen.filter((m) => m.type === "sample-progress" && m.id === "s1").at(-1)).toMatchObject({ done: 24, total: 24 });

    cancelOn = "long";
    const stopped = await ask(graph, "shipped:text", { length: 5000 }, "long");
    expect(stopped).toMatchObject({ type: "sample-error", cancelled: true });
    expect(seen.filter((m) => m.type === "sample-progress" && m.id === "long")).toHaveLength(1);

    const bad = await ask(graph, "shipped:text", { prompt: "☃" });
    expect(bad).toMatchObject({ type: "sample-error", message: expect.stringMatching(/not among the \d+ characters/) });
  });

  it("draws PixelCNN images pixel by pixel, reporting the passes", async () => {
    await tf.setBackend("cpu");
    const graph = await readFile("templates/pixelcnn/mini.layerloom.json", "utf8");
    const { seen, ask } = harness();
    const r = await ask(graph, "shipped:digits", { count: 2, temperature: 0.9 });
    expect(r).toMatchObject({ type: "sample-result", sampler: "pixels", result: { kind: "images" } });
    if (r.type !== "sample-result" || r.result.kind !== "images") throw new Error("expected images");
    const [a] = r.result.images;
    expect(r.result.images).toHaveLength(2);
    expect(a!.pixels).toHaveLength(a!.width * a!.height * a!.channels);
    const passes = seen.filter((m) => m.type === "sample-progress");
    expect(passes.at(-1)).toMatchObject({ done: a!.width * a!.height, total: a!.width * a!.height });
  });

  it("says why a classifier has nothing to sample, in one line", async () => {
    const graph = await readFile("tests/fixtures/lenet5.layerloom.json", "utf8");
    const r = await harness().ask(graph, "shipped:digits-32");
    expect(r).toMatchObject({ type: "sample-error", message: expect.stringMatching(/makes predictions, not samples/) });
    if (r.type === "sample-error") expect(r.message).not.toMatch(/\n/);
  });
});
