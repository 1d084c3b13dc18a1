import { describe, expect, it } from "vitest";
import { applyEdit } from "../../../graph-ir/core/apply.js";
import { emptyDocument, type GraphDocument } from "../../../graph-ir/core/document.js";
import type { Edit } from "../../../graph-ir/core/edits.js";
import { analyze, reanalyze } from "../../../graph-ir/passes/analyze.js";
import {
  CARD, changedWires, createFlowMapper, edgeFromId, edgeId, fallbackPosition, handleOffset, nodeSize, toFlowEdges, toFlowNodes, wireLabels,
} from "../../../renderer/canvas/to-flow.js";

const doc: GraphDocument = {
  ...emptyDocument("t"),
  nodes: [
    { id: "img", kind: "Input", params: { shape: [4] } },
    { id: "fc", kind: "Dense", params: { units: 3 }, label: "head" },
    { id: "odd", kind: "NoSuchLayer", params: {} },
  ],
  edges: [
    { from: ["img", "y"], to: ["fc", "x"] },
    { from: ["ghost", "y"], to: ["fc", "x"] },
    { from: ["img", "nope"], to: ["odd", "x"] },
  ],
  layout: { img: [10, 20] },
};

const apply = (d: GraphDocument, e: Edit) => {
  const r = applyEdit(d, e);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe("document to React Flow", () => {
  const analysis = analyze(doc);

  it("places nodes at their stored positions, and the rest down a column", () => {
    const nodes = toFlowNodes(doc, analysis);
    expect(nodes.map((n) => n.position)).toEqual([{ x: 10, y: 20 }, fallbackPosition(1), fallbackPosition(2)]);
  });

  it("shows the label as title with the layer's title beneath, and the key params line", () => {
    const fc = toFlowNodes(doc, analysis)[1]!;
    expect(fc.data).toMatchObject({ title: "head", subtitle: "Dense", category: "core", inputs: ["x"], outputs: ["y"], block: false });
    expect(fc.data.detail).toBe("3");
  });

  it("draws a node of unknown kind with its kind as title, no category and its errors counted", () => {
    const odd = toFlowNodes(doc, analysis)[2]!;
    expect(odd.data.title).toBe("NoSuchLayer");
    expect(odd.data.category).toBeUndefined();
    expect(odd.data.errors).toBeGreaterThan(0);
    expect(odd.data.problem).toMatch(/NoSuchLayer/);
  });

  it("counts a node's errors as the analysis reports them (here: the wire from a missing node)", () => {
    const errors = analysis.nodes.get("fc")!.diagnostics.filter((d) => d.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    expect(toFlowNodes(doc, analysis)[1]!.data.errors).toBe(errors);
    expect(toFlowNodes(doc, analysis)[0]!.data.errors).toBe(0);
  });

  it("draws only wires whose two ends exist, each labelled with the shape it carries", () => {
    expect(toFlowEdges(doc, analysis)).toEqual([
      { id: "img:y->fc:x", type: "wire", source: "img", sourceHandle: "y", target: "fc", targetHandle: "x", data: { label: "B×4", flash: 0 } },
    ]);
  });

  it("marks block instances, which the canvas draws with a corner glyph", () => {
    const withBlock: GraphDocument = { ...emptyDocument("b"), nodes: [{ id: "r", kind: "ResidualBlock", params: {} }] };
    expect(toFlowNodes(withBlock, analyze(withBlock))[0]!.data).toMatchObject({ block: true, category: "block" });
  });

  it("turns edge ids back into the wires they name, ports included", () => {
    const e = { from: ["a:b", "y"], to: ["c", "in1"] } as const;
    expect(edgeFromId(edgeId(e))).toEqual(e);
    expect(edgeFromId("nonsense")).toBeUndefined();
  });
});

describe("card geometry", () => {
  it("is fixed by what the card shows, the same at every zoom", () => {
    const plain = { inputs: ["x"], outputs: ["y"], detail: undefined };
    expect(nodeSize(plain)).toEqual({ width: CARD.width, height: 34 });
    expect(nodeSize({ ...plain, detail: "32@3x3" })).toEqual({ width: CARD.width, height: 52 });
    // Named ports add one 18px row each (plus a 4px gap) when the graph flows left to right.
    expect(nodeSize({ inputs: ["in0", "in1", "in2"], outputs: ["y"], detail: "3 inputs" }).height).toBe(52 + 4 + 3 * 18);
    expect(nodeSize({ inputs: ["in0", "in1", "in2"], outputs: ["y"], detail: "3 inputs" }, "DOWN").height).toBe(52);
  });

  it("puts port dots beside their labels, or mid-card for a lone x → y", () => {
    const merge = { inputs: ["in0", "in1"], outputs: ["y"], detail: "2 inputs" };
    // 8px padding, 18px title, 18px detail, 4px gap, then 18px rows: dots at row centres.
    expect(handleOffset(merge, "inputs", 0, "RIGHT")).toBe(8 + 18 + 18 + 4 + 9);
    expect(handleOffset(merge, "inputs", 1, "RIGHT")).toBe(8 + 18 + 18 + 4 + 18 + 9);
    expect(handleOffset({ inputs: ["x"], outputs: ["y"], detail: undefined }, "outputs", 0, "RIGHT")).toBe(17);
    expect([0, 1].map((i) => handleOffset(merge, "inputs", i, "DOWN"))).toEqual([67, 133]);
  });
});

describe("flow mapper", () => {
  const net: GraphDocument = {
    ...emptyDocument("n"),
    nodes: [
      { id: "in", kind: "Input", params: { shape: [8, 8, 1] } },
      { id: "c", kind: "Conv2D", params: { filters: 4, kernelSize: [3, 3] } },
      { id: "p", kind: "MaxPooling2D", params: {} },
    ],
    edges: [{ from: ["in", "y"], to: ["c", "x"] }, { from: ["c", "y"], to: ["p", "x"] }],
  };
  const view = { selected: new Set<string>(), measured: new Map(), direction: "RIGHT" as const };
  const edgeView = { flash: new Set<string>(), flashSeq: 0, selected: new Set<string>() };

  it("hands back the same objects for nodes and wires a move did not touch", () => {
    const m = createFlowMapper();
    const a = analyze(net);
    const before = m.nodes(net, a, view);
    const wiresBefore = m.edges(net, a, edgeView);
    const moved = apply(net, { op: "move", id: "c", position: [300, 40] });
    const a2 = reanalyze(a, moved, []);
    const after = m.nodes(moved, a2, view);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.position).toEqual({ x: 300, y: 40 });
    expect(after[1]!.data).toBe(before[1]!.data);
    expect(m.edges(moved, a2, edgeView)).toEqual(wiresBefore);
    expect(m.edges(moved, a2, edgeView)[0]).toBe(wiresBefore[0]);
  });

  it("renews a wire whose shape changed, and flashes exactly the changed wires", () => {
    const m = createFlowMapper();
    const a = analyze(net);
    const first = m.edges(net, a, edgeView);
    const edited = apply(net, { op: "setParam", id: "c", param: "filters", value: 16 });
    const a2 = reanalyze(a, edited, ["c"]);
    const flash = changedWires(wireLabels(net, a), wireLabels(edited, a2));
    expect([...flash]).toEqual(["c:y->p:x"]);
    const second = m.edges(edited, a2, { ...edgeView, flash, flashSeq: 1 });
    expect(second[0]).toBe(first[0]);
    expect(second[1]!.data).toEqual({ label: "B×6×6×16", flash: 1 });
  });

  it("does not flash new or removed wires, only ones whose shape changed", () => {
    expect([...changedWires(new Map([["a", "B×2"], ["gone", "B×1"]]), new Map([["a", "B×2"], ["new", "B×3"]]))]).toEqual([]);
  });
});
