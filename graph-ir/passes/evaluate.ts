/**
 * Analysis of one node given the results of the nodes that feed it: resolution, wiring checks,
 * shape inference and counts (layer rules, or the body of a block instance), diagnostics. A
 * graph level (the document, or a block body) is these evaluations in topological order.
 */
import { BLOCK_IN } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import type { BodyLevel, EvalContext, Level } from "./context.js";
import { inferInstance } from "./instance.js";
import { inferLayer } from "./infer-layer.js";
import { resolveNode } from "./resolve.js";
import type { Who } from "./text.js";
import { diag, type BodyAnalysis, type BodyResult, type KindEnv, type NodeAnalysis, type NodeStatus, type PassDiagnostic, type ShapesByPort } from "./types.js";
import { checkCycle, checkOutgoing, checkUnconnected, gatherInputs } from "./wiring.js";

/** A context for evaluating a document's top level. */
export function newContext(env: KindEnv, recursive: ReadonlyMap<string, readonly string[]>, cache: Map<string, BodyResult>): EvalContext {
  return { env, recursive, cache, depth: 0, cutoffs: { count: 0 }, evaluate: evaluateLevel };
}

const EMPTY: ShapesByPort = Object.freeze({});

/** Known shapes by port name. Object literals and fromEntries define own properties, whatever the port is called. */
function shapesByPort(ports: readonly string[], shapes: readonly (Shape | undefined)[]): ShapesByPort {
  if (ports.length === 1) {
    const s = shapes[0];
    if (s === undefined) return EMPTY;
    // Literal keys for the registry's usual port names: V8 builds these objects much faster.
    const port = ports[0]!;
    return port === "x" ? { x: s } : port === "y" ? { y: s } : { [port]: s };
  }
  const entries: [string, Shape][] = [];
  for (let k = 0; k < ports.length; k++) {
    const s = shapes[k];
    if (s !== undefined) entries.push([ports[k]!, s]);
  }
  return entries.length ? Object.fromEntries(entries) : EMPTY;
}

export function evaluateLevel(ctx: EvalContext, level: Level): NodeAnalysis[] {
  const g = level.graph;
  const results = new Array<NodeAnalysis>(g.nodes.length);
  for (let p = 0; p < g.order.length; p++) {
    const i = g.order[p]!;
    results[i] = evaluateNode(ctx, level, i, results);
  }
  return results;
}

export function evaluateNode(ctx: EvalContext, level: Level, i: number, results: readonly (NodeAnalysis | undefined)[]): NodeAnalysis {
  const g = level.graph;
  const node = g.nodes[i]!;
  if (level.body && i < 2) return evaluatePort(level, level.body, i, results);
  const r = resolveNode(ctx.env, node);
  const diags: PassDiagnostic[] = r.diagnostics.slice();
  const name: Who = { title: r.resolved?.title, id: node.id };
  const wiring = gatherInputs(level, i, r.ports.inputs, r.portsKnown, name, results, diags);
  checkOutgoing(level, i, name, diags);
  if (g.cycle) checkCycle(g, i, diags);

  let outputs: readonly (Shape | undefined)[] | undefined;
  let paramCount = 0;
  let flops = 0;
  let body: BodyAnalysis | undefined;
  if (r.resolved && r.portsKnown && wiring.complete) {
    const known = wiring.shapes as Shape[];
    if (r.resolved.type === "layer") {
      const out = inferLayer(ctx, level, node, r, name, known, wiring, diags);
      outputs = out.outputs;
      paramCount = out.paramCount;
      flops = out.flops;
    } else {
      const out = inferInstance(ctx, node, r.resolved, r.params, r.ports, known, diags);
      outputs = out?.outputs;
      paramCount = out?.paramCount ?? 0;
      flops = out?.flops ?? 0;
      body = out?.body;
    }
  }
  let hasError = false;
  for (const d of diags) if (d.severity === "error") { hasError = true; break; }
  if (!hasError && r.resolved && g.consumers[i] === 0) checkUnconnected(level, node.id, name, r.ports.outputs, diags);
  const status: NodeStatus = hasError ? "error" : outputs ? "ok" : "blocked";
  const result: NodeAnalysis = {
    id: node.id, kind: node.kind, resolved: r.resolved, params: r.params, ports: r.ports,
    inputs: shapesByPort(r.ports.inputs, wiring.shapes),
    outputs: outputs ? shapesByPort(r.ports.outputs, outputs) : EMPTY,
    paramCount, flops, diagnostics: diags, status,
  };
  return body ? { ...result, body } : result;
}

/** The block's own ports inside a body: node 0 gives the instance's inputs, node 1 takes its outputs. */
function evaluatePort(level: Level, body: BodyLevel, i: number, results: readonly (NodeAnalysis | undefined)[]): NodeAnalysis {
  const g = level.graph;
  const diags: PassDiagnostic[] = [];
  const base = { id: g.nodes[i]!.id, kind: g.nodes[i]!.id, resolved: undefined, params: {}, paramCount: 0, flops: 0 };
  if (i === 0) {
    const used = new Set(g.outgoing[0]!.map((k) => g.edges[k]!.from[1]));
    for (const p of body.ports.inputs) {
      if (!used.has(p)) diags.push(diag("unconnected-output", { nodeId: BLOCK_IN, port: p, message: `block input '${p}' is not used by any node inside the block` }));
    }
    checkOutgoing(level, 0, "the block's inputs", diags);
    const ports = { inputs: [], outputs: body.ports.inputs };
    return { ...base, ports, inputs: EMPTY, outputs: shapesByPort(ports.outputs, body.inputs), diagnostics: diags, status: "ok" };
  }
  const ports = { inputs: body.ports.outputs, outputs: [] };
  const wiring = gatherInputs(level, 1, ports.inputs, true, "the block's outputs", results, diags);
  const status: NodeStatus = diags.some((d) => d.severity === "error") ? "error" : wiring.complete ? "ok" : "blocked";
  return { ...base, ports, inputs: shapesByPort(ports.inputs, wiring.shapes), outputs: EMPTY, diagnostics: diags, status };
}
