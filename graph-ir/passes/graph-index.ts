/**
 * The structure of one graph level (a document's top level or a block body) in index form:
 * nodes by id, wires in and out of each node, topological order and one cycle if any.
 * Built once per structure; a param edit reuses it (withNodes).
 */
import type { GraphEdge, GraphNode } from "../core/document.js";
import { topoSort } from "./topo.js";

export interface GraphIndex {
  /** Nodes with distinct ids, in document order. */
  readonly nodes: readonly GraphNode[];
  /** Position in the source node list of each entry of `nodes`. */
  readonly slots: Int32Array;
  readonly index: ReadonlyMap<string, number>;
  /** Later nodes whose id was already taken. */
  readonly duplicates: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Per node: indices of edges into it (the source may not exist). */
  readonly incoming: readonly (readonly number[])[];
  /** Per node: indices of edges out of it (the target may not exist). */
  readonly outgoing: readonly (readonly number[])[];
  /** Edges whose two ends both do not exist. */
  readonly orphans: readonly number[];
  /** Per edge: index of its source and target node, -1 where that node does not exist. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Per node: how many of its outgoing edges reach an existing node. */
  readonly consumers: Int32Array;
  readonly order: Int32Array;
  readonly ordered: number;
  /** Node index -> position in `order`. */
  readonly position: Int32Array;
  readonly cycle: readonly number[] | undefined;
}

const NONE: readonly number[] = [];

export function buildGraphIndex(nodeList: readonly GraphNode[], edges: readonly GraphEdge[]): GraphIndex {
  const index = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const slots: number[] = [];
  const duplicates: GraphNode[] = [];
  nodeList.forEach((node, k) => {
    if (index.has(node.id)) { duplicates.push(node); return; }
    index.set(node.id, nodes.length);
    nodes.push(node);
    slots.push(k);
  });
  const n = nodes.length;
  const incoming: number[][] = new Array<number[]>(n);
  const outgoing: number[][] = new Array<number[]>(n);
  const orphans: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const edgeFrom = new Int32Array(edges.length);
  const edgeTo = new Int32Array(edges.length);
  const consumers = new Int32Array(n);
  edges.forEach((e, k) => {
    const a = index.get(e.from[0]);
    const b = index.get(e.to[0]);
    edgeFrom[k] = a ?? -1;
    edgeTo[k] = b ?? -1;
    if (a !== undefined && b !== undefined) consumers[a]!++;
    if (a !== undefined) (outgoing[a] ??= []).push(k);
    if (b !== undefined) (incoming[b] ??= []).push(k);
    if (a !== undefined && b !== undefined) { from.push(a); to.push(b); }
    if (a === undefined && b === undefined) orphans.push(k);
  });
  for (let i = 0; i < n; i++) {
    incoming[i] ??= NONE as number[];
    outgoing[i] ??= NONE as number[];
  }
  const topo = topoSort(n, from, to);
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[topo.order[p]!] = p;
  return {
    nodes, slots: Int32Array.from(slots), index, duplicates, edges, incoming, outgoing, orphans, edgeFrom, edgeTo, consumers,
    order: topo.order, ordered: topo.ordered, position, cycle: topo.cycle,
  };
}

/**
 * The same structure over a new node list with the same ids in the same places (a param edit).
 * Returns undefined when the ids differ, so the caller rebuilds.
 */
export function withNodes(g: GraphIndex, nodeList: readonly GraphNode[], edges: readonly GraphEdge[]): GraphIndex | undefined {
  if (nodeList.length !== g.nodes.length + g.duplicates.length) return undefined;
  if (edges !== g.edges && !sameEdges(edges, g.edges)) return undefined;
  const nodes: GraphNode[] = new Array<GraphNode>(g.nodes.length);
  for (let i = 0; i < g.nodes.length; i++) {
    const node = nodeList[g.slots[i]!]!;
    if (node.id !== g.nodes[i]!.id) return undefined;
    nodes[i] = node;
  }
  const duplicates: GraphNode[] = [];
  for (let k = 0, i = 0; k < nodeList.length; k++) {
    // Positions not in slots hold duplicates; they must repeat the same ids as before.
    if (i < g.slots.length && g.slots[i] === k) { i++; continue; }
    const node = nodeList[k]!;
    if (node.id !== g.duplicates[duplicates.length]?.id) return undefined;
    duplicates.push(node);
  }
  return { ...g, nodes, duplicates, edges };
}

function sameEdges(a: readonly GraphEdge[], b: readonly GraphEdge[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!, y = b[k]!;
    if (x === y) continue;
    if (x.from[0] !== y.from[0] || x.from[1] !== y.from[1] || x.to[0] !== y.to[0] || x.to[1] !== y.to[1]) return false;
  }
  return true;
}
