import { describe, expect, it } from "vitest";
import { fromWorker, parseMessage, toWorker } from "../../../../renderer/train/protocol.js";
import { INSPECT_MESSAGE_TYPES, inspectFromWorker } from "../../../../renderer/inspect/protocol.js";
import { sampleFromWorker, sampleParams } from "../../../../renderer/sample/protocol.js";

const request = (params: unknown, extra: Record<string, unknown> = {}) => ({ type: "sample", id: "s1", graph: "{}", dataset: "synthetic:gaussians", seed: 0, params, ...extra });
const reply = (result: unknown, extra: Record<string, unknown> = {}) => ({
  type: "sample-result", id: "s1", model: { trained: true, step: 4, note: "" }, sampler: "generator", title: "Generator samples", result, ...extra,
});

describe("sampling messages", () => {
  it("are part of the training worker's protocol both ways, routed with the inspection replies", () => {
    expect(parseMessage(toWorker, request(sampleParams.parse({}))).ok).toBe(true);
    expect(parseMessage(toWorker, { type: "sample-cancel", id: "s1" }).ok).toBe(true);
    expect(parseMessage(fromWorker, { type: "sample-progress", id: "s1", done: 3, total: 784 }).ok).toBe(true);
    expect(parseMessage(fromWorker, { type: "sample-error", id: "s1", message: "Cancelled.", cancelled: true }).ok).toBe(true);
    expect(parseMessage(fromWorker, reply({ kind: "points", points: [[0.1, 2]], note: "1 point" }, { reference: [[0, 1]] })).ok).toBe(true);
    for (const t of ["sample-progress", "sample-result", "sample-error"]) expect(INSPECT_MESSAGE_TYPES.has(t)).toBe(true);
    // The inspection side parses them too (and leaves them alone).
    expect(inspectFromWorker.safeParse({ type: "sample-progress", id: "s1", done: 1, total: 2 }).success).toBe(true);
  });

  it("fill defaults and refuse settings out of range", () => {
    expect(sampleParams.parse({})).toEqual({ count: 16, length: 300, temperature: 1, seed: 0, neighbours: 8 });
    const ok = sampleParams.parse({});
    expect(parseMessage(toWorker, request({ ...ok, temperature: 0 })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...ok, count: 0 })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...ok, count: 2.5 })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...ok, prompt: "" })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...ok, words: [] })).ok).toBe(false);
    expect(parseMessage(toWorker, request({ ...ok, seed: -1 })).ok).toBe(false);
    expect(parseMessage(toWorker, request(ok, { id: "" })).ok).toBe(false);
    expect(parseMessage(toWorker, request(ok, { type: "sample-everything" })).ok).toBe(false);
  });

  it("carry pixels as typed arrays and only the samplers there are", () => {
    const images = (pixels: unknown, channels = 1) => reply({ kind: "images", images: [{ width: 2, height: 2, channels, pixels }], note: "" }, { sampler: "pixels" });
    expect(sampleFromWorker.safeParse(images(new Uint8ClampedArray(4))).success).toBe(true);
    expect(sampleFromWorker.safeParse(images([0, 0, 0, 0])).success).toBe(false);
    expect(sampleFromWorker.safeParse(images(new Uint8ClampedArray(4), 2)).success).toBe(false);
    expect(sampleFromWorker.safeParse(reply({ kind: "images", images: [], note: "" })).success).toBe(false);
    expect(sampleFromWorker.safeParse(reply({ kind: "text", prompt: "The ", text: "cat", note: "" }, { sampler: "text" })).success).toBe(true);
    expect(sampleFromWorker.safeParse(reply({ kind: "text", prompt: "The ", text: "cat", note: "" }, { sampler: "classifier" })).success).toBe(false);
    const entries = [{ word: "river", known: true, neighbours: [{ word: "water", similarity: 0.8 }] }];
    expect(sampleFromWorker.safeParse(reply({ kind: "neighbours", entries, note: "" }, { sampler: "neighbours" })).success).toBe(true);
    expect(sampleFromWorker.safeParse(reply({ kind: "neighbours", entries: [{ word: "x" }], note: "" })).success).toBe(false);
  });
});
