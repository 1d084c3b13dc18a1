import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BLOCK_IN, BLOCK_OUT, type GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { previewParam } from "../../../renderer/inspector/param-preview.js";
import { blockParamSpecs } from "../../../renderer/inspector/param-specs.js";
import { blockDef, deepFreeze, edge, graph, node } from "../../support/docs.js";

function lenet(): GraphDocument {
  const r = parseGraphFile(readFileSync(new URL("../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return deepFreeze(r.doc);
}

describe("inspector param preview", () => {
  it("previews a good value: output shape and param count before and after, nothing committed", () => {
    const doc = lenet();
    const analysis = analyze(doc);
    const p = previewParam(analysis, "c3", "filters", 32);
    if (!p.ok || !p.changed) throw new Error(`expected a change, got ${JSON.stringify(p)}`);
    expect(p.before).toEqual({ outputs: [["y", "B×10×10×16"]], params: 2416 });
    expect(p.after).toEqual({ outputs: [["y", "B×10×10×32"]], params: 4832 });
    expect(p.label).toBe("Set filters");
    expect(p.edit).toEqual({ op: "setParam", id: "c3", param: "filters", value: 32 });
    // s4 and flatten change shape; c5 changes its weights but keeps its output shape.
    expect(p.downstreamChanged).toBe(3);
    expect(p.analysis.totals.params).toBe(analyze(p.doc).totals.params);
    expect(analysis.doc).toBe(doc);
    expect(doc.nodes.find((n) => n.id === "c3")!.params.filters).toBe(16);
  });

  it("refuses a value out of the param's bounds, naming the param", () => {
    const analysis = analyze(lenet());
    expect(previewParam(analysis, "c3", "filters", 0)).toEqual({ ok: false, reason: "Filters must be at least 1." });
    expect(previewParam(analysis, "c3", "filters", 2.5)).toEqual({ ok: false, reason: "Filters must be a whole number." });
    expect(previewParam(analysis, "c3", "filters", Number.NaN)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Filters must be a finite number/) });
    expect(previewParam(analysis, "c3", "padding", "circular")).toMatchObject({ ok: false, reason: expect.stringMatching(/^Padding must be one of/) });
    expect(previewParam(analysis, "c3", "kernelSize", [5])).toMatchObject({ ok: false, reason: expect.stringMatching(/^Kernel size must have 2 entries/) });
  });

  it("refuses a value that would give the node an error, with the analysis' reason", () => {
    const p = previewParam(analyze(lenet()), "c3", "kernelSize", [15, 15]);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/^That would break the graph: .*c3/);
  });

  it("refuses a value that would break a node downstream, naming that node", () => {
    // c1's output shrinks to 8x8, pooled to 4x4, which c3's 5x5 kernel cannot fit.
    const p = previewParam(analyze(lenet()), "c1", "kernelSize", [25, 25]);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/c3/);
  });

  it("does not hold an error that is already there against an unrelated edit", () => {
    const broken = lenet();
    const doc = { ...broken, nodes: broken.nodes.map((n) => (n.id === "c3" ? { ...n, params: { ...n.params, kernelSize: [15, 15] } } : n)) };
    const analysis = analyze(doc);
    expect(analysis.diagnostics.some((d) => d.nodeId === "c3" && d.severity === "error")).toBe(true);
    const p = previewParam(analysis, "c1", "filters", 8);
    expect(p.ok && p.changed).toBe(true);
  });

  it("says nothing changes for the value already there, and resets to the default with undefined", () => {
    const analysis = analyze(lenet());
    expect(previewParam(analysis, "c3", "filters", 16)).toEqual({ ok: true, changed: false });
    const reset = previewParam(analysis, "c3", "activation", undefined);
    expect(reset.ok && reset.changed && reset.edit).toEqual({ op: "setParam", id: "c3", param: "activation", value: undefined });
  });

  it("refuses params a node does not have and nodes that are gone", () => {
    const analysis = analyze(lenet());
    expect(previewParam(analysis, "c3", "units", 3)).toMatchObject({ ok: false, reason: expect.stringMatching(/has no parameter "units"/) });
    expect(previewParam(analysis, "ghost", "units", 3)).toMatchObject({ ok: false, reason: expect.stringMatching(/no layer "ghost"/) });
  });

  it("edits a block instance's exposed param with the bounds of the inner param it sets", () => {
    const unit = blockDef({
      inputs: ["x"], outputs: ["y"],
      params: { width: { default: 8, bind: [["c", "filters"]] }, note: { default: "keep", bind: [] } },
      nodes: [node("c", "Conv2D", { filters: 8, kernelSize: [3, 3], padding: "same" })],
      edges: [edge([BLOCK_IN, "x"], "c"), edge("c", [BLOCK_OUT, "y"])],
    });
    const doc = graph().block("Unit", unit).node("img", "Input", { shape: [8, 8, 3] }).layer("u", "Unit", {}, "img").build();
    const specs = blockParamSpecs(doc, unit);
    expect(specs.width).toMatchObject({ type: "int", min: 1, default: 8 });
    expect(specs.note).toBeUndefined();
    const analysis = analyze(doc);
    expect(previewParam(analysis, "u", "width", 0)).toEqual({ ok: false, reason: "Width must be at least 1." });
    const p = previewParam(analysis, "u", "width", 16);
    expect(p.ok && p.changed && p.after.outputs).toEqual([["y", "B×8×8×16"]]);
    expect(previewParam(analysis, "u", "note", "other")).toMatchObject({ ok: false, reason: expect.stringMatching(/inside the block/) });
  });
});
