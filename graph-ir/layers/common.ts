/** Small pieces shared by layer families: activation names, shape helpers, Keras initializers. */
import type { Dim, Shape } from "../core/shape.js";
import { isKnown } from "../core/shape.js";
import { p } from "../core/params.js";

/** Activations tfjs serialises under these exact names. */
export const ACTIVATIONS = ["linear", "relu", "relu6", "elu", "selu", "sigmoid", "tanh", "softmax", "softplus", "softsign", "swish", "gelu"] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];
export const activationParam = (def: ActivationName = "linear") => p.enum(ACTIVATIONS, def, "Applied to the layer's output.");

export const PORT_X = ["x"] as const;
export const PORT_Y = ["y"] as const;
export const singlePort = { inputs: PORT_X, outputs: PORT_Y } as const;

/** Product of dims, 0 when any is symbolic (used for FLOP estimates only). */
export function knownProduct(dims: readonly Dim[]): number {
  let n = 1;
  for (const d of dims) {
    if (!isKnown(d)) return 0;
    n *= d;
  }
  return n;
}

export function lastDim(shape: Shape): Dim {
  return shape[shape.length - 1]!;
}

/** Keras's default kernel initializer, written out so exported topologies are explicit. */
export const glorotUniform = { class_name: "GlorotUniform", config: { seed: null } };
export const zeros = { class_name: "Zeros", config: {} };
