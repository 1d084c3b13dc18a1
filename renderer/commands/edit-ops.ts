/**
 * The document edits behind the editing commands (delete, group, ungroup), as pure functions
 * from a document and a selection to one labelled edit, so each command is one undo step and
 * tests drive exactly what the keyboard does.
 */
import { newBlockName, newNodeId } from "../../graph-ir/core/apply.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";

export interface PlannedEdit {
  readonly edit: Edit;
  readonly label: string;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The selected ids that exist, in document order (the order group and delete use). */
export function inDocOrder(doc: GraphDocument, ids: readonly string[]): string[] {
  const chosen = new Set(ids);
  return doc.nodes.filter((n) => chosen.has(n.id)).map((n) => n.id);
}

/** How undo labels name one node: its label when it has one, else its id. */
export function nodeName(doc: GraphDocument, id: string): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? id;
}

export function planDelete(doc: GraphDocument, ids: readonly string[]): PlannedEdit | undefined {
  const present = inDocOrder(doc, ids);
  if (present.length === 0) return undefined;
  const label = present.length === 1 ? `Delete ${nodeName(doc, present[0]!)}` : `Delete ${plural(present.length, "layer")}`;
  return { label, edit: { op: "batch", label, edits: present.map((id) => ({ op: "removeNode", id })) } };
}

/** Groups the selection into a new block ("Block", "Block_2"...) with one instance in its place. */
export function planGroup(doc: GraphDocument, ids: readonly string[]): (PlannedEdit & { readonly instanceId: string }) | undefined {
  const present = inDocOrder(doc, ids);
  if (present.length === 0) return undefined;
  const block = newBlockName(doc, "Block");
  const instanceId = newNodeId(doc, block);
  return { label: `Group ${plural(present.length, "layer")} into ${block}`, instanceId, edit: { op: "group", ids: present, block, instanceId } };
}

/** Selected nodes that are instances of blocks defined in this document (the ones that can be ungrouped). */
export function ungroupable(doc: GraphDocument, ids: readonly string[]): string[] {
  return inDocOrder(doc, ids).filter((id) => {
    const kind = doc.nodes.find((n) => n.id === id)!.kind;
    return Object.prototype.hasOwnProperty.call(doc.blocks, kind);
  });
}

export function planUngroup(doc: GraphDocument, ids: readonly string[]): PlannedEdit | undefined {
  const targets = ungroupable(doc, ids);
  if (targets.length === 0) return undefined;
  const label = targets.length === 1 ? `Ungroup ${nodeName(doc, targets[0]!)}` : `Ungroup ${plural(targets.length, "block")}`;
  const edit: Edit = targets.length === 1 ? { op: "ungroup", id: targets[0]! } : { op: "batch", label, edits: targets.map((id) => ({ op: "ungroup", id })) };
  return { label, edit };
}

/** Ids the ungroup of `ids` brings in (ungroup names inner nodes `${instance}_${inner}`). */
export function idsAfterUngroup(before: GraphDocument, after: GraphDocument): string[] {
  const old = new Set(before.nodes.map((n) => n.id));
  return after.nodes.filter((n) => !old.has(n.id)).map((n) => n.id);
}
