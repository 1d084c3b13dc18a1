import { describe, expect, it } from "vitest";
import { emptyDocument, type GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile, serializeGraph } from "../../../graph-ir/core/load.js";
import { graph, mlp, richDocument } from "../../support/docs.js";

function reopen(text: string): GraphDocument {
  const r = parseGraphFile(text);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  expect(r.warnings).toEqual([]);
  return r.doc;
}

describe("serializeGraph", () => {
  it.each([["empty", emptyDocument], ["mlp", mlp], ["rich", richDocument]] as const)("round-trips the %s document exactly and stably", (_, make) => {
    const doc = make();
    const text = serializeGraph(doc);
    const back = reopen(text);
    expect(back).toStrictEqual(doc);
    expect(serializeGraph(back)).toBe(text);
  });

  it("writes the same text whatever order keys were set in, with layout last", () => {
    const a = graph("g").node("n", "Dense", { units: 3, activation: "relu" }).at("n", 1, 2).node("m", "Dense").at("m", 3, 4).build();
    const b = graph("g").node("n", "Dense", { activation: "relu", units: 3 }).at("m", 3, 4).node("m", "Dense").at("n", 1, 2).build();
    expect(serializeGraph(a)).toBe(serializeGraph(b));
    expect(Object.keys(JSON.parse(serializeGraph(richDocument())) as object)).toEqual(["format", "version", "name", "description", "blocks", "nodes", "edges", "networks", "training", "layout"]);
  });

  it("is 2-space JSON with one param and one edge per line, short lists inline", () => {
    const text = serializeGraph(mlp());
    expect(text).toContain('\n  "nodes": [\n    {\n      "id": "x",\n      "kind": "Input",\n      "params": {\n        "shape": [784]\n      }\n    },');
    expect(text).toContain('\n    { "from": ["x", "y"], "to": ["h", "x"] },\n');
    expect(text).toContain('\n      "inputs": ["x"],\n');
    expect(text.endsWith('  "layout": {\n    "h": [0, 120],\n    "out": [0, 240],\n    "x": [0, 0]\n  }\n}\n')).toBe(true);
  });

  it("normalises a hand-written file once, then stays put", () => {
    const messy = JSON.stringify({ layout: { b: [1, 1] }, nodes: [{ params: { z: 1, a: [1, null] }, kind: "K", id: "b" }], name: "hand", version: 1, format: "layerloom-graph" });
    const once = serializeGraph(reopen(messy));
    expect(once).not.toBe(messy);
    expect(serializeGraph(reopen(once))).toBe(once);
    expect(reopen(once)).toStrictEqual(reopen(messy));
  });
});
