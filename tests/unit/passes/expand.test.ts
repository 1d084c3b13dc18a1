import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { BlockDef } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { expandDocument, expandNodes } from "../../../graph-ir/passes/expand.js";
import { chain, codes, doc, net, node, wire } from "./builders.js";

/** Inner: Dense(units) -> ReLU. */
const Inner: BlockDef = {
  inputs: ["x"], outputs: ["y"],
  params: { units: { default: 4, bind: [["fc", "units"]] } },
  nodes: [node("fc", "Dense"), node("act", "ReLU")],
  edges: [wire("$in.x", "fc.x"), ...chain("fc", "act"), wire("act.y", "$out.y")],
};
/** Outer: an Inner instance (its units bound from Outer's width) then a pass-through Skip, then Dropout. */
const Outer: BlockDef = {
  inputs: ["x"], outputs: ["y"],
  params: { width: { default: 6, bind: [["in1", "units"]] } },
  nodes: [node("in1", "Inner"), node("skip", "Skip"), node("drop", "Dropout")],
  edges: [wire("$in.x", "in1.x"), ...chain("in1", "skip", "drop"), wire("drop.y", "$out.y")],
};
/** Skip: its output is its input. */
const Skip: BlockDef = { inputs: ["x"], outputs: ["y"], params: {}, nodes: [], edges: [wire("$in.x", "$out.y")] };

const nested = doc({
  nodes: [node("in", "Input", { shape: [3] }), node("o", "Outer", { width: 7 }), node("s", "Skip"), node("head", "Dense", { units: 2 })],
  edges: chain("in", "o", "s", "head"),
  networks: [net("n", ["in"], ["head", "o"])],
  blocks: { Inner, Outer, Skip },
});

describe("expand", () => {
  it("flattens nested instances into layer nodes with path ids and bound params", () => {
    const r = expandNodes(analyze(nested));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const { nodes, edges, source } = r.expansion;
    expect(nodes.map((f) => f.node.id)).toEqual(["in", "o/in1/fc", "o/in1/act", "o/drop", "head"]);
    expect(nodes.map((f) => f.path)).toEqual([[], ["o", "in1"], ["o", "in1"], ["o"], []]);
    expect(nodes[1]!.node).toMatchObject({ kind: "Dense", params: { units: 7 } });
    // The pass-through blocks vanish: their consumers are wired to what fed them.
    expect(edges).toEqual([wire("in.y", "o/in1/fc.x"), wire("o/in1/fc.y", "o/in1/act.x"), wire("o/in1/act.y", "o/drop.x"), wire("o/drop.y", "head.x")]);
    expect(source(["o", "y"])).toEqual(["o/drop", "y"]);
    expect(source(["s", "y"])).toEqual(["o/drop", "y"]);
    expect(source(["head", "y"])).toEqual(["head", "y"]);
  });

  it("gives a flat document that analyses to the same shapes and counts", () => {
    const r = parseGraphFile(readFileSync("tests/fixtures/googlenet-mini.layerloom.json", "utf8"));
    if (!r.ok) throw new Error(r.error.message);
    for (const d of [nested, r.doc]) {
      const a = analyze(d);
      const flat = expandDocument(d, a);
      if (!flat.ok) throw new Error(JSON.stringify(flat.diagnostics));
      expect(flat.doc.blocks).toEqual({});
      const b = analyze(flat.doc);
      expect(b.diagnostics).toEqual([]);
      expect(b.totals).toEqual(a.totals);
      for (const [id, s] of a.networks) {
        const t = b.networks.get(id)!;
        expect(t.params).toBe(s.params);
        expect(new Set(t.outputs.map((o) => JSON.stringify(o.shape)))).toEqual(new Set(s.outputs.map((o) => JSON.stringify(o.shape))));
      }
      expect(b.nodes.size).toBeGreaterThan(a.nodes.size);
    }
  });

  it("rewrites network outputs and losses that name instances", () => {
    const withLoss = { ...nested, training: { recipe: "supervised", networks: { model: "n" }, dataset: "x", losses: [{ output: "o", loss: "mse", weight: 1 }], optimizer: { kind: "sgd" as const, learningRate: 0.1 }, batchSize: 1, epochs: 1 } };
    const flat = expandDocument(withLoss);
    if (!flat.ok) throw new Error(JSON.stringify(flat.diagnostics));
    expect(flat.doc.networks[0]!.outputs).toEqual(["head", "o/drop"]);
    expect(flat.doc.training!.losses[0]!.output).toBe("o/drop");
  });

  it("refuses a block that contains itself, through another block", () => {
    const A: BlockDef = { inputs: ["x"], outputs: ["y"], params: {}, nodes: [node("b", "B")], edges: [wire("$in.x", "b.x"), wire("b.y", "$out.y")] };
    const B: BlockDef = { inputs: ["x"], outputs: ["y"], params: {}, nodes: [node("a", "A")], edges: [wire("$in.x", "a.x"), wire("a.y", "$out.y")] };
    const d = doc({ nodes: [node("in", "Input", { shape: [3] }), node("x", "A")], edges: chain("in", "x"), networks: [net("n", ["in"], ["x"])], blocks: { A, B } });
    const r = expandDocument(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(codes(r.diagnostics)).toEqual(["block-recursive"]);
    expect(r.diagnostics[0]!.message).toContain("A → B → A");
  });
});
