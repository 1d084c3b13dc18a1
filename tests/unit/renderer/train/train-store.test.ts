import { describe, expect, it } from "vitest";
import { chartColumns, chartsFor, runCsv } from "../../../../renderer/train/chart-data.js";
import type { ToWorker } from "../../../../renderer/train/protocol.js";
import { createTrainController, type WorkerLike } from "../../../../renderer/train/train-store.js";

function fakeWorker() {
  const sent: ToWorker[] = [];
  const w: WorkerLike & { sent: ToWorker[]; emit(data: unknown): void } = {
    sent, onmessage: null, onerror: null,
    postMessage: (m) => sent.push(m),
    terminate: () => undefined,
    emit(data) {
      this.onmessage?.({ data } as MessageEvent<unknown>);
    },
  };
  return w;
}

const OPTIONS = { dataset: "shipped:digits-32", epochs: 1, batchSize: 8, seed: 0 };
const point = (step: number, loss: number) => ({ step, epoch: 1, values: { loss, accuracy: 0.1 * step }, learningRate: 0.001, samplesPerSecond: 100 });

function started() {
  const w = fakeWorker();
  const faults: unknown[] = [];
  const c = createTrainController({ makeWorker: () => w, onFault: (f) => faults.push(f) });
  c.start('{"name":"g"}', "g", OPTIONS);
  const runId = (w.sent[0] as Extract<ToWorker, { type: "start" }>).runId;
  w.emit({ type: "started", runId, backend: "webgl", summary: "webgl (first that passed its self-check)", attempts: [{ name: "webgpu", ok: false, reason: "webgpu: no adapter" }, { name: "webgl", ok: true }], columns: [{ name: "loss", kind: "loss" }, { name: "accuracy", kind: "metric" }], fingerprint: "f", warnings: [], stepsPerEpoch: 10 });
  return { w, c, runId, faults };
}

describe("the app's training controller", () => {
  it("starts a run on a frozen copy of the graph and records its hash, settings and curves", () => {
    const { w, c, runId } = started();
    expect(w.sent[0]).toMatchObject({ type: "start", graph: '{"name":"g"}', options: { ...OPTIONS, checkpointSteps: 10 } });
    w.emit({ type: "progress", runId, points: [point(1, 2.3), point(2, 2.1)] });
    const s = c.store.getState();
    expect(s.status).toBe("running");
    expect(s.backend?.attempts[0]?.reason).toBe("webgpu: no adapter");
    expect(s.runs[0]).toMatchObject({ graphHash: expect.stringMatching(/^[0-9a-f]+$/), options: OPTIONS, backend: "webgl" });
    expect(s.runs[0]!.points.map((p) => p.values.loss)).toEqual([2.3, 2.1]);
  });

  it("sends pause only while running and resume only while paused", () => {
    const { w, c, runId } = started();
    c.resume();
    c.pause();
    w.emit({ type: "paused", runId, step: 2 });
    c.pause();
    c.resume();
    expect(w.sent.slice(1).map((m) => m.type)).toEqual(["pause", "resume"]);
  });

  it("fails loudly on a message outside the protocol", () => {
    const { w, c } = started();
    w.emit({ type: "progress", runId: "x", points: "lots" });
    expect(c.store.getState()).toMatchObject({ status: "failed", error: expect.stringContaining("progress") });
  });

  it("pins a non-finite value to its node and clears it on resume", () => {
    const { w, c, runId, faults } = started();
    w.emit({ type: "fault", runId, code: "non-finite-loss", message: "c3 produced NaN", nodeId: "c3" });
    w.emit({ type: "paused", runId, step: 4 });
    expect(faults).toEqual([undefined, { nodeId: "c3", message: "c3 produced NaN" }]);
    expect(c.store.getState()).toMatchObject({ status: "paused", fault: { nodeId: "c3" } });
    w.emit({ type: "resumed", runId, step: 4 });
    expect(faults.at(-1)).toBeUndefined();
  });

  it("shows the backend a lost device fell back to, and why", () => {
    const { w, c, runId } = started();
    w.emit({ type: "recovered", runId, from: "webgl", to: "cpu", fromStep: 10, reason: "the WebGL context was lost", summary: "cpu (first that passed its self-check)" });
    expect(c.store.getState().backend).toMatchObject({ name: "cpu", attempts: [{ name: "webgl", ok: false }] });
    expect(c.store.getState().log.at(-1)).toBe("the WebGL context was lost: continuing on cpu from step 10.");
  });
});

describe("chart data", () => {
  it("exports every column as CSV and leaves non-positive values off a log axis", () => {
    const { w, c, runId } = started();
    w.emit({ type: "progress", runId, points: [point(1, 2.3), point(2, 0)] });
    const run = c.store.getState().runs[0]!;
    expect(runCsv(run).split("\n").slice(0, 3)).toEqual([
      "step,epoch,loss,accuracy,learning_rate,samples_per_second",
      "1,1,2.3,0.1,0.001,100",
      "2,1,0,0.2,0.001,100",
    ]);
    const [loss] = chartsFor(run);
    expect(chartColumns(loss!, false)).toEqual([[1, 2], [2.3, 0]]);
    expect(chartColumns(loss!, true)).toEqual([[1, 2], [2.3, null]]);
  });
});
