/**
 * Group into block and ungroup, computed as exact patches (patch.ts) so both undo exactly.
 *
 * group: the selected nodes move into a new BlockDef. Each outside source feeding the selection
 * becomes one block input, each inside source feeding the outside one block output; ports are
 * named after the inner node and port (conv1_x). The instance takes the place of the first
 * selected node, and edges keep their place in the edge list so the order of inputs is kept.
 *
 * ungroup: an instance of a document block is replaced by the block's nodes with ids
 * `${instanceId}_${innerId}` (refused if one is taken), exposed params are written into the inner
 * nodes, and the block definition goes too when nothing else uses it.
 */
import type { BlockDef, GraphDocument, GraphEdge, GraphNode, NetworkDef, ParamValue, PortRef, TrainingSpec } from "./document.js";
import { BLOCK_IN, BLOCK_OUT } from "./document.js";
import type { EntryPatch, ListPatch, Position } from "./edits.js";
import type { PatchEdit } from "./patch.js";
import { own } from "./patch.js";
import { ID_RULE, LIMITS, isSafeId } from "./schema.js";

export type Plan = { readonly ok: true; readonly patch: PatchEdit } | { readonly ok: false; readonly error: string };

const no = (error: string): Plan => ({ ok: false, error });
const refKey = (r: PortRef) => `${r[0]}\u0000${r[1]}`;
const edgeKey = (e: GraphEdge) => `${refKey(e.from)}\u0001${refKey(e.to)}`;

/** Appends _2, _3... until the name is free, shortening the base so it stays a valid id. */
function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const fit = (s: string, suffix: string) => s.slice(0, LIMITS.idLength - suffix.length) + suffix;
  let name = fit(base, "");
  for (let i = 2; taken.has(name); i++) name = fit(base, `_${i}`);
  return name;
}

/** Every network and loss that names one of `ids`, as "network net" / "a loss". */
function mentions(doc: GraphDocument, ids: ReadonlySet<string>): { id: string; where: string } | undefined {
  for (const n of doc.networks) {
    const hit = [...n.inputs, ...n.outputs].find((x) => ids.has(x));
    if (hit !== undefined) return { id: hit, where: `network "${n.id}"` };
  }
  const loss = doc.training?.losses.find((l) => ids.has(l.output));
  return loss ? { id: loss.output, where: "the training losses" } : undefined;
}

/** Kinds used anywhere: top-level nodes (optionally skipping one) and nodes inside blocks. */
function kindUsed(doc: GraphDocument, kind: string, skipNode?: string, skipBlock?: string): boolean {
  if (doc.nodes.some((n) => n.kind === kind && n.id !== skipNode)) return true;
  return Object.entries(doc.blocks).some(([name, b]) => name !== skipBlock && b.nodes.some((n) => n.kind === kind));
}

function layoutEntry(doc: GraphDocument, key: string, after: Position | undefined): EntryPatch<Position> | undefined {
  const before = own(doc.layout, key);
  return before === undefined && after === undefined ? undefined : { key, before, after };
}

/**
 * Rebuilds the edge list: each old edge maps to zero or more new edges at its place; `extra`
 * goes where `extraAt` (an old index) stood, or at the end. Returns the list patch.
 */
function rewriteEdges(
  edges: readonly GraphEdge[],
  touched: (e: GraphEdge) => boolean,
  replace: (e: GraphEdge, i: number) => readonly GraphEdge[],
  extra: readonly GraphEdge[] = [],
  extraAt = -1,
): ListPatch<GraphEdge> {
  const removed: (readonly [number, GraphEdge])[] = [];
  const inserted: (readonly [number, GraphEdge])[] = [];
  const seen = new Set<string>();
  for (const e of edges) if (!touched(e)) seen.add(edgeKey(e));
  let size = 0;
  const put = (e: GraphEdge) => {
    const k = edgeKey(e);
    if (seen.has(k)) return; // never create a duplicate edge
    seen.add(k);
    inserted.push([size++, e]);
  };
  edges.forEach((e, i) => {
    if (i === extraAt) extra.forEach(put);
    if (!touched(e)) {
      size++;
      return;
    }
    removed.push([i, e]);
    replace(e, i).forEach(put);
  });
  if (extraAt < 0 || extraAt >= edges.length) extra.forEach(put);
  return { removed, inserted };
}

export function planGroup(doc: GraphDocument, ids: readonly string[], block: string, instanceId: string): Plan {
  if (ids.length === 0) return no("Select at least one node to group.");
  const inside = new Set(ids);
  if (inside.size !== ids.length) return no("The selection names a node twice.");
  const index = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const missing = ids.find((id) => !index.has(id));
  if (missing !== undefined) return no(`There is no node "${missing}" to group.`);
  if (!isSafeId(block)) return no(`The block name "${block}" ${ID_RULE}.`);
  if (own(doc.blocks, block)) return no(`A block named "${block}" already exists; choose another name.`);
  if (Object.keys(doc.blocks).length >= LIMITS.blocks) return no(`A document holds at most ${LIMITS.blocks} blocks.`);
  if (kindUsed(doc, block)) return no(`Nodes of kind "${block}" already exist; choose another block name.`);
  if (!isSafeId(instanceId)) return no(`The node id "${instanceId}" ${ID_RULE}.`);
  if (index.has(instanceId)) return no(`A node "${instanceId}" already exists; choose another id for the block instance.`);
  const named = mentions(doc, inside);
  if (named) return no(`"${named.id}" is named in ${named.where}; leave it out of the group, or remove it there first.`);

  const inputs: string[] = [];
  const outputs: string[] = [];
  const inputFor = new Map<string, string>(); // outside source -> block input
  const outputFor = new Map<string, string>(); // inside source -> block output
  const blockEdges: GraphEdge[] = [];
  const cross = (e: GraphEdge) => inside.has(e.from[0]) !== inside.has(e.to[0]);
  const edgePatch = rewriteEdges(
    doc.edges,
    (e) => inside.has(e.from[0]) || inside.has(e.to[0]),
    (e) => {
      if (!cross(e)) {
        blockEdges.push(e);
        return [];
      }
      if (inside.has(e.to[0])) {
        let port = inputFor.get(refKey(e.from));
        const fresh = port === undefined;
        if (port === undefined) {
          port = uniqueName(`${e.to[0]}_${e.to[1]}`, new Set(inputs));
          inputs.push(port);
          inputFor.set(refKey(e.from), port);
        }
        blockEdges.push({ from: [BLOCK_IN, port], to: e.to });
        return fresh ? [{ from: e.from, to: [instanceId, port] }] : [];
      }
      let port = outputFor.get(refKey(e.from));
      if (port === undefined) {
        port = uniqueName(`${e.from[0]}_${e.from[1]}`, new Set(outputs));
        outputs.push(port);
        outputFor.set(refKey(e.from), port);
        blockEdges.push({ from: e.from, to: [BLOCK_OUT, port] });
      }
      return [{ from: [instanceId, port], to: e.to }];
    },
  );
  if (inputs.length > LIMITS.blockPorts || outputs.length > LIMITS.blockPorts) {
    return no(`The selection has more than ${LIMITS.blockPorts} connections to the rest of the graph; group a smaller part.`);
  }

  const removedNodes = doc.nodes.flatMap((n, i) => (inside.has(n.id) ? [[i, n] as const] : []));
  const first = removedNodes[0]![0];
  const instance: GraphNode = { id: instanceId, kind: block, params: {} };
  const def: BlockDef = { inputs, outputs, params: {}, nodes: removedNodes.map(([, n]) => n), edges: blockEdges };

  // The instance sits where the grouped nodes were, on average.
  const placed = ids.map((id) => own(doc.layout, id)).filter((p): p is Position => p !== undefined);
  const centre: Position | undefined = placed.length
    ? [Math.round(placed.reduce((s, p) => s + p[0], 0) / placed.length), Math.round(placed.reduce((s, p) => s + p[1], 0) / placed.length)]
    : undefined;
  const layout = [...ids.map((id) => layoutEntry(doc, id, undefined)), layoutEntry(doc, instanceId, centre)].filter((e): e is EntryPatch<Position> => e !== undefined);

  return {
    ok: true,
    patch: {
      op: "patch",
      label: `Group ${ids.length} node${ids.length > 1 ? "s" : ""} into ${block}`,
      nodes: { removed: removedNodes, inserted: [[first, instance]] },
      edges: edgePatch,
      layout,
      blocks: [{ key: block, before: undefined, after: def }],
    },
  };
}

/** Inner node params with the instance's exposed params (or their defaults) written in. */
function boundParams(def: BlockDef, instance: GraphNode): Map<string, Record<string, ParamValue>> {
  const out = new Map<string, Record<string, ParamValue>>();
  for (const [name, bp] of Object.entries(def.params)) {
    const value = own(instance.params, name) ?? bp.default;
    for (const [nodeId, param] of bp.bind) {
      const node = def.nodes.find((n) => n.id === nodeId);
      if (!node) continue; // a binding to a missing node: validation reports it
      const params = out.get(nodeId) ?? { ...node.params };
      params[param] = value;
      out.set(nodeId, params);
    }
  }
  return out;
}

export function planUngroup(doc: GraphDocument, id: string): Plan {
  const at = doc.nodes.findIndex((n) => n.id === id);
  const instance = doc.nodes[at];
  if (!instance) return no(`There is no node "${id}" to ungroup.`);
  const def = own(doc.blocks, instance.kind);
  if (!def) return no(`Node "${id}" (${instance.kind}) is not an instance of a block defined in this document, so it cannot be ungrouped.`);
  if (doc.edges.some((e) => e.from[0] === id && e.to[0] === id)) return no(`Node "${id}" feeds itself; remove that edge before ungrouping.`);

  const newId = (inner: string) => `${id}_${inner}`;
  const taken = new Set(doc.nodes.map((n) => n.id));
  for (const n of def.nodes) {
    const nid = newId(n.id);
    if (!isSafeId(nid)) return no(`Ungrouping would name node "${n.id}" as "${nid}", which is not a valid id (at most ${LIMITS.idLength} letters, digits, _ or -); give the instance a shorter id first.`);
    if (taken.has(nid)) return no(`Ungrouping would create node "${nid}", but that id is taken; rename that node or the instance first.`);
  }
  if (doc.nodes.length - 1 + def.nodes.length > LIMITS.nodes) return no(`Ungrouping would exceed ${LIMITS.nodes} nodes.`);

  const innerIds = new Set(def.nodes.map((n) => n.id));
  const params = boundParams(def, instance);
  const nodes: GraphNode[] = def.nodes.map((n) => ({ ...n, id: newId(n.id), params: params.get(n.id) ?? n.params }));

  // What feeds each block input from outside, in edge order.
  const feeds = new Map<string, PortRef[]>();
  for (const e of doc.edges) if (e.to[0] === id) feeds.set(e.to[1], [...(feeds.get(e.to[1]) ?? []), e.from]);
  // A block-edge source as outside-world refs: an inner node, or whatever feeds a block input.
  const sources = (from: PortRef): PortRef[] =>
    from[0] === BLOCK_IN ? (feeds.get(from[1]) ?? []) : innerIds.has(from[0]) ? [[newId(from[0]), from[1]]] : [];
  const outputSources = (port: string): PortRef[] => def.edges.filter((e) => e.to[0] === BLOCK_OUT && e.to[1] === port).flatMap((e) => sources(e.from));

  const innerEdges: GraphEdge[] = def.edges
    .filter((e) => e.to[0] !== BLOCK_OUT && innerIds.has(e.to[0]))
    .flatMap((e) => sources(e.from).map((from) => ({ from, to: [newId(e.to[0]), e.to[1]] as const })));
  const firstTouch = doc.edges.findIndex((e) => e.from[0] === id || e.to[0] === id);
  const edgePatch = rewriteEdges(
    doc.edges,
    (e) => e.from[0] === id || e.to[0] === id,
    (e) => (e.from[0] === id ? outputSources(e.from[1]).map((from) => ({ from, to: e.to })) : []),
    innerEdges,
    firstTouch,
  );
  if (doc.edges.length - edgePatch.removed.length + edgePatch.inserted.length > LIMITS.edges) return no(`Ungrouping would exceed ${LIMITS.edges} edges.`);

  // Networks and losses naming the instance move to the node that makes the block's output.
  const only = def.outputs.length === 1 ? outputSources(def.outputs[0]!) : [];
  const heir = only.length === 1 && nodes.some((n) => n.id === only[0]![0]) ? only[0]![0] : undefined;
  const named = mentions(doc, new Set([id]));
  if (named && heir === undefined) {
    return no(`"${id}" is named in ${named.where} and its block has no single output node to name instead; remove it there first.`);
  }
  const swap = (xs: readonly string[]) => xs.map((x) => (x === id ? heir! : x));
  const networks: ListPatch<NetworkDef> = { removed: [], inserted: [] };
  doc.networks.forEach((n, i) => {
    if (!n.inputs.includes(id) && !n.outputs.includes(id)) return;
    (networks.removed as (readonly [number, NetworkDef])[]).push([i, n]);
    (networks.inserted as (readonly [number, NetworkDef])[]).push([i, { ...n, inputs: swap(n.inputs), outputs: swap(n.outputs) }]);
  });
  let training: { before: TrainingSpec | undefined; after: TrainingSpec | undefined } | undefined;
  if (doc.training?.losses.some((l) => l.output === id)) {
    training = { before: doc.training, after: { ...doc.training, losses: doc.training.losses.map((l) => (l.output === id ? { ...l, output: heir! } : l)) } };
  }

  // Inner nodes get a column of positions below the instance's, when it has one.
  const base = own(doc.layout, id);
  const layout = [
    layoutEntry(doc, id, undefined),
    ...nodes.map((n, k) => layoutEntry(doc, n.id, base ? [base[0], base[1] + 100 * k] : undefined)),
  ].filter((e): e is EntryPatch<Position> => e !== undefined);
  const stillUsed = kindUsed(doc, instance.kind, id, instance.kind) || nodes.some((n) => n.kind === instance.kind);
  const blocks: EntryPatch<BlockDef>[] = stillUsed ? [] : [{ key: instance.kind, before: def, after: undefined }];

  return {
    ok: true,
    patch: {
      op: "patch",
      label: `Ungroup ${id}`,
      nodes: { removed: [[at, instance]], inserted: nodes.map((n, k) => [at + k, n] as const) },
      edges: edgePatch,
      ...(networks.removed.length ? { networks } : {}),
      ...(training ? { training } : {}),
      layout,
      blocks,
    },
  };
}
