/** Small document builders for the passes tests: read like the graphs they describe. */
import type { BlockDef, GraphDocument, GraphEdge, GraphNode, NetworkDef, Params } from "../../../graph-ir/core/document.js";

export const node = (id: string, kind: string, params: Params = {}): GraphNode => ({ id, kind, params });

/** wire("a.y", "b.x"): from port y of a to port x of b. */
export function wire(from: string, to: string): GraphEdge {
  const split = (s: string): [string, string] => {
    const dot = s.lastIndexOf(".");
    return [s.slice(0, dot), s.slice(dot + 1)];
  };
  return { from: split(from), to: split(to) };
}

/** A chain a -> b -> c of single-port layers (y -> x). */
export function chain(...ids: string[]): GraphEdge[] {
  return ids.slice(1).map((id, k) => wire(`${ids[k]}.y`, `${id}.x`));
}

export function doc(parts: {
  nodes: GraphNode[];
  edges?: GraphEdge[];
  networks?: NetworkDef[];
  blocks?: Record<string, BlockDef>;
  training?: GraphDocument["training"];
}): GraphDocument {
  const d: GraphDocument = {
    format: "layerloom-graph", version: 1, name: "test",
    blocks: parts.blocks ?? {}, nodes: parts.nodes, edges: parts.edges ?? [], networks: parts.networks ?? [], layout: {},
  };
  return parts.training ? { ...d, training: parts.training } : d;
}

export const net = (id: string, inputs: string[], outputs: string[]): NetworkDef => ({ id, inputs, outputs });

/** Codes of a list of diagnostics, for compact assertions. */
export const codes = (ds: readonly { code: string }[]): string[] => ds.map((d) => d.code);
