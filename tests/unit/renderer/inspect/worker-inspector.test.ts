/**
 * The worker's inspections, run in Node on cpu (the same code the training worker runs): an
 * untrained LeNet-5 says so; a paused run is inspected on its own networks; a finished run hands
 * its networks over and has sent per-node statistics by canvas node id; Grad-CAM, feature maps
 * and PCA then answer from the trained model; after an edit the untrained model of the edited
 * graph answers, and says why; t-SNE reports progress and stops when cancelled; a tool that does
 * not fit the node, or a sample past the split, says why in one line.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../../runtime/data/registry.js";
import * as tf from "../../../../runtime/tf.js";
import { runOptions, type FromWorker } from "../../../../renderer/train/protocol.js";
import { Trainer } from "../../../../renderer/train/trainer.js";
import { WorkerInspector } from "../../../../renderer/inspect/worker-inspector.js";
import { inspectParams, type InspectRequest } from "../../../../renderer/inspect/protocol.js";

const loadBytes = async (url: URL) => new Uint8Array(await readFile(url));
const dataset = (id: string) => loadDataset(id, { loadBytes });

describe("inspections in the training worker", () => {
  it("uses the untrained model before training and the trained one after, with statistics while it trains", async () => {
    await tf.setBackend("cpu");
    const graph = await readFile("tests/fixtures/lenet5.layerloom.json", "utf8");
    const seen: FromWorker[] = [];
    let cancelOn = "";
    let pauseAt = 3;
    const post = (m: FromWorker) => {
      seen.push(m);
      if (m.type === "inspect-progress" && m.id === cancelOn) inspector.cancel(m.id);
      if (m.type === "progress" && m.points.some((p) => p.step >= pauseAt)) {
        pauseAt = Infinity;
        trainer!.pause();
      }
      // While paused mid-run, an inspection looks at the run's own networks.
      if (m.type === "paused") void ask("activations", "c3").then(() => trainer!.resume());
    };
    let trainer: Trainer | undefined;
    const inspector = new WorkerInspector({ post, dataset, live: () => trainer?.live() });
    let n = 0;
    const ask = async (tool: InspectRequest["tool"], node: string, params: Partial<InspectRequest["params"]> = {}) => {
      const id = `q${++n}`;
      await inspector.run({ type: "inspect", id, tool, node, graph, dataset: "shipped:digits-32", seed: 1, params: inspectParams.parse(params) });
      const reply = seen.find((m) => (m.type === "inspect-result" || m.type === "inspect-error") && m.id === id);
      if (!reply) throw new Error(`no reply to ${id}`);
      return reply;
    };

    const before = await ask("gradcam", "c3", { sample: 2 });
    expect(before).toMatchObject({ type: "inspect-result", model: { trained: false }, layer: "c3", result: { kind: "heatmap", width: 32, height: 32 } });
    if (before.type === "inspect-result") expect(before.model.note).toMatch(/No training has run/);

    const options = runOptions.parse({ dataset: "shipped:digits-32", epochs: 1, batchSize: 8, seed: 1, maxSteps: 6, backends: ["cpu"], checkpointSteps: 6, testSamples: 8, statsEvery: 2 });
    trainer = new Trainer({ post, dataset, keep: (s) => inspector.sources.keep(s) }, "r1", graph, options);
    await trainer.run();
    trainer = undefined;
    const live = seen.find((m) => m.type === "inspect-result" && m.result.kind === "activations");
    expect(live).toMatchObject({ model: { trained: true }, result: { shape: [10, 10, 16] } });
    if (live?.type === "inspect-result") expect(live.model.note).toMatch(/current run, at step [3-6]\b/);
    const stats = seen.flatMap((m) => (m.type === "stats" ? [m.snapshot] : []));
    expect(stats.length).toBeGreaterThanOrEqual(2);
    const nodes = stats[0]!.nodes.map((s) => s.node);
    expect(nodes).toEqual(expect.arrayContaining(["c1", "c3", "f6"]));
    expect(stats[0]!.nodes.find((s) => s.node === "c1")!.gradNorm).toBeGreaterThan(0);

    const cam = await ask("gradcam", "c3", { sample: 2, classIndex: 4 });
    expect(cam).toMatchObject({ type: "inspect-result", model: { trained: true, step: 6 }, result: { kind: "heatmap", classIndex: 4 }, input: { width: 32, height: 32 } });
    if (cam.type === "inspect-result" && cam.result.kind === "heatmap") {
      expect(cam.result.overlay).toHaveLength(32 * 32 * 4);
      expect(Math.max(...cam.result.values)).toBeLessThanOrEqual(1);
    }
    const maps = await ask("activations", "c1");
    expect(maps).toMatchObject({ result: { kind: "activations", shape: [28, 28, 6] } });

    const pca = await ask("pca", "f6", { points: 40 });
    expect(pca).toMatchObject({ result: { kind: "embedding", method: "pca" } });
    if (pca.type === "inspect-result" && pca.result.kind === "embedding") {
      expect(pca.result.points).toHaveLength(80);
      expect(pca.result.labels).toHaveLength(40);
    }

    // Cancelled as soon as its first progress arrives.
    const id = "tsne-cancel";
    cancelOn = id;
    await inspector.run({ type: "inspect", id, tool: "tsne", node: "f6", graph, dataset: "shipped:digits-32", seed: 1, params: inspectParams.parse({ points: 60, iterations: 2000 }) });
    expect(seen.filter((m) => m.type === "inspect-progress" && m.id === id)).toHaveLength(1);
    expect(seen.find((m) => m.type === "inspect-error" && m.id === id)).toMatchObject({ cancelled: true });
    expect(seen.some((m) => m.type === "inspect-result" && m.id === id)).toBe(false);

    // After an edit that changes the model, the trained weights no longer fit: the untrained model of the graph as it is.
    const edited = JSON.parse(graph) as { nodes: { id: string; params: Record<string, unknown> }[] };
    edited.nodes.find((x) => x.id === "c5")!.params.units = 100;
    const before2 = seen.length;
    await inspector.run({ type: "inspect", id: "edited", tool: "activations", node: "c1", graph: JSON.stringify(edited), dataset: "shipped:digits-32", seed: 1, params: inspectParams.parse({}) });
    expect(seen.slice(before2).find((m) => m.type === "inspect-result")).toMatchObject({ model: { trained: false, note: expect.stringMatching(/graph changed since the last run/) } });

    const wrong = await ask("gradcam", "f6");
    expect(wrong.type).toBe("inspect-error");
    if (wrong.type === "inspect-error") expect(wrong.message).not.toMatch(/\n\s+at /);
    const beyond = await ask("saliency", "c1", { sample: 9_999_999 });
    expect(beyond).toMatchObject({ type: "inspect-error", message: expect.stringMatching(/beyond the test split/) });
  });
});

