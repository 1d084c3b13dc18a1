/**
 * The checks of the wires around one node: what feeds each input port (and what is wrong with
 * those wires), wires to nodes that do not exist, loops, and outputs that go nowhere.
 */
import type { Fix } from "../core/diagnostics.js";
import type { GraphEdge } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import type { Level, Wiring } from "./context.js";
import { addOutputFix, disconnectFix, wireText } from "./fixes.js";
import type { GraphIndex } from "./graph-index.js";
import { say, type Who } from "./text.js";
import { diag, type NodeAnalysis, type PassDiagnostic } from "./types.js";

function inCycleRegion(g: GraphIndex, i: number): boolean {
  return g.position[i]! >= g.ordered;
}

/**
 * The shapes arriving at each input port, checking every wire into the node on the way. A port
 * whose shape is unknown because of a problem upstream is left unknown without a diagnostic.
 */
export function gatherInputs(
  level: Level, i: number, inputs: readonly string[], portsKnown: boolean, name: Who,
  results: readonly (NodeAnalysis | undefined)[], diags: PassDiagnostic[],
): Wiring {
  const g = level.graph;
  const id = g.nodes[i]!.id;
  const np = inputs.length;
  const feeders = new Array<number | undefined>(np);
  let extra: Map<number, number[]> | undefined;
  for (const k of g.incoming[i]!) {
    const e = g.edges[k]!;
    const port = e.to[1];
    if (g.edgeFrom[k]! < 0) {
      diags.push(diag("dangling-edge", {
        nodeId: id, port,
        message: `${say(name)}: input ${port} is wired from '${e.from[0]}', which does not exist; remove the wire`,
        fixes: [disconnectFix("Remove the wire", [e])],
      }));
      continue;
    }
    if (!portsKnown) continue;
    const p = np === 1 ? (inputs[0] === port ? 0 : -1) : inputs.indexOf(port);
    if (p < 0) {
      diags.push(diag("unknown-port", {
        nodeId: id, port,
        message: `${say(name)} has no input '${port}' (${np ? `its inputs: ${inputs.join(", ")}` : "it takes no inputs"}); the wire from ${e.from[0]}.${e.from[1]} leads nowhere`,
        fixes: [disconnectFix("Remove the wire", [e])],
      }));
      continue;
    }
    const first = feeders[p];
    if (first === undefined) feeders[p] = k;
    else {
      extra ??= new Map();
      const list = extra.get(p);
      if (list) list.push(k);
      else extra.set(p, [first, k]);
    }
  }
  const shapes = new Array<Shape | undefined>(np);
  let complete = portsKnown;
  for (let p = 0; p < np; p++) {
    const port = inputs[p]!;
    const k = feeders[p];
    if (k === undefined) {
      complete = false;
      diags.push(diag("missing-input", {
        nodeId: id, port,
        message: level.body && i === 1 ? `block output '${port}' is not fed by any node inside the block` : `${say(name)} needs an input on ${port}: wire a layer's output into it`,
      }));
      continue;
    }
    const dup = extra?.get(p);
    if (dup) {
      complete = false;
      feeders[p] = undefined;
      const edges = dup.map((x) => g.edges[x]!);
      diags.push(diag("duplicate-input", {
        nodeId: id, port,
        message: `${say(name)}: input ${port} is fed by ${edges.length} wires (from ${edges.map((e) => `${e.from[0]}.${e.from[1]}`).join(", ")}); a port takes one tensor, so keep one wire or merge them first (Add, Concatenate)`,
        fixes: edges.map((keep) => disconnectFix(`Keep only the wire from ${keep.from[0]}.${keep.from[1]}`, edges.filter((e) => e !== keep))),
      }));
      continue;
    }
    const e = g.edges[k]!;
    const s = g.edgeFrom[k]!;
    const src = inCycleRegion(g, i) && inCycleRegion(g, s) ? undefined : results[s];
    if (!src) { complete = false; continue; }
    const shape = src.outputs[e.from[1]];
    if (shape === undefined && (src.resolved || (level.body && s === 0)) && !src.ports.outputs.includes(e.from[1])) {
      complete = false;
      diags.push(unknownSourcePort(id, name, port, e, src.ports.outputs));
      continue;
    }
    if (shape === undefined) complete = false;
    shapes[p] = shape;
  }
  return { shapes, feeders, complete };
}

function unknownSourcePort(id: string, name: Who, port: string, e: GraphEdge, outputs: readonly string[]): PassDiagnostic {
  const fixes: Fix[] = [disconnectFix("Remove the wire", [e])];
  const single = outputs.length === 1 ? outputs[0] : undefined;
  if (single !== undefined) {
    fixes.unshift({ label: `Wire from ${e.from[0]}.${single} instead`, edits: [{ op: "disconnect", edge: e }, { op: "connect", edge: { from: [e.from[0], single], to: e.to } }] });
  }
  return diag("unknown-port", {
    nodeId: id, port,
    message: `${say(name)}: input ${port} is wired from output '${e.from[1]}' of '${e.from[0]}', which has no such output (${outputs.length ? `its outputs: ${outputs.join(", ")}` : "it has no outputs"})`,
    fixes,
  });
}

export function checkOutgoing(level: Level, i: number, name: Who, diags: PassDiagnostic[]): void {
  const g = level.graph;
  const out = g.outgoing[i]!;
  if (g.consumers[i] === out.length) return;
  for (const k of out) {
    if (g.edgeTo[k]! >= 0) continue;
    const e = g.edges[k]!;
    diags.push(diag("dangling-edge", {
      nodeId: g.nodes[i]!.id, port: e.from[1],
      message: `${say(name)}: output ${e.from[1]} is wired to '${e.to[0]}', which does not exist; remove the wire`,
      fixes: [disconnectFix("Remove the wire", [e])],
    }));
  }
}

export function checkCycle(g: GraphIndex, i: number, diags: PassDiagnostic[]): void {
  const cycle = g.cycle!;
  const at = cycle.indexOf(i);
  if (at < 0) return;
  const ids = cycle.map((c) => g.nodes[c]!.id);
  const prev = cycle[(at + cycle.length - 1) % cycle.length]!;
  const closing = g.incoming[i]!.filter((k) => g.edgeFrom[k] === prev).map((k) => g.edges[k]!);
  diags.push(diag("cycle", {
    nodeId: g.nodes[i]!.id,
    message: `'${g.nodes[i]!.id}' is part of a loop: ${[...ids, ids[0]!].join(" → ")}. Data must flow one way; remove one wire of the loop`,
    fixes: closing.length ? [disconnectFix(`Remove the wire ${wireText(closing[0]!)}`, closing.slice(0, 1))] : undefined,
  }));
}

/** Called for nodes no existing node consumes. */
export function checkUnconnected(level: Level, id: string, name: Who, outputs: readonly string[], diags: PassDiagnostic[]): void {
  if (outputs.length === 0) return;
  if (level.top?.networkOutputs.has(id)) return;
  const networks = level.top?.doc.networks ?? [];
  diags.push(diag("unconnected-output", {
    nodeId: id,
    message: `${say(name)}: its output goes nowhere; wire it into another layer${level.top ? " or make it a network output" : ""}, or delete it`,
    fixes: networks.map((n) => addOutputFix(n, id)),
  }));
}
