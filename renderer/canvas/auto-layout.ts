/**
 * Auto-layout with ELK's layered algorithm: the graph as ELK reads it, and ELK's answer back as
 * one batch of move edits (one undo step). Pure, so it runs in Node for tests and benchmarks;
 * the app runs ELK itself in a Web Worker (elk-layout.ts).
 *
 * Options: ELK's defaults let parallel branches drift sideways (BASELINES.md: a 3,000-node graph
 * came out 48,000 px wide). Brandes-Köpf placement with balanced alignment keeps the branches of
 * an inception module stacked tightly around their trunk, and model order keeps branches in the
 * order the document lists them. A long network (many layers deep) wraps into rows, like lines of
 * text, so that fit view shows it at a readable size instead of as a 100,000 px ribbon.
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import type { GraphDocument, GraphEdge } from "../../graph-ir/core/document.js";
import type { Edit, Position } from "../../graph-ir/core/edits.js";
import { handleOffset, type FlowDirection, type LayerNodeData } from "./to-flow.js";
import { nodeSize } from "./to-flow.js";

export interface LayoutNode {
  readonly id: string;
  readonly data: Pick<LayerNodeData, "inputs" | "outputs" | "detail">;
}

export interface LayoutRequest {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly GraphEdge[];
  readonly direction: FlowDirection;
  /** Width / height of the canvas; a wrapped layout aims for it. */
  readonly aspectRatio: number;
}

/**
 * Deeper than this many layers, the layout may wrap into rows (or columns, top to bottom): ELK
 * cuts the chain where that brings it nearest the canvas's proportions, and leaves it whole when
 * it already fits.
 */
export const WRAP_FROM_LAYERS = 6;
const WRAP_WIDER = 1.8;

/** Each node's layer on the longest path from a source (1 for sources); nodes in a cycle stay where reached. */
export function layerDepths(ids: readonly string[], edges: readonly GraphEdge[]): Int32Array {
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: number[][] = ids.map(() => []);
  const indeg = new Int32Array(ids.length);
  for (const e of edges) {
    const a = index.get(e.from[0]), b = index.get(e.to[0]);
    if (a === undefined || b === undefined || a === b) continue;
    out[a]!.push(b);
    indeg[b]!++;
  }
  const depth = new Int32Array(ids.length).fill(1);
  const queue: number[] = [];
  indeg.forEach((d, i) => d === 0 && queue.push(i));
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of out[v]!) {
      depth[w] = Math.max(depth[w]!, depth[v]! + 1);
      if (--indeg[w]! === 0) queue.push(w);
    }
  }
  return depth;
}

/** Layers on the longest path: the depth of the network. */
export function layerCount(ids: readonly string[], edges: readonly GraphEdge[]): number {
  return layerDepths(ids, edges).reduce((m, d) => Math.max(m, d), 0);
}

/**
 * A quick layered placement without ELK, for small read-only views (the inside of a block):
 * one column per layer (one row, top to bottom), nodes in document order, centred on the
 * widest column. Synchronous, so an opened block shows at once.
 */
export function layeredPositions(
  items: readonly { readonly id: string; readonly width: number; readonly height: number }[],
  edges: readonly GraphEdge[], direction: FlowDirection, gap = { along: 80, across: 32 },
): Map<string, Position> {
  const depth = layerDepths(items.map((n) => n.id), edges);
  const layers: (typeof items[number])[][] = [];
  items.forEach((n, i) => (layers[depth[i]! - 1] ??= []).push(n));
  const across = (n: typeof items[number]) => (direction === "RIGHT" ? n.height : n.width);
  const alongSize = (n: typeof items[number]) => (direction === "RIGHT" ? n.width : n.height);
  const extent = layers.map((l) => (l ?? []).reduce((s, n) => s + across(n), 0) + Math.max(0, (l ?? []).length - 1) * gap.across);
  const widest = Math.max(0, ...extent);
  const out = new Map<string, Position>();
  let along = 0;
  layers.forEach((layer, k) => {
    if (!layer) return;
    let at = (widest - extent[k]!) / 2;
    for (const n of layer) {
      out.set(n.id, direction === "RIGHT" ? [along, Math.round(at)] : [Math.round(at), along]);
      at += across(n) + gap.across;
    }
    along += Math.max(...layer.map(alongSize)) + gap.along;
  });
  return out;
}

const portId = (node: string, side: "in" | "out", port: string) => `${node}\u0000${side}\u0000${port}`;

export function layoutOptions(request: Pick<LayoutRequest, "direction" | "aspectRatio">, layers: number): Record<string, string> {
  const options: Record<string, string> = {
    "elk.algorithm": "layered",
    "elk.direction": request.direction,
    "elk.spacing.nodeNode": "28",
    // Left to right, the gap between layers holds each wire's shape label (B×28×28×32).
    "elk.layered.spacing.nodeNodeBetweenLayers": request.direction === "RIGHT" ? "110" : "64",
    "elk.spacing.componentComponent": "56",
    "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
    "elk.layered.nodePlacement.bk.fixedAlignment": "BALANCED",
    "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  };
  if (layers > WRAP_FROM_LAYERS) {
    options["elk.layered.wrapping.strategy"] = "SINGLE_EDGE";
    // ELK wraps more than it needs to fill the canvas; asking for wider keeps rows long enough to read.
    options["elk.aspectRatio"] = String(Math.round(Math.min(6, Math.max(0.25, request.aspectRatio * WRAP_WIDER)) * 100) / 100);
  }
  return options;
}

/** The graph as ELK reads it: nodes with their card sizes and ports fixed where the dots are. */
export function toElkGraph(request: LayoutRequest): ElkNode {
  const { direction } = request;
  const known = new Set(request.nodes.map((n) => n.id));
  const children: ElkNode[] = request.nodes.map((n) => {
    const size = nodeSize(n.data, direction);
    const place = (side: "inputs" | "outputs", i: number) => {
      const along = handleOffset(n.data, side, i, direction);
      const edge = side === "inputs" ? 0 : direction === "RIGHT" ? size.width : size.height;
      return direction === "RIGHT" ? { x: edge, y: along } : { x: along, y: edge };
    };
    return {
      id: n.id,
      width: size.width,
      height: size.height,
      layoutOptions: { "elk.portConstraints": "FIXED_POS" },
      ports: [
        ...n.data.inputs.map((p, i) => ({ id: portId(n.id, "in", p), width: 0, height: 0, ...place("inputs", i) })),
        ...n.data.outputs.map((p, i) => ({ id: portId(n.id, "out", p), width: 0, height: 0, ...place("outputs", i) })),
      ],
    };
  });
  const ports = new Set(children.flatMap((c) => c.ports!.map((p) => p.id)));
  const edges = request.edges.flatMap((e, i) => {
    const source = portId(e.from[0], "out", e.from[1]);
    const target = portId(e.to[0], "in", e.to[1]);
    if (!known.has(e.from[0]) || !known.has(e.to[0]) || !ports.has(source) || !ports.has(target)) return [];
    return [{ id: `e${i}`, sources: [source], targets: [target] }];
  });
  const layers = layerCount(request.nodes.map((n) => n.id), request.edges);
  return { id: "root", layoutOptions: layoutOptions(request, layers), children, edges };
}

/** Top-left corner of each node in ELK's answer, rounded to whole pixels. */
export function positionsFromElk(result: ElkNode): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const c of result.children ?? []) {
    if (typeof c.x === "number" && typeof c.y === "number") out.set(c.id, [Math.round(c.x), Math.round(c.y)]);
  }
  return out;
}

/** The moves that put nodes where the layout says, as one undo step; undefined when nothing moves. */
export function layoutEdit(doc: GraphDocument, positions: ReadonlyMap<string, Position>, label = "Auto-layout"): Edit | undefined {
  const edits: Edit[] = [];
  for (const n of doc.nodes) {
    const to = positions.get(n.id);
    if (!to) continue;
    const from = doc.layout[n.id];
    if (from && from[0] === to[0] && from[1] === to[1]) continue;
    edits.push({ op: "move", id: n.id, position: to });
  }
  return edits.length ? { op: "batch", label, edits } : undefined;
}
