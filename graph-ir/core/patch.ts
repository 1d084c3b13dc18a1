/**
 * Exact, checked, invertible changes to a document (the "patch" edit). Compound edits compute a
 * patch and apply it; the undo is the same patch turned around, so undo is exact by
 * construction. A patch checks that the document holds what it expects before it changes
 * anything, so an undo step applied to the wrong document fails instead of corrupting it.
 */
import type { GraphDocument } from "./document.js";
import type { Edit, EntryPatch, ListPatch } from "./edits.js";

export type PatchEdit = Extract<Edit, { op: "patch" }>;

export type PatchResult = { readonly ok: true; readonly doc: GraphDocument } | { readonly ok: false; readonly error: string };

/** Deep equality of JSON-like values; a key holding undefined counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as readonly unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameValue(ao[k], bo[k]));
}

export function own<T>(rec: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

/** The patch that undoes `p`. */
export function invertPatch(p: PatchEdit, label = `Undo: ${p.label}`): PatchEdit {
  const list = <T>(l: ListPatch<T> | undefined) => (l ? { removed: l.inserted, inserted: l.removed } : undefined);
  const entries = <T>(es: readonly EntryPatch<T>[] | undefined) => es?.map((e) => ({ key: e.key, before: e.after, after: e.before })).reverse();
  return withoutUndefined({
    op: "patch",
    label,
    nodes: list(p.nodes),
    edges: list(p.edges),
    networks: list(p.networks),
    layout: entries(p.layout),
    blocks: entries(p.blocks),
    training: p.training ? { before: p.training.after, after: p.training.before } : undefined,
  });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

class PatchMismatch {
  constructor(readonly message: string) {}
}

function applyList<T>(items: readonly T[], patch: ListPatch<T> | undefined, what: string): readonly T[] {
  if (!patch || (patch.removed.length === 0 && patch.inserted.length === 0)) return items;
  let last = -1;
  const drop = new Set<number>();
  for (const [i, item] of patch.removed) {
    if (!Number.isInteger(i) || i <= last || i >= items.length) throw new PatchMismatch(`${what}[${i}] is not there`);
    if (!sameValue(items[i], item)) throw new PatchMismatch(`${what}[${i}] has changed`);
    drop.add(i);
    last = i;
  }
  const kept = drop.size ? items.filter((_, i) => !drop.has(i)) : items;
  const total = kept.length + patch.inserted.length;
  const out: T[] = [];
  let k = 0;
  let next = 0;
  last = -1;
  for (const [i] of patch.inserted) {
    if (!Number.isInteger(i) || i <= last || i >= total) throw new PatchMismatch(`${what}[${i}] cannot be put back`);
    last = i;
  }
  for (let j = 0; j < total; j++) {
    const ins = patch.inserted[next];
    if (ins && ins[0] === j) {
      out.push(ins[1]);
      next++;
    } else {
      out.push(kept[k++]!);
    }
  }
  return out;
}

function applyEntries<T>(rec: Readonly<Record<string, T>>, patches: readonly EntryPatch<T>[] | undefined, what: string): Readonly<Record<string, T>> {
  if (!patches || patches.length === 0) return rec;
  const out: Record<string, T> = { ...rec };
  for (const e of patches) {
    if (!sameValue(own(out, e.key), e.before)) throw new PatchMismatch(`${what} "${e.key}" has changed`);
    if (e.after === undefined) delete out[e.key];
    else out[e.key] = e.after;
  }
  return out;
}

/** Applies a patch, or says which part of the document no longer matches it. */
export function applyPatch(doc: GraphDocument, p: PatchEdit): PatchResult {
  try {
    const nodes = applyList(doc.nodes, p.nodes, "nodes");
    const edges = applyList(doc.edges, p.edges, "edges");
    const networks = applyList(doc.networks, p.networks, "networks");
    const layout = applyEntries(doc.layout, p.layout, "the position of");
    const blocks = applyEntries(doc.blocks, p.blocks, "block");
    let next: GraphDocument = { ...doc, nodes, edges, networks, layout, blocks };
    if (p.training) {
      if (!sameValue(doc.training, p.training.before)) throw new PatchMismatch("the training section has changed");
      const { training: _old, ...rest } = next;
      next = p.training.after === undefined ? rest : { ...rest, training: p.training.after };
    }
    return { ok: true, doc: next };
  } catch (e) {
    if (e instanceof PatchMismatch) return { ok: false, error: `"${p.label}" no longer fits this document: ${e.message}.` };
    throw e;
  }
}
