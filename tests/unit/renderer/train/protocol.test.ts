import { describe, expect, it } from "vitest";
import { fromWorker, parseMessage, toWorker } from "../../../../renderer/train/protocol.js";

describe("training worker protocol", () => {
  it("accepts a start message and fills the defaults", () => {
    const r = parseMessage(toWorker, { type: "start", runId: "r1", graph: "{}", options: { dataset: "shipped:digits-32", epochs: 1, batchSize: 8, seed: 0 } });
    expect(r.ok).toBe(true);
    if (r.ok && r.msg.type === "start") expect(r.msg.options).toMatchObject({ checkpointSteps: 10, testSamples: 1000 });
  });

  it("refuses unknown messages, naming their type", () => {
    const r = parseMessage(toWorker, { type: "explode" });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain('"explode"');
    expect(parseMessage(fromWorker, { type: "progress", runId: "r1" }).ok).toBe(false);
    expect(parseMessage(toWorker, "start").ok).toBe(false);
  });

  it("refuses out-of-range settings and pixels that are not bytes", () => {
    expect(parseMessage(toWorker, { type: "start", runId: "r", graph: "", options: { dataset: "x", epochs: 0, batchSize: 8, seed: 0 } }).ok).toBe(false);
    const sample = { kind: "image", label: "3", width: 1, height: 1, channels: 1 };
    const preview = (pixels: unknown) => ({ type: "preview", dataset: "d", title: "t", description: "", samples: [{ ...sample, pixels }] });
    expect(parseMessage(fromWorker, preview(new Uint8ClampedArray(1))).ok).toBe(true);
    expect(parseMessage(fromWorker, preview([0])).ok).toBe(false);
  });
});
