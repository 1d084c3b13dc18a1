/**
 * Del on the canvas: selected wires are disconnected and selected layers removed, as one undo
 * step. Wires into or out of a removed layer go with it, so only the others are disconnected.
 */
import type { GraphDocument, GraphEdge } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import { planDelete, plural } from "../commands/edit-ops.js";
import { edgeFromId, edgeId } from "./to-flow.js";

/** The undo label: "Delete c1", "Disconnect c1 → s2", "Delete 2 wires", "Delete c1 and 2 wires". */
export function deleteLabel(layers: string | undefined, wires: readonly GraphEdge[]): string {
  if (!layers) return wires.length === 1 ? `Disconnect ${wires[0]!.from[0]} → ${wires[0]!.to[0]}` : `Delete ${plural(wires.length, "wire")}`;
  return wires.length ? `${layers} and ${plural(wires.length, "wire")}` : layers;
}

export function planDeleteSelection(doc: GraphDocument, nodeIds: readonly string[], wireIds: Iterable<string>): { edit: Edit; label: string } | undefined {
  const gone = new Set(nodeIds);
  const present = new Set(doc.edges.map(edgeId));
  const cut: GraphEdge[] = [];
  for (const id of wireIds) {
    const e = edgeFromId(id);
    if (e && present.has(id) && !gone.has(e.from[0]) && !gone.has(e.to[0])) cut.push(e);
  }
  const layers = planDelete(doc, nodeIds);
  const parts: Edit[] = [...cut.map((edge): Edit => ({ op: "disconnect", edge })), ...(layers ? [layers.edit] : [])];
  if (parts.length === 0) return undefined;
  const label = deleteLabel(layers?.label, cut);
  return { label, edit: parts.length === 1 ? parts[0]! : { op: "batch", label, edits: parts } };
}
