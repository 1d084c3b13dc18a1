/**
 * Autoregressive image models (PixelCNN): the target is the input itself. The network maps an
 * image to, at every pixel, the distribution of that pixel's value given the pixels before it
 * (masked convolutions see to that); the loss is the negative log-likelihood per pixel and
 * channel, in nats, with bits per dimension beside it (nats / ln 2).
 *
 * Two likelihoods, chosen by the one loss term on the network's output:
 *   binaryCrossentropy            Bernoulli: pixels binarised at `threshold` (default 0.5);
 *                                 the output has one channel per input channel.
 *   (sparse)categoricalCrossentropy  categorical over K grey levels: one input channel, the
 *                                 output's K channels; pixel v in [0, 1] is level ⌊v·K⌋ (at most K-1).
 * The network sees the image as it will see its own samples: binarised, or levels / (K-1).
 * Option downscale (whole number, default 1) first shrinks the dataset's images by that factor
 * (the mean of each f×f block), so 28×28 digits train a 14×14 model in a fraction of the time.
 * An output with sigmoid or softmax gives probabilities; a linear output gives logits.
 */
import { oneNetworkRecipe } from "./one-network.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import type { TrainingSpec } from "../../graph-ir/core/document.js";
import { toTensor } from "../data/tensors.js";
import type { Batch, Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { checkInputFits } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import { makeOptimizer } from "../train/optimizers.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import type { OptionValue } from "../train/settings.js";
import type { UpdateGroup } from "../train/update.js";

/** How an autoregressive image network reads and predicts pixels; shared with runtime/sample. */
export interface PixelModel {
  readonly likelihood: "bernoulli" | "categorical";
  /** Grey levels of the categorical likelihood (2 for Bernoulli). */
  readonly levels: number;
  readonly threshold: number;
  /** True when the output is logits (linear), false for probabilities. */
  readonly logits: boolean;
  /** Per-sample image shape [H, W, C]. */
  readonly shape: readonly [number, number, number];
  /** Index of the predicting output among the network's outputs. */
  readonly output: number;
  /** Dataset images are shrunk by this factor (mean of f×f blocks) before anything else. */
  readonly downscale: number;
}

const EPS = 1e-7;

function outputActivation(net: MaterializedNetwork, layer: string): string {
  const a = net.topology.config.layers.find((l) => l.name === layer)?.config["activation"];
  return typeof a === "string" ? a : "linear";
}

/** Reads the network and training section as an autoregressive image model, or says what does not fit. */
export function pixelModel(training: TrainingSpec, net: MaterializedNetwork, options: Readonly<Record<string, OptionValue>> = training.options ?? {}): PixelModel {
  const fail = (why: string, node?: string): never => {
    throw new TrainingError("bad-settings", `The autoregressive recipe ${why}`, node);
  };
  if (net.inputs.length !== 1) fail(`feeds each image to one input, but network '${net.id}' has ${net.inputs.length}; give it a single Input node.`);
  const input = net.inputs[0]!;
  const shape = input.shape.slice(1);
  if (shape.length !== 3 || !shape.every((d): d is number => typeof d === "number")) {
    fail(`models images: input '${input.nodeId}' must be height×width×channels with known sizes, but it is ${formatShape(shape)}.`, input.nodeId);
  }
  const [h, w, c] = shape as number[];
  if (training.losses.length !== 1) {
    fail(`needs exactly one entry in training.losses, on the output that predicts each pixel (binaryCrossentropy for black-and-white images, sparseCategoricalCrossentropy for grey levels); it has ${training.losses.length}.`);
  }
  const term = training.losses[0]!;
  const index = net.outputs.findIndex((o) => o.nodeId === term.output);
  if (index < 0) fail(`has its loss on '${term.output}', which is not an output of network '${net.id}'; pick one of ${net.outputs.map((o) => o.nodeId).join(", ")}.`, term.output);
  const out = net.outputs[index]!;
  const oshape = out.shape.slice(1);
  const act = outputActivation(net, out.layer);
  let likelihood: PixelModel["likelihood"];
  let levels = 2;
  if (term.loss === "binaryCrossentropy") {
    likelihood = "bernoulli";
    if (oshape.length !== 3 || oshape[0] !== h || oshape[1] !== w || oshape[2] !== c) {
      fail(`with a Bernoulli likelihood needs '${out.nodeId}' to give one probability per pixel and channel, ${h}×${w}×${c}, but it gives ${formatShape(oshape)}; set its filters to ${c}.`, out.nodeId);
    }
    if (act !== "sigmoid" && act !== "linear") fail(`needs '${out.nodeId}' to output probabilities (sigmoid) or logits (linear), not ${act}.`, out.nodeId);
  } else if (term.loss === "sparseCategoricalCrossentropy" || term.loss === "categoricalCrossentropy") {
    likelihood = "categorical";
    if (c !== 1) fail(`with grey levels models one channel, but input '${input.nodeId}' has ${c}; use binaryCrossentropy for several channels.`, input.nodeId);
    const k = oshape[2];
    if (oshape.length !== 3 || oshape[0] !== h || oshape[1] !== w || typeof k !== "number" || k < 2) {
      fail(`with grey levels needs '${out.nodeId}' to give K ≥ 2 scores per pixel, ${h}×${w}×K, but it gives ${formatShape(oshape)}.`, out.nodeId);
    }
    levels = k as number;
    if (act !== "softmax" && act !== "linear") fail(`needs '${out.nodeId}' to output probabilities (softmax) or logits (linear), not ${act}.`, out.nodeId);
  } else {
    return fail(`models pixels with binaryCrossentropy (black and white) or sparseCategoricalCrossentropy (grey levels), not ${term.loss}.`, term.output);
  }
  const threshold = options["threshold"] ?? 0.5;
  if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) fail(`reads training.options.threshold as the grey value above which a pixel is white; it must be a number between 0 and 1, not ${JSON.stringify(threshold)}.`);
  const downscale = options["downscale"] ?? 1;
  if (typeof downscale !== "number" || !Number.isInteger(downscale) || downscale < 1 || downscale > 16) fail(`reads training.options.downscale as the factor images are shrunk by; it must be a whole number from 1 to 16, not ${JSON.stringify(downscale)}.`);
  return { likelihood, levels, threshold: threshold as number, logits: act === "linear", shape: [h!, w!, c!], output: index, downscale: downscale as number };
}

/** The dataset's images at the network's size, or why they do not fit. */
function checkImages(m: PixelModel, dataset: Dataset, net: MaterializedNetwork): void {
  if (m.downscale === 1) return checkInputFits(dataset, net.inputs[0]!, net.id);
  const [h, w, c] = dataset.inputShape;
  const f = m.downscale;
  const fits = h !== undefined && w !== undefined && h / f === m.shape[0] && w / f === m.shape[1] && c === m.shape[2];
  if (!fits) {
    const input = net.inputs[0]!;
    throw new TrainingError("data-shape", `The dataset ${dataset.id} gives images of ${dataset.inputShape.join("×")}, which shrunk ${f} times (training.options.downscale) are not the ${m.shape.join("×")} that input '${input.nodeId}' takes; set its shape to [${[h === undefined ? "?" : h / f, w === undefined ? "?" : w / f, c].join(", ")}] or change downscale.`, input.nodeId);
  }
}

/** Dataset images shrunk by the model's factor (mean of each f×f block). */
export function shrink(m: PixelModel, x: tf.Tensor): tf.Tensor {
  return m.downscale === 1 ? x : tf.avgPool(x as tf.Tensor4D, m.downscale, m.downscale, "valid");
}

/** Pixel values in [0, 1] -> what the network sees and the target it predicts (levels as int32). */
export function quantize(m: PixelModel, x: tf.Tensor): { input: tf.Tensor; target: tf.Tensor } {
  if (m.likelihood === "bernoulli") {
    const bin = tf.cast(tf.greater(x, m.threshold), "float32");
    return { input: bin, target: bin };
  }
  const level = tf.minimum(tf.floor(tf.mul(tf.clipByValue(x, 0, 1), m.levels)), m.levels - 1);
  return { input: tf.div(level, m.levels - 1), target: tf.cast(tf.squeeze(level, [-1]), "int32") };
}

/** Mean negative log-likelihood per pixel and channel, in nats. */
export function nllPerDim(m: PixelModel, out: tf.Tensor, target: tf.Tensor): tf.Scalar {
  if (m.likelihood === "bernoulli") {
    if (m.logits) return tf.mean(tf.sub(tf.softplus(out), tf.mul(target, out))) as tf.Scalar;
    const p = tf.clipByValue(out, EPS, 1 - EPS);
    return tf.neg(tf.mean(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)))))) as tf.Scalar;
  }
  const logp = m.logits ? tf.logSoftmax(out) : tf.log(tf.clipByValue(out, EPS, 1));
  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(target, m.levels), logp), -1))) as tf.Scalar;
}

function prepare(ctx: RecipeContext): PreparedRecipe {
  const net = ctx.networks["model"]!;
  const m = pixelModel(ctx.training, net, ctx.settings.options);
  checkImages(m, ctx.dataset, net);
  const model = net.model;
  const group: UpdateGroup = { name: "model", optimizer: makeOptimizer(ctx.settings.optimizer), variables: model.trainableWeights };
  const forward = (batch: Batch, training: boolean) => {
    const { input, target } = quantize(m, shrink(m, toTensor(batch.x)));
    const outs = ([] as tf.Tensor[]).concat(model.apply(input, { training }) as tf.Tensor | tf.Tensor[]);
    const loss = nllPerDim(m, outs[m.output]!, target);
    return { loss, report: [tf.div(loss, Math.LN2) as tf.Scalar] };
  };
  return oneNetworkRecipe({
    columns: [
      { name: "loss", kind: "loss", better: "lower" },
      { name: "bits_per_dim", kind: "metric", better: "lower" },
    ],
    group, network: net, forward,
    probeInputs: (batch) => [quantize(m, shrink(m, toTensor(batch.x))).input],
  });
}

export const autoregressive: Recipe = {
  id: "autoregressive",
  title: "Autoregressive (pixel by pixel)",
  roles: ["model"],
  options: ["threshold", "downscale"],
  prepare,
};
