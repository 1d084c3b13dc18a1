import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { applyFix } from "../../../renderer/commands/apply-fix.js";
import { createAppStore } from "../../../renderer/store/app-store.js";

/** LeNet-5 with Flatten left out (s4 feeds c5 directly) and c3's filters out of bounds. */
function brokenLenet(): GraphDocument {
  const r = parseGraphFile(readFileSync(new URL("../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  const d = r.doc;
  const layout = { ...d.layout };
  delete layout["flatten"];
  return {
    ...d,
    nodes: d.nodes.filter((n) => n.id !== "flatten").map((n) => (n.id === "c3" ? { ...n, params: { ...n.params, filters: -3 } } : n)),
    edges: [...d.edges.filter((e) => e.from[0] !== "flatten" && e.to[0] !== "flatten"), { from: ["s4", "y"], to: ["c5", "x"] }],
    layout,
  };
}

describe("applying a diagnostic's fix", () => {
  it("inserts a layer as one undo step, placed on the wire it cuts", () => {
    const doc = brokenLenet();
    const store = createAppStore(doc);
    const mismatch = analyze(doc).diagnostics.find((d) => d.code === "shape-mismatch" && d.nodeId === "c5")!;
    const fix = mismatch.fixes!.find((f) => f.label === "Insert Flatten")!;
    expect(applyFix(store, fix)).toEqual({ ok: true });
    const after = store.getState().document.doc;
    const flatten = after.nodes.find((n) => n.kind === "Flatten")!;
    // Midway between s4 (800, 0) and c5 (1200, 0).
    expect(after.layout[flatten.id]).toEqual([1000, 0]);
    expect(analyze(after).diagnostics.map((d) => d.code)).toEqual(["bad-param"]);
    expect(store.getState().history.past.map((s) => s.label)).toEqual(["Insert Flatten"]);
    store.getState().undo();
    expect(store.getState().document.doc).toEqual(doc);
  });

  it("resets a bad param as one undo step", () => {
    const store = createAppStore(brokenLenet());
    const bad = analyze(store.getState().document.doc).diagnostics.find((d) => d.code === "bad-param")!;
    expect(bad).toMatchObject({ nodeId: "c3", param: "filters" });
    applyFix(store, bad.fixes![0]!);
    expect("filters" in store.getState().document.doc.nodes.find((n) => n.id === "c3")!.params).toBe(false);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it("leaves the document alone when a fix no longer applies", () => {
    const doc = brokenLenet();
    const store = createAppStore(doc);
    const r = applyFix(store, { label: "Remove a wire", edits: [{ op: "disconnect", edge: { from: ["ghost", "y"], to: ["c5", "x"] } }] });
    expect(r.ok).toBe(false);
    expect(store.getState().document.doc).toBe(doc);
    expect(store.getState().history.past).toEqual([]);
  });
});
