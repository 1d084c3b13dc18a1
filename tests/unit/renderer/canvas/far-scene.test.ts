import { describe, expect, it } from "vitest";
import { emptyDocument, type GraphDocument } from "../../../../graph-ir/core/document.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { farScene, nodeAt, titlesReadable, visibleRect } from "../../../../renderer/canvas/far-scene.js";
import { createFlowMapper } from "../../../../renderer/canvas/to-flow.js";

const doc: GraphDocument = {
  ...emptyDocument("f"),
  nodes: [
    { id: "in", kind: "Input", params: { shape: [8, 8, 3] } },
    { id: "a", kind: "Conv2D", params: { filters: 4 } },
    { id: "b", kind: "Conv2D", params: { filters: 4 } },
    { id: "sum", kind: "Add", params: { inputs: 2 } },
    { id: "bad", kind: "Dense", params: { units: 2 } },
  ],
  edges: [
    { from: ["in", "y"], to: ["a", "x"] }, { from: ["in", "y"], to: ["b", "x"] },
    { from: ["a", "y"], to: ["sum", "in0"] }, { from: ["b", "y"], to: ["sum", "in1"] },
    { from: ["sum", "y"], to: ["bad", "x"] },
  ],
  layout: { in: [0, 0], a: [300, -100], b: [300, 100], sum: [600, 0], bad: [900, 0] },
};

function scene(direction: "RIGHT" | "DOWN" = "RIGHT") {
  const m = createFlowMapper();
  const a = analyze(doc);
  const nodes = m.nodes(doc, a, { selected: new Set(["a"]), measured: new Map(), direction });
  const edges = m.edges(doc, a, { flash: new Set(), flashSeq: 0, selected: new Set() });
  return farScene(nodes, edges, direction);
}

describe("the painted far view", () => {
  it("paints every node as a box with its state, and every wire from dot to dot", () => {
    const s = scene();
    expect(s.nodes.map((n) => [n.id, n.x, n.y])).toEqual([["in", 0, 0], ["a", 300, -100], ["b", 300, 100], ["sum", 600, 0], ["bad", 900, 0]]);
    expect(s.nodes.find((n) => n.id === "a")!.selected).toBe(true);
    // Dense cannot take an image: the box carries the error, to be ringed in red.
    expect(s.nodes.find((n) => n.id === "bad")!.error).toBe(true);
    expect(s.wires).toHaveLength(5);
    // in → a leaves the input card's right edge mid-height and enters the conv card's left edge.
    expect(s.wires[0]).toEqual({ x1: 200, y1: 26, x2: 300, y2: -100 + 26 });
    // Into the merge: each wire to its own named port row.
    expect(s.wires[2]!.y2).not.toBe(s.wires[3]!.y2);
  });

  it("runs wires from bottom to top edges when the graph flows down", () => {
    const w = scene("DOWN").wires[0]!;
    expect(w).toEqual({ x1: 100, y1: 52, x2: 400, y2: -100 });
  });

  it("finds the box under the pointer, the topmost first, with a little slack", () => {
    const s = scene();
    expect(nodeAt(s, 350, -90)?.id).toBe("a");
    expect(nodeAt(s, 250, 10)).toBeUndefined();
    expect(nodeAt(s, 199, 10)?.id).toBe("in");
    expect(nodeAt(s, 201, 10, 2)?.id).toBe("in");
  });

  it("paints titles only where they are readable", () => {
    expect(titlesReadable(0.05)).toBe(false);
    expect(titlesReadable(0.3)).toBe(false);
    expect(titlesReadable(0.32)).toBe(true);
  });

  it("knows which part of the graph is on screen", () => {
    expect(visibleRect([100, 50, 0.5], 800, 600)).toEqual({ x0: -200, y0: -100, x1: 1400, y1: 1100 });
  });
});
