/** The activation that produced a network output, looking through layers that only move values. */
import type { MaterializedNetwork } from "../materialize/materialize.js";

/** Layers that rearrange values without changing them: the activation is the one before. */
const SHAPE_ONLY: ReadonlySet<string> = new Set(["Reshape", "Flatten", "Permute"]);

export function finalActivation(net: MaterializedNetwork, layerName: string): string {
  const layers = new Map(net.topology.config.layers.map((l) => [l.name, l]));
  let layer = layers.get(layerName);
  for (let hops = 0; layer && SHAPE_ONLY.has(layer.class_name) && hops < layers.size; hops++) {
    const from = layer.inbound_nodes[0]?.[0]?.[0];
    layer = from === undefined ? undefined : layers.get(from);
  }
  if (!layer) return "linear";
  if (layer.class_name === "Softmax") return "softmax";
  const a = layer.config["activation"];
  return typeof a === "string" ? a : "linear";
}
