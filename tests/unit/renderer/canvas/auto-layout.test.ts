import ELK from "elkjs/lib/elk.bundled.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyEdit } from "../../../../graph-ir/core/apply.js";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import type { GraphDocument } from "../../../../graph-ir/core/document.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import {
  WRAP_FROM_LAYERS, layerCount, layeredPositions, layoutEdit, positionsFromElk, toElkGraph, type LayoutRequest,
} from "../../../../renderer/canvas/auto-layout.js";
import { nodeData, nodeSize, type FlowDirection } from "../../../../renderer/canvas/to-flow.js";
import { generateConvNet } from "../../../support/generate.js";

const lenet = (() => {
  const r = parseGraphFile(readFileSync("tests/fixtures/lenet5.layerloom.json", "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
})();

function request(doc: GraphDocument, direction: FlowDirection = "RIGHT"): LayoutRequest {
  const a = analyze(doc);
  return { nodes: doc.nodes.map((n) => ({ id: n.id, data: nodeData(n, a.nodes.get(n.id)) })), edges: doc.edges, direction, aspectRatio: 1.6 };
}

/** Boxes of the laid-out cards, to check that none overlap. */
function boxes(req: LayoutRequest, at: ReadonlyMap<string, readonly [number, number]>) {
  return req.nodes.map((n) => {
    const p = at.get(n.id)!;
    const s = nodeSize(n.data, req.direction);
    return { id: n.id, x0: p[0], y0: p[1], x1: p[0] + s.width, y1: p[1] + s.height };
  });
}

function overlaps(bs: ReturnType<typeof boxes>): string[] {
  const out: string[] = [];
  const sorted = [...bs].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x0 < sorted[i]!.x1; j++) {
      const a = sorted[i]!, b = sorted[j]!;
      if (a.y0 < b.y1 && b.y0 < a.y1) out.push(`${a.id}/${b.id}`);
    }
  }
  return out;
}

describe("auto-layout: the graph as ELK reads it", () => {
  it("gives every card its size and fixes ports where the dots are drawn", () => {
    const g = toElkGraph(request(lenet));
    expect(g.layoutOptions).toMatchObject({ "elk.algorithm": "layered", "elk.direction": "RIGHT", "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF" });
    const c1 = g.children!.find((c) => c.id === "c1")!;
    expect(c1).toMatchObject({ width: 200, height: 52, layoutOptions: { "elk.portConstraints": "FIXED_POS" } });
    expect(c1.ports!.map((p) => [p.x, p.y])).toEqual([[0, 26], [200, 26]]);
    expect(g.edges).toHaveLength(lenet.edges.length);
    const ports = new Set(g.children!.flatMap((c) => c.ports!.map((p) => p.id)));
    for (const e of g.edges!) expect(ports.has(e.sources[0]!) && ports.has(e.targets[0]!)).toBe(true);
  });

  it("leaves out wires to missing nodes or ports instead of failing", () => {
    const broken = { ...lenet, edges: [...lenet.edges, { from: ["ghost", "y"], to: ["c1", "x"] } as const, { from: ["c1", "nope"], to: ["s2", "x"] } as const] };
    expect(toElkGraph(request(broken)).edges).toHaveLength(lenet.edges.length);
  });

  it("lets only deep networks wrap, aiming a little wider than the canvas", () => {
    expect(layerCount(lenet.nodes.map((n) => n.id), lenet.edges)).toBe(9);
    const shallow = { ...lenet, nodes: lenet.nodes.slice(0, 5), edges: lenet.edges.slice(0, 4) };
    expect(layerCount(shallow.nodes.map((n) => n.id), shallow.edges)).toBeLessThanOrEqual(WRAP_FROM_LAYERS);
    expect(toElkGraph(request(shallow)).layoutOptions!["elk.layered.wrapping.strategy"]).toBeUndefined();
    const deep = generateConvNet(200, 7);
    expect(layerCount(deep.nodes.map((n) => n.id), deep.edges)).toBeGreaterThan(WRAP_FROM_LAYERS);
    expect(toElkGraph(request(deep)).layoutOptions).toMatchObject({ "elk.layered.wrapping.strategy": "SINGLE_EDGE", "elk.aspectRatio": "2.88" });
  });
});

describe("auto-layout with ELK", () => {
  const elk = new ELK();

  it("lays LeNet out left to right in rows read like text, in network order, without overlaps", async () => {
    const req = request(lenet);
    const at = positionsFromElk(await elk.layout(toElkGraph(req)));
    expect(at.size).toBe(lenet.nodes.length);
    // Row by row (top to bottom), left to right within a row: the network's order.
    const order = [...lenet.nodes].sort((a, b) => Math.round(at.get(a.id)![1] / 80) - Math.round(at.get(b.id)![1] / 80) || at.get(a.id)![0] - at.get(b.id)![0]);
    expect(order.map((n) => n.id)).toEqual(lenet.nodes.map((n) => n.id));
    expect(overlaps(boxes(req, at))).toEqual([]);
    // Room for a shape label between the layers of a row.
    expect(at.get("c1")![0] - (at.get("image")![0] + 200)).toBeGreaterThanOrEqual(100);
  });

  it("top to bottom too, in columns", async () => {
    const req = request(lenet, "DOWN");
    const at = positionsFromElk(await elk.layout(toElkGraph(req)));
    const order = [...lenet.nodes].sort((a, b) => Math.round(at.get(a.id)![0] / 150) - Math.round(at.get(b.id)![0] / 150) || at.get(a.id)![1] - at.get(b.id)![1]);
    expect(order.map((n) => n.id)).toEqual(lenet.nodes.map((n) => n.id));
    expect(overlaps(boxes(req, at))).toEqual([]);
  });

  it("keeps a 200-node inception-like net compact: near the asked proportions, never a ribbon", async () => {
    const doc = generateConvNet(200, 7);
    const req = request(doc);
    const result = await elk.layout(toElkGraph(req));
    const at = positionsFromElk(result);
    expect(overlaps(boxes(req, at))).toEqual([]);
    const ratio = result.width! / result.height!;
    // Unwrapped, this graph is about 26,000 px wide and 320 px high (ratio 80).
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(6);
  }, 30_000);

  it("applies as one batch of moves that undo restores exactly", async () => {
    const at = positionsFromElk(await elk.layout(toElkGraph(request(lenet))));
    const edit = layoutEdit(lenet, at)!;
    expect(edit.op).toBe("batch");
    const r = applyEdit(lenet, edit);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.layout.c1).toEqual(at.get("c1"));
    const back = applyEdit(r.doc, r.inverse);
    expect(back.ok && back.doc).toEqual(lenet);
    // Laid out again, nothing moves, so there is no step to add.
    expect(layoutEdit(r.doc, at)).toBeUndefined();
  });
});

describe("quick layered placement (inside a block)", () => {
  it("puts each node one column after its deepest input, columns centred", () => {
    const items = ["a", "b", "c", "d"].map((id) => ({ id, width: 100, height: 40 }));
    const edges = [
      { from: ["a", "y"], to: ["b", "x"] }, { from: ["a", "y"], to: ["c", "x"] },
      { from: ["b", "y"], to: ["d", "in0"] }, { from: ["c", "y"], to: ["d", "in1"] },
    ] as const;
    const at = layeredPositions(items, edges, "RIGHT");
    expect(at.get("a")).toEqual([0, 36]);
    expect(at.get("b")).toEqual([180, 0]);
    expect(at.get("c")).toEqual([180, 72]);
    expect(at.get("d")).toEqual([360, 36]);
  });
});
