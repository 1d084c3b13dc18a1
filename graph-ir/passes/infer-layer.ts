/**
 * Shape inference, weight and FLOP counts of one layer node, through the layer's own rules.
 * Each rule call is guarded; what a rule returns is checked (a bug becomes "internal"), sizes
 * are checked against the limits, and the rule's issues and fix hints become diagnostics.
 */
import type { Fix } from "../core/diagnostics.js";
import type { GraphNode } from "../core/document.js";
import { MAX_DIM } from "../core/params.js";
import type { Shape } from "../core/shape.js";
import type { FixHint } from "../layers/types.js";
import { MAX_PARAMS, type EvalContext, type Level, type Wiring } from "./context.js";
import { fixFromHint } from "./fixes.js";
import { guarded, isCount, isRecord, isShape, valueText } from "./guard.js";
import type { ResolvedNode } from "./resolve.js";
import { formatCount, say, shapeText, type Who } from "./text.js";
import { diag, type PassDiagnostic, type Resolved } from "./types.js";

interface LayerOutcome {
  readonly outputs: readonly Shape[] | undefined;
  readonly paramCount: number;
  readonly flops: number;
}

function internalError(id: string, name: Who, what: string, detail: string): PassDiagnostic {
  return diag("internal", { nodeId: id, message: `${say(name)}: the layer's ${what} failed (${detail}). This is a bug in Layerloom, not in your graph; please report it` });
}

export function inferLayer(
  ctx: EvalContext, level: Level, node: GraphNode, r: ResolvedNode, name: Who,
  inputs: readonly Shape[], wiring: Wiring, diags: PassDiagnostic[],
): LayerOutcome {
  const def = (r.resolved as Extract<Resolved, { type: "layer" }>).def;
  const none: LayerOutcome = { outputs: undefined, paramCount: 0, flops: 0 };
  const res = guarded(() => def.infer(inputs, r.params) as unknown);
  if (!res.ok) { diags.push(internalError(node.id, name, "shape rule", res.error)); return none; }
  const v = res.value;
  if (!isRecord(v) || typeof v.ok !== "boolean") { diags.push(internalError(node.id, name, "shape rule", "it returned no result")); return none; }
  if (!v.ok) {
    const issues = Array.isArray(v.issues) ? (v.issues as unknown[]) : [];
    const good = issues.filter((s): s is { message: string; port?: unknown; param?: unknown; fixes?: unknown } => isRecord(s) && typeof s.message === "string");
    if (good.length === 0) { diags.push(internalError(node.id, name, "shape rule", "it refused the inputs without saying why")); return none; }
    for (const issue of good) diags.push(shapeIssue(ctx, level, node.id, name, issue, r.ports.inputs, wiring));
    return none;
  }
  const shapes = v.shapes;
  if (!Array.isArray(shapes) || shapes.length !== r.ports.outputs.length || !shapes.every(isShape)) {
    diags.push(internalError(node.id, name, "shape rule", `it returned ${Array.isArray(shapes) ? shapes.length : "no"} shapes for ${r.ports.outputs.length} outputs`));
    return none;
  }
  let sizeOk = true;
  for (let k = 0; k < shapes.length && sizeOk; k++) {
    const shape = shapes[k]!;
    for (let d = 1; d < shape.length; d++) {
      const dim = shape[d]!;
      if (typeof dim !== "number" || (Number.isInteger(dim) && dim >= 1 && dim <= MAX_DIM)) continue;
      diags.push(sizeProblem(node.id, name, r.ports.outputs[k]!, shape, dim));
      sizeOk = false;
      break;
    }
  }
  if (!sizeOk) return none;
  const count = guarded(() => def.paramCount(inputs, r.params) as unknown);
  if (!count.ok || !isCount(count.value)) { diags.push(internalError(node.id, name, "param count", count.ok ? `it gave ${valueText(count.value)}` : count.error)); return none; }
  const flops = guarded(() => def.flops(inputs, shapes, r.params) as unknown);
  if (!flops.ok || !isCount(flops.value)) { diags.push(internalError(node.id, name, "FLOP count", flops.ok ? `it gave ${valueText(flops.value)}` : flops.error)); return none; }
  if (count.value > MAX_PARAMS) {
    diags.push(diag("too-large", { nodeId: node.id, message: `${say(name)} would have ${formatCount(count.value)} weights, beyond the limit of ${formatCount(MAX_PARAMS)}; reduce its size params or shrink its input first (pooling before Flatten, fewer channels)` }));
  }
  return { outputs: shapes, paramCount: count.value, flops: flops.value };
}

function sizeProblem(id: string, name: Who, port: string, shape: Shape, dim: number): PassDiagnostic {
  const where = `output ${port} would be ${shapeText(shape)}`;
  if (!Number.isInteger(dim)) return internalError(id, name, "shape rule", `${where}, with a fractional size`);
  if (dim < 1) {
    return diag("empty-output", { nodeId: id, port, message: `${say(name)}: ${where}, with a dimension of size ${dim}: its input is too small for it; use a smaller window or stride, padding "same", or a larger input` });
  }
  return diag("too-large", { nodeId: id, port, message: `${say(name)}: ${where}; a dimension of ${formatCount(dim)} is beyond the limit of ${formatCount(MAX_DIM)}; reduce its size params` });
}

function shapeIssue(
  ctx: EvalContext, level: Level, id: string, name: Who,
  issue: { message: string; port?: unknown; param?: unknown; fixes?: unknown }, inputs: readonly string[], wiring: Wiring,
): PassDiagnostic {
  const port = typeof issue.port === "string" ? issue.port : undefined;
  const param = typeof issue.param === "string" ? issue.param : undefined;
  const hints = Array.isArray(issue.fixes) ? (issue.fixes as unknown[]).filter(isHint) : [];
  const fixes: Fix[] = [];
  for (const h of hints) {
    if (h.action === "setParam") { fixes.push({ label: h.label, edits: [{ op: "setParam", id, param: h.param, value: h.value }] }); continue; }
    // Inserting a node needs fresh ids and wires of the level: only at the top level.
    if (!level.top) continue;
    const p = inputs.indexOf(h.port);
    const k = p >= 0 ? wiring.feeders[p] : undefined;
    const fix = fixFromHint(ctx.env, level.top.doc, id, h, k === undefined ? undefined : level.graph.edges[k]);
    if (fix) fixes.push(fix);
  }
  return diag("shape-mismatch", { nodeId: id, port, param, message: `${say(name)}: ${issue.message}`, fixes });
}

function isHint(h: unknown): h is FixHint {
  if (!isRecord(h) || typeof h.label !== "string") return false;
  if (h.action === "setParam") return typeof h.param === "string" && h.value !== undefined;
  return h.action === "insertBefore" && typeof h.port === "string" && typeof h.layer === "string" && (h.params === undefined || isRecord(h.params));
}
