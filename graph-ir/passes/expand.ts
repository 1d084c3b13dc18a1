/**
 * Flattens block instances into plain layer nodes, recursively: an inner node of instance
 * "inc3a" becomes "inc3a/b1_1x1" (nested: "stage2/inc4a/b1_1x1"), with the instance's params
 * bound (document blocks) or its body built for its input shapes (standard blocks). Works from
 * an analysis, which has already built and checked every body, refused recursive blocks and
 * capped the nesting depth; a graph with errors is not expanded.
 */
import { BLOCK_IN, BLOCK_OUT, type GraphDocument, type GraphEdge, type GraphNode, type NetworkDef, type PortRef } from "../core/document.js";
import { analyze } from "./analyze.js";
import { MAX_BLOCK_DEPTH } from "./context.js";
import { diag, type Analysis, type NodeAnalysis, type PassDiagnostic } from "./types.js";

export interface FlatNode {
  /** The node with its flat id and its params as the analysis resolved them (bound inside blocks, defaults filled in). */
  readonly node: GraphNode;
  /** Its analysis: resolved layer, params, shapes by port. */
  readonly analysis: NodeAnalysis;
  /** The instances it sits in, outermost first; empty for a top-level node. */
  readonly path: readonly string[];
}

export interface Expansion {
  /** Plain layer nodes in topological order. */
  readonly nodes: readonly FlatNode[];
  readonly edges: readonly GraphEdge[];
  /** The flat port carrying a top-level output port's tensor (a block's output resolves to the inner layer feeding it). */
  readonly source: (ref: PortRef) => PortRef | undefined;
}

export type ExpandResult = { readonly ok: true; readonly expansion: Expansion } | { readonly ok: false; readonly diagnostics: readonly PassDiagnostic[] };

const key = (id: string, port: string) => `${id}\u0000${port}`;

interface Sink {
  readonly nodes: FlatNode[];
  readonly edges: GraphEdge[];
  readonly ids: Set<string>;
  readonly problems: PassDiagnostic[];
}

/** Expands the given top-level nodes (all by default) of an analysed document. */
export function expandNodes(analysis: Analysis, ids?: Iterable<string>): ExpandResult {
  const wanted = ids ? new Set(ids) : undefined;
  const items = analysis.order.filter((id) => !wanted || wanted.has(id)).map((id) => analysis.nodes.get(id)!);
  const errors = items.flatMap((n) => n.diagnostics.filter((d) => d.severity === "error"));
  if (errors.length) return { ok: false, diagnostics: errors };
  const sink: Sink = { nodes: [], edges: [], ids: new Set(), problems: [] };
  const source = expandLevel(sink, "", [], items, analysis.doc.edges, () => undefined, 0);
  if (sink.problems.length) return { ok: false, diagnostics: sink.problems };
  return { ok: true, expansion: { nodes: sink.nodes, edges: sink.edges, source } };
}

/**
 * One level: emits its layers, expands its instances in place, and returns how to find the flat
 * source of a port of this level ([BLOCK_IN, p] asks the level above via `outer`).
 */
function expandLevel(
  sink: Sink, prefix: string, path: readonly string[], items: readonly NodeAnalysis[], edges: readonly GraphEdge[],
  outer: (port: string) => PortRef | undefined, depth: number,
): (ref: PortRef) => PortRef | undefined {
  const feeders = new Map<string, GraphEdge>();
  for (const e of edges) feeders.set(key(e.to[0], e.to[1]), e);
  const instanceOutputs = new Map<string, PortRef | undefined>();
  const source = (ref: PortRef): PortRef | undefined => {
    if (ref[0] === BLOCK_IN && depth > 0) return outer(ref[1]);
    const k = key(ref[0], ref[1]);
    return instanceOutputs.has(k) ? instanceOutputs.get(k) : [prefix + ref[0], ref[1]];
  };
  const fedFrom = (id: string, port: string): PortRef | undefined => {
    const e = feeders.get(key(id, port));
    return e ? source(e.from) : undefined;
  };
  for (const item of items) {
    if (item.resolved?.type === "layer") {
      const id = prefix + item.id;
      if (sink.ids.has(id)) {
        sink.problems.push(diag("id-collision", { nodeId: path[0] ?? item.id, message: `expanding blocks gives two nodes the id '${id}'; rename the node or the block instance` }));
        continue;
      }
      sink.ids.add(id);
      sink.nodes.push({ node: { id, kind: item.kind, params: { ...item.params } }, analysis: item, path });
      for (const port of item.ports.inputs) {
        const from = fedFrom(item.id, port);
        if (from) sink.edges.push({ from, to: [id, port] });
      }
      continue;
    }
    const body = item.body;
    if (!body || depth >= MAX_BLOCK_DEPTH) {
      sink.problems.push(diag("block-too-deep", { nodeId: path[0] ?? item.id, message: `'${prefix + item.id}' cannot be expanded: its body is unknown or nested too deep` }));
      continue;
    }
    const inner = expandLevel(sink, `${prefix}${item.id}/`, [...path, item.id], body.nodes, body.edges, (port) => fedFrom(item.id, port), depth + 1);
    const innerFeeders = new Map<string, GraphEdge>();
    for (const e of body.edges) if (e.to[0] === BLOCK_OUT) innerFeeders.set(e.to[1], e);
    for (const port of item.ports.outputs) {
      const e = innerFeeders.get(port);
      instanceOutputs.set(key(item.id, port), e ? inner(e.from) : undefined);
    }
  }
  return source;
}

/**
 * The document with every block instance replaced by its contents: no blocks left, networks and
 * losses pointing at the flat nodes that carry the instances' outputs.
 */
export function expandDocument(doc: GraphDocument, analysis: Analysis = analyze(doc)): { readonly ok: true; readonly doc: GraphDocument } | { readonly ok: false; readonly diagnostics: readonly PassDiagnostic[] } {
  const r = expandNodes(analysis.doc === doc ? analysis : analyze(doc));
  if (!r.ok) return r;
  const { nodes, edges, source } = r.expansion;
  const flatIds = (id: string): string[] => {
    const n = analysis.nodes.get(id);
    if (!n || n.resolved?.type === "layer") return [id];
    return [...new Set(n.ports.outputs.flatMap((p) => source([id, p])?.[0] ?? []))];
  };
  const networks: NetworkDef[] = doc.networks.map((net) => ({ ...net, outputs: [...new Set(net.outputs.flatMap(flatIds))] }));
  const training = doc.training && { ...doc.training, losses: doc.training.losses.map((l) => ({ ...l, output: flatIds(l.output)[0] ?? l.output })) };
  const layout: Record<string, readonly [number, number]> = {};
  for (const f of nodes) {
    const pos = f.path.length === 0 && Object.prototype.hasOwnProperty.call(doc.layout, f.node.id) ? doc.layout[f.node.id] : undefined;
    if (pos) layout[f.node.id] = pos;
  }
  const flat: GraphDocument = { ...doc, blocks: {}, nodes: nodes.map((f) => f.node), edges, networks, layout };
  return { ok: true, doc: training ? { ...flat, training } : flat };
}
