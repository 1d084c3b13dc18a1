import { describe, expect, it } from "vitest";
import { fromWorker, parseMessage, toWorker } from "../../../../renderer/train/protocol.js";
import { inspectFromWorker, inspectParams } from "../../../../renderer/inspect/protocol.js";

const request = (params: unknown, extra: Record<string, unknown> = {}) => ({ type: "inspect", id: "q1", tool: "gradcam", node: "c3", graph: "{}", dataset: "shipped:digits-32", seed: 0, params, ...extra });

describe("inspection messages", () => {
  it("are part of the training worker's protocol both ways", () => {
    expect(parseMessage(toWorker, request(inspectParams.parse({}))).ok).toBe(true);
    expect(parseMessage(toWorker, { type: "inspect-cancel", id: "q1" }).ok).toBe(true);
    const snapshot = { step: 5, nodes: [{ node: "c1", actMean: 0.1, actStd: 0.5, deadFraction: null, gradNorm: 0.02, updateRatio: 0.001 }] };
    expect(parseMessage(fromWorker, { type: "stats", runId: "r1", snapshot }).ok).toBe(true);
    expect(parseMessage(fromWorker, { type: "inspect-progress", id: "q1", done: 3, total: 10 }).ok).toBe(true);
  });

  it("fill defaults and refuse settings out of range", () => {
    expect(inspectParams.parse({})).toMatchObject({ sample: 0, unit: 0, penaltyWeight: 1, points: 300 });
    expect(parseMessage(toWorker, request({ ...inspectParams.parse({}), penaltyWeight: -1 })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...inspectParams.parse({}), points: 5 })).ok).toBe(false);
    expect(parseMessage(toWorker, request(inspectParams.parse({}), { tool: "deep-dream" })).ok).toBe(false);
    expect(parseMessage(toWorker, request(inspectParams.parse({}), { node: "" })).ok).toBe(false);
  });

  it("carry typed arrays, not lists, and keep non-finite statistics as findings", () => {
    const result = (values: unknown) => ({
      type: "inspect-result", id: "q", layer: "c1", model: { trained: true, step: 3, note: "" },
      result: { kind: "activations", shape: [2, 2, 1], values },
    });
    expect(inspectFromWorker.safeParse(result(new Float32Array(4))).success).toBe(true);
    expect(inspectFromWorker.safeParse(result([0, 0, 0, 0])).success).toBe(false);
    const embedding = { kind: "embedding", method: "tsne", points: new Float32Array(4), labels: [1, 2] };
    expect(inspectFromWorker.safeParse({ ...result(null), result: embedding }).success).toBe(false);
    expect(inspectFromWorker.safeParse({ ...result(null), result: { ...embedding, labels: new Int32Array(2) } }).success).toBe(true);
    const nan = { step: 1, nodes: [{ node: "c1", actMean: NaN, actStd: Infinity, deadFraction: 1, gradNorm: NaN, updateRatio: null }] };
    expect(inspectFromWorker.safeParse({ type: "stats", runId: "r", snapshot: nan }).success).toBe(true);
    expect(inspectFromWorker.safeParse({ type: "stats", runId: "r", snapshot: { step: 1, nodes: [{ node: "c1", actMean: "big" }] } }).success).toBe(false);
  });
});
