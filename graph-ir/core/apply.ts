/**
 * Applies document edits (edits.ts) as pure functions: the input document is never changed, and
 * every applied edit comes back with the edit that undoes it exactly (the documents are
 * deep-equal after an edit and its inverse, list order included). An edit that cannot apply
 * (duplicate id, unknown node, edge already present, a value no file could hold) returns an
 * error instead of throwing, so the document that results from edits can always be saved and
 * opened again.
 */
import type { z } from "zod";
import type { BlockDef, GraphDocument, GraphEdge, GraphNode, NetworkDef, ParamValue } from "./document.js";
import type { Edit, EntryPatch, ListPatch, Position } from "./edits.js";
import { planGroup, planUngroup } from "./group.js";
import { applyPatch, invertPatch, own, type PatchEdit } from "./patch.js";
import { ID_RULE, LIMITS, PARAM_VALUE_RULE, blockDefSchema, describeIssue, edgeSchema, formatPath, isSafeId, networkSchema, nodeSchema, paramValueSchema, valueAt } from "./schema.js";

export type ApplyResult =
  | { readonly ok: true; readonly doc: GraphDocument; readonly inverse: Edit }
  | { readonly ok: false; readonly error: string };

const fail = (error: string): ApplyResult => ({ ok: false, error });
const done = (doc: GraphDocument, inverse: Edit): ApplyResult => ({ ok: true, doc, inverse });

/** The first schema problem of a value an edit brings in, as "path: what is wrong". */
function problem(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? `${formatPath(issue.path)} ` : "";
  return `${where}${describeIssue(issue, valueAt(value, issue.path))}`;
}

const isPosition = (p: Position) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === "number" && Number.isFinite(x));
const sameEdge = (a: GraphEdge, b: GraphEdge) => a.from[0] === b.from[0] && a.from[1] === b.from[1] && a.to[0] === b.to[0] && a.to[1] === b.to[1];
const showEdge = (e: GraphEdge) => `${e.from[0]}.${e.from[1]} → ${e.to[0]}.${e.to[1]}`;

function omit<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const out = { ...o };
  delete out[key];
  return out;
}

/** Applies a patch and returns its exact inverse. */
function viaPatch(doc: GraphDocument, patch: PatchEdit, undoLabel: string): ApplyResult {
  const r = applyPatch(doc, patch);
  return r.ok ? done(r.doc, invertPatch(patch, undoLabel)) : r;
}

function replaceNode(doc: GraphDocument, index: number, node: GraphNode): GraphDocument {
  const nodes = doc.nodes.slice();
  nodes[index] = node;
  return { ...doc, nodes };
}

function addNode(doc: GraphDocument, node: GraphNode, position: Position | undefined): ApplyResult {
  const bad = problem(nodeSchema, node);
  if (bad) return fail(`Cannot add node "${String(node?.id)}": ${bad}.`);
  if (doc.nodes.some((n) => n.id === node.id)) return fail(`A node "${node.id}" already exists; give the new node another id.`);
  if (doc.nodes.length >= LIMITS.nodes) return fail(`A graph holds at most ${LIMITS.nodes} nodes.`);
  if (position !== undefined && !isPosition(position)) return fail(`The position of "${node.id}" must be two finite numbers.`);
  // A leftover position under this id is replaced, so undo can put it back exactly.
  const before = own(doc.layout, node.id);
  const layout: EntryPatch<Position>[] = before === undefined && position === undefined ? [] : [{ key: node.id, before, after: position }];
  return viaPatch(doc, { op: "patch", label: `Add ${node.id}`, nodes: { removed: [], inserted: [[doc.nodes.length, node]] }, layout }, `Remove ${node.id}`);
}

function removeNode(doc: GraphDocument, id: string): ApplyResult {
  const at = doc.nodes.findIndex((n) => n.id === id);
  if (at < 0) return fail(`There is no node "${id}" to remove.`);
  const edges: ListPatch<GraphEdge> = { removed: doc.edges.flatMap((e, i) => (e.from[0] === id || e.to[0] === id ? [[i, e] as const] : [])), inserted: [] };
  const changed = doc.networks.flatMap((n, i) => (n.inputs.includes(id) || n.outputs.includes(id) ? [[i, n] as const] : []));
  const networks = {
    removed: changed,
    inserted: changed.map(([i, n]) => [i, { ...n, inputs: n.inputs.filter((x) => x !== id), outputs: n.outputs.filter((x) => x !== id) }] as const),
  };
  const t = doc.training;
  const training = t?.losses.some((l) => l.output === id) ? { before: t, after: { ...t, losses: t.losses.filter((l) => l.output !== id) } } : undefined;
  const position = own(doc.layout, id);
  return viaPatch(
    doc,
    {
      op: "patch",
      label: `Remove ${id}`,
      nodes: { removed: [[at, doc.nodes[at]!]], inserted: [] },
      edges,
      ...(changed.length ? { networks } : {}),
      ...(training ? { training } : {}),
      layout: position ? [{ key: id, before: position, after: undefined }] : [],
    },
    `Restore ${id}`,
  );
}

function connect(doc: GraphDocument, edge: GraphEdge): ApplyResult {
  const bad = problem(edgeSchema, edge);
  if (bad) return fail(`Cannot connect: ${bad}.`);
  for (const end of [edge.from[0], edge.to[0]]) {
    if (!doc.nodes.some((n) => n.id === end)) return fail(`Cannot connect ${showEdge(edge)}: there is no node "${end}".`);
  }
  if (doc.edges.some((e) => sameEdge(e, edge))) return fail(`${showEdge(edge)} is already connected.`);
  if (doc.edges.length >= LIMITS.edges) return fail(`A graph holds at most ${LIMITS.edges} edges.`);
  return done({ ...doc, edges: [...doc.edges, edge] }, { op: "disconnect", edge });
}

function disconnect(doc: GraphDocument, edge: GraphEdge): ApplyResult {
  const at = doc.edges.findIndex((e) => sameEdge(e, edge));
  if (at < 0) return fail(`${showEdge(edge)} is not connected, so there is nothing to disconnect.`);
  return viaPatch(doc, { op: "patch", label: `Disconnect ${showEdge(edge)}`, edges: { removed: [[at, doc.edges[at]!]], inserted: [] } }, `Connect ${showEdge(edge)}`);
}

function setParam(doc: GraphDocument, id: string, param: string, value: ParamValue | undefined): ApplyResult {
  const at = doc.nodes.findIndex((n) => n.id === id);
  const node = doc.nodes[at];
  if (!node) return fail(`There is no node "${id}" to set "${param}" on.`);
  if (!isSafeId(param)) return fail(`The param name "${param}" ${ID_RULE}.`);
  if (value !== undefined && !paramValueSchema.safeParse(value).success) return fail(`"${param}" of node "${id}" ${PARAM_VALUE_RULE}.`);
  const old = own(node.params, param);
  if (old === undefined && value !== undefined && Object.keys(node.params).length >= LIMITS.paramsPerNode) {
    return fail(`Node "${id}" holds at most ${LIMITS.paramsPerNode} params.`);
  }
  // Spreading keeps an existing key in its place, so undo gives back the same params object.
  const params = value === undefined ? omit(node.params, param) : { ...node.params, [param]: value };
  return done(replaceNode(doc, at, { ...node, params }), { op: "setParam", id, param, value: old });
}

function move(doc: GraphDocument, id: string, position: Position | undefined): ApplyResult {
  if (!doc.nodes.some((n) => n.id === id)) return fail(`There is no node "${id}" to move.`);
  if (position !== undefined && !isPosition(position)) return fail(`The position of "${id}" must be two finite numbers.`);
  const old = own(doc.layout, id);
  const layout = position === undefined ? omit(doc.layout, id) : { ...doc.layout, [id]: position };
  return done({ ...doc, layout }, { op: "move", id, position: old });
}

function rename(doc: GraphDocument, id: string, label: string | undefined): ApplyResult {
  const at = doc.nodes.findIndex((n) => n.id === id);
  const node = doc.nodes[at];
  if (!node) return fail(`There is no node "${id}" to rename.`);
  if (label !== undefined && (typeof label !== "string" || label.length > LIMITS.text)) return fail(`The label of "${id}" must be a text of at most ${LIMITS.text} characters.`);
  const next = label === undefined ? omit(node, "label") : { ...node, label };
  return done(replaceNode(doc, at, next), { op: "rename", id, label: node.label });
}

function putBlock(doc: GraphDocument, name: string, block: BlockDef | undefined): ApplyResult {
  if (!isSafeId(name)) return fail(`The block name "${name}" ${ID_RULE}.`);
  const old = own(doc.blocks, name);
  if (block === undefined) {
    if (!old) return fail(`There is no block "${name}" to remove.`);
    return done({ ...doc, blocks: omit(doc.blocks, name) }, { op: "putBlock", name, block: old });
  }
  const bad = problem(blockDefSchema, block);
  if (bad) return fail(`Block "${name}": ${bad}.`);
  if (!old && Object.keys(doc.blocks).length >= LIMITS.blocks) return fail(`A document holds at most ${LIMITS.blocks} blocks.`);
  return done({ ...doc, blocks: { ...doc.blocks, [name]: block } }, { op: "putBlock", name, block: old });
}

function putNetwork(doc: GraphDocument, id: string, network: NetworkDef | undefined): ApplyResult {
  if (!isSafeId(id)) return fail(`The network id "${id}" ${ID_RULE}.`);
  const at = doc.networks.findIndex((n) => n.id === id);
  const old = doc.networks[at];
  if (network === undefined) {
    if (!old) return fail(`There is no network "${id}" to remove.`);
    return viaPatch(doc, { op: "patch", label: `Remove network ${id}`, networks: { removed: [[at, old]], inserted: [] } }, `Restore network ${id}`);
  }
  if (network.id !== id) return fail(`The network given for "${id}" has the id "${network.id}"; they must match.`);
  const bad = problem(networkSchema, network);
  if (bad) return fail(`Network "${id}": ${bad}.`);
  if (!old) {
    if (doc.networks.length >= LIMITS.networks) return fail(`A document holds at most ${LIMITS.networks} networks.`);
    return done({ ...doc, networks: [...doc.networks, network] }, { op: "putNetwork", id, network: undefined });
  }
  const networks = doc.networks.slice();
  networks[at] = network;
  return done({ ...doc, networks }, { op: "putNetwork", id, network: old });
}

function batch(doc: GraphDocument, label: string, edits: readonly Edit[]): ApplyResult {
  const inverses: Edit[] = [];
  let cur = doc;
  for (const [i, edit] of edits.entries()) {
    const r = applyEdit(cur, edit);
    if (!r.ok) return fail(edits.length > 1 ? `${label} (step ${i + 1} of ${edits.length}): ${r.error}` : r.error);
    cur = r.doc;
    inverses.push(r.inverse);
  }
  return done(cur, { op: "batch", label: `Undo: ${label}`, edits: inverses.reverse() });
}

/** Applies one edit. Never throws for a bad edit and never changes `doc`. */
export function applyEdit(doc: GraphDocument, edit: Edit): ApplyResult {
  switch (edit.op) {
    case "addNode": return addNode(doc, edit.node, edit.position);
    case "removeNode": return removeNode(doc, edit.id);
    case "connect": return connect(doc, edit.edge);
    case "disconnect": return disconnect(doc, edit.edge);
    case "setParam": return setParam(doc, edit.id, edit.param, edit.value);
    case "move": return move(doc, edit.id, edit.position);
    case "rename": return rename(doc, edit.id, edit.label);
    case "putBlock": return putBlock(doc, edit.name, edit.block);
    case "putNetwork": return putNetwork(doc, edit.id, edit.network);
    case "group": {
      const plan = planGroup(doc, edit.ids, edit.block, edit.instanceId);
      return plan.ok ? viaPatch(doc, plan.patch, `Ungroup ${edit.instanceId}`) : fail(plan.error);
    }
    case "ungroup": {
      const plan = planUngroup(doc, edit.id);
      return plan.ok ? viaPatch(doc, plan.patch, `Regroup ${edit.id}`) : fail(plan.error);
    }
    case "patch": return viaPatch(doc, edit, `Undo: ${edit.label}`);
    case "batch": return batch(doc, edit.label, edit.edits);
    default: return fail(`Unknown edit "${String((edit as { op?: unknown }).op)}".`);
  }
}

/** Applies edits in order as one step: all apply, or none (the error names the failing step). */
export function applyEdits(doc: GraphDocument, edits: readonly Edit[], label = "Edits"): ApplyResult {
  return batch(doc, label, edits);
}

/**
 * A fresh node id for a kind, in the style people expect: "conv2d_3" (the smallest free number).
 * Ids that still have a stray layout entry are skipped too.
 */
export function newNodeId(doc: GraphDocument, kind: string): string {
  const base = kind.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, LIMITS.idLength - 7) || "node";
  const taken = new Set(doc.nodes.map((n) => n.id));
  for (let i = 1; ; i++) {
    const id = `${base}_${i}`;
    if (!taken.has(id) && own(doc.layout, id) === undefined) return id;
  }
}

/** A fresh block name from a base ("Block", "Block_2", ...) that no block or node kind uses. */
export function newBlockName(doc: GraphDocument, base = "Block"): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, LIMITS.idLength - 7) || "Block";
  const used = (name: string) => own(doc.blocks, name) !== undefined || doc.nodes.some((n) => n.kind === name);
  if (!used(clean) && isSafeId(clean)) return clean;
  for (let i = 2; ; i++) if (!used(`${clean}_${i}`)) return `${clean}_${i}`;
}
