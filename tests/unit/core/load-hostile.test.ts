/**
 * Hostile and broken graph files: each gets the expected typed result, quickly. The timing
 * assert is deliberate here (the file format's contract is "refused in well under a second"),
 * with a bound generous enough for a busy 2-core machine.
 */
import { describe, expect, it } from "vitest";
import { parseGraphFile, type LoadErrorCode, type LoadResult } from "../../../graph-ir/core/load.js";
import { LIMITS, graphFileSchema } from "../../../graph-ir/core/schema.js";

const HEAD = '"format": "layerloom-graph", "version": 1, "name": "t"';
/** A graph file with the given extra top-level JSON (nodes, edges...). */
const file = (rest: string) => `{ ${HEAD}${rest ? `, ${rest}` : ""} }`;
const oneNode = (params: string) => file(`"nodes": [{ "id": "d", "kind": "Dense", "params": ${params} }]`);
const twoNodes = `{ "id": "a", "kind": "Dense", "params": {} }, { "id": "b", "kind": "Dense", "params": {} }`;

type Expect =
  | { readonly ok: true; readonly warnings?: number; readonly check?: (r: Extract<LoadResult, { ok: true }>) => void }
  | { readonly code: LoadErrorCode; readonly path?: string; readonly says?: RegExp };

interface Row {
  readonly name: string;
  readonly text: () => string;
  readonly expect: Expect;
  /** A large legitimate file: its load time is a benchmark's business, not this table's. */
  readonly untimed?: true;
}

const rows: Row[] = [
  { name: "not JSON", text: () => "{ nodes: [] }", expect: { code: "not-json", says: /line 1, column 3.*missing comma, quote or bracket/ } },
  { name: "empty file", text: () => "  \n", expect: { code: "not-json", says: /empty/ } },
  { name: "cut short", text: () => file('"nodes": []').slice(0, 40), expect: { code: "not-json", says: /cut short/ } },
  { name: "bare NaN (not JSON)", text: () => oneNode('{ "units": NaN }'), expect: { code: "not-json", says: /NaN and Infinity are not allowed/ } },
  { name: "Infinity literal (not JSON)", text: () => oneNode('{ "units": Infinity }'), expect: { code: "not-json" } },
  { name: "a JSON list", text: () => "[1, 2, 3]", expect: { code: "not-a-graph", says: /not a Layerloom graph/ } },
  { name: "another format (a tfjs model.json)", text: () => '{ "format": "layers-model", "modelTopology": {} }', expect: { code: "not-a-graph" } },
  { name: "version as text", text: () => '{ "format": "layerloom-graph", "version": "1", "name": "t" }', expect: { code: "invalid", path: "version", says: /whole number/ } },
  { name: "newer version", text: () => '{ "format": "layerloom-graph", "version": 2, "name": "t", "somethingNew": [] }', expect: { code: "unsupported-version", path: "version", says: /newer Layerloom.*Update Layerloom/ } },
  { name: "older version nothing upgrades", text: () => '{ "format": "layerloom-graph", "version": 0, "name": "t" }', expect: { code: "unsupported-version", says: /cannot upgrade/ } },
  {
    name: "unknown layer kind (validation's job)",
    text: () => file('"nodes": [{ "id": "f", "kind": "Frobnicate", "params": { "zeal": 11 } }]'),
    expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.nodes[0]!.kind).toBe("Frobnicate") },
  },
  { name: 'the text "NaN" as a param (a string; validation reports the type)', text: () => oneNode('{ "units": "NaN" }'), expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.nodes[0]!.params["units"]).toBe("NaN") } },
  { name: "1e400 (JSON.parse makes Infinity)", text: () => oneNode('{ "units": 1e400 }'), expect: { code: "invalid", path: "nodes[0].params.units", says: /nodes\[0\]\.params\.units \(node "d"\) must be a finite number.*Fix this in the file/ } },
  { name: "-1e400", text: () => oneNode('{ "rate": -1e400 }'), expect: { code: "invalid", path: "nodes[0].params.rate" } },
  { name: "1e400 in a position", text: () => file('"nodes": [{ "id": "d", "kind": "Dense", "params": {} }], "layout": { "d": [0, 1e400] }'), expect: { code: "invalid", path: "layout.d[1]" } },
  { name: "Dense with 1e9 units (loads; validation reports the size)", text: () => oneNode('{ "units": 1e9 }'), expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.nodes[0]!.params["units"]).toBe(1e9) } },
  { name: "a fraction in a tuple", text: () => oneNode('{ "kernelSize": [3, 0.5] }'), expect: { code: "invalid", path: "nodes[0].params.kernelSize", says: /whole numbers or nulls/ } },
  { name: "a 9-entry tuple", text: () => oneNode('{ "shape": [1,2,3,4,5,6,7,8,9] }'), expect: { code: "invalid", path: "nodes[0].params.shape" } },
  { name: "an object as a param value", text: () => oneNode('{ "units": { "value": 3 } }'), expect: { code: "invalid", path: "nodes[0].params.units" } },
  { name: "params as a list", text: () => oneNode("[]"), expect: { code: "invalid", path: "nodes[0].params", says: /must be an object, not a list/ } },
  { name: "nodes as an object", text: () => file('"nodes": {}'), expect: { code: "invalid", path: "nodes", says: /must be a list, not an object/ } },
  { name: "an edge end without a port", text: () => file(`"nodes": [${twoNodes}], "edges": [{ "from": ["a"], "to": ["b", "x"] }]`), expect: { code: "invalid", path: "edges[0].from" } },
  { name: "a node id with a space", text: () => file('"nodes": [{ "id": "my node", "kind": "Dense", "params": {} }]'), expect: { code: "invalid", path: "nodes[0].id", says: /letters, digits, _ or -/ } },
  { name: "a duplicate node id", text: () => file(`"nodes": [${twoNodes}, { "id": "a", "kind": "Dense", "params": {} }]`), expect: { code: "invalid", path: "nodes[2].id", says: /repeats the id "a" of nodes\[0\]/ } },
  { name: "a label over 10,000 characters", text: () => file(`"nodes": [{ "id": "a", "kind": "Dense", "params": {}, "label": "${"x".repeat(LIMITS.text + 1)}" }]`), expect: { code: "invalid", path: "nodes[0].label" } },
  { name: "an unknown optimizer", text: () => file('"training": { "recipe": "supervised", "networks": {}, "dataset": "d", "losses": [], "optimizer": { "kind": "lion", "learningRate": 0.1 }, "batchSize": 8, "epochs": 1 }'), expect: { code: "invalid", path: "training.optimizer.kind", says: /"sgd", "adam" or "rmsprop"/ } },
  { name: "$in outside a block", text: () => file(`"nodes": [${twoNodes}], "edges": [{ "from": ["$in", "x"], "to": ["b", "x"] }]`), expect: { code: "invalid", path: "edges[0].from[0]" } },
  { name: "a cycle (validation's job)", text: () => file(`"nodes": [${twoNodes}], "edges": [{ "from": ["a", "y"], "to": ["b", "x"] }, { "from": ["b", "y"], "to": ["a", "x"] }]`), expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.edges).toHaveLength(2) } },
  { name: "a dangling port (validation's job)", text: () => file(`"nodes": [${twoNodes}], "edges": [{ "from": ["a", "nope"], "to": ["b", "x9"] }]`), expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.edges[0]!.from).toEqual(["a", "nope"]) } },
  {
    name: "an edge to a missing node (dropped with a warning)",
    text: () => file(`"nodes": [${twoNodes}], "edges": [{ "from": ["a", "y"], "to": ["ghost", "x"] }, { "from": ["a", "y"], "to": ["b", "x"] }, { "from": ["a", "y"], "to": ["b", "x"] }]`),
    expect: { ok: true, warnings: 2, check: (r) => { expect(r.doc.edges).toEqual([{ from: ["a", "y"], to: ["b", "x"] }]); expect(r.warnings[0]).toContain('no node "ghost"'); expect(r.warnings[1]).toContain("repeats an earlier edge"); } },
  },
  {
    name: "unknown fields and stray positions (dropped with warnings)",
    text: () => file('"nodes": [{ "id": "a", "kind": "Dense", "params": {}, "shape": [1, 2] }], "layout": { "a": [1, 2], "gone": [3, 4] }, "theme": "dark"'),
    expect: { ok: true, warnings: 3, check: (r) => { expect(r.doc.nodes[0]).toStrictEqual({ id: "a", kind: "Dense", params: {} }); expect(r.doc.layout).toStrictEqual({ a: [1, 2] }); expect(r.warnings.join("\n")).toMatch(/"shape" in nodes\[0\][\s\S]*"theme" at the top of the file[\s\S]*"gone"/); } },
  },
  { name: "__proto__ in params", text: () => oneNode('{ "__proto__": { "polluted": true } }'), expect: { code: "unsafe-key", path: "nodes[0].params.__proto__", says: /not allowed in graph files.*Remove it/ } },
  { name: "__proto__ in layout", text: () => file('"layout": { "__proto__": [0, 0] }'), expect: { code: "unsafe-key", path: "layout.__proto__" } },
  { name: "constructor as a block name", text: () => file('"blocks": { "constructor": { "inputs": [], "outputs": [], "params": {}, "nodes": [], "edges": [] } }'), expect: { code: "unsafe-key", path: "blocks.constructor" } },
  { name: "prototype in training options", text: () => file('"training": { "options": { "prototype": 1 } }'), expect: { code: "unsafe-key", path: "training.options.prototype" } },
  { name: "__proto__ at the top level", text: () => `{ ${HEAD}, "__proto__": { "polluted": true } }`, expect: { code: "unsafe-key", path: "__proto__" } },
  { name: "lists nested 100,000 deep", text: () => "[".repeat(100_000) + "]".repeat(100_000), expect: { code: "too-deep", says: /more than 64 levels deep at line 1, column 65/ } },
  { name: "objects nested 100,000 deep", text: () => '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000), expect: { code: "too-deep" } },
  { name: "brackets inside strings do not count as nesting", text: () => file(`"description": "${"[{".repeat(500)}\\"]"`), expect: { ok: true, warnings: 0 } },
  { name: "a 100 MB string", text: () => `"${"x".repeat(100 * 1024 * 1024)}"`, expect: { code: "too-large", says: /100\.0 MB; graph files are at most 32\.0 MB/ } },
  {
    name: "20,000 nodes (the limit) load",
    text: () => file(`"nodes": [${Array.from({ length: LIMITS.nodes }, (_, i) => `{ "id": "n${i}", "kind": "Dense", "params": { "units": 4 } }`).join(",")}]`),
    expect: { ok: true, warnings: 0, check: (r) => expect(r.doc.nodes).toHaveLength(LIMITS.nodes) },
    untimed: true,
  },
  {
    name: "20,001 nodes are refused",
    text: () => file(`"nodes": [${Array.from({ length: LIMITS.nodes + 1 }, (_, i) => `{ "id": "n${i}", "kind": "Dense", "params": {} }`).join(",")}]`),
    expect: { code: "invalid", path: "nodes", says: /has 20001 entries; at most 20000 are allowed/ },
  },
  {
    name: "50,001 edges are refused",
    text: () => file(`"nodes": [${twoNodes}], "edges": [${Array.from({ length: LIMITS.edges + 1 }, (_, i) => `{ "from": ["a", "p${i}"], "to": ["b", "x"] }`).join(",")}]`),
    expect: { code: "invalid", path: "edges" },
  },
];

describe("hostile and broken files", () => {
  it("JSON.parse turns 1e400 into Infinity (so the schema, not the parser, must refuse it)", () => {
    expect(JSON.parse("1e400")).toBe(Infinity);
  });

  it.each(rows)("$name", ({ text, expect: want, untimed }) => {
    const input = text();
    const t0 = performance.now();
    const r = parseGraphFile(input);
    const ms = performance.now() - t0;
    if (!untimed) expect(ms).toBeLessThan(1000);
    if ("ok" in want) {
      if (!r.ok) throw new Error(`expected the file to load, got ${r.error.code}: ${r.error.message}`);
      if (want.warnings !== undefined) expect(r.warnings).toHaveLength(want.warnings);
      want.check?.(r);
    } else {
      if (r.ok) throw new Error(`expected ${want.code}, but the file loaded`);
      expect(r.error.code).toBe(want.code);
      if (want.path !== undefined) expect(r.error.path).toBe(want.path);
      if (want.says) expect(r.error.message).toMatch(want.says);
      expect(r.error.message.length).toBeLessThan(1000);
    }
    // No file may touch the prototype every object shares.
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("the schema on its own also refuses unsafe keys in records (zod would drop __proto__ silently)", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const data: unknown = JSON.parse(oneNode(`{ "${key}": 1 }`));
      const r = graphFileSchema.safeParse(data);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["nodes", 0, "params", key]);
    }
  });

  it("answers a non-string with a typed error instead of throwing", () => {
    const r = parseGraphFile(null as unknown as string);
    expect(r).toEqual({ ok: false, error: { code: "not-json", message: "Expected the text of a graph file." } });
  });
});
