/**
 * From the document and its analysis to React Flow's nodes and edges. Pure: the canvas
 * re-derives them whenever the document changes and never keeps a second copy of the graph.
 * createFlowMapper hands back the previous object for every node and wire that did not change,
 * so a drag or a param edit re-renders only what it touched, not a 1,000-node graph.
 */
import type { Edge, Node } from "@xyflow/react";
import type { GraphDocument, GraphEdge } from "../../graph-ir/core/document.js";
import type { Shape } from "../../graph-ir/core/shape.js";
import type { Category } from "../../graph-ir/layers/types.js";
import type { Analysis, NodeAnalysis } from "../../graph-ir/passes/types.js";
import { shapeLabel } from "./wire-label.js";

/** Which way the graph flows: inputs on the left and outputs on the right, or top to bottom. */
export type FlowDirection = "RIGHT" | "DOWN";

export interface LayerNodeData extends Record<string, unknown> {
  readonly title: string;
  /** What the node is, shown under a custom label ("Conv 2D" under "stem"); else undefined. */
  readonly subtitle: string | undefined;
  /** Category for the stripe; undefined when the kind is unknown. */
  readonly category: Category | undefined;
  /** The one line of key params under the title ("32@3x3 s1 same"). */
  readonly detail: string | undefined;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly errors: number;
  /** The first error's message, for the badge's tooltip. */
  readonly problem: string | undefined;
  /** A block instance: drawn as one card with a corner glyph; double click opens it. */
  readonly block: boolean;
  /** Read-only nodes (inside an opened block) have no drag or connect. */
  readonly readOnly?: boolean;
}

export type LayerFlowNode = Node<LayerNodeData, "layer">;

export interface WireData extends Record<string, unknown> {
  /** The tensor shape as the wire shows it (B×28×28×32); undefined when unknown. */
  readonly label: string | undefined;
  /** Non-zero when the shape changed in the last edit: the wire flashes once per new value. */
  readonly flash: number;
}

export type WireFlowEdge = Edge<WireData, "wire">;

/** Card geometry in px; LayerNode.module.css draws to the same numbers. */
export const CARD = { width: 200, padY: 8, header: 18, detail: 18, portsGap: 4, portRow: 18 } as const;

/** Where a node without a stored position goes: a column down the left, in document order. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return { x: 0, y: index * 120 };
}

/** Port names are listed on the card only when they say something (not a lone x → y). */
export function namedPorts(data: Pick<LayerNodeData, "inputs" | "outputs">): boolean {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  return rows > 1 || data.inputs.some((p) => p !== "x") || data.outputs.some((p) => p !== "y");
}

/**
 * A card's size, fixed by what it shows, so the far-out boxes keep the same size (no re-measure
 * when zooming across the threshold) and auto-layout knows sizes without asking the DOM.
 */
export function nodeSize(data: Pick<LayerNodeData, "inputs" | "outputs" | "detail">, direction: FlowDirection = "RIGHT"): { width: number; height: number } {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  // Top-to-bottom cards put ports along their edges, so no port rows.
  const ports = direction === "RIGHT" && rows > 0 && namedPorts(data) ? CARD.portsGap + rows * CARD.portRow : 0;
  return { width: CARD.width, height: 2 * CARD.padY + CARD.header + (data.detail ? CARD.detail : 0) + ports };
}

function detailOf(a: NodeAnalysis | undefined): string | undefined {
  const resolved = a?.resolved;
  if (resolved?.type !== "layer" || !resolved.def.describe || !a) return undefined;
  try {
    return resolved.def.describe(a.params);
  } catch {
    return undefined; // a describe bug must not take the canvas down; analysis reports the node
  }
}

export function nodeData(node: GraphDocument["nodes"][number], a: NodeAnalysis | undefined): LayerNodeData {
  const resolved = a?.resolved;
  const errors = a?.diagnostics.filter((d) => d.severity === "error") ?? [];
  return {
    title: node.label ?? resolved?.title ?? node.kind,
    subtitle: node.label ? (resolved?.title ?? node.kind) : undefined,
    category: resolved ? (resolved.type === "layer" ? resolved.def.category : "block") : undefined,
    detail: detailOf(a),
    inputs: a?.ports.inputs ?? [],
    outputs: a?.ports.outputs ?? [],
    errors: errors.length,
    problem: errors[0]?.message,
    block: resolved !== undefined && resolved.type !== "layer",
  };
}

export function toFlowNodes(doc: GraphDocument, analysis: Analysis): LayerFlowNode[] {
  return doc.nodes.map((node, index) => {
    const pos = doc.layout[node.id];
    return {
      id: node.id,
      type: "layer",
      position: pos ? { x: pos[0], y: pos[1] } : fallbackPosition(index),
      data: nodeData(node, analysis.nodes.get(node.id)),
    };
  });
}

export function edgeId(e: { from: readonly [string, string]; to: readonly [string, string] }): string {
  return `${e.from[0]}:${e.from[1]}->${e.to[0]}:${e.to[1]}`;
}

/** Parses an edge id back into the document wire it stands for. */
export function edgeFromId(id: string): GraphEdge | undefined {
  const m = /^(.*):([^:>]*)->(.*):([^:]*)$/.exec(id);
  return m ? { from: [m[1]!, m[2]!], to: [m[3]!, m[4]!] } : undefined;
}

/** The shape a wire carries: its source's output on that port. */
export function wireShape(analysis: Analysis, e: GraphEdge): Shape | undefined {
  return analysis.nodes.get(e.from[0])?.outputs[e.from[1]];
}

/** Wires whose ends exist; a dangling wire is shown in Problems, it cannot be drawn. */
export function drawableEdges(doc: GraphDocument, analysis: Analysis): GraphEdge[] {
  const hasPort = (id: string, port: string, side: "inputs" | "outputs") => analysis.nodes.get(id)?.ports[side].includes(port) ?? false;
  return doc.edges.filter((e) => hasPort(e.from[0], e.from[1], "outputs") && hasPort(e.to[0], e.to[1], "inputs"));
}

export function toFlowEdges(doc: GraphDocument, analysis: Analysis): WireFlowEdge[] {
  return drawableEdges(doc, analysis).map((e) => wireEdge(e, shapeLabel(wireShape(analysis, e)), 0));
}

function wireEdge(e: GraphEdge, label: string | undefined, flash: number): WireFlowEdge {
  return { id: edgeId(e), type: "wire", source: e.from[0], sourceHandle: e.from[1], target: e.to[0], targetHandle: e.to[1], data: { label, flash } };
}

/** The label of every drawable wire by edge id: what "did the shape change" compares. */
export function wireLabels(doc: GraphDocument, analysis: Analysis): Map<string, string | undefined> {
  return new Map(drawableEdges(doc, analysis).map((e) => [edgeId(e), shapeLabel(wireShape(analysis, e))]));
}

/** Wires present before and after an edit whose shape label differs: the ones to flash. */
export function changedWires(before: ReadonlyMap<string, string | undefined>, after: ReadonlyMap<string, string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const [id, label] of after) if (before.has(id) && before.get(id) !== label) out.add(id);
  return out;
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  return a.title === b.title && a.subtitle === b.subtitle && a.category === b.category && a.detail === b.detail && a.errors === b.errors &&
    a.problem === b.problem && a.block === b.block && a.readOnly === b.readOnly && sameList(a.inputs, b.inputs) && sameList(a.outputs, b.outputs);
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface NodeView {
  readonly selected: ReadonlySet<string>;
  /** Sizes React Flow measured; it wants them back on controlled nodes. */
  readonly measured: ReadonlyMap<string, Size>;
  readonly direction: FlowDirection;
}

export interface EdgeView {
  /** Wires whose shape changed in the last edit, and that edit's number (restarts the flash). */
  readonly flash: ReadonlySet<string>;
  readonly flashSeq: number;
  readonly selected: ReadonlySet<string>;
}

/**
 * Maps documents to flow elements, reusing the previous element object whenever nothing it
 * shows changed. React Flow compares elements by identity, so unchanged ones skip rendering.
 */
export function createFlowMapper() {
  let lastNodes = new Map<string, LayerFlowNode>();
  let lastEdges = new Map<string, WireFlowEdge>();
  return {
    nodes(doc: GraphDocument, analysis: Analysis, view: NodeView): LayerFlowNode[] {
      const next = new Map<string, LayerFlowNode>();
      const out = doc.nodes.map((node, index) => {
        const pos = doc.layout[node.id];
        const x = pos ? pos[0] : fallbackPosition(index).x;
        const y = pos ? pos[1] : fallbackPosition(index).y;
        const data = nodeData(node, analysis.nodes.get(node.id));
        const selected = view.selected.has(node.id);
        const measured = view.measured.get(node.id);
        const prev = lastNodes.get(node.id);
        const size = nodeSize(data, view.direction);
        let flow: LayerFlowNode;
        if (
          prev && prev.position.x === x && prev.position.y === y && prev.selected === selected && prev.height === size.height &&
          prev.measured?.width === measured?.width && prev.measured?.height === measured?.height && sameData(prev.data, data)
        ) {
          flow = prev;
        } else {
          flow = { id: node.id, type: "layer", position: { x, y }, data: prev && sameData(prev.data, data) ? prev.data : data, selected, width: size.width, height: size.height };
          if (measured) flow.measured = measured;
        }
        next.set(node.id, flow);
        return flow;
      });
      lastNodes = next;
      return out;
    },
    edges(doc: GraphDocument, analysis: Analysis, view: EdgeView): WireFlowEdge[] {
      const next = new Map<string, WireFlowEdge>();
      const out = drawableEdges(doc, analysis).map((e) => {
        const id = edgeId(e);
        const label = shapeLabel(wireShape(analysis, e));
        const flash = view.flash.has(id) ? view.flashSeq : 0;
        const selected = view.selected.has(id);
        const prev = lastEdges.get(id);
        const flow = prev?.data && prev.data.label === label && prev.data.flash === flash && (prev.selected ?? false) === selected ? prev : { ...wireEdge(e, label, flash), selected };
        next.set(id, flow);
        return flow;
      });
      lastEdges = next;
      return out;
    },
  };
}

/**
 * Where a port's dot sits along the card's edge, in px from the card's top (left to right flow)
 * or its left (top to bottom). Named ports sit beside their labels; a lone port sits mid-card.
 */
export function handleOffset(data: Pick<LayerNodeData, "inputs" | "outputs" | "detail">, side: "inputs" | "outputs", index: number, direction: FlowDirection): number {
  const size = nodeSize(data, direction);
  if (direction === "DOWN") {
    const count = data[side].length;
    return Math.round((size.width * (index + 1)) / (count + 1));
  }
  if (!namedPorts(data)) return size.height / 2;
  const top = CARD.padY + CARD.header + (data.detail ? CARD.detail : 0) + CARD.portsGap;
  return top + index * CARD.portRow + CARD.portRow / 2;
}
