/**
 * Far out on a big graph the canvas stops drawing nodes and wires as DOM and paints them into one
 * <canvas> instead (FarCanvas.tsx). With every node on screen, a DOM graph costs hit testing,
 * layerizing a transform per node and rastering every card on each frame of a pan; one canvas
 * costs one bitmap. This file holds the pure parts: what is drawn where, and what is under the
 * pointer, in flow coordinates.
 */
import type { Category } from "../../graph-ir/layers/types.js";
import { handleOffset, type FlowDirection, type LayerFlowNode, type WireFlowEdge } from "./to-flow.js";

/** From this many nodes, far-out views are painted on a canvas. */
export const PAINT_FROM_NODES = 300;

export interface FarNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly category: Category | undefined;
  readonly error: boolean;
  readonly selected: boolean;
  readonly block: boolean;
}

export interface FarWire {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface FarScene {
  readonly nodes: readonly FarNode[];
  readonly wires: readonly FarWire[];
  readonly direction: FlowDirection;
}

/** Nodes and wires as the canvas paints them: boxes, and wires from port dot to port dot. */
export function farScene(nodes: readonly LayerFlowNode[], edges: readonly WireFlowEdge[], direction: FlowDirection): FarScene {
  const byId = new Map<string, LayerFlowNode>();
  const out: FarNode[] = nodes.map((n) => {
    byId.set(n.id, n);
    return {
      id: n.id, x: n.position.x, y: n.position.y, width: n.width ?? 200, height: n.height ?? 40, title: n.data.title,
      category: n.data.category, error: n.data.errors > 0, selected: n.selected ?? false, block: n.data.block,
    };
  });
  const wires: FarWire[] = [];
  for (const e of edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (!a || !b) continue;
    const from = a.data.outputs.indexOf(e.sourceHandle ?? ""), to = b.data.inputs.indexOf(e.targetHandle ?? "");
    if (from < 0 || to < 0) continue;
    const along1 = handleOffset(a.data, "outputs", from, direction), along2 = handleOffset(b.data, "inputs", to, direction);
    wires.push(direction === "RIGHT"
      ? { x1: a.position.x + (a.width ?? 200), y1: a.position.y + along1, x2: b.position.x, y2: b.position.y + along2 }
      : { x1: a.position.x + along1, y1: a.position.y + (a.height ?? 40), x2: b.position.x + along2, y2: b.position.y });
  }
  return { nodes: out, wires, direction };
}

/** The topmost node under a flow point (later nodes are drawn over earlier ones). */
export function nodeAt(scene: FarScene, x: number, y: number, slack = 0): FarNode | undefined {
  for (let i = scene.nodes.length - 1; i >= 0; i--) {
    const n = scene.nodes[i]!;
    if (x >= n.x - slack && x <= n.x + n.width + slack && y >= n.y - slack && y <= n.y + n.height + slack) return n;
  }
  return undefined;
}

/** Titles are painted only where they can be read: 5px tall on screen or more (zoom 0.31 and up). */
export const TITLE_FONT = 16;
export function titlesReadable(zoom: number): boolean {
  return TITLE_FONT * zoom >= 5;
}

/** The flow rectangle on screen for a transform [x, y, zoom] and a canvas size. */
export function visibleRect(transform: readonly [number, number, number], width: number, height: number) {
  const [tx, ty, k] = transform;
  return { x0: -tx / k, y0: -ty / k, x1: (width - tx) / k, y1: (height - ty) / k };
}
