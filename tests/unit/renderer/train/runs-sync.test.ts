import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../../../graph-ir/core/document.js";
import { parseWeights, serializeWeights, siblingPath } from "../../../../runtime/train/weights-file.js";
import { createMemoryPlatform } from "../../../../renderer/platform/memory.js";
import { PlatformError } from "../../../../renderer/platform/platform.js";
import { createAppStore } from "../../../../renderer/store/app-store.js";
import type { ToWorker } from "../../../../renderer/train/protocol.js";
import { MAX_POINTS, parseRuns, serializeRuns, storedRuns, thin } from "../../../../renderer/train/runs-file.js";
import { startRunsSync } from "../../../../renderer/train/runs-sync.js";
import { createTrainController, type TrainController, type WorkerLike } from "../../../../renderer/train/train-store.js";

const OPTIONS = { dataset: "synthetic:gaussians", epochs: 1, batchSize: 8, seed: 0 };
const point = (step: number, loss: number) => ({ step, epoch: 1, values: { loss }, learningRate: 0.01, samplesPerSecond: 50 });
const weights = () => ({ net: [{ name: "h/kernel", shape: [2, 3], dtype: "float32" as const, data: Float32Array.from([1, -2, 3.5, 0, 1e-7, -0]) }] });

function setup(files: Record<string, string> = {}) {
  const platform = createMemoryPlatform({ files, now: () => 0 });
  /** Which platform methods the sync called, in order. */
  const calls: string[] = [];
  for (const m of ["listFiles", "readFile", "readFileIfExists"] as const) {
    const real = platform[m] as (...a: unknown[]) => Promise<unknown>;
    (platform as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => (calls.push(`${m} ${a.join(" ")}`), real(...a));
  }
  const app = createAppStore();
  let sent: ToWorker[] = [];
  let onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  const worker: WorkerLike = { postMessage: (m) => sent.push(m), get onmessage() { return onmessage; }, set onmessage(f) { onmessage = f; }, onerror: null, terminate: () => undefined };
  let c: TrainController;
  // The sync is made first so the controller's hooks can reach it, as use-training.ts does.
  const sync = startRunsSync(app, platform, () => c);
  c = createTrainController({ makeWorker: () => worker, onRunsChanged: (r) => sync.runsChanged(r), onWeights: (r, m) => sync.weights(r, m) });
  const emit = (data: unknown) => onmessage?.({ data } as MessageEvent<unknown>);
  /** One run from start to finish, with `losses` as its curve and its weights sent before "finished". */
  const runOnce = (losses: number[]) => {
    sent = [];
    c.start('{"name":"g"}', "g", OPTIONS);
    const runId = (sent[0] as Extract<ToWorker, { type: "start" }>).runId;
    emit({ type: "started", runId, backend: "cpu", summary: "cpu", attempts: [], columns: [{ name: "loss", kind: "loss" }], fingerprint: "f", warnings: [], stepsPerEpoch: 4 });
    emit({ type: "progress", runId, points: losses.map((l, i) => point(i + 1, l)) });
    emit({ type: "weights", runId, step: losses.length, networks: weights() });
    emit({ type: "finished", runId, status: "completed", step: losses.length });
    return runId;
  };
  return { platform, app, sync, controller: () => c, runOnce, calls };
}

describe("runs and weights kept beside the graph", () => {
  it("writes the runs and the last run's weights beside the graph file, and reads them back when it opens again", async () => {
    const { platform, app, sync, controller, runOnce } = setup();
    app.getState().openDocument(emptyDocument("g"), { path: "nets/g.layerloom.json", version: "v1" });
    await sync.idle();
    runOnce([2, 1.5]);
    const second = runOnce([1.8, 1.1, 0.9]);
    await sync.idle();

    const files = platform.snapshot();
    const runs = parseRuns(files["nets/g.runs.json"]!);
    expect(runs.ok && runs.runs.map((r) => [r.label, r.points.map((p) => p.values.loss), r.weights ?? false])).toEqual([
      ["Run 1", [2, 1.5], false],
      ["Run 2", [1.8, 1.1, 0.9], true],
    ]);
    const w = parseWeights(files["nets/g.weights.json"]!);
    expect(w.ok && [w.weights.run.id, [...w.weights.networks.net![0]!.data]]).toEqual([second, [1, -2, 3.5, 0, 1e-7, -0].map(Math.fround)]);

    // Another graph clears the list; opening this one again brings both runs back, overlayable.
    app.getState().openDocument(emptyDocument("other"), { path: "other.layerloom.json", version: "v1" });
    await sync.idle();
    expect(controller().store.getState().runs).toEqual([]);
    app.getState().openDocument(emptyDocument("g"), { path: "nets/g.layerloom.json", version: "v2" });
    await sync.idle();
    expect(controller().store.getState().runs.map((r) => r.label)).toEqual(["Run 1", "Run 2"]);
    expect(controller().store.getState().log.at(-1)).toBe("Loaded 2 earlier runs of this graph.");
    expect(runOnce([1])).toBeTruthy();
    expect(controller().store.getState().runs.at(-1)!.label).toBe("Run 3");
  });

  it("reads the runs file directly when a graph opens: one readFileIfExists, no listing, no note when there is none", async () => {
    const { app, sync, controller, calls } = setup({ "nets/g.runs.json": serializeRuns([]) });
    app.getState().openDocument(emptyDocument("g"), { path: "nets/g.layerloom.json", version: "v1" });
    await sync.idle();
    app.getState().openDocument(emptyDocument("h"), { path: "h.layerloom.json", version: "v1" });
    await sync.idle();
    expect(calls).toEqual(["readFileIfExists nets/g.runs.json", "readFileIfExists h.runs.json"]);
    expect(controller().store.getState().runs).toEqual([]);
    expect(controller().store.getState().log).toEqual([]);
  });

  it("reports a runs file the host refuses for a reason other than absence, and leaves it alone", async () => {
    const { platform, app, sync, controller, runOnce } = setup();
    platform.readFileIfExists = async (path) => {
      throw new PlatformError("too-large", `"${path}" is 40.0 MB; Layerloom opens graph files up to 32.0 MB.`);
    };
    app.getState().openDocument(emptyDocument("g"), { path: "g.layerloom.json", version: "v1" });
    await sync.idle();
    expect(controller().store.getState().log.at(-1)).toBe('The runs beside this graph (g.runs.json) could not be read: "g.runs.json" is 40.0 MB; Layerloom opens graph files up to 32.0 MB. New runs are kept for this session only; the file is left as it is.');
    runOnce([1]);
    await sync.idle();
    expect(platform.snapshot()["g.runs.json"]).toBeUndefined();
    expect(controller().store.getState().runs).toHaveLength(1);
  });

  it("keeps the runs of an unsaved graph in memory and writes them, with the weights, on its first save", async () => {
    const { platform, app, sync, runOnce } = setup();
    runOnce([3, 2]);
    await sync.idle();
    expect(Object.keys(platform.snapshot())).toEqual([]);
    app.getState().markSaved("mine.layerloom.json", "v1");
    await sync.idle();
    expect(Object.keys(platform.snapshot()).sort()).toEqual(["mine.runs.json", "mine.weights.json"]);
  });

  it("never overwrites a runs file it cannot read, and says so", async () => {
    const { platform, app, sync, controller, runOnce } = setup({ "g.runs.json": "{ not json" });
    app.getState().openDocument(emptyDocument("g"), { path: "g.json", version: "v1" });
    await sync.idle();
    expect(controller().store.getState().log.at(-1)).toMatch(/g\.runs\.json\) could not be read: it is not JSON\. New runs are kept for this session only/);
    runOnce([1, 0.5]);
    await sync.idle();
    expect(platform.snapshot()["g.runs.json"]).toBe("{ not json");
    expect(controller().store.getState().runs).toHaveLength(1);
  });
});

describe("the runs and weights files", () => {
  it("thins long curves evenly, keeping the first and last points", () => {
    const pts = Array.from({ length: 5000 }, (_, i) => i);
    const t = thin(pts, MAX_POINTS);
    expect(t).toHaveLength(MAX_POINTS);
    expect([t[0], t.at(-1)]).toEqual([0, 4999]);
    expect(t.every((v, i) => i === 0 || v > t[i - 1]!)).toBe(true);
  });

  it("leaves runs still going out of the file and refuses foreign or damaged files", () => {
    const running = { id: "r", label: "Run 1", graphHash: "ab", graphName: "g", options: OPTIONS, columns: [], points: [], status: "running" as const };
    expect(storedRuns([running])).toEqual([]);
    expect(parseRuns(serializeRuns([]))).toEqual({ ok: true, runs: [] });
    expect(parseRuns('{"format":"layerloom-graph"}')).toMatchObject({ ok: false, message: expect.stringContaining("format") });
    const text = serializeWeights({ format: "layerloom-weights", version: 1, graphHash: "ab", run: { id: "r", label: "Run 1", steps: 3, savedAt: "t" }, networks: weights() });
    const cut = text.replace(/"data": "([^"]{4})[^"]*"/, '"data": "$1"');
    expect(parseWeights(cut)).toMatchObject({ ok: false, message: expect.stringContaining("does not hold the 6 numbers") });
  });

  it("names the files after the graph", () => {
    expect(siblingPath("nets/lenet.layerloom.json", "runs")).toBe("nets/lenet.runs.json");
    expect(siblingPath("a.json", "weights")).toBe("a.weights.json");
  });
});
