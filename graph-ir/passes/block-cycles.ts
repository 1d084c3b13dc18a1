/**
 * Finds document blocks that contain themselves, directly or through other blocks. Decided once
 * per document from the block definitions alone, so an instance's result never depends on where
 * the analysis happened to enter the loop. Iterative (Kosaraju), like every graph walk here.
 */
import { resolveKind } from "./resolve.js";
import type { KindEnv } from "./types.js";

/** Each recursive block, with a chain of block names from it back to itself. */
export function recursiveBlocks(env: KindEnv): Map<string, string[]> {
  const names = Object.keys(env.docBlocks);
  const index = new Map(names.map((n, i) => [n, i]));
  // uses[i]: the document blocks block i has instances of (kinds resolve as at the top level).
  const uses: number[][] = names.map((n) => {
    const out = new Set<number>();
    for (const node of env.docBlocks[n]!.nodes) {
      if (resolveKind(env, node.kind)?.type === "block") out.add(index.get(node.kind)!);
    }
    return [...out];
  });
  const comp = components(uses);
  const size = new Map<number, number>();
  comp.forEach((c) => size.set(c, (size.get(c) ?? 0) + 1));
  const result = new Map<string, string[]>();
  names.forEach((name, i) => {
    const selfLoop = uses[i]!.includes(i);
    if (!selfLoop && size.get(comp[i]!)! < 2) return;
    const path = selfLoop ? [i, i] : loopThrough(i, uses, comp);
    result.set(name, path.map((k) => names[k]!));
  });
  return result;
}

/** Strongly connected components: component id per node. */
function components(succ: readonly (readonly number[])[]): Int32Array {
  const n = succ.length;
  const pred: number[][] = succ.map(() => []);
  succ.forEach((ws, v) => ws.forEach((w) => pred[w]!.push(v)));
  const finished: number[] = [];
  const seen = new Uint8Array(n);
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const stack: [number, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const ws = succ[top[0]]!;
      if (top[1] < ws.length) {
        const w = ws[top[1]++]!;
        if (!seen[w]) { seen[w] = 1; stack.push([w, 0]); }
      } else {
        finished.push(top[0]);
        stack.pop();
      }
    }
  }
  const comp = new Int32Array(n).fill(-1);
  for (let f = finished.length - 1; f >= 0; f--) {
    const root = finished[f]!;
    if (comp[root] !== -1) continue;
    comp[root] = root;
    const stack = [root];
    while (stack.length) {
      const v = stack.pop()!;
      for (const u of pred[v]!) if (comp[u] === -1) { comp[u] = root; stack.push(u); }
    }
  }
  return comp;
}

/** A shortest loop from `start` back to itself inside its component, by breadth-first search. */
function loopThrough(start: number, succ: readonly (readonly number[])[], comp: Int32Array): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    for (const w of succ[v]!) {
      if (comp[w] !== comp[start]) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = parent.get(x)!) path.push(x);
        path.push(start);
        return [path[0]!, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) { parent.set(w, v); queue.push(w); }
    }
  }
  return [start, start];
}
