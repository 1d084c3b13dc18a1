/**
 * Block instances: the body (a document block with the instance's params bound, or a standard
 * block built for the input shapes) analysed as a level of its own, cached by (kind, params,
 * input shapes) so identical instances cost one analysis. Problems inside are reported on the
 * instance, naming the inner node; a bad inner value set by a block param is fixed through it.
 */
import type { Fix } from "../core/diagnostics.js";
import { BLOCK_IN, BLOCK_OUT, type GraphEdge, type GraphNode, type ParamValue } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import type { Ports } from "../layers/types.js";
import { MAX_BLOCK_DEPTH, type EvalContext } from "./context.js";
import { wireText } from "./fixes.js";
import { buildGraphIndex } from "./graph-index.js";
import { guarded, isRecord } from "./guard.js";
import { withParam } from "./resolve.js";
import { nodeName } from "./text.js";
import { diag, type BodyAnalysis, type BodyResult, type InnerProblem, type NodeAnalysis, type PassDiagnostic, type Resolved } from "./types.js";

interface InstanceOutcome {
  readonly outputs: readonly Shape[] | undefined;
  readonly paramCount: number;
  readonly flops: number;
  readonly body: BodyAnalysis | undefined;
}

const IN_NODE: GraphNode = { id: BLOCK_IN, kind: BLOCK_IN, params: {} };
const OUT_NODE: GraphNode = { id: BLOCK_OUT, kind: BLOCK_OUT, params: {} };

/** A block instance's outputs and counts from its body (cached); inner problems go to `diags`. */
export function inferInstance(
  ctx: EvalContext, node: GraphNode, resolved: Exclude<Resolved, { type: "layer" }>, params: Readonly<Record<string, ParamValue>>,
  ports: Ports, inputs: readonly Shape[], diags: PassDiagnostic[],
): InstanceOutcome | undefined {
  const name = nodeName(resolved.title, node.id);
  if (resolved.type === "block") {
    const chain = ctx.recursive.get(resolved.kind);
    if (chain) {
      diags.push(diag("block-recursive", { nodeId: node.id, message: `${name}: block ${resolved.kind} contains itself (${chain.join(" → ")}), so it would never end; remove the inner instance` }));
      return undefined;
    }
  }
  if (ctx.depth >= MAX_BLOCK_DEPTH) {
    ctx.cutoffs.count++;
    diags.push(diag("block-too-deep", { nodeId: node.id, message: `${name}: blocks are nested more than ${MAX_BLOCK_DEPTH} deep here; flatten some of them` }));
    return undefined;
  }
  const key = `${resolved.type}\u0001${resolved.kind}\u0001${paramsKey(params)}\u0001${JSON.stringify(inputs)}`;
  let result = ctx.cache.get(key);
  if (!result) {
    const before = ctx.cutoffs.count;
    result = resolved.type === "block"
      ? docBlockBody(ctx, node.id, name, resolved, params, ports, inputs, diags)
      : standardBlockBody(ctx, node.id, name, resolved, params, ports, inputs, diags);
    if (!result) return undefined;
    if (ctx.cutoffs.count === before) ctx.cache.set(key, result);
  }
  for (const pb of result.problems) diags.push(reportInner(node.id, name, resolved, result.body, pb));
  return { outputs: result.outputs, paramCount: result.paramCount, flops: result.flops, body: result.body };
}

/** Params as a cache key: sorted by name, and non-finite numbers kept apart from null (JSON would merge them). */
function paramsKey(params: Readonly<Record<string, ParamValue>>): string {
  const entries = Object.keys(params).sort().map((k) => [k, params[k]]);
  return JSON.stringify(entries, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? { nonFinite: String(v) } : v));
}

/** The body of a document block with the instance's params bound; undefined (and reported) if a binding names no inner node. */
function docBlockBody(
  ctx: EvalContext, id: string, name: string, resolved: Extract<Resolved, { type: "block" }>,
  params: Readonly<Record<string, ParamValue>>, ports: Ports, inputs: readonly Shape[], diags: PassDiagnostic[],
): BodyResult | undefined {
  const block = resolved.block;
  const nodes = [...block.nodes];
  const at = new Map<string, number>();
  nodes.forEach((n, k) => { if (!at.has(n.id)) at.set(n.id, k); });
  let bad = false;
  for (const [p, bp] of Object.entries(block.params)) {
    const value = params[p]!;
    for (const [target, param] of bp.bind) {
      const k = at.get(target);
      if (k === undefined) {
        bad = true;
        diags.push(diag("block-bad-binding", { nodeId: id, param: p, message: `${name}: block param '${p}' sets ${target}.${param}, but block ${resolved.kind} has no node '${target}'; fix the block's bindings` }));
        continue;
      }
      nodes[k] = { ...nodes[k]!, params: withParam(nodes[k]!.params, param, value) };
    }
  }
  return bad ? undefined : evaluateBody(ctx, resolved.title, ports, nodes, block.edges, inputs);
}

function standardBlockBody(
  ctx: EvalContext, id: string, name: string, resolved: Extract<Resolved, { type: "standard" }>,
  params: Readonly<Record<string, ParamValue>>, ports: Ports, inputs: readonly Shape[], diags: PassDiagnostic[],
): BodyResult | undefined {
  const built = guarded(() => resolved.block.build(params, inputs) as unknown);
  if (!built.ok || !isBody(built.value)) {
    diags.push(diag("internal", { nodeId: id, message: `${name}: the block's build rule failed (${built.ok ? "it returned no valid body" : built.error}). This is a bug in Layerloom, not in your graph; please report it` }));
    return undefined;
  }
  return evaluateBody(ctx, resolved.title, ports, built.value.nodes, built.value.edges, inputs);
}

function isBody(v: unknown): v is { nodes: GraphNode[]; edges: GraphEdge[] } {
  if (!isRecord(v) || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return false;
  const ref = (r: unknown) => Array.isArray(r) && r.length === 2 && typeof r[0] === "string" && typeof r[1] === "string";
  return (v.nodes as unknown[]).every((n) => isRecord(n) && typeof n.id === "string" && typeof n.kind === "string" && isRecord(n.params))
    && (v.edges as unknown[]).every((e) => isRecord(e) && ref(e.from) && ref(e.to));
}

function evaluateBody(ctx: EvalContext, title: string, ports: Ports, nodes: readonly GraphNode[], edges: readonly GraphEdge[], inputs: readonly Shape[]): BodyResult {
  const g = buildGraphIndex([IN_NODE, OUT_NODE, ...nodes], edges);
  const inner: EvalContext = { ...ctx, depth: ctx.depth + 1 };
  const results = ctx.evaluate(inner, { graph: g, body: { title, ports, inputs } });
  const out = results[1]!;
  const shapes = ports.outputs.map((p) => out.inputs[p]);
  let paramCount = 0;
  let flops = 0;
  const problems: InnerProblem[] = [];
  for (const k of g.orphans) {
    const e = g.edges[k]!;
    problems.push({ path: [], diagnostic: diag("dangling-edge", { message: `the wire ${wireText(e)} joins two nodes that do not exist`, fixes: undefined }) });
  }
  for (const n of g.duplicates) {
    problems.push({ path: [n.id], diagnostic: diag("duplicate-id", { nodeId: n.id, message: `two inner nodes share the id '${n.id}'` }) });
  }
  const bodyNodes: NodeAnalysis[] = [];
  for (let p = 0; p < g.order.length; p++) {
    const i = g.order[p]!;
    const r = results[i]!;
    for (const d of r.diagnostics) problems.push({ path: i < 2 ? [] : [r.id, ...(d.inner ?? [])], diagnostic: d });
    if (i < 2) continue;
    bodyNodes.push(r);
    paramCount += r.paramCount;
    flops += r.flops;
  }
  return {
    outputs: shapes.every((s): s is Shape => s !== undefined) ? shapes : undefined,
    paramCount, flops, problems, body: { nodes: bodyNodes, edges },
  };
}

/**
 * An inner problem as a diagnostic on the instance. A bad value of an inner param that a block
 * param sets is reported on (and fixed through) the block param.
 */
function reportInner(id: string, name: string, resolved: Exclude<Resolved, { type: "layer" }>, body: BodyAnalysis, pb: InnerProblem): PassDiagnostic {
  const d = pb.diagnostic;
  let param: string | undefined;
  let fixes: Fix[] | undefined;
  if (resolved.type === "block" && d.param !== undefined && pb.path.length === 1) {
    const innerId = pb.path[0]!;
    param = boundBy(resolved, innerId, d.param);
    if (param !== undefined) {
      const bp = param;
      // "Reset to default" inside means the inner param's default, which the inner analysis used.
      const innerDefault = body.nodes.find((n) => n.id === innerId)?.params[d.param];
      fixes = (d.fixes ?? []).flatMap((f): Fix[] => {
        const e = f.edits.length === 1 ? f.edits[0]! : undefined;
        if (!e || e.op !== "setParam" || e.param !== d.param) return [];
        const value = e.value ?? innerDefault;
        return value === undefined ? [] : [{ label: `${f.label} (block param ${bp})`, edits: [{ op: "setParam", id, param: bp, value }] }];
      });
    }
  }
  return diag(d.code, { nodeId: id, param, message: `In ${name}: ${d.message}`, fixes, inner: pb.path });
}

function boundBy(resolved: Extract<Resolved, { type: "block" }>, nodeId: string, param: string): string | undefined {
  for (const [p, bp] of Object.entries(resolved.block.params)) {
    if (bp.bind.some(([n, q]) => n === nodeId && q === param)) return p;
  }
  return undefined;
}
