/**
 * What both exporters (TypeScript and Keras) read from an autoregressive (PixelCNN) document
 * before printing its training: the image input, the one loss and its likelihood, the grey
 * levels and the options, or why the document cannot be exported with training.
 */
import type { TrainingSpec } from "../core/document.js";
import type { PlannedNetwork } from "./plan.js";
import { numberOption } from "./training-options.js";

export interface PixelSetup {
  readonly ok: true;
  /** The input image's height, width and channels. */
  readonly imageShape: readonly number[];
  /** The output the loss is on, and its index among the network's outputs. */
  readonly output: PlannedNetwork["outputs"][number];
  readonly index: number;
  /** The output is logits (no activation), not probabilities. */
  readonly logits: boolean;
  /** Black-and-white pixels (binary cross-entropy) rather than grey levels. */
  readonly bernoulli: boolean;
  readonly levels: number;
  readonly threshold: number;
  readonly downscale: number;
}

/** The setup, or `{ ok: false, why }` to finish "the autoregressive recipe …". */
export function pixelSetup(t: TrainingSpec, net: PlannedNetwork): PixelSetup | { readonly ok: false; readonly why: string } {
  const fail = (why: string) => ({ ok: false as const, why });
  const shape = net.inputs[0]?.shape.slice(1) ?? [];
  if (net.inputs.length !== 1 || shape.length !== 3 || !shape.every((d) => typeof d === "number")) return fail(`needs network '${net.id}' to take one height×width×channels image`);
  const term = t.losses[0];
  const index = term ? net.outputs.findIndex((o) => o.nodeId === term.output) : -1;
  if (t.losses.length !== 1 || !term || index < 0) return fail(`needs one entry in training.losses, on an output of network '${net.id}'`);
  const output = net.outputs[index]!;
  const activation = net.topology.config.layers.find((l) => l.name === output.layer)?.config["activation"];
  const logits = (typeof activation === "string" ? activation : "linear") === "linear";
  const bernoulli = term.loss === "binaryCrossentropy";
  if (!bernoulli && term.loss !== "sparseCategoricalCrossentropy" && term.loss !== "categoricalCrossentropy") return fail(`has no likelihood for the loss ${term.loss}`);
  const levels = bernoulli ? 2 : output.shape[3];
  if (typeof levels !== "number") return fail(`needs the grey levels of '${output.nodeId}' as a known size`);
  return { ok: true, imageShape: shape as number[], output, index, logits, bernoulli, levels, threshold: numberOption(t, "threshold", 0.5), downscale: numberOption(t, "downscale", 1) };
}
