import { describe, expect, it } from "vitest";
import type { ToWorker } from "../../../../renderer/train/protocol.js";
import type { WorkerLike } from "../../../../renderer/train/train-store.js";
import { createInspectController } from "../../../../renderer/inspect/inspect-store.js";
import { createWorkerHub } from "../../../../renderer/inspect/worker-hub.js";

const target = { graph: "{}", dataset: "shipped:digits-32", seed: 3 };
const stat = (node: string, actStd: number) => ({ node, actMean: 0, actStd, deadFraction: 0, gradNorm: 1, updateRatio: 1e-3 });

describe("the app's inspection controller", () => {
  it("sends a request with the settings, follows progress and shows the result", () => {
    const sent: ToWorker[] = [];
    const c = createInspectController((m) => sent.push(m));
    c.setParams({ penaltyWeight: 2.5, unit: 3 });
    c.run("optimize", "c3", target);
    expect(sent[0]).toMatchObject({ type: "inspect", tool: "optimize", node: "c3", seed: 3, params: { penaltyWeight: 2.5, unit: 3, steps: 60 } });
    const id = (sent[0] as { id: string }).id;
    c.receive({ type: "inspect-progress", id, done: 2, total: 60, objective: [0.1, 0.3] });
    expect(c.store.getState().job).toMatchObject({ status: "running", done: 2, objective: [0.1, 0.3] });
    c.receive({ type: "inspect-progress", id: "someone-else", done: 9, total: 60 });
    expect(c.store.getState().job!.done).toBe(2);
    const result = { kind: "optimized", shape: [2, 2, 1], values: new Float32Array(4), objective: [0.1, 0.3, 0.4], penaltyWeight: 2.5 };
    c.receive({ type: "inspect-result", id, layer: "c3", model: { trained: false, step: 0, note: "untrained" }, result });
    expect(c.store.getState().job).toMatchObject({ status: "done", result: { layer: "c3" } });
  });

  it("cancels the running inspection when another starts, and reports errors and cancels apart", () => {
    const sent: ToWorker[] = [];
    const c = createInspectController((m) => sent.push(m));
    c.run("tsne", "f6", target);
    const first = (sent[0] as { id: string }).id;
    c.run("pca", "f6", target);
    expect(sent[1]).toEqual({ type: "inspect-cancel", id: first });
    const second = (sent[2] as { id: string }).id;
    c.cancel();
    expect(sent[3]).toEqual({ type: "inspect-cancel", id: second });
    c.receive({ type: "inspect-error", id: second, message: "Cancelled.", cancelled: true });
    expect(c.store.getState().job).toMatchObject({ status: "cancelled" });
    expect(c.store.getState().job!.error).toBeUndefined();
    c.run("gradcam", "c3", target);
    c.receive({ type: "inspect-result", id: (sent[4] as { id: string }).id, layer: "c3", model: { trained: true, step: 1, note: "" }, result: { kind: "heatmap", values: [1] } });
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: expect.stringMatching(/malformed inspection message.*result/) });
    c.refuse("gradcam", "f6", "Grad-CAM needs spatial feature maps");
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: "Grad-CAM needs spatial feature maps" });
  });

  it("keeps a run's statistics snapshots, and the scrubber picks the bars the cards show", () => {
    const c = createInspectController(() => undefined);
    c.receive({ type: "stats", runId: "r1", snapshot: { step: 1, nodes: [stat("c1", 1), stat("c3", 2)] } });
    c.receive({ type: "stats", runId: "r1", snapshot: { step: 6, nodes: [stat("c1", 2), stat("c3", 2)] } });
    expect(c.store.getState().shown!.step).toBe(6);
    expect(c.store.getState().shown!.bars.get("c1")![0]!.fraction).toBeCloseTo(1);
    c.scrub(0);
    expect(c.store.getState().shown!.step).toBe(1);
    const pinned = c.store.getState().shown;
    c.receive({ type: "stats", runId: "r1", snapshot: { step: 11, nodes: [stat("c1", 3)] } });
    expect(c.store.getState().shown).toBe(pinned); // the cards keep their bars
    c.step(+2);
    expect(c.store.getState().scrub.follow).toBe(true);
    expect(c.store.getState().shown!.step).toBe(11);
    expect(c.store.getState().shown!.text.get("c1")).toMatch(/^Step 11: activations mean 0/);
    c.receive({ type: "stats", runId: "r2", snapshot: { step: 1, nodes: [] } });
    expect(c.store.getState().snapshots).toHaveLength(1);
  });
});

describe("the shared training worker", () => {
  it("sends inspection replies to inspection and everything else to training", () => {
    const posted: unknown[] = [];
    let made = 0;
    const fake: WorkerLike = { postMessage: (m) => posted.push(m), onmessage: null, onerror: null, terminate: () => undefined };
    const hub = createWorkerHub(() => (made++, fake));
    const toInspect: unknown[] = [], toTrain: unknown[] = [], ended: string[] = [];
    hub.onInspect((d) => toInspect.push(d));
    hub.onEnded((r) => ended.push(r));
    const train = hub.trainWorker();
    train.onmessage = (e) => toTrain.push(e.data);
    hub.post({ type: "inspect-cancel", id: "x" });
    train.postMessage({ type: "pause" });
    expect(made).toBe(1);
    expect(posted).toEqual([{ type: "inspect-cancel", id: "x" }, { type: "pause" }]);
    fake.onmessage!({ data: { type: "stats", runId: "r", snapshot: { step: 1, nodes: [] } } } as MessageEvent);
    fake.onmessage!({ data: { type: "progress", runId: "r", points: [] } } as MessageEvent);
    expect(toInspect).toHaveLength(1);
    expect(toTrain).toEqual([{ type: "progress", runId: "r", points: [] }]);
    train.terminate();
    expect(ended).toHaveLength(1);
    hub.post({ type: "inspect-cancel", id: "y" });
    expect(made).toBe(2);
  });
});
