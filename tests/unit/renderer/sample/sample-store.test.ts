import { describe, expect, it } from "vitest";
import type { ToWorker } from "../../../../renderer/train/protocol.js";
import { createSampleController } from "../../../../renderer/sample/sample-store.js";

const target = { graph: "{}", dataset: "shipped:text", seed: 3 };

describe("the app's sampling controller", () => {
  it("sends the form as parameters, follows progress and shows the result", () => {
    const sent: ToWorker[] = [];
    const c = createSampleController((m) => sent.push(m));
    c.setForm({ prompt: "Once", length: 50, temperature: 0.5 });
    c.run("text", target);
    expect(sent[0]).toMatchObject({ type: "sample", seed: 3, dataset: "shipped:text", params: { prompt: "Once", length: 50, temperature: 0.5, count: 16 } });
    const id = (sent[0] as { id: string }).id;
    c.receive({ type: "sample-progress", id, done: 20, total: 50 });
    c.receive({ type: "sample-progress", id: "other", done: 49, total: 50 });
    expect(c.store.getState().job).toMatchObject({ status: "running", kind: "text", done: 20, total: 50 });
    c.receive({ type: "sample-result", id, model: { trained: false, step: 0, note: "untrained" }, sampler: "text", title: "Text", result: { kind: "text", prompt: "Once", text: "x".repeat(50), note: "" } });
    expect(c.store.getState().job).toMatchObject({ status: "done", reply: { result: { prompt: "Once" } } });
  });

  it("cancels a running draw when another starts, and tells cancels from errors", () => {
    const sent: ToWorker[] = [];
    const c = createSampleController((m) => sent.push(m));
    c.run("pixels", target);
    const first = (sent[0] as { id: string }).id;
    c.run("pixels", target);
    expect(sent[1]).toEqual({ type: "sample-cancel", id: first });
    const second = (sent[2] as { id: string }).id;
    c.cancel();
    expect(sent[3]).toEqual({ type: "sample-cancel", id: second });
    c.receive({ type: "sample-error", id: second, message: "Cancelled.", cancelled: true });
    expect(c.store.getState().job).toMatchObject({ status: "cancelled" });
    expect(c.store.getState().job!.error).toBeUndefined();
    c.run("generator", target);
    c.receive({ type: "sample-error", id: (sent[4] as { id: string }).id, message: "Network 'generator' is not built." });
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: "Network 'generator' is not built." });
  });

  it("refuses a bad form or a graph with nothing to sample without sending, and ignores other messages", () => {
    const sent: ToWorker[] = [];
    const c = createSampleController((m) => sent.push(m));
    c.setForm({ count: 0 });
    c.run("pixels", target);
    expect(sent).toEqual([]);
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: expect.stringMatching(/Count must be/) });
    c.refuse("\"LeNet\" trains with the supervised recipe, which makes predictions, not samples.");
    expect(c.store.getState().job!.error).toMatch(/not samples/);
    c.setForm({ count: 4 });
    c.run("generator", target);
    const before = c.store.getState().job;
    c.receive({ type: "inspect-progress", id: "q", done: 1, total: 2 });
    c.receive({ type: "stats", runId: "r", snapshot: { step: 1, nodes: [] } });
    expect(c.store.getState().job).toBe(before);
  });

  it("fails the draw on a malformed reply, and when the worker goes away", () => {
    const sent: ToWorker[] = [];
    const c = createSampleController((m) => sent.push(m));
    c.run("pixels", target);
    const id = (sent[0] as { id: string }).id;
    c.receive({ type: "sample-result", id, model: { trained: true, step: 1, note: "" }, sampler: "pixels", title: "", result: { kind: "images", images: [{ width: 2, height: 2, channels: 1, pixels: [1, 2, 3, 4] }], note: "" } });
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: expect.stringMatching(/malformed sampling message "sample-result": .*Uint8ClampedArray/) });
    c.run("pixels", target);
    c.ended("The training worker failed: out of memory.");
    expect(c.store.getState().job).toMatchObject({ status: "failed", error: "The training worker failed: out of memory. Draw the samples again." });
  });
});
