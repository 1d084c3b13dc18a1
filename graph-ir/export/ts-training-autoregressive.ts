/**
 * Exported TypeScript training for the autoregressive recipe (runtime/recipes/autoregressive.ts,
 * PixelCNN): the target is the input itself, the loss the mean negative log-likelihood per pixel
 * and channel in nats, with bits_per_dim beside it. The likelihood follows the one loss term:
 * binaryCrossentropy is Bernoulli on pixels binarised at `threshold`, (sparse)categorical
 * cross-entropy is categorical over the output's K grey levels; `downscale` first averages f×f blocks.
 */
import type { TrainingSpec } from "../core/document.js";
import { commentText, tsLiteral } from "./literal.js";
import { pixelSetup } from "./autoregressive-setup.js";
import type { PlannedNetwork } from "./plan.js";
import { HELPER_NAMES, helperLines, noTraining, optimizerExpression, optimizerText, updateLines, type TrainingCode } from "./ts-training-common.js";

const fail = (why: string): TrainingCode => noTraining(`the autoregressive recipe ${why}, so the file has no training function`);

export function autoregressiveCode(t: TrainingSpec, net: PlannedNetwork): TrainingCode {
  const setup = pixelSetup(t, net);
  if (!setup.ok) return fail(setup.why);
  const { output: out, index, logits, bernoulli, levels, threshold, downscale } = setup;
  const what = `${logits ? "logits" : "probabilities"} from output '${out.nodeId}'`;

  const nll = bernoulli
    ? logits
      ? [`return tf.mean(tf.sub(tf.softplus(out), tf.mul(target, out))) as tf.Scalar;`]
      : [`const p = tf.clipByValue(out, EPSILON, 1 - EPSILON);`, `return tf.neg(tf.mean(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)))))) as tf.Scalar;`]
    : [
      `const logp = ${logits ? "tf.logSoftmax(out)" : "tf.log(tf.clipByValue(out, EPSILON, 1))"};`,
      `return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(target, pixelTraining.levels), logp), -1))) as tf.Scalar;`,
    ];
  const quantize = bernoulli
    ? [`const bin = tf.cast(tf.greater(x, pixelTraining.threshold), "float32");`, `return { input: bin, target: bin };`]
    : [
      `const level = tf.minimum(tf.floor(tf.mul(tf.clipByValue(x, 0, 1), pixelTraining.levels)), pixelTraining.levels - 1);`,
      `return { input: tf.div(level, pixelTraining.levels - 1), target: tf.cast(tf.squeeze(level, [-1]), "int32") };`,
    ];
  const lines: string[] = [
    `// Training as the document sets it up: recipe "autoregressive" on network "${net.id}", dataset "${commentText(t.dataset)}"`,
    `// (bring your own images, values in [0, 1], as a tensor), ${optimizerText(t.optimizer)}, batches of ${t.batchSize}, ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}${t.clipNorm !== undefined ? `, gradients clipped to global norm ${t.clipNorm}` : ""}.`,
    `// The target is the input itself: at every pixel the network predicts that pixel from the ones before it (masked`,
    `// convolutions). ${bernoulli ? `Bernoulli likelihood on pixels binarised at ${threshold}` : `Categorical likelihood over ${levels} grey levels (pixel v is level ⌊v·${levels}⌋)`}, read as ${what};`,
    `// the loss is the mean negative log-likelihood per pixel and channel in nats, bits_per_dim = nats / ln 2.${downscale !== 1 ? ` Images are first shrunk ${downscale} times (the mean of each ${downscale}×${downscale} block).` : ""}`,
    "",
    ...helperLines(t, !logits),
    "",
    `export const pixelTraining = ${tsLiteral({ epochs: t.epochs, batchSize: t.batchSize, threshold, levels, downscale })} as const;`,
    "",
    `export function makePixelOptimizer(): tf.Optimizer {`,
    `  return ${optimizerExpression(t.optimizer)};`,
    "}",
    "",
    `/** Images at the network's size${downscale !== 1 ? ": the mean of each downscale×downscale block" : " (downscale 1: as they are)"}. */`,
    `export function shrinkImages(images: tf.Tensor): tf.Tensor {`,
    downscale !== 1 ? `  return tf.avgPool(images as tf.Tensor4D, pixelTraining.downscale, pixelTraining.downscale, "valid");` : `  return images;`,
    "}",
    "",
    `/** Pixel values in [0, 1] -> what the network sees (as it will see its own samples) and the target it predicts. */`,
    `export function quantizePixels(x: tf.Tensor): { input: tf.Tensor; target: tf.Tensor } {`,
    ...quantize.map((l) => `  ${l}`),
    "}",
    "",
    `/** Mean negative log-likelihood per pixel and channel, in nats, of the targets under the network's ${what}. */`,
    `export function pixelNll(out: tf.Tensor, target: tf.Tensor): tf.Scalar {`,
    ...nll.map((l) => `  ${l}`),
    "}",
    "",
    `/** The loss of a batch of images: quantized, fed to the network, scored against themselves. */`,
    `export function pixelLoss(model: tf.LayersModel, images: tf.Tensor, training = true): tf.Scalar {`,
    `  const { input, target } = quantizePixels(shrinkImages(images));`,
    `  return pixelNll(outputsOf(model, [input], training)[${index}]!, target);`,
    "}",
    "",
    `export interface PixelLosses {`,
    `  readonly loss: number;`,
    `  readonly bits_per_dim: number;`,
    "}",
    "",
    `/** One update on a batch of images; returns its loss in nats and in bits per dimension. */`,
    `export function pixelTrainStep(model: tf.LayersModel, optimizer: tf.Optimizer, images: tf.Tensor): PixelLosses {`,
    `  const variables = trainableVariables(model);`,
    `  const loss = tf.tidy(() => {`,
    ...updateLines(t, "variables", "optimizer", "pixelLoss(model, images)", "    "),
    `    return value;`,
    `  });`,
    `  const nats = loss.dataSync()[0]!;`,
    `  loss.dispose();`,
    `  return { loss: nats, bits_per_dim: nats / Math.LN2 };`,
    "}",
    "",
    `export interface PixelTrainOptions {`,
    `  readonly epochs?: number;`,
    `  readonly batchSize?: number;`,
    `  readonly optimizer?: tf.Optimizer;`,
    `  /** Called after each epoch with its mean losses. */`,
    `  readonly onEpochEnd?: (epoch: number, losses: PixelLosses) => void;`,
    "}",
    "",
    `/** Trains network "${net.id}" on images (one row each, values in [0, 1]) in shuffled batches; returns the mean losses per epoch. */`,
    `export async function trainPixelModel(model: tf.LayersModel, images: tf.Tensor, options: PixelTrainOptions = {}): Promise<PixelLosses[]> {`,
    `  const epochs = options.epochs ?? pixelTraining.epochs;`,
    `  const batchSize = options.batchSize ?? pixelTraining.batchSize;`,
    `  const optimizer = options.optimizer ?? makePixelOptimizer();`,
    `  const count = images.shape[0]!;`,
    `  const history: PixelLosses[] = [];`,
    `  for (let epoch = 0; epoch < epochs; epoch++) {`,
    `    const order = Array.from({ length: count }, (_, i) => i);`,
    `    tf.util.shuffle(order);`,
    `    let total = 0;`,
    `    let batches = 0;`,
    `    for (let start = 0; start < count; start += batchSize) {`,
    `      const rows = tf.tensor1d(order.slice(start, start + batchSize), "int32");`,
    `      const batch = tf.gather(images, rows);`,
    `      total += pixelTrainStep(model, optimizer, batch).loss;`,
    `      batches++;`,
    `      tf.dispose([rows, batch]);`,
    `      await tf.nextFrame();`,
    `    }`,
    `    const mean = { loss: total / batches, bits_per_dim: total / batches / Math.LN2 };`,
    `    history.push(mean);`,
    `    options.onEpochEnd?.(epoch, mean);`,
    `  }`,
    `  return history;`,
    "}",
  ];
  return {
    lines,
    names: ["pixelTraining", "makePixelOptimizer", "shrinkImages", "quantizePixels", "pixelNll", "pixelLoss", "PixelLosses", "pixelTrainStep", "PixelTrainOptions", "trainPixelModel", ...HELPER_NAMES],
    summary: `trainPixelModel()  trains "${net.id}" with the document's recipe "autoregressive" (${bernoulli ? "Bernoulli" : `${levels} grey levels`})`,
    warnings: [],
  };
}
