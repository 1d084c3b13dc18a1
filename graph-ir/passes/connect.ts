/**
 * canConnect: whether a wire may be drawn from an output port to an input port, cheap enough to
 * ask on every pointer move while dragging. Refuses self-loops, loops, unknown ports, an input
 * that is already fed, and a tensor the target cannot accept (only the target's rule runs, with
 * the candidate shape in place of that port's input).
 */
import type { GraphDocument, PortRef } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import { reanalyze } from "./analyze.js";
import { newContext } from "./evaluate.js";
import { inferInstance } from "./instance.js";
import { guarded, isRecord } from "./guard.js";
import { resolveNode } from "./resolve.js";
import { shapeText } from "./text.js";
import type { Analysis, NodeAnalysis, PassDiagnostic } from "./types.js";

export type ConnectResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const yes: ConnectResult = { ok: true };
const no = (reason: string): ConnectResult => ({ ok: false, reason });

/** Ancestors of the node a drag starts from, kept for the drag: the loop check is then a lookup. */
const ancestorsMemo = new WeakMap<Analysis, { readonly from: number; readonly set: Uint8Array }>();

export function canConnect(doc: GraphDocument, analysis: Analysis, from: PortRef, to: PortRef): ConnectResult {
  const a = doc === analysis.doc ? analysis : reanalyze(analysis, doc, []);
  const src = a.nodes.get(from[0]);
  const dst = a.nodes.get(to[0]);
  if (!src) return no(`there is no node '${from[0]}'`);
  if (!dst) return no(`there is no node '${to[0]}'`);
  if (from[0] === to[0]) return no(`a layer cannot feed itself: '${to[0]}' would be its own input`);
  if (!src.ports.outputs.includes(from[1])) return no(`'${from[0]}' has no output '${from[1]}'`);
  if (!dst.ports.inputs.includes(to[1])) return no(`'${to[0]}' has no input '${to[1]}'${dst.ports.inputs.length ? ` (its inputs: ${dst.ports.inputs.join(", ")})` : " (it takes no inputs)"}`);
  const g = a.internal.graph;
  const ti = g.index.get(to[0])!;
  for (const k of g.incoming[ti]!) {
    const e = g.edges[k]!;
    if (e.to[1] === to[1]) return no(`input ${to[1]} of '${to[0]}' is already fed by ${e.from[0]}.${e.from[1]}; remove that wire first`);
  }
  if (ancestors(a, g.index.get(from[0])!)[ti]) return no(`'${to[0]}' already feeds '${from[0]}', so this wire would make a loop`);
  const shape = src.outputs[from[1]];
  if (!shape) return yes;
  return acceptsShape(a, dst, to[1], shape);
}

function ancestors(a: Analysis, from: number): Uint8Array {
  const hit = ancestorsMemo.get(a);
  if (hit && hit.from === from) return hit.set;
  const g = a.internal.graph;
  const set = new Uint8Array(g.nodes.length);
  set[from] = 1;
  const stack = [from];
  while (stack.length) {
    const v = stack.pop()!;
    for (const k of g.incoming[v]!) {
      const u = g.edgeFrom[k]!;
      if (u >= 0 && !set[u]) { set[u] = 1; stack.push(u); }
    }
  }
  ancestorsMemo.set(a, { from, set });
  return set;
}

/** Runs only the target's rule with the candidate shape; blames the wire only for problems it causes. */
function acceptsShape(a: Analysis, dst: NodeAnalysis, port: string, shape: Shape): ConnectResult {
  const g = a.internal.graph;
  const node = g.nodes[g.index.get(dst.id)!]!;
  const r = resolveNode(a.internal.env, node);
  if (!r.resolved) return yes;
  const inputs = dst.ports.inputs.map((p) => (p === port ? shape : dst.inputs[p]));
  const othersKnown = inputs.every((s) => s !== undefined);
  const refuse = (message: string) => no(`${dst.id} cannot take ${shapeText(shape)} on ${port}: ${message}`);
  if (r.resolved.type === "layer") {
    const def = r.resolved.def;
    // Unfed ports go in as undefined: rules check for them, and a throw is caught below.
    const res = guarded(() => def.infer(inputs as Shape[], r.params) as unknown);
    if (!res.ok || !isRecord(res.value) || res.value.ok !== false || !Array.isArray(res.value.issues)) return yes;
    for (const issue of res.value.issues as unknown[]) {
      if (!isRecord(issue) || typeof issue.message !== "string") continue;
      if (issue.port === port || (issue.port === undefined && othersKnown)) return refuse(issue.message);
    }
    return yes;
  }
  if (!othersKnown) return yes;
  const ctx = newContext(a.internal.env, a.internal.recursive, a.internal.cache);
  const diags: PassDiagnostic[] = [];
  inferInstance(ctx, node, r.resolved, r.params, r.ports, inputs as Shape[], diags);
  const bad = diags.find((d) => SHAPE_CODES.has(d.code));
  return bad ? refuse(bad.message) : yes;
}

const SHAPE_CODES: ReadonlySet<string> = new Set(["shape-mismatch", "empty-output", "too-large"]);
