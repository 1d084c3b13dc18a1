/**
 * Unconditional GANs: a generator fed only noise (its inputs are Latent noise nodes) against a
 * discriminator that scores one sample.
 *
 *   gan    Goodfellow et al. 2014 with the non-saturating generator loss:
 *            d_loss = L(1, D(x)) + L(0, D(G(z)))      g_loss = L(1, D(G(z)))
 *          with L binary cross-entropy (or the loss training.losses names on D's output, so
 *          meanSquaredError gives a least-squares GAN). D ends in a sigmoid. Default schedule:
 *          D and G on alternate batches, as the course's toy GAN.
 *   hinge  the hinge loss of Lim & Ye 2017 and Miyato et al. 2018 (spectral normalization):
 *            d_loss = mean(relu(1 − D(x))) + mean(relu(1 + D(G(z))))    g_loss = −mean(D(G(z)))
 *          D ends unbounded (linear). Default schedule: D then G on every batch.
 */
import { toTensor } from "../data/tensors.js";
import type { Dataset } from "../data/types.js";
import * as tf from "../tf.js";
import { checkInputFits } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import { LOSS_NAMES, lossDef, type LossDef } from "../train/losses.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { SCHEDULE_OPTIONS, criticOutput, generatorOutput, noiseSampler, prepareGame, readSchedule, run, type UpdateSchedule } from "./adversarial.js";

/** The pieces of an unconditional game: noise for G, real samples for D. */
export function unconditional(ctx: RecipeContext, recipe: string, critic: "sigmoid" | "unbounded") {
  const g = ctx.networks["generator"]!;
  const d = ctx.networks["discriminator"]!;
  const data: Dataset = ctx.dataset;
  if (d.inputs.length !== 1) {
    throw new TrainingError("data-shape", `The ${recipe} recipe feeds the discriminator one sample at a time, but network '${d.id}' has ${d.inputs.length} inputs (${d.inputs.map((i) => i.nodeId).join(", ")}); give it a single Input node (conditional-gan takes a label input too).`);
  }
  checkInputFits(data, d.inputs[0]!, d.id);
  generatorOutput(g, data.inputShape, `the samples of ${data.id}`, recipe);
  const out = criticOutput(d, recipe, critic);
  const noise = g.inputs.map((i) => noiseSampler(ctx.doc, i, g.id, recipe));
  const sampleNoise = (b: number): tf.Tensor[] => noise.map((n) => n(b));
  return {
    g, d, out, sampleNoise,
    /** Real samples, D(real) and D(G(z)) for one batch. */
    forward: (batch: { x: Parameters<typeof toTensor>[0]; size: number }, training: boolean) => {
      const real = toTensor(batch.x);
      const fake = run(g, sampleNoise(batch.size), training);
      return { real, fake, dReal: run(d, real, training), dFake: run(d, fake, training) };
    },
    probe: (batch: { x: Parameters<typeof toTensor>[0] }) => ({ network: d, inputs: [toTensor(batch.x)] }),
  };
}

/** The loss training.losses names on D's output (binary cross-entropy when none does). */
function discriminatorLoss(ctx: RecipeContext, outNode: string): LossDef {
  const terms = ctx.training.losses;
  const other = terms.find((t) => t.output !== outNode);
  if (other) throw new TrainingError("bad-settings", `training.losses names '${other.output}', but the gan recipe's loss is on the discriminator's output '${outNode}'; remove that entry.`, other.output);
  const name = terms[0]?.loss ?? "binaryCrossentropy";
  const loss = lossDef(name);
  if (!loss || loss.target !== "values") {
    throw new TrainingError("bad-settings", `training.losses names "${name}" for the discriminator's output '${outNode}'; the gan recipe compares it with 1 (real) and 0 (generated), so use binaryCrossentropy (the paper) or one of ${LOSS_NAMES.filter((n) => lossDef(n)?.target === "values").join(", ")}.`, outNode);
  }
  return loss;
}

const ALTERNATE: UpdateSchedule = { alternate: true, dSteps: 1 };
const EVERY_BATCH: UpdateSchedule = { alternate: false, dSteps: 1 };

function prepareGan(ctx: RecipeContext): PreparedRecipe {
  const u = unconditional(ctx, "gan", "sigmoid");
  const loss = discriminatorLoss(ctx, u.out.nodeId);
  return prepareGame(ctx, {
    recipe: "gan", g: u.g, d: u.d, settings: ctx.settings, schedule: readSchedule(ctx.settings, ALTERNATE, "gan"),
    play: (batch, training) => {
      const { dReal, dFake } = u.forward(batch, training);
      const ones = tf.onesLike(dFake);
      const dLoss = tf.add(loss.fn(tf.onesLike(dReal), dReal), loss.fn(tf.zerosLike(dFake), dFake)) as tf.Scalar;
      return [dLoss, loss.fn(ones, dFake)];
    },
    probe: u.probe,
  });
}

function prepareHinge(ctx: RecipeContext): PreparedRecipe {
  const u = unconditional(ctx, "hinge", "unbounded");
  return prepareGame(ctx, {
    recipe: "hinge", g: u.g, d: u.d, settings: ctx.settings, schedule: readSchedule(ctx.settings, EVERY_BATCH, "hinge"),
    play: (batch, training) => {
      const { dReal, dFake } = u.forward(batch, training);
      const dLoss = tf.add(tf.mean(tf.relu(tf.sub(1, dReal))), tf.mean(tf.relu(tf.add(1, dFake)))) as tf.Scalar;
      return [dLoss, tf.neg(tf.mean(dFake)) as tf.Scalar];
    },
    probe: u.probe,
  });
}

export const gan: Recipe = {
  id: "gan",
  title: "GAN (non-saturating)",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS],
  prepare: prepareGan,
};

export const hinge: Recipe = {
  id: "hinge",
  title: "GAN (hinge loss)",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS],
  prepare: prepareHinge,
};
