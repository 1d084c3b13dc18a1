/**
 * tfjs 4.22 computes no gradient for a Conv1D, Conv2D or SeparableConv2D with dilationRate
 * above 1 (its backprop kernels assert dilation 1), so such a network builds and predicts but
 * fails at its first training step deep inside tfjs. Training refuses it up front instead,
 * naming the node and what to do. (DilatedCausalConv1D, our own layer, trains with any
 * dilation; SpectralNormalization fixes dilation at 1.)
 */
import type { MaterializedNetwork } from "../materialize/materialize.js";
import { describeNode } from "../materialize/node-ref.js";
import { TrainingError } from "./errors.js";

const DILATABLE = new Set(["Conv1D", "Conv2D", "SeparableConv2D"]);

function dilationOf(config: Readonly<Record<string, unknown>>): number[] {
  const d = config["dilation_rate"];
  if (typeof d === "number") return [d];
  return Array.isArray(d) ? d.filter((v): v is number => typeof v === "number") : [];
}

/** Throws a TrainingError naming the first dilated convolution of a network, if it has one. */
export function refuseDilatedConvolutions(net: MaterializedNetwork): void {
  for (const layer of net.topology.config.layers) {
    if (!DILATABLE.has(layer.class_name)) continue;
    const d = dilationOf(layer.config);
    if (!d.some((v) => v > 1)) continue;
    const ref = net.nodeOf(layer.name);
    const where = ref ? describeNode(ref) : `layer '${layer.name}'`;
    const hint = layer.class_name === "Conv1D" ? " For sequences, DilatedCausalConv1D trains with any dilation." : "";
    throw new TrainingError(
      "graph",
      `${where} in network '${net.id}' has dilationRate ${d.join("×")}, and the tfjs version Layerloom trains with cannot compute gradients of a dilated ${layer.class_name}, so this network can be inspected and exported but not trained here. Set its dilationRate to 1 (a larger kernelSize, or another 3×3 convolution, also widens what it sees), then train.${hint}`,
      ref?.nodeId ?? layer.name,
    );
  }
}
