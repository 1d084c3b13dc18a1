/**
 * The inside of a block instance, read-only: its body as the analysis expanded it (inner nodes
 * with the shapes this instance gives them), between two port nodes standing for the block's
 * own inputs and outputs. A path of node ids leads from the document through nested blocks.
 */
import { BLOCK_IN, BLOCK_OUT, type GraphEdge } from "../../graph-ir/core/document.js";
import type { Analysis, BodyAnalysis, NodeAnalysis } from "../../graph-ir/passes/types.js";
import { layeredPositions } from "./auto-layout.js";
import { shapeLabel } from "./wire-label.js";
import { edgeId, nodeData, nodeSize, type FlowDirection, type LayerFlowNode, type LayerNodeData, type WireFlowEdge } from "./to-flow.js";

export interface Crumb {
  readonly id: string;
  readonly title: string;
}

export interface OpenedBlock {
  /** One crumb per opened level, outermost first. */
  readonly crumbs: readonly Crumb[];
  /** The innermost opened instance and its body. */
  readonly instance: NodeAnalysis;
  readonly body: BodyAnalysis;
}

const titleOf = (n: NodeAnalysis) => n.resolved?.title ?? n.kind;

/** Follows `path` into nested block bodies; undefined when any step is gone or has no body. */
export function openBlock(analysis: Analysis, path: readonly string[]): OpenedBlock | undefined {
  if (path.length === 0) return undefined;
  let node = analysis.nodes.get(path[0]!);
  const label = analysis.doc.nodes.find((n) => n.id === path[0])?.label;
  const crumbs: Crumb[] = [];
  for (let i = 0; ; i++) {
    if (!node?.body) return undefined;
    crumbs.push({ id: node.id, title: i === 0 && label ? label : titleOf(node) });
    if (i === path.length - 1) return { crumbs, instance: node, body: node.body };
    const next: string = path[i + 1]!;
    node = node.body.nodes.find((n) => n.id === next);
  }
}

function portNode(title: string, inputs: readonly string[], outputs: readonly string[]): LayerNodeData {
  return { title, subtitle: undefined, category: "input", detail: undefined, inputs, outputs, errors: 0, problem: undefined, block: false, readOnly: true };
}

/** The body as flow nodes and wires, laid out in layers, with the instance's shapes on the wires. */
export function blockFlow(opened: OpenedBlock, direction: FlowDirection): { nodes: LayerFlowNode[]; edges: WireFlowEdge[] } {
  const { instance, body } = opened;
  const data = new Map<string, LayerNodeData>();
  data.set(BLOCK_IN, portNode("Block inputs", [], instance.ports.inputs));
  for (const n of body.nodes) data.set(n.id, { ...nodeData({ id: n.id, kind: n.kind, params: n.params }, n), readOnly: true });
  data.set(BLOCK_OUT, portNode("Block outputs", instance.ports.outputs, []));
  const items = [...data].map(([id, d]) => ({ id, ...nodeSize(d, direction) }));
  const positions = layeredPositions(items, body.edges, direction);
  const nodes: LayerFlowNode[] = items.map((item) => {
    const p = positions.get(item.id) ?? [0, 0];
    return { id: item.id, type: "layer", position: { x: p[0], y: p[1] }, data: data.get(item.id)!, width: item.width, height: item.height, draggable: false, connectable: false, selectable: false, deletable: false };
  });
  const shapeOf = (e: GraphEdge) => (e.from[0] === BLOCK_IN ? instance.inputs[e.from[1]] : body.nodes.find((n) => n.id === e.from[0])?.outputs[e.from[1]]);
  const edges: WireFlowEdge[] = body.edges
    .filter((e) => data.has(e.from[0]) && data.has(e.to[0]))
    .map((e) => ({
      id: edgeId(e), type: "wire", source: e.from[0], sourceHandle: e.from[1], target: e.to[0], targetHandle: e.to[1],
      selectable: false, deletable: false, data: { label: shapeLabel(shapeOf(e)), flash: 0 },
    }));
  return { nodes, edges };
}
