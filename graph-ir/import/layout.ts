/**
 * A simple layered layout for graphs that arrive without positions (imported models): each node
 * goes one column right of its furthest input (longest path from the inputs), nodes of a column
 * stacked in the order they first appear, columns centred on one another. The canvas may lay the
 * graph out again with its own engine; the importer takes any function of this shape.
 */
import type { GraphEdge, GraphNode } from "../core/document.js";

export type LayoutFn = (nodes: readonly GraphNode[], edges: readonly GraphEdge[]) => Record<string, readonly [number, number]>;

export const COLUMN_GAP = 240;
export const ROW_GAP = 140;

export const layeredLayout: LayoutFn = (nodes, edges) => {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const incoming: number[][] = nodes.map(() => []);
  const outgoing: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from[0]);
    const b = index.get(e.to[0]);
    if (a === undefined || b === undefined || a === b) continue;
    incoming[b]!.push(a);
    outgoing[a]!.push(b);
  }
  // Kahn's order; nodes left in a cycle keep column 0 past their placed inputs.
  const pending = incoming.map((l) => l.length);
  const queue: number[] = [];
  pending.forEach((p, i) => { if (p === 0) queue.push(i); });
  const column = new Array<number>(nodes.length).fill(0);
  const placed = new Array<boolean>(nodes.length).fill(false);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    placed[v] = true;
    for (const w of outgoing[v]!) {
      column[w] = Math.max(column[w]!, column[v]! + 1);
      if (--pending[w]! === 0) queue.push(w);
    }
  }
  const columns = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const c = placed[i] ? column[i]! : column[i]! + 1;
    const list = columns.get(c);
    if (list) list.push(i);
    else columns.set(c, [i]);
  });
  const out: Record<string, readonly [number, number]> = {};
  for (const [c, list] of columns) {
    const top = -((list.length - 1) * ROW_GAP) / 2;
    list.forEach((i, row) => { out[nodes[i]!.id] = [c * COLUMN_GAP, top + row * ROW_GAP]; });
  }
  return out;
};
