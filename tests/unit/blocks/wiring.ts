/**
 * Structural checks every block body must pass, independent of layer shape rules: unique ids,
 * edges between things that exist, every input port fed exactly once, nothing left dangling.
 */
import { BLOCK_IN, BLOCK_OUT, type PortRef } from "../../../graph-ir/core/document.js";
import type { AnyStandardBlock, BlockBody } from "../../../graph-ir/blocks/types.js";

/** Input ports of an inner node under the builder's convention: merges take in0..in{n-1}, others x. */
function inputPorts(params: Readonly<Record<string, unknown>>): string[] {
  const n = params["inputs"];
  return typeof n === "number" ? Array.from({ length: n }, (_, i) => `in${i}`) : ["x"];
}

/** Returns the problems found, in words; an empty list means the body is well wired. */
export function wiringProblems(block: AnyStandardBlock, body: BlockBody): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const n of body.nodes) {
    if (ids.has(n.id)) problems.push(`duplicate node id ${n.id}`);
    if (n.id === BLOCK_IN || n.id === BLOCK_OUT) problems.push(`node id ${n.id} is reserved`);
    ids.add(n.id);
  }
  const ref = (r: PortRef) => r.join(".");
  for (const e of body.edges) {
    const [src, srcPort] = e.from;
    const [dst, dstPort] = e.to;
    if (src === BLOCK_IN ? !block.inputs.includes(srcPort) : !ids.has(src) || srcPort !== "y") problems.push(`edge from unknown ${ref(e.from)}`);
    if (dst === BLOCK_OUT ? !block.outputs.includes(dstPort) : !ids.has(dst)) problems.push(`edge to unknown ${ref(e.to)}`);
  }
  const fedCount = (r: PortRef) => body.edges.filter((e) => e.to[0] === r[0] && e.to[1] === r[1]).length;
  for (const n of body.nodes) {
    for (const port of inputPorts(n.params)) {
      const c = fedCount([n.id, port]);
      if (c !== 1) problems.push(`${n.id}.${port} is fed ${c} times`);
    }
    if (!body.edges.some((e) => e.from[0] === n.id)) problems.push(`${n.id} feeds nothing`);
  }
  for (const port of block.outputs) {
    const c = fedCount([BLOCK_OUT, port]);
    if (c !== 1) problems.push(`block output ${port} is fed ${c} times`);
  }
  return problems;
}

/** The node feeding a given input port. */
export function feeder(body: BlockBody, node: string, port: string): string | undefined {
  return body.edges.find((e) => e.to[0] === node && e.to[1] === port)?.from[0];
}

/** Node kinds along the single path from the block input to its output (for chain-shaped blocks). */
export function chainKinds(body: BlockBody): string[] {
  const kinds: string[] = [];
  let at: string = BLOCK_IN;
  for (;;) {
    const next = body.edges.filter((e) => e.from[0] === at);
    if (next.length !== 1) throw new Error(`${at} has ${next.length} successors; not a chain`);
    const to = next[0]!.to[0];
    if (to === BLOCK_OUT) return kinds;
    kinds.push(body.nodes.find((n) => n.id === to)!.kind);
    at = to;
  }
}
