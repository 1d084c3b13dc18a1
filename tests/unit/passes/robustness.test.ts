/**
 * Random documents (random kinds from the registry and the block library, random params in and
 * out of range, random wires including dangling ones and loops, random blocks, networks and
 * training) must never make a pass throw, and what they return must hang together.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { BlockDef, GraphDocument, GraphEdge, GraphNode, ParamValue } from "../../../graph-ir/core/document.js";
import { MAX_DIM } from "../../../graph-ir/core/params.js";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { STANDARD_BLOCKS } from "../../../graph-ir/blocks/library.js";
import { analyze, reanalyze } from "../../../graph-ir/passes/analyze.js";
import { CODES } from "../../../graph-ir/passes/codes.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { canConnect } from "../../../graph-ir/passes/connect.js";
import { expandDocument } from "../../../graph-ir/passes/expand.js";
import type { Analysis } from "../../../graph-ir/passes/types.js";
import { plausibleDocument } from "./plausible.js";

const IDS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "toString", "$in"];
const PORTS = ["x", "y", "in0", "in1", "in2", "h", "c", "z", "$in"];
const BLOCK_NAMES = ["Blk", "Other"];
const KINDS = [...Object.keys(LAYERS), ...Object.keys(STANDARD_BLOCKS), ...BLOCK_NAMES, "Input", "Input", "Conv2D", "Dense", "Nope", "__proto__", "constructor"];
const PARAM_NAMES = [...new Set(Object.values(LAYERS).flatMap((l) => Object.keys(l.params))), ...new Set(Object.values(STANDARD_BLOCKS).flatMap((b) => Object.keys(b.params))), "width", "bogus"];

const value: fc.Arbitrary<ParamValue> = fc.oneof(
  fc.integer({ min: -3, max: 70 }),
  fc.constantFrom(0, 1, 2, 3, 64, MAX_DIM, MAX_DIM + 1, 1e9, -1e9, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constantFrom("same", "valid", "relu", "linear", "softmax", "float32", "int32", "concat", "LSTM", "", "bogus"),
  fc.array(fc.oneof(fc.integer({ min: -1, max: 9 }), fc.constant(null), fc.constant(MAX_DIM)), { maxLength: 5 }),
);

const params = fc.dictionary(fc.constantFrom(...PARAM_NAMES), value, { maxKeys: 4 });
const graphNode = (ids: readonly string[]): fc.Arbitrary<GraphNode> => fc.record({ id: fc.constantFrom(...ids), kind: fc.constantFrom(...KINDS), params });
const graphEdge = (ids: readonly string[]): fc.Arbitrary<GraphEdge> =>
  fc.record({ from: fc.tuple(fc.constantFrom(...ids, "ghost"), fc.constantFrom(...PORTS)), to: fc.tuple(fc.constantFrom(...ids, "ghost"), fc.constantFrom(...PORTS)) });

const INNER_IDS = ["p", "q", "r", "$out"];
const blockDef: fc.Arbitrary<BlockDef> = fc.record({
  inputs: fc.constantFrom(["x"], ["x", "y"], []),
  outputs: fc.constantFrom(["y"], ["y", "z"], []),
  params: fc.dictionary(fc.constantFrom("width", "units", "filters"), fc.record({ default: value, bind: fc.array(fc.tuple(fc.constantFrom(...INNER_IDS, "ghost"), fc.constantFrom(...PARAM_NAMES)), { maxLength: 2 }) }), { maxKeys: 2 }),
  nodes: fc.array(graphNode(INNER_IDS.slice(0, 3)), { maxLength: 4 }),
  edges: fc.array(graphEdge(["$in", "$out", ...INNER_IDS.slice(0, 3)]), { maxLength: 6 }),
});

const document: fc.Arbitrary<GraphDocument> = fc.record({
  nodes: fc.array(graphNode(IDS), { maxLength: 12 }),
  edges: fc.array(graphEdge(IDS), { maxLength: 20 }),
  blocks: fc.dictionary(fc.constantFrom(...BLOCK_NAMES, "Dense"), blockDef, { maxKeys: 3 }),
  networks: fc.array(fc.record({ id: fc.constantFrom("n", "m"), inputs: fc.array(fc.constantFrom(...IDS, "ghost"), { maxLength: 3 }), outputs: fc.array(fc.constantFrom(...IDS, "ghost"), { maxLength: 3 }) }), { maxLength: 2 }),
  withTraining: fc.boolean(),
  lossOn: fc.constantFrom(...IDS),
}).map(({ withTraining, lossOn, ...parts }) => {
  const d: GraphDocument = { format: "layerloom-graph", version: 1, name: "random", layout: {}, ...parts };
  return withTraining
    ? { ...d, training: { recipe: "supervised", networks: { model: "n", critic: "zzz" }, dataset: "x", losses: [{ output: lossOn, loss: "mse", weight: 1 }], optimizer: { kind: "adam", learningRate: 0.001 }, batchSize: 4, epochs: 1 } }
    : d;
});

/** The invariants every analysis keeps, and the other passes run on it without throwing. */
function checkAll(d: GraphDocument, a: Analysis, pick: number): void {
  const ids = new Set(d.nodes.map((n) => n.id));
  expect(new Set(a.order)).toEqual(ids);
  for (const dg of a.diagnostics) {
    expect(Object.keys(CODES)).toContain(dg.code);
    expect(dg.severity).toBe(CODES[dg.code].severity);
    expect(typeof dg.message).toBe("string");
    if (dg.nodeId !== undefined && dg.code !== "loss-unknown-output") expect(ids.has(dg.nodeId)).toBe(true);
  }
  for (const n of a.nodes.values()) {
    expect(Number.isFinite(n.paramCount) && n.paramCount >= 0).toBe(true);
    if (n.status === "ok") expect(Object.keys(n.outputs)).toEqual([...n.ports.outputs]);
  }

  // A param change on one node: reanalyze agrees with a fresh analysis.
  if (d.nodes.length) {
    const target = d.nodes[pick % d.nodes.length]!;
    const edited: GraphDocument = { ...d, nodes: d.nodes.map((n) => (n === target ? { ...n, params: { ...n.params, units: 3, filters: 2 } } : n)) };
    const b = reanalyze(a, edited, [target.id]);
    const c = analyze(edited);
    expect([...b.nodes]).toEqual([...c.nodes]);
    expect(b.diagnostics).toEqual(c.diagnostics);
  }

  for (const from of d.nodes.slice(0, 4)) for (const to of d.nodes.slice(0, 4)) canConnect(d, a, [from.id, "y"], [to.id, "x"]);
  expandDocument(d, a);
  for (const net of d.networks) {
    const r = compileNetwork(d, net.id, a);
    if (!r.ok) continue;
    // A compiled topology only refers to layers defined before, and names are unique.
    const seen = new Set<string>();
    for (const layer of r.topology.config.layers) {
      for (const call of layer.inbound_nodes) for (const [name] of call) expect(seen.has(name)).toBe(true);
      expect(seen.has(layer.name)).toBe(false);
      seen.add(layer.name);
    }
    for (const [name] of [...r.topology.config.input_layers, ...r.topology.config.output_layers]) expect(seen.has(name)).toBe(true);
  }
}

describe("passes on random documents", () => {
  it("never throw on wildly random documents, and report only catalogued codes on existing nodes (seeded)", () => {
    fc.assert(fc.property(document, fc.nat(), (d, pick) => checkAll(d, analyze(d), pick)), { numRuns: 400, seed: 2024 });
  });

  it("never throw on plausible random networks, where most layers infer for real (seeded)", () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (seed, pick) => {
      const d = plausibleDocument(seed);
      checkAll(d, analyze(d), pick);
    }), { numRuns: 400, seed: 2025 });
  });
});
