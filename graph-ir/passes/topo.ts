/**
 * Topological order by Kahn's algorithm over compact index arrays. Iterative throughout (no
 * recursion per node), so graphs of tens of thousands of nodes cannot overflow the stack.
 */
import type { GraphEdge } from "../core/document.js";

export interface TopoResult {
  /** Every node index once: the ordered ones first, then those in or after a cycle, by index. */
  readonly order: Int32Array;
  /** How many entries of `order` are truly in topological order. */
  readonly ordered: number;
  /** One cycle, as node indices in wire order (each feeds the next, the last feeds the first). */
  readonly cycle: readonly number[] | undefined;
}

/**
 * Orders `count` nodes given edges `from[e] -> to[e]` (indices in [0, count)). Ties keep index
 * order, so the result is deterministic for a given document.
 */
export function topoSort(count: number, from: ArrayLike<number>, to: ArrayLike<number>): TopoResult {
  const m = from.length;
  const indeg = new Int32Array(count);
  const start = new Int32Array(count + 1);
  for (let e = 0; e < m; e++) {
    start[from[e]! + 1]!++;
    indeg[to[e]!]!++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const succ = new Int32Array(m);
  const fill = start.slice(0, count);
  for (let e = 0; e < m; e++) succ[fill[from[e]!]!++] = to[e]!;

  const order = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) if (indeg[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = succ[k]!;
      if (--indeg[w]! === 0) order[tail++] = w;
    }
  }
  const ordered = tail;
  if (ordered === count) return { order, ordered, cycle: undefined };
  for (let i = 0; i < count; i++) if (indeg[i]! > 0) order[tail++] = i;
  return { order, ordered, cycle: findCycle(count, from, to, indeg) };
}

/**
 * Every node left over by Kahn's algorithm has a left-over predecessor, so walking predecessors
 * from any of them must revisit a node; the walk between the two visits is a cycle.
 */
function findCycle(count: number, from: ArrayLike<number>, to: ArrayLike<number>, left: Int32Array): number[] {
  const pred = new Int32Array(count).fill(-1);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!, b = to[e]!;
    if (left[a]! > 0 && left[b]! > 0 && pred[b] === -1) pred[b] = a;
  }
  let v = 0;
  while (left[v] === 0) v++;
  const step = new Int32Array(count).fill(-1);
  const path: number[] = [];
  while (step[v] === -1) {
    step[v] = path.length;
    path.push(v);
    v = pred[v]!;
  }
  // path[j..] walks backwards along wires; reverse it (keeping path[j] first) for wire order.
  const j = step[v]!;
  return [path[j]!, ...path.slice(j + 1).reverse()];
}

/** Topological order of node ids by edges; edges naming unknown ids are ignored. */
export function topoOrder(ids: readonly string[], edges: readonly GraphEdge[]): { order: string[]; ordered: number; cycle: string[] | undefined } {
  const index = new Map<string, number>();
  ids.forEach((id, i) => { if (!index.has(id)) index.set(id, i); });
  const from: number[] = [];
  const to: number[] = [];
  for (const e of edges) {
    const a = index.get(e.from[0]), b = index.get(e.to[0]);
    if (a !== undefined && b !== undefined) { from.push(a); to.push(b); }
  }
  const r = topoSort(ids.length, from, to);
  return { order: Array.from(r.order, (i) => ids[i]!), ordered: r.ordered, cycle: r.cycle?.map((i) => ids[i]!) };
}
