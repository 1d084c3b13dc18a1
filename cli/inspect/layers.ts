/**
 * Which Keras layer a `--node` names, and each tool's default when none is named. A node id on
 * the canvas names its own layer, or a block instance's last layer (its output); "block/inner"
 * names a layer inside a block; an exact Keras layer name ("inc3a__b1_1x1") works too.
 */
import type { MaterializedNetwork } from "../../runtime/materialize/materialize.js";

export type Tool = "activations" | "saliency" | "guided" | "gradcam" | "optimize" | "tsne" | "pca";

const outputRank = (net: MaterializedNetwork, layer: string): number => {
  const shape = net.model.getLayer(layer).outputShape;
  return (Array.isArray(shape[0]) ? (shape[0] as unknown[]) : (shape as unknown[])).length;
};

/** Layers in topological order, without the inputs. */
function bodyLayers(net: MaterializedNetwork): string[] {
  return net.layerOrder.filter((l) => net.model.getLayer(l).getClassName() !== "InputLayer");
}

export function resolveNode(net: MaterializedNetwork, id: string): string | { problem: string } {
  if (net.layerOrder.includes(id) && net.nodeOf(id)?.inner.length === 0) return id;
  const [head, ...inner] = id.split("/");
  const path = inner.join("/");
  const matches = net.layerOrder.filter((l) => {
    const ref = net.nodeOf(l);
    return ref !== undefined && ref.nodeId === head && (inner.length === 0 || ref.inner.join("/") === path);
  });
  if (matches.length) return matches[matches.length - 1]!;
  if (net.layerOrder.includes(id)) return id;
  const nodes = [...new Set(bodyLayers(net).map((l) => net.nodeOf(l)?.nodeId ?? l))];
  return { problem: `network '${net.id}' has no node '${id}'; its nodes are ${nodes.slice(0, 20).join(", ")}${nodes.length > 20 ? ", ..." : ""}.` };
}

/** The layer a tool looks at when no --node is given, or why there is none. */
export function defaultLayer(net: MaterializedNetwork, tool: Tool): string | { problem: string } | undefined {
  const body = bodyLayers(net);
  const output = net.model.outputLayers[0]!.name;
  switch (tool) {
    case "saliency":
    case "guided":
      return undefined;
    case "activations":
      return body[0] ?? { problem: `network '${net.id}' has no layers to show.` };
    case "gradcam": {
      const maps = body.filter((l) => outputRank(net, l) === 4);
      return maps[maps.length - 1] ?? { problem: `Grad-CAM needs a convolutional layer with feature maps, and network '${net.id}' has none.` };
    }
    case "optimize":
      return output;
    case "tsne":
    case "pca": {
      // The layer feeding the output: the classifier's penultimate representation.
      const feeding = net.model.getLayer(output).inboundNodes[0]?.inboundLayers[0]?.name;
      return feeding && body.includes(feeding) ? feeding : output;
    }
  }
}

/** How a layer is named to the person: its node id, with the inner path for a block's layer. */
export function nodeLabel(net: MaterializedNetwork, layer: string): string {
  const ref = net.nodeOf(layer);
  return ref ? [ref.nodeId, ...ref.inner].join("/") : layer;
}
