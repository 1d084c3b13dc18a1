/**
 * pix2pix (Isola et al. 2017): image-to-image translation on paired data. The dataset's x is the
 * source image and its y the target image of the same pair.
 *   G(source) -> image of the target's shape (a U-Net in the paper);
 *   D(source, image) -> a map of per-patch probabilities (PatchGAN), either as two inputs in that
 *   order or as one input taking both stacked along the channels.
 *   d_loss = ½·(BCE(1, D(s, y)) + BCE(0, D(s, G(s))))   (the paper halves D's objective to slow D)
 *   g_loss = BCE(1, D(s, G(s))) + l1Weight·l1           l1 = mean |G(s) − y|   (l1Weight: 100)
 * G gets no noise input: as in the paper, dropout in G (active while training) is its noise.
 * Default schedule: D then G on every batch.
 */
import { formatShape } from "../../graph-ir/core/shape.js";
import { toTensor } from "../data/tensors.js";
import type { Batch } from "../data/types.js";
import * as tf from "../tf.js";
import { fitsShape } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import { LOSSES } from "../train/losses.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { SCHEDULE_OPTIONS, criticOutput, generatorOutput, numberOption, prepareGame, readSchedule, run } from "./adversarial.js";

function prepare(ctx: RecipeContext): PreparedRecipe {
  const recipe = "pix2pix";
  const g = ctx.networks["generator"]!;
  const d = ctx.networks["discriminator"]!;
  const data = ctx.dataset;
  if (data.target.kind !== "values" || data.target.shape.length !== 3 || data.inputShape.length !== 3) {
    throw new TrainingError("data-shape", `The ${recipe} recipe trains on pairs of images (source as the sample, target image as its target), but ${data.id} does not hold image pairs; pick a paired set such as synthetic:outlines-32.`);
  }
  const source = data.inputShape;
  const target = data.target.shape;
  if (g.inputs.length !== 1 || !fitsShape(source, g.inputs[0]!.shape)) {
    throw new TrainingError("data-shape", `The ${recipe} generator '${g.id}' must take the source image (${source.join("×")}) as its only input, but it takes ${g.inputs.map((i) => `'${i.nodeId}' ${formatShape(i.shape.slice(1))}`).join(", ")}.`, g.inputs[0]?.nodeId);
  }
  generatorOutput(g, target, `the target images of ${data.id}`, recipe);
  const stacked = [...source.slice(0, 2), source[2]! + target[2]!];
  const two = d.inputs.length === 2 && fitsShape(source, d.inputs[0]!.shape) && fitsShape(target, d.inputs[1]!.shape);
  const one = d.inputs.length === 1 && fitsShape(stacked, d.inputs[0]!.shape);
  if (!two && !one) {
    throw new TrainingError("data-shape", `The ${recipe} discriminator '${d.id}' judges (source, image) pairs: give it two inputs, the source (${source.join("×")}) then the image (${target.join("×")}), or one input of ${stacked.join("×")} with both stacked; it takes ${d.inputs.map((i) => `'${i.nodeId}' ${formatShape(i.shape.slice(1))}`).join(", ")}.`, d.inputs[0]?.nodeId);
  }
  criticOutput(d, recipe, "sigmoid");
  const l1Weight = numberOption(ctx.settings.options, "l1Weight", 100, (v) => v >= 0 && v <= 1e5, "0 or more (the paper: 100)", recipe);
  const bce = LOSSES.binaryCrossentropy.fn;
  const judge = (s: tf.Tensor, image: tf.Tensor, training: boolean) => run(d, two ? [s, image] : tf.concat([s, image], -1), training);

  return prepareGame(ctx, {
    recipe, g, d, settings: ctx.settings, schedule: readSchedule(ctx.settings, { alternate: false, dSteps: 1 }, recipe),
    extra: [{ name: "l1", side: "g" }],
    play: (batch: Batch, training) => {
      const s = toTensor(batch.x);
      const y = toTensor(batch.y);
      const fake = run(g, s, training);
      const dReal = judge(s, y, training);
      const dFake = judge(s, fake, training);
      const dLoss = tf.mul(0.5, tf.add(bce(tf.onesLike(dReal), dReal), bce(tf.zerosLike(dFake), dFake))) as tf.Scalar;
      const l1 = tf.mean(tf.abs(tf.sub(fake, y))) as tf.Scalar;
      const gLoss = tf.add(bce(tf.onesLike(dFake), dFake), tf.mul(l1Weight, l1)) as tf.Scalar;
      return [dLoss, gLoss, l1];
    },
    probe: (batch) => ({ network: g, inputs: [toTensor(batch.x)] }),
  });
}

export const pix2pix: Recipe = {
  id: "pix2pix",
  title: "pix2pix (adversarial + L1)",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS, "l1Weight"],
  prepare,
};
