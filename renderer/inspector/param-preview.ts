/**
 * What setting one param would do, worked out on the would-be document without committing it:
 * the node's output shapes and param count before and after, or the reason the value is refused.
 * A value is refused when it is out of the param's bounds, or when it would give this node or
 * any node downstream an error it does not have now. Pure, so the refusal rules are tested
 * directly and the inspector shows exactly what an edit would do.
 */
import { applyEdit } from "../../graph-ir/core/apply.js";
import type { GraphDocument, ParamValue } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import { checkParam } from "../../graph-ir/core/params.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import { reanalyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis, NodeAnalysis, PassDiagnostic } from "../../graph-ir/passes/types.js";
import { paramLabel, specsFor } from "./param-specs.js";

export interface NodeFacts {
  /** [port, shape as text], "?" where the shape cannot be computed. */
  readonly outputs: readonly (readonly [string, string])[];
  readonly params: number;
}

export type ParamPreview =
  | { readonly ok: true; readonly changed: false }
  | {
      readonly ok: true;
      readonly changed: true;
      readonly edit: Edit;
      /** Undo label: "Set filters". */
      readonly label: string;
      readonly doc: GraphDocument;
      readonly analysis: Analysis;
      readonly before: NodeFacts;
      readonly after: NodeFacts;
      /** Nodes downstream whose output shapes change too. */
      readonly downstreamChanged: number;
    }
  | { readonly ok: false; readonly reason: string };

export function factsOf(node: NodeAnalysis | undefined): NodeFacts {
  if (!node) return { outputs: [], params: 0 };
  return { outputs: node.ports.outputs.map((p) => [p, node.outputs[p] ? formatShape(node.outputs[p]!) : "?"] as const), params: node.paramCount };
}

const sameFacts = (a: NodeFacts, b: NodeFacts) =>
  a.params === b.params && a.outputs.length === b.outputs.length && a.outputs.every(([p, s], i) => b.outputs[i]![0] === p && b.outputs[i]![1] === s);

function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The node and everything its outputs reach, by wires. */
export function downstreamOf(doc: GraphDocument, id: string): Set<string> {
  const seen = new Set([id]);
  const queue = [id];
  for (let k = 0; k < queue.length; k++) {
    const at = queue[k]!;
    for (const e of doc.edges) {
      if (e.from[0] === at && !seen.has(e.to[0])) {
        seen.add(e.to[0]);
        queue.push(e.to[0]);
      }
    }
  }
  return seen;
}

/** Identifies "the same problem" across edits; the message is left out because it quotes shapes. */
const problemKey = (d: PassDiagnostic) => [d.code, d.nodeId ?? "", d.param ?? "", d.port ?? "", (d.inner ?? []).join("/")].join("|");

function errorsAmong(analysis: Analysis, ids: ReadonlySet<string>): PassDiagnostic[] {
  return analysis.diagnostics.filter((d) => d.severity === "error" && d.nodeId !== undefined && ids.has(d.nodeId));
}

/**
 * Previews setting `param` of node `nodeId` to `value` (undefined: back to the default) on the
 * analysed document. Never changes anything.
 */
export function previewParam(analysis: Analysis, nodeId: string, param: string, value: ParamValue | undefined): ParamPreview {
  const doc = analysis.doc;
  const node = doc.nodes.find((n) => n.id === nodeId);
  const before = analysis.nodes.get(nodeId);
  if (!node || !before) return { ok: false, reason: `There is no layer "${nodeId}" any more.` };
  const specs = specsFor(doc, before.resolved);
  if (!Object.prototype.hasOwnProperty.call(specs, param)) return { ok: false, reason: `${before.resolved?.title ?? node.kind} has no parameter "${param}".` };
  const spec = specs[param];
  const label = paramLabel(param, spec);
  if (value !== undefined) {
    if (!spec) return { ok: false, reason: `${label} cannot be edited here; change it inside the block.` };
    const problem = checkParam(spec, value);
    if (problem) return { ok: false, reason: `${label} ${problem}.` };
  }
  if (sameValue(node.params[param], value)) return { ok: true, changed: false };

  const edit: Edit = { op: "setParam", id: nodeId, param, value };
  const applied = applyEdit(doc, edit);
  if (!applied.ok) return { ok: false, reason: applied.error };
  const next = reanalyze(analysis, applied.doc, [nodeId]);

  const reach = downstreamOf(doc, nodeId);
  const had = new Set(errorsAmong(analysis, reach).map(problemKey));
  const fresh = errorsAmong(next, reach).filter((d) => !had.has(problemKey(d)));
  if (fresh.length > 0) {
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more problem${fresh.length > 2 ? "s" : ""})` : "";
    return { ok: false, reason: `That would break the graph: ${fresh[0]!.message.replace(/\.$/, "")}${more}.` };
  }

  let downstreamChanged = 0;
  for (const id of reach) {
    if (id !== nodeId && !sameFacts(factsOf(analysis.nodes.get(id)), factsOf(next.nodes.get(id)))) downstreamChanged++;
  }
  return {
    ok: true, changed: true, edit, label: `Set ${label.toLowerCase()}`, doc: applied.doc, analysis: next,
    before: factsOf(before), after: factsOf(next.nodes.get(nodeId)), downstreamChanged,
  };
}
