/**
 * Which inspection tools apply to a node, decided from the analysis alone (shapes and networks),
 * so the context menu and the command palette can say why a tool does not apply before anything
 * runs: Grad-CAM on a Dense node names the kinds that work.
 */
import { formatShape, type Shape } from "../../graph-ir/core/shape.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { Tool } from "./protocol.js";

export interface ToolChoice {
  readonly tool: Tool;
  readonly title: string;
  readonly available: boolean;
  /** Why it does not apply, and what would. */
  readonly reason?: string;
}

export const TOOL_TITLES: Readonly<Record<Tool, string>> = {
  activations: "Show activations",
  saliency: "Saliency",
  guided: "Guided back-propagation",
  gradcam: "Grad-CAM",
  optimize: "Optimise input",
  tsne: "t-SNE of this layer",
  pca: "PCA of this layer",
};

const ORDER: readonly Tool[] = ["activations", "saliency", "guided", "gradcam", "optimize", "tsne", "pca"];

/** The network a node belongs to: the training's model network first, then the others. */
export function networkOf(analysis: Analysis, nodeId: string): string | undefined {
  const preferred = analysis.doc.training ? Object.values(analysis.doc.training.networks) : [];
  const ids = [...new Set([...preferred, ...analysis.networks.keys()])];
  return ids.find((id) => analysis.networks.get(id)?.nodeIds.includes(nodeId));
}

export function toolsFor(analysis: Analysis, nodeId: string): ToolChoice[] {
  const all = (reason: string) => ORDER.map((tool) => ({ tool, title: TOOL_TITLES[tool], available: false, reason }));
  const node = analysis.nodes.get(nodeId);
  if (!node) return all(`There is no node '${nodeId}' in this graph.`);
  const what = `'${nodeId}' (${node.resolved?.title ?? node.kind})`;
  const netId = networkOf(analysis, nodeId);
  const net = netId === undefined ? undefined : analysis.networks.get(netId);
  if (!net) return all(`${what} is not part of a network: wire it between a network's input and one of its outputs.`);
  if (net.errors > 0) return all(`Network '${net.id}' has ${net.errors} problem${net.errors === 1 ? "" : "s"} (see Problems); fix ${net.errors === 1 ? "it" : "them"} to inspect its layers.`);
  if (net.inputs.some((i) => i.nodeId === nodeId)) return all(`${what} is the network's input: pick a layer after it to inspect.`);
  const out: Shape | undefined = Object.values(node.outputs)[0];
  if (!out) return all(`${what} has no known output shape yet.`);
  const shape = formatShape(out);
  const input = net.inputs[0]?.shape;
  const imageInput = input !== undefined && input.length === 4;
  const inputText = input ? formatShape(input) : "unknown";
  const maps = out.length === 4;
  const sequence = out.length === 3;

  const choice = (tool: Tool, available: boolean, reason: string): ToolChoice =>
    available ? { tool, title: TOOL_TITLES[tool], available } : { tool, title: TOOL_TITLES[tool], available, reason };
  const noImage = (what: string) => `${what} are drawn over an image input (height × width × channels); network '${net.id}' takes ${inputText}.`;
  return [
    choice("activations", maps || sequence,
      `Show activations draws feature maps: it works on layers whose output has height × width × channels (Conv2D, pooling, a conv block) or time × features (recurrent, Conv1D); ${what} gives ${shape}.`),
    choice("saliency", imageInput, noImage("Saliency maps")),
    choice("guided", imageInput, noImage("Guided back-propagation maps")),
    choice("gradcam", maps && imageInput,
      maps ? noImage("Grad-CAM maps") : `Grad-CAM needs spatial feature maps (height × width × channels): use it on a Conv2D, pooling or conv block node; ${what} gives ${shape}.`),
    choice("optimize", imageInput, noImage("Optimised inputs")),
    choice("tsne", true, ""),
    choice("pca", true, ""),
  ];
}

/** How many units the node has to maximise in input optimisation: channels of maps, features of vectors. */
export function unitCount(analysis: Analysis, nodeId: string): number | undefined {
  const out = Object.values(analysis.nodes.get(nodeId)?.outputs ?? {})[0];
  const last = out?.[out.length - 1];
  return typeof last === "number" ? last : undefined;
}
