/**
 * Every diagnostic code of the catalogue, produced by a graph that has exactly that problem:
 * right code, severity, node/port/param, a message naming the node; and where a fix is offered,
 * applying it (with the real applyEdits) makes the problem go away.
 */
import { describe, expect, it } from "vitest";
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { applyEdits } from "../../../graph-ir/core/apply.js";
import { p, MAX_DIM } from "../../../graph-ir/core/params.js";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { defineLayer, ok } from "../../../graph-ir/layers/types.js";
import { STANDARD_BLOCKS } from "../../../graph-ir/blocks/library.js";
import { defineBlock } from "../../../graph-ir/blocks/types.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { CODES, helpFor, type DiagnosticCode } from "../../../graph-ir/passes/codes.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { expandNodes } from "../../../graph-ir/passes/expand.js";
import type { AnalyzeOptions, PassDiagnostic } from "../../../graph-ir/passes/types.js";
import { chain, doc, net, node, wire } from "./builders.js";

/** A layer whose shape rule throws: a bug that must become an "internal" diagnostic. */
const Buggy = defineLayer({
  kind: "Buggy", title: "Buggy", category: "core", summary: "Throws.", params: {},
  ports: () => ({ inputs: ["x"], outputs: ["y"] }),
  infer: () => { throw new Error("boom"); },
  paramCount: () => 0, flops: () => 0, toKeras: () => ({ className: "Buggy", config: {} }),
});
/** A layer that gives a dimension of size 0 without saying why. */
const Shrink = defineLayer({
  kind: "Shrink", title: "Shrink", category: "core", summary: "Empties.", params: {},
  ports: () => ({ inputs: ["x"], outputs: ["y"] }),
  infer: ([x]) => ok([x![0]!, 0]),
  paramCount: () => 0, flops: () => 0, toKeras: () => ({ className: "Shrink", config: {} }),
});
/** A standard block that builds an instance of itself: nests until the depth limit. */
const Nest = defineBlock({
  kind: "Nest", title: "Nest", summary: "Contains itself.", params: { n: p.int(1, 1, 10) }, inputs: ["x"], outputs: ["y"],
  build: () => ({ nodes: [node("inner", "Nest")], edges: [wire("$in.x", "inner.x"), wire("inner.y", "$out.y")] }),
});
const options: AnalyzeOptions = { layers: { ...LAYERS, Buggy, Shrink }, standardBlocks: { ...STANDARD_BLOCKS, Nest } };

const vec = (id: string, n = 8) => node(id, "Input", { shape: [n] });
const img = (id: string) => node(id, "Input", { shape: [8, 8, 3] });
const training = (networks: Record<string, string>, output: string): TrainingSpec => ({
  recipe: "supervised", networks, dataset: "synthetic:shapes-10",
  losses: [{ output, loss: "categoricalCrossentropy", weight: 1 }],
  optimizer: { kind: "sgd", learningRate: 0.01 }, batchSize: 8, epochs: 1,
});
/** in -> d (Dense), a valid base graph. */
const base = (extra: Partial<Parameters<typeof doc>[0]> = {}) =>
  doc({ nodes: [vec("in"), node("d", "Dense", { units: 4 })], edges: chain("in", "d"), networks: [net("n", ["in"], ["d"])], ...extra });

interface Row {
  readonly code: DiagnosticCode;
  readonly doc: GraphDocument;
  /** Where the diagnostic must point. */
  readonly at: Partial<Pick<PassDiagnostic, "nodeId" | "port" | "param" | "network">>;
  /** A word the message must contain (beyond the node id). */
  readonly says: string;
  /** Whether applying the first fix must clear it. */
  readonly fix?: boolean;
  /** How to get the diagnostics, when not from analyze(). */
  readonly run?: (d: GraphDocument) => readonly PassDiagnostic[];
}

const recursiveBlock = { inputs: ["x"], outputs: ["y"], params: {}, nodes: [node("again", "Loop")], edges: [wire("$in.x", "again.x"), wire("again.y", "$out.y")] };

const table: Row[] = [
  { code: "unknown-kind", doc: doc({ nodes: [vec("in"), node("d", "Dence")], edges: chain("in", "d") }), at: { nodeId: "d" }, says: "did you mean Dense?" },
  { code: "bad-param", doc: base({ nodes: [vec("in"), node("d", "Dense", { units: 0 })] }), at: { nodeId: "d", param: "units" }, says: "at least 1", fix: true },
  { code: "unknown-param", doc: base({ nodes: [vec("in"), node("d", "Dense", { unit: 4 })] }), at: { nodeId: "d", param: "unit" }, says: "did you mean 'units'", fix: true },
  { code: "duplicate-id", doc: base({ nodes: [vec("in"), node("d", "Dense"), node("d", "Dropout")] }), at: { nodeId: "d" }, says: "share the id" },
  { code: "missing-input", doc: base({ edges: [] }), at: { nodeId: "d", port: "x" }, says: "needs an input" },
  { code: "dangling-edge", doc: base({ edges: [...chain("in", "d"), wire("d.y", "ghost.x")] }), at: { nodeId: "d", port: "y" }, says: "'ghost', which does not exist", fix: true },
  { code: "unknown-port", doc: base({ edges: [...chain("in", "d"), wire("in.y", "d.z")] }), at: { nodeId: "d", port: "z" }, says: "has no input 'z'", fix: true },
  { code: "duplicate-input", doc: base({ nodes: [vec("in"), vec("in2"), node("d", "Dense")], edges: [...chain("in", "d"), wire("in2.y", "d.x")], networks: [net("n", ["in", "in2"], ["d"])] }), at: { nodeId: "d", port: "x" }, says: "fed by 2 wires", fix: true },
  { code: "cycle", doc: base({ nodes: [vec("in"), node("a", "Dense"), node("d", "Dense")], edges: [wire("a.y", "d.x"), wire("d.y", "a.x")] }), at: { nodeId: "d" }, says: "part of a loop", fix: true },
  { code: "shape-mismatch", doc: base({ nodes: [img("in"), node("d", "Dense")] }), at: { nodeId: "d", port: "x" }, says: "B×8×8×3", fix: true },
  { code: "empty-output", doc: base({ nodes: [vec("in"), node("d", "Shrink")] }), at: { nodeId: "d", port: "y" }, says: "size 0" },
  { code: "too-large", doc: base({ nodes: [vec("in", MAX_DIM), node("d", "Dense", { units: MAX_DIM })] }), at: { nodeId: "d" }, says: "weights, beyond the limit" },
  { code: "internal", doc: base({ nodes: [vec("in"), node("d", "Buggy")] }), at: { nodeId: "d" }, says: "boom" },
  { code: "unconnected-output", doc: base({ nodes: [vec("in"), node("d", "Dense"), node("extra", "Dense")], edges: [...chain("in", "d"), wire("in.y", "extra.x")] }), at: { nodeId: "extra" }, says: "goes nowhere", fix: true },
  { code: "block-recursive", doc: base({ nodes: [vec("in"), node("d", "Loop")], blocks: { Loop: recursiveBlock } }), at: { nodeId: "d" }, says: "Loop → Loop" },
  { code: "block-too-deep", doc: base({ nodes: [vec("in"), node("d", "Nest")] }), at: { nodeId: "d" }, says: "nested more than 16" },
  {
    code: "block-bad-binding",
    doc: base({ nodes: [vec("in"), node("d", "Head")], blocks: { Head: { inputs: ["x"], outputs: ["y"], params: { units: { default: 3, bind: [["fc", "units"], ["ghost", "units"]] } }, nodes: [node("fc", "Dense")], edges: [wire("$in.x", "fc.x"), wire("fc.y", "$out.y")] } } }),
    at: { nodeId: "d", param: "units" }, says: "no node 'ghost'",
  },
  { code: "block-shadowed", doc: base({ blocks: { Dense: { inputs: ["x"], outputs: ["y"], params: {}, nodes: [], edges: [wire("$in.x", "$out.y")] } } }), at: {}, says: "name of a layer" },
  { code: "network-unknown-node", doc: base({ networks: [net("n", ["in"], ["d", "ghost"])] }), at: { network: "n" }, says: "'ghost', which is not a node", fix: true },
  { code: "network-bad-input", doc: base({ networks: [net("n", ["in", "d"], ["d"])] }), at: { network: "n", nodeId: "d" }, says: "only Input and Latent noise", fix: true },
  {
    code: "network-missing-input",
    doc: base({ nodes: [vec("in"), vec("in2"), node("add", "Add"), node("d", "Dense")], edges: [wire("in.y", "add.in0"), wire("in2.y", "add.in1"), wire("add.y", "d.x")], networks: [net("n", ["in"], ["d"])] }),
    at: { network: "n", nodeId: "in2" }, says: "not among its inputs", fix: true,
  },
  { code: "network-no-outputs", doc: base({ networks: [net("n", ["in"], []), net("m", ["in"], ["d"])] }), at: { network: "n" }, says: "no outputs" },
  { code: "network-duplicate-id", doc: base({ networks: [net("n", ["in"], ["d"]), net("n", ["in"], ["d"])] }), at: { network: "n" }, says: "share the id" },
  { code: "unknown-network", doc: base(), at: { network: "nope" }, says: "networks: n", run: (d) => { const r = compileNetwork(d, "nope"); return r.ok ? [] : r.diagnostics; } },
  { code: "training-unknown-network", doc: base({ training: training({ model: "nope" }, "d") }), at: { network: "nope" }, says: "binds model" },
  { code: "loss-unknown-output", doc: base({ nodes: [vec("in"), node("h", "Dense"), node("d", "Dense")], edges: chain("in", "h", "d"), training: training({ model: "n" }, "h") }), at: { nodeId: "h" }, says: "not an output of", fix: true },
  {
    code: "id-collision",
    doc: base({ nodes: [vec("in"), node("b", "Pass"), node("b/fc", "Dense"), node("d", "Add")], edges: [wire("in.y", "b.x"), wire("in.y", "b/fc.x"), wire("b.y", "d.in0"), wire("b/fc.y", "d.in1")], blocks: { Pass: { inputs: ["x"], outputs: ["y"], params: {}, nodes: [node("fc", "Dense")], edges: [wire("$in.x", "fc.x"), wire("fc.y", "$out.y")] } } }),
    at: {}, says: "'b/fc'", run: (d) => { const r = expandNodes(analyze(d, options)); return r.ok ? [] : r.diagnostics; },
  },
];

const find = (ds: readonly PassDiagnostic[], row: Row) => ds.find((d) => d.code === row.code && Object.entries(row.at).every(([k, v]) => d[k as keyof PassDiagnostic] === v));

describe("diagnostic codes", () => {
  it("the table covers every code of the catalogue, and every code has help", () => {
    expect(new Set(table.map((r) => r.code))).toEqual(new Set(Object.keys(CODES)));
    for (const code of Object.keys(CODES)) expect(helpFor(code)!.length).toBeGreaterThan(20);
  });

  it.each(table)("$code", (row) => {
    const ds = row.run ? row.run(row.doc) : analyze(row.doc, options).diagnostics;
    const d = find(ds, row);
    expect(d, `no ${row.code} at ${JSON.stringify(row.at)} in ${JSON.stringify(ds.map((x) => `${x.code}: ${x.message}`))}`).toBeDefined();
    expect(d!.severity).toBe(CODES[row.code].severity);
    expect(d!.message).toContain(row.says);
    if (d!.nodeId) expect(d!.message).toContain(d!.nodeId);
    if (!row.fix) return;
    expect(d!.fixes?.length).toBeGreaterThan(0);
    const applied = applyEdits(row.doc, d!.fixes![0]!.edits);
    if (!applied.ok) throw new Error(applied.error);
    expect(find(analyze(applied.doc, options).diagnostics, row)).toBeUndefined();
  });
});
