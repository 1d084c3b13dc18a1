import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../graph-ir/core/apply.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { STANDARD_BLOCKS } from "../../../graph-ir/blocks/library.js";
import { defineBlock } from "../../../graph-ir/blocks/types.js";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { defineLayer } from "../../../graph-ir/layers/types.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import type { Analysis, PassDiagnostic } from "../../../graph-ir/passes/types.js";
import { chain, codes, doc, net, node, wire } from "./builders.js";

const errors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === "error");
const only = (a: Analysis, code: string): PassDiagnostic => {
  const found = a.diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(a.diagnostics.map((d) => d.message))).toHaveLength(1);
  return found[0]!;
};

/** img 8x8x3 -> conv (4@3x3 same) -> {b1: 1x1 conv 2, b2: max pool 3x3 s1 same} -> concat -> gap -> fc (10). */
const branching = (): GraphDocument => doc({
  nodes: [
    node("img", "Input", { shape: [8, 8, 3] }),
    node("conv", "Conv2D", { filters: 4, kernelSize: [3, 3], padding: "same" }),
    node("b1", "Conv2D", { filters: 2, kernelSize: [1, 1] }),
    node("b2", "MaxPooling2D", { poolSize: [3, 3], strides: [1, 1], padding: "same" }),
    node("concat", "Concatenate", { inputs: 2 }),
    node("gap", "GlobalAveragePooling2D"),
    node("fc", "Dense", { units: 10 }),
  ],
  edges: [...chain("img", "conv", "b1"), wire("conv.y", "b2.x"), wire("b1.y", "concat.in0"), wire("b2.y", "concat.in1"), ...chain("concat", "gap", "fc")],
  networks: [net("net", ["img"], ["fc"])],
});

describe("analyze: shapes and counts", () => {
  it("infers every port's shape and counts weights in a branching conv net", () => {
    const a = analyze(branching());
    expect(a.diagnostics).toEqual([]);
    expect(a.order[0]).toBe("img");
    expect(a.order[a.order.length - 1]).toBe("fc");
    expect(a.nodes.get("conv")!.outputs).toEqual({ y: ["B", 8, 8, 4] });
    expect(a.nodes.get("concat")!.inputs).toEqual({ in0: ["B", 8, 8, 2], in1: ["B", 8, 8, 4] });
    expect(a.nodes.get("concat")!.outputs).toEqual({ y: ["B", 8, 8, 6] });
    expect(a.nodes.get("fc")!.outputs).toEqual({ y: ["B", 10] });
    // conv 3*3*3*4+4, b1 1*1*4*2+2, fc 6*10+10
    expect(a.nodes.get("conv")!.paramCount).toBe(112);
    expect(a.totals.params).toBe(112 + 10 + 70);
    expect(a.totals.flops).toBeGreaterThan(0);
    const s = a.networks.get("net")!;
    expect(s).toMatchObject({ params: 192, errors: 0, inputs: [{ nodeId: "img", shape: ["B", 8, 8, 3] }], outputs: [{ nodeId: "fc", port: "y", shape: ["B", 10] }] });
    expect(s.nodeIds).toEqual(a.order);
    for (const n of a.nodes.values()) expect(n.status).toBe("ok");
  });

  it("gives every output port of a multi-output layer its shape, and the ports follow the params", () => {
    const d = doc({
      nodes: [node("seq", "Input", { shape: [5, 3] }), node("lstm", "LSTM", { units: 7, returnState: true }), node("useH", "Dense", { units: 2 })],
      edges: [...chain("seq", "lstm"), wire("lstm.h", "useH.x")],
      networks: [net("n", ["seq"], ["lstm", "useH"])],
    });
    const a = analyze(d);
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get("lstm")!.outputs).toEqual({ y: ["B", 7], h: ["B", 7], c: ["B", 7] });
    expect(a.networks.get("n")!.outputs.map((o) => o.port)).toEqual(["y", "h", "c", "y"]);
    // Without returnState there is no port h: the wire from it is reported on its consumer.
    const off = applyEdits(d, [{ op: "setParam", id: "lstm", param: "returnState", value: false }]);
    if (!off.ok) throw new Error(off.error);
    const b = analyze(off.doc);
    const dg = only(b, "unknown-port");
    expect(dg).toMatchObject({ nodeId: "useH", port: "x" });
    expect(dg.message).toContain("output 'h' of 'lstm'");
    expect(dg.fixes![0]!.label).toBe("Wire from lstm.y instead");
  });
});

describe("analyze: one root cause", () => {
  it("reports a conv that does not fit its input once, and nothing downstream", () => {
    const d = branching();
    const bad = applyEdits(d, [{ op: "setParam", id: "conv", param: "kernelSize", value: [9, 9] }, { op: "setParam", id: "conv", param: "padding", value: "valid" }]);
    if (!bad.ok) throw new Error(bad.error);
    const a = analyze(bad.doc);
    expect(errors(a).map((e) => [e.code, e.nodeId])).toEqual([["shape-mismatch", "conv"]]);
    for (const id of ["b1", "b2", "concat", "gap", "fc"]) {
      expect(a.nodes.get(id)!.status).toBe("blocked");
      expect(a.nodes.get(id)!.outputs).toEqual({});
    }
    expect(a.networks.get("net")!.errors).toBe(1);
  });

  it("blocks the consumers of an unknown kind without reporting them", () => {
    const a = analyze(doc({ nodes: [node("in", "Input", { shape: [4] }), node("x", "Nope"), node("d", "Dense")], edges: chain("in", "x", "d") }));
    expect(codes(a.diagnostics).filter((c) => c !== "unconnected-output")).toEqual(["unknown-kind"]);
    expect(a.nodes.get("d")!.status).toBe("blocked");
  });

  it("stands a default in for a bad param and keeps inferring downstream", () => {
    const a = analyze(doc({ nodes: [node("in", "Input", { shape: [4] }), node("d", "Dense", { units: 1e9 }), node("e", "Dense", { units: 3 })], edges: chain("in", "d", "e"), networks: [net("n", ["in"], ["e"])] }));
    const dg = only(a, "bad-param");
    expect(dg.message).toBe("Dense 'd': units must be at most 1048576 (it is 1000000000); the default 64 stands in until it is fixed");
    expect(a.nodes.get("d")!.outputs).toEqual({ y: ["B", 64] });
    expect(a.nodes.get("e")!.paramCount).toBe(64 * 3 + 3);
  });

  it("does not cascade from a loop: nodes after it are blocked, not reported", () => {
    const a = analyze(doc({
      nodes: [node("in", "Input", { shape: [4] }), node("a", "Add"), node("b", "Dense", { units: 4 }), node("after", "Dense")],
      edges: [wire("in.y", "a.in0"), wire("b.y", "a.in1"), wire("a.y", "b.x"), wire("b.y", "after.x")],
      networks: [net("n", ["in"], ["after"])],
    }));
    expect(a.cycle).toEqual(["a", "b"]);
    expect(errors(a).map((e) => [e.code, e.nodeId])).toEqual([["cycle", "a"], ["cycle", "b"]]);
    expect(a.nodes.get("after")!.status).toBe("blocked");
    expect(a.order.slice(-3)).toEqual(["a", "b", "after"]);
  });
});

describe("analyze: fixes as edits", () => {
  it("turns insertBefore into one batch edit that adds, unwires and rewires", () => {
    const d = doc({ nodes: [node("img", "Input", { shape: [4, 4, 2] }), node("fc", "Dense", { units: 3 })], edges: chain("img", "fc"), networks: [net("n", ["img"], ["fc"])] });
    const dg = only(analyze(d), "shape-mismatch");
    expect(dg.fixes![0]).toEqual({
      label: "Insert Flatten",
      edits: [{
        op: "batch", label: "Insert Flatten",
        edits: [
          { op: "addNode", node: { id: "flatten_1", kind: "Flatten", params: {} } },
          { op: "disconnect", edge: wire("img.y", "fc.x") },
          { op: "connect", edge: wire("img.y", "flatten_1.x") },
          { op: "connect", edge: wire("flatten_1.y", "fc.x") },
        ],
      }],
    });
    for (const fix of dg.fixes!) {
      const r = applyEdits(d, fix.edits);
      if (!r.ok) throw new Error(r.error);
      const a = analyze(r.doc);
      expect(a.diagnostics).toEqual([]);
      expect(a.nodes.get("fc")!.outputs).toEqual({ y: ["B", 3] });
    }
  });

  it("fixes an Add of different channel counts with a projection", () => {
    const d = doc({
      nodes: [node("img", "Input", { shape: [8, 8, 3] }), node("wide", "Conv2D", { filters: 8, padding: "same" }), node("narrow", "Conv2D", { filters: 4, padding: "same" }), node("add", "Add")],
      edges: [...chain("img", "wide"), ...chain("img", "narrow"), wire("narrow.y", "add.in0"), wire("wide.y", "add.in1")],
      networks: [net("n", ["img"], ["add"])],
    });
    const dg = only(analyze(d), "shape-mismatch");
    expect(dg.port).toBe("in1");
    const r = applyEdits(d, dg.fixes![0]!.edits);
    if (!r.ok) throw new Error(r.error);
    const a = analyze(r.doc);
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get("add")!.outputs).toEqual({ y: ["B", 8, 8, 4] });
  });
});

describe("analyze: block instances", () => {
  /** A document block: Dense(units) -> Dropout(rate), params bound to the inner nodes. */
  const head = {
    title: "Head",
    inputs: ["x"], outputs: ["y"],
    params: { units: { default: 5, bind: [["fc", "units"]] as [string, string][] }, rate: { default: 0.5, bind: [["drop", "rate"]] as [string, string][] } },
    nodes: [node("fc", "Dense", { units: 1 }), node("drop", "Dropout")],
    edges: [wire("$in.x", "fc.x"), ...chain("fc", "drop"), wire("drop.y", "$out.y")],
  };
  const withHeads = (params: Record<string, number>[]) => doc({
    nodes: [node("in", "Input", { shape: [6] }), ...params.map((q, k) => node(`h${k}`, "Head", q))],
    edges: params.map((_, k) => wire("in.y", `h${k}.x`)),
    networks: [net("n", ["in"], params.map((_, k) => `h${k}`))],
    blocks: { Head: head },
  });

  it("binds instance params into the body and counts its weights", () => {
    const a = analyze(withHeads([{}, { units: 9 }]));
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get("h0")!.outputs).toEqual({ y: ["B", 5] });
    expect(a.nodes.get("h0")!.paramCount).toBe(6 * 5 + 5);
    expect(a.nodes.get("h1")!.outputs).toEqual({ y: ["B", 9] });
    expect(a.nodes.get("h1")!.body!.nodes.map((n) => [n.id, n.outputs])).toEqual([["fc", { y: ["B", 9] }], ["drop", { y: ["B", 9] }]]);
  });

  it("reports a bad value inside a block on the instance, naming the inner node, through the block param", () => {
    const d = withHeads([{ rate: 2 }]);
    const dg = only(analyze(d), "bad-param");
    expect(dg).toMatchObject({ nodeId: "h0", param: "rate", inner: ["drop"] });
    expect(dg.message).toBe("In Head 'h0': Dropout 'drop': rate must be at most 0.99 (it is 2); the default 0.5 stands in until it is fixed");
    expect(dg.fixes![0]!.edits).toEqual([{ op: "setParam", id: "h0", param: "rate", value: 0.5 }]);
    const r = applyEdits(d, dg.fixes![0]!.edits);
    if (!r.ok) throw new Error(r.error);
    expect(analyze(r.doc).diagnostics).toEqual([]);
  });

  it("analyses a body once for identical instances (nine inception modules)", () => {
    let builds = 0;
    const Counted = defineBlock({ ...STANDARD_BLOCKS.Inception, kind: "Counted", build: (q, i) => { builds++; return STANDARD_BLOCKS.Inception.build(q, i); } });
    const ids = Array.from({ length: 9 }, (_, k) => `inc${k}`);
    const d = doc({
      nodes: [node("img", "Input", { shape: [16, 16, 8] }), ...ids.map((id) => node(id, "Counted", { f1x1: 8 }))],
      edges: [wire("img.y", "inc0.x"), ...chain(...ids)],
      networks: [net("n", ["img"], ["inc8"])],
    });
    const a = analyze(d, { standardBlocks: { ...STANDARD_BLOCKS, Counted } });
    expect(a.diagnostics).toEqual([]);
    // inc0 sees 8 channels, the others the module's 8+128+32+32 = 200: two distinct bodies.
    expect(builds).toBe(2);
    expect(a.nodes.get("inc3")!.body).toBe(a.nodes.get("inc7")!.body);
    expect(a.nodes.get("inc8")!.outputs).toEqual({ y: ["B", 16, 16, 200] });
  });

  it("reports a standard block fed the wrong rank on the instance, with the inner node path", () => {
    const a = analyze(doc({ nodes: [node("v", "Input", { shape: [10] }), node("res", "ResidualBlock")], edges: chain("v", "res"), networks: [net("n", ["v"], ["res"])] }));
    const errs = errors(a);
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) {
      expect(e.nodeId).toBe("res");
      expect(e.inner!.length).toBeGreaterThan(0);
      expect(e.message).toMatch(/^In Residual block 'res': /);
    }
    expect(a.nodes.get("res")!.status).toBe("error");
  });

  it("reports a block output that nothing inside feeds", () => {
    const a = analyze(doc({
      nodes: [node("in", "Input", { shape: [3] }), node("b", "Open")], edges: chain("in", "b"), networks: [net("n", ["in"], ["b"])],
      blocks: { Open: { inputs: ["x"], outputs: ["y"], params: {}, nodes: [node("fc", "Dense")], edges: [wire("$in.x", "fc.x")] } },
    }));
    const missing = only(a, "missing-input");
    expect(missing).toMatchObject({ nodeId: "b", inner: [] });
    expect(missing.message).toContain("block output 'y' is not fed");
  });
});

describe("analyze: wiring", () => {
  it("refuses a wire into an Input, which takes none", () => {
    const a = analyze(doc({ nodes: [node("a", "Input", { shape: [2] }), node("b", "Input", { shape: [2] })], edges: [wire("a.y", "b.x")] }));
    expect(only(a, "unknown-port").message).toContain("it takes no inputs");
  });

  it("warns about a node whose output goes nowhere, with one fix per network", () => {
    const a = analyze(doc({ nodes: [node("in", "Input", { shape: [2] }), node("d", "Dense")], edges: chain("in", "d"), networks: [net("a", ["in"], []), net("b", ["in"], [])] }));
    const w = a.diagnostics.find((d) => d.code === "unconnected-output")!;
    expect(w.severity).toBe("warning");
    expect(w.fixes!.map((f) => f.label)).toEqual(["Make 'd' an output of network 'a'", "Make 'd' an output of network 'b'"]);
  });
});

describe("analyze: buggy rules", () => {
  it("turns a throwing ports rule, a bad count and a throwing block build into internal diagnostics on their nodes", () => {
    const base = { category: "core", summary: "Bug.", params: {}, flops: () => 0, toKeras: () => ({ className: "X", config: {} }) } as const;
    const BadPorts = defineLayer({ ...base, kind: "BadPorts", title: "Bad ports", ports: () => { throw new Error("no ports"); }, infer: ([x]) => ({ ok: true, shapes: [x!] }), paramCount: () => 0 });
    const BadCount = defineLayer({ ...base, kind: "BadCount", title: "Bad count", ports: () => ({ inputs: ["x"], outputs: ["y"] }), infer: ([x]) => ({ ok: true, shapes: [x!] }), paramCount: () => Object.create(null) as number });
    const BadBuild = defineBlock({ kind: "BadBuild", title: "Bad build", summary: "Bug.", params: {}, inputs: ["x"], outputs: ["y"], build: () => { throw new Error("cannot build"); } });
    const d = doc({
      nodes: [node("in", "Input", { shape: [3] }), node("p", "BadPorts"), node("c", "BadCount"), node("b", "BadBuild"), node("after", "Dense")],
      edges: [wire("in.y", "p.x"), wire("in.y", "c.x"), wire("in.y", "b.x"), wire("c.y", "after.x")],
      networks: [net("n", ["in"], ["p", "b", "after"])],
    });
    const a = analyze(d, { layers: { ...LAYERS, BadPorts, BadCount }, standardBlocks: { BadBuild } });
    expect(errors(a).map((e) => [e.code, e.nodeId])).toEqual([["internal", "p"], ["internal", "c"], ["internal", "b"]]);
    expect(a.nodes.get("p")!.diagnostics[0]!.message).toContain("no ports");
    expect(a.nodes.get("c")!.diagnostics[0]!.message).toContain("it gave an object");
    expect(a.nodes.get("b")!.diagnostics[0]!.message).toContain("cannot build");
    expect(a.nodes.get("after")!.status).toBe("blocked");
  });
});
