import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { topoOrder, topoSort } from "../../../graph-ir/passes/topo.js";
import { wire } from "./builders.js";

/** Every edge goes forward in the order. */
function respects(order: readonly string[], edges: readonly { from: readonly [string, string]; to: readonly [string, string] }[]): boolean {
  const pos = new Map(order.map((id, i) => [id, i]));
  return edges.every((e) => pos.get(e.from[0])! < pos.get(e.to[0])!);
}

/** The cycle is a real loop: each node has a wire to the next, and the last to the first. */
function isLoop(cycle: readonly string[], edges: readonly { from: readonly [string, string]; to: readonly [string, string] }[]): boolean {
  const has = new Set(edges.map((e) => `${e.from[0]}>${e.to[0]}`));
  return cycle.length > 0 && cycle.every((id, k) => has.has(`${id}>${cycle[(k + 1) % cycle.length]}`));
}

describe("topoSort", () => {
  it("orders a 50,000-node chain given backwards without recursion", () => {
    const n = 50_000;
    // Node i feeds node i-1: the order must be the reverse of the index order.
    const from = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const to = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const r = topoSort(n, from, to);
    expect(r.ordered).toBe(n);
    expect(r.cycle).toBeUndefined();
    expect(r.order[0]).toBe(n - 1);
    expect(r.order[n - 1]).toBe(0);
  });

  it("finds the loop at the end of a 20,000-node chain", () => {
    const n = 20_000;
    const from: number[] = [], to: number[] = [];
    for (let i = 0; i + 1 < n; i++) { from.push(i); to.push(i + 1); }
    from.push(n - 1); to.push(n - 3); // n-3 -> n-2 -> n-1 -> n-3
    const r = topoSort(n, from, to);
    expect(r.ordered).toBe(n - 3);
    expect([...r.cycle!].sort((a, b) => a - b)).toEqual([n - 3, n - 2, n - 1]);
    // Nodes that could not be ordered still appear once each, after the ordered ones.
    expect(new Set(r.order).size).toBe(n);
  });

  it("reports a self-loop as a cycle of one node", () => {
    const r = topoSort(3, [0, 1], [1, 1]);
    expect(r.cycle).toEqual([1]);
    expect(r.ordered).toBe(2); // 0 and the unconnected 2
    expect(r.order[2]).toBe(1);
  });
});

describe("topoOrder", () => {
  it("orders branches and joins (an inception-like diamond)", () => {
    const ids = ["out", "concat", "b3", "b2", "b1", "in"];
    const edges = [wire("in.y", "b1.x"), wire("in.y", "b2.x"), wire("in.y", "b3.x"), wire("b1.y", "concat.in0"), wire("b2.y", "concat.in1"), wire("b3.y", "concat.in2"), wire("concat.y", "out.x")];
    const r = topoOrder(ids, edges);
    expect(r.cycle).toBeUndefined();
    expect(r.order[0]).toBe("in");
    expect(r.order[5]).toBe("out");
    expect(respects(r.order, edges)).toBe(true);
  });

  it("ignores wires to nodes that do not exist", () => {
    const r = topoOrder(["a", "b"], [wire("a.y", "b.x"), wire("ghost.y", "a.x"), wire("b.y", "nowhere.x")]);
    expect(r.order).toEqual(["a", "b"]);
    expect(r.cycle).toBeUndefined();
  });

  it("returns the nodes of one cycle in wire order", () => {
    const edges = [wire("in.y", "a.x"), wire("a.y", "b.x"), wire("b.y", "c.x"), wire("c.y", "a.x2"), wire("c.y", "tail.x")];
    const r = topoOrder(["in", "a", "b", "c", "tail"], edges);
    expect(r.ordered).toBe(1);
    expect(new Set(r.cycle)).toEqual(new Set(["a", "b", "c"]));
    expect(isLoop(r.cycle!, edges)).toBe(true);
  });

  it("orders random DAGs and finds a real loop in random graphs with one (seeded)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 150 }),
        fc.boolean(),
        (n, pairs, acyclic) => {
          const ids = Array.from({ length: n }, (_, i) => `n${i}`);
          const edges = pairs.map(([a, b]) => {
            let [x, y] = [a % n, b % n];
            if (acyclic && x >= y) [x, y] = [Math.min(x, y), Math.max(x, y) + (x === y ? 1 : 0)];
            return wire(`n${x}.y`, `n${y}.x`);
          }).filter((e) => !acyclic || ids.includes(e.to[0]));
          const r = topoOrder(ids, edges);
          expect(new Set(r.order).size).toBe(n);
          if (r.cycle) {
            expect(acyclic).toBe(false);
            expect(isLoop(r.cycle, edges)).toBe(true);
          } else {
            expect(r.ordered).toBe(n);
            expect(respects(r.order, edges)).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
