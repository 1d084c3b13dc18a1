/**
 * analyze(doc): validation, shape inference and counts in one pass in topological order.
 * reanalyze(prev, doc, changed): the same result for a document whose structure (nodes, wires,
 * networks, blocks) is unchanged, re-inferring only downstream of the changed nodes and
 * stopping where a node's outputs come out the same.
 */
import type { GraphDocument, GraphNode, NetworkDef, ParamValue } from "../core/document.js";
import { recursiveBlocks } from "./block-cycles.js";
import type { EvalContext, Level } from "./context.js";
import { evaluateLevel, evaluateNode, newContext } from "./evaluate.js";
import { buildGraphIndex, withNodes, type GraphIndex } from "./graph-index.js";
import { checkNetworks, checkTraining, networkMembers } from "./networks.js";
import { kindEnv, resolveKind } from "./resolve.js";
import { wireText } from "./fixes.js";
import {
  diag, type Analysis, type AnalysisInternals, type AnalyzeOptions, type BodyResult, type KindEnv,
  type NodeAnalysis, type PassDiagnostic,
} from "./types.js";

/** Body results kept between analyses of one document; past this many, start afresh. */
const CACHE_LIMIT = 2048;

interface Shared {
  readonly env: KindEnv;
  readonly recursive: ReadonlyMap<string, readonly string[]>;
  readonly cache: Map<string, BodyResult>;
}

export function analyze(doc: GraphDocument, options?: AnalyzeOptions): Analysis {
  const env = kindEnv(doc, options);
  return analyzeWith(doc, options, { env, recursive: recursiveBlocks(env), cache: new Map() });
}

function analyzeWith(doc: GraphDocument, options: AnalyzeOptions | undefined, shared: Shared): Analysis {
  const g = buildGraphIndex(doc.nodes, doc.edges);
  const results = evaluateLevel(context(shared), topLevel(doc, g));
  return assemble(doc, options, shared, g, results, networkMembers(doc, g), undefined);
}

function context(shared: Shared): EvalContext {
  if (shared.cache.size > CACHE_LIMIT) shared.cache.clear();
  return newContext(shared.env, shared.recursive, shared.cache);
}

function topLevel(doc: GraphDocument, graph: GraphIndex): Level {
  return { graph, top: { doc, networkOutputs: new Set(doc.networks.flatMap((n) => n.outputs)) } };
}

/**
 * Re-infers the nodes listed in `changedNodeIds` (and any node object that differs from the
 * previous document's), then their consumers while outputs keep changing. Falls back to a full
 * analysis when nodes, wires, networks or blocks changed. The result equals analyze(doc).
 */
export function reanalyze(prev: Analysis, doc: GraphDocument, changedNodeIds: Iterable<string>): Analysis {
  if (doc === prev.doc) return prev;
  const st = prev.internal;
  const shared: Shared = { env: st.env, recursive: st.recursive, cache: st.cache };
  if (doc.blocks !== prev.doc.blocks) return analyze(doc, st.options);
  if (!sameNetworks(doc.networks, prev.doc.networks)) return analyzeWith(doc, st.options, { ...shared, env: kindEnv(doc, st.options) });
  const g = withNodes(st.graph, doc.nodes, doc.edges);
  if (!g) return analyzeWith(doc, st.options, { ...shared, env: kindEnv(doc, st.options) });

  const n = g.nodes.length;
  const dirty = new Uint8Array(n);
  let first = n;
  const mark = (i: number) => {
    dirty[i] = 1;
    if (g.position[i]! < first) first = g.position[i]!;
  };
  for (let i = 0; i < n; i++) if (g.nodes[i] !== st.graph.nodes[i] && !sameNode(g.nodes[i]!, st.graph.nodes[i]!)) mark(i);
  for (const id of changedNodeIds) {
    const i = g.index.get(id);
    if (i !== undefined) mark(i);
  }
  const ctx = context({ ...shared, env: kindEnv(doc, st.options) });
  const level = topLevel(doc, g);
  const results = st.results.slice();
  const changed: number[] = [];
  for (let p = first; p < n; p++) {
    const i = g.order[p]!;
    if (!dirty[i]) continue;
    const before = results[i]!;
    const after = evaluateNode(ctx, level, i, results);
    results[i] = after;
    changed.push(i);
    if (sameOutputs(before, after)) continue;
    for (const k of g.outgoing[i]!) {
      const j = g.index.get(g.edges[k]!.to[0]);
      if (j !== undefined) dirty[j] = 1;
    }
  }
  return assemble(doc, st.options, { ...shared, env: ctx.env }, g, results, st.members, { prev, changed });
}

function assemble(
  doc: GraphDocument, options: AnalyzeOptions | undefined, shared: Shared, g: GraphIndex, results: readonly NodeAnalysis[],
  members: readonly (readonly number[])[], update: { prev: Analysis; changed: readonly number[] } | undefined,
): Analysis {
  let order: readonly string[];
  let nodes: Map<string, NodeAnalysis>;
  if (update) {
    order = update.prev.order;
    nodes = new Map(update.prev.nodes);
    for (const i of update.changed) nodes.set(g.nodes[i]!.id, results[i]!);
  } else {
    order = Array.from(g.order, (i) => g.nodes[i]!.id);
    nodes = new Map();
    for (let p = 0; p < g.order.length; p++) {
      const r = results[g.order[p]!]!;
      nodes.set(r.id, r);
    }
  }
  const diagnostics: PassDiagnostic[] = documentDiagnostics(doc, shared.env, g);
  let params = 0;
  let flops = 0;
  for (let p = 0; p < g.order.length; p++) {
    const r = results[g.order[p]!]!;
    params += r.paramCount;
    flops += r.flops;
    for (const d of r.diagnostics) diagnostics.push(d);
  }
  const networks = checkNetworks(doc, g, results, members);
  diagnostics.push(...networks.diagnostics, ...checkTraining(doc, g));
  const internal: AnalysisInternals = { options, env: shared.env, graph: g, results, members, recursive: shared.recursive, cache: shared.cache };
  const analysis: Analysis = { doc, order, nodes, diagnostics, totals: { params, flops }, networks: networks.summaries, internal };
  return g.cycle ? { ...analysis, cycle: g.cycle.map((i) => g.nodes[i]!.id) } : analysis;
}

/** Problems of the document as a whole: repeated ids, wires between two missing nodes, shadowed blocks. */
function documentDiagnostics(doc: GraphDocument, env: KindEnv, g: GraphIndex): PassDiagnostic[] {
  const out: PassDiagnostic[] = [];
  for (const node of g.duplicates) {
    out.push(diag("duplicate-id", { nodeId: node.id, message: `two nodes share the id '${node.id}' (kinds ${g.nodes[g.index.get(node.id)!]!.kind} and ${node.kind}); give one a new id` }));
  }
  for (const k of g.orphans) {
    const e = g.edges[k]!;
    out.push(diag("dangling-edge", { message: `the wire ${wireText(e)} joins two nodes that do not exist; remove it`, fixes: [{ label: "Remove the wire", edits: [{ op: "disconnect", edge: e }] }] }));
  }
  for (const name of Object.keys(doc.blocks)) {
    const r = resolveKind(env, name);
    if (r && r.type !== "block") out.push(diag("block-shadowed", { message: `block '${name}' has the name of ${r.type === "layer" ? "a layer" : "a standard block"}, so nodes of kind '${name}' use that instead; rename the block` }));
  }
  return out;
}

function sameNetworks(a: readonly NetworkDef[], b: readonly NetworkDef[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const sameList = (x: readonly string[], y: readonly string[]) => x === y || (x.length === y.length && x.every((v, i) => v === y[i]));
  return a.every((n, i) => {
    const m = b[i]!;
    return n === m || (n.id === m.id && sameList(n.inputs, m.inputs) && sameList(n.outputs, m.outputs));
  });
}

function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const x = a as readonly (number | null)[], y = b as readonly (number | null)[];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Same kind and params: label changes do not affect the analysis. */
function sameNode(a: GraphNode, b: GraphNode): boolean {
  if (a.kind !== b.kind) return false;
  if (a.params === b.params) return true;
  const ka = Object.keys(a.params), kb = Object.keys(b.params);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a.params[k], b.params[k]));
}

/** Whether consumers could see a difference: output ports, their shapes, whether the kind resolved. */
function sameOutputs(a: NodeAnalysis, b: NodeAnalysis): boolean {
  if ((a.resolved === undefined) !== (b.resolved === undefined)) return false;
  const pa = a.ports.outputs, pb = b.ports.outputs;
  if (pa.length !== pb.length) return false;
  for (let k = 0; k < pa.length; k++) {
    const port = pa[k]!;
    if (port !== pb[k]) return false;
    const sa = a.outputs[port], sb = b.outputs[port];
    if (sa === sb) continue;
    if (!sa || !sb || sa.length !== sb.length) return false;
    for (let d = 0; d < sa.length; d++) if (sa[d] !== sb[d]) return false;
  }
  return true;
}
