/**
 * Applies a diagnostic's fix as one undoable step, labelled with the fix's own words. A layer a
 * fix inserts comes without a position (graph-ir knows no layout); it is placed between the
 * layers it is wired to, so "Insert Flatten" puts Flatten on the wire it cuts, not in a corner.
 */
import type { Fix } from "../../graph-ir/core/diagnostics.js";
import type { GraphDocument, GraphEdge } from "../../graph-ir/core/document.js";
import type { Edit, Position } from "../../graph-ir/core/edits.js";
import type { AppStore, EditOutcome } from "../store/app-store.js";
import { positionOf } from "./clipboard.js";

function connections(edits: readonly Edit[]): GraphEdge[] {
  return edits.flatMap((e) => (e.op === "connect" ? [e.edge] : e.op === "batch" ? connections(e.edits) : []));
}

/** The fix's edits, with a position for each added node that has none and is wired to placed nodes on both sides. */
export function placeInsertedNodes(doc: GraphDocument, edits: readonly Edit[]): Edit[] {
  const wires = connections(edits);
  const placed = (id: string) => doc.nodes.some((n) => n.id === id);
  const mean = (ids: readonly string[]): Position | undefined => {
    const ps = ids.filter(placed).map((id) => positionOf(doc, id));
    return ps.length ? [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length] : undefined;
  };
  const place = (e: Edit): Edit => {
    if (e.op === "batch") return { ...e, edits: e.edits.map(place) };
    if (e.op !== "addNode" || e.position !== undefined) return e;
    const before = mean(wires.filter((w) => w.to[0] === e.node.id).map((w) => w.from[0]));
    const after = mean(wires.filter((w) => w.from[0] === e.node.id).map((w) => w.to[0]));
    if (!before || !after) return e;
    return { ...e, position: [Math.round((before[0] + after[0]) / 2), Math.round((before[1] + after[1]) / 2)] };
  };
  return edits.map(place);
}

export function applyFix(app: AppStore, fix: Fix): EditOutcome {
  const edits = placeInsertedNodes(app.getState().document.doc, fix.edits);
  return app.getState().edit({ op: "batch", label: fix.label, edits }, fix.label);
}
