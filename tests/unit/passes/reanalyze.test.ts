/**
 * reanalyze(prev, doc, changed) must equal analyze(doc) after any edit, while re-inferring only
 * downstream of the change and stopping where outputs come out the same.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { applyEdit } from "../../../graph-ir/core/apply.js";
import type { GraphDocument, ParamValue } from "../../../graph-ir/core/document.js";
import type { Edit } from "../../../graph-ir/core/edits.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import type { ParamSpec } from "../../../graph-ir/core/params.js";
import { analyze, reanalyze } from "../../../graph-ir/passes/analyze.js";
import { resolveKind, kindEnv } from "../../../graph-ir/passes/resolve.js";
import type { Analysis } from "../../../graph-ir/passes/types.js";
import { generateConvNet, rng } from "../../support/generate.js";
import { wire } from "./builders.js";

/** Everything an analysis means (its internal caches aside). */
const view = (a: Analysis) => ({ order: a.order, nodes: [...a.nodes], diagnostics: a.diagnostics, totals: a.totals, networks: [...a.networks], cycle: a.cycle });

function fixture(name: string): GraphDocument {
  const r = parseGraphFile(readFileSync(`tests/fixtures/${name}.layerloom.json`, "utf8"));
  if (!r.ok) throw new Error(`fixture ${name}: ${r.error.message}`);
  return r.doc;
}

/** A value for a param: usually in range, sometimes out of range or of the wrong type. */
function randomValue(spec: ParamSpec | undefined, rand: () => number): ParamValue | undefined {
  const roll = rand();
  if (roll < 0.08) return undefined;
  if (roll < 0.14) return rand() < 0.5 ? "bogus" : true;
  if (!spec) return Math.floor(rand() * 10);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  switch (spec.type) {
    case "int": return rand() < 0.15 ? int(-3, 0) : int(Math.max(spec.min ?? 1, 1), Math.min(spec.max ?? 64, 64));
    case "float": return rand() < 0.15 ? -1 : Math.round(rand() * 100) / 100;
    case "bool": return rand() < 0.5;
    case "enum": return rand() < 0.1 ? "nope" : spec.options[int(0, spec.options.length - 1)]!;
    case "intTuple": {
      const n = rand() < 0.1 ? int(0, 5) : int(spec.minLength, spec.maxLength);
      return Array.from({ length: n }, () => (rand() < 0.1 ? 0 : int(1, 7)));
    }
  }
}

/** A random param edit on a random node; sometimes a param the node does not have. */
function randomParamEdit(d: GraphDocument, rand: () => number): Edit {
  const n = d.nodes[Math.floor(rand() * d.nodes.length)]!;
  const r = resolveKind(kindEnv(d), n.kind);
  const specs: Record<string, ParamSpec | undefined> = r?.type === "layer" ? r.def.params : r?.type === "standard" ? r.block.params : {};
  const names = [...Object.keys(specs), ...(r?.type === "block" ? Object.keys(r.block.params) : [])];
  const param = names.length && rand() > 0.05 ? names[Math.floor(rand() * names.length)]! : "notAParam";
  return { op: "setParam", id: n.id, param, value: randomValue(specs[param], rand) };
}

/** A structural edit: the fallback path must agree too. */
function randomStructuralEdit(d: GraphDocument, rand: () => number): Edit {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const roll = rand();
  if (roll < 0.4 && d.edges.length) return { op: "disconnect", edge: pick(d.edges) };
  if (roll < 0.8) return { op: "connect", edge: wire(`${pick(d.nodes).id}.y`, `${pick(d.nodes).id}.x`) };
  return { op: "removeNode", id: pick(d.nodes).id };
}

function checkEdits(start: GraphDocument, seed: number, steps: number, structural: number): void {
  const rand = rng(seed);
  let d = start;
  let a = analyze(d);
  for (let s = 0; s < steps; s++) {
    const edit = rand() < structural ? randomStructuralEdit(d, rand) : randomParamEdit(d, rand);
    const r = applyEdit(d, edit);
    if (!r.ok) continue;
    const changed = edit.op === "setParam" ? [edit.id] : [];
    a = reanalyze(a, r.doc, changed);
    d = r.doc;
    expect(view(a)).toEqual(view(analyze(d)));
  }
}

describe("reanalyze", () => {
  it("equals a full analysis after random param edits on a generated conv net (seeded)", () => {
    const d = generateConvNet(150, 3);
    fc.assert(fc.property(fc.integer(), (seed) => checkEdits(d, seed, 12, 0)), { numRuns: 25, seed: 11 });
  });

  it("equals a full analysis after random param edits on GoogLeNet-mini (document and standard blocks)", () => {
    const d = fixture("googlenet-mini");
    fc.assert(fc.property(fc.integer(), (seed) => checkEdits(d, seed, 8, 0)), { numRuns: 15, seed: 12 });
  });

  it("equals a full analysis when edits also rewire, loop and delete (seeded)", () => {
    const d = generateConvNet(60, 5);
    fc.assert(fc.property(fc.integer(), (seed) => checkEdits(d, seed, 15, 0.3)), { numRuns: 25, seed: 13 });
  });

  it("re-infers only the edited node when its outputs do not change", () => {
    const d = generateConvNet(400, 9);
    const a = analyze(d);
    const conv = d.nodes.filter((n) => n.kind === "Conv2D")[20]!;
    const r = applyEdit(d, { op: "setParam", id: conv.id, param: "activation", value: "tanh" });
    if (!r.ok) throw new Error(r.error);
    const b = reanalyze(a, r.doc, [conv.id]);
    const fresh = [...b.nodes].filter(([id, n]) => n !== a.nodes.get(id)).map(([id]) => id);
    expect(fresh).toEqual([conv.id]);
    expect(b.nodes.get(conv.id)!.params.activation).toBe("tanh");
  });

  it("re-infers downstream while shapes change, and stops where they no longer do", () => {
    // in -> c1 -> c2 -> gap -> fc: widening c1 changes c2's weights but not c2's output shape.
    const d: GraphDocument = {
      format: "layerloom-graph", version: 1, name: "t", blocks: {}, layout: {},
      nodes: [
        { id: "in", kind: "Input", params: { shape: [8, 8, 3] } },
        { id: "c1", kind: "Conv2D", params: { filters: 4, padding: "same" } },
        { id: "c2", kind: "Conv2D", params: { filters: 6, padding: "same" } },
        { id: "gap", kind: "GlobalAveragePooling2D", params: {} },
        { id: "fc", kind: "Dense", params: { units: 2 } },
      ],
      edges: [wire("in.y", "c1.x"), wire("c1.y", "c2.x"), wire("c2.y", "gap.x"), wire("gap.y", "fc.x")],
      networks: [{ id: "n", inputs: ["in"], outputs: ["fc"] }],
    };
    const a = analyze(d);
    const r = applyEdit(d, { op: "setParam", id: "c1", param: "filters", value: 5 });
    if (!r.ok) throw new Error(r.error);
    const b = reanalyze(a, r.doc, ["c1"]);
    const fresh = [...b.nodes].filter(([id, n]) => n !== a.nodes.get(id)).map(([id]) => id);
    expect(fresh).toEqual(["c1", "c2"]);
    expect(b.nodes.get("c2")!.paramCount).toBe(3 * 3 * 5 * 6 + 6);
    expect(b.totals.params).toBe(analyze(r.doc).totals.params);
  });

  it("returns the previous analysis for the same document, and re-checks training when only it changed", () => {
    const d = generateConvNet(20, 1);
    const a = analyze(d);
    expect(reanalyze(a, d, [])).toBe(a);
    const withTraining: GraphDocument = {
      ...d,
      training: { recipe: "supervised", networks: { model: "net" }, dataset: "x", losses: [{ output: "input0", loss: "mse", weight: 1 }], optimizer: { kind: "sgd", learningRate: 0.1 }, batchSize: 1, epochs: 1 },
    };
    expect(reanalyze(a, withTraining, []).diagnostics.map((x) => x.code)).toEqual(["loss-unknown-output"]);
  });
});
