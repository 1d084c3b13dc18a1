/**
 * Wasserstein GANs: the critic D scores samples with an unbounded number, and
 *   d_loss = mean D(G(z)) − mean D(x) [+ penalty]      g_loss = −mean D(G(z))
 *   w_distance = mean D(x) − mean D(G(z)), the critic's estimate of the Wasserstein-1 distance
 *   (up to the Lipschitz constant), the number the WGAN papers plot.
 * The critic must stay Lipschitz:
 *   wgan-clip  Arjovsky et al. 2017: after every critic update each of its trainable weights is
 *              clipped to [−clip, clip] (option clip, default 0.01). The paper trains with
 *              RMSprop at 5e-5: set that as training.optimizer.
 *   wgan-gp    Gulrajani et al. 2017: gp = mean((‖∇D(x̂)‖₂ − 1)²) on x̂ = εx + (1−ε)G(z),
 *              ε ~ U[0, 1] per sample, added to d_loss times gpWeight (default 10); gp is reported
 *              unweighted. The gradient comes from tf.grad inside the update.
 * Both default to n_critic = 5: every batch updates the critic, every fifth also the generator
 * (options dSteps, alternate).
 */
import type { Batch } from "../data/types.js";
import * as tf from "../tf.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { SCHEDULE_OPTIONS, numberOption, prepareGame, readSchedule, run, type UpdateSchedule } from "./adversarial.js";
import { unconditional } from "./gan.js";

const N_CRITIC: UpdateSchedule = { alternate: false, dSteps: 5 };

function prepareClip(ctx: RecipeContext): PreparedRecipe {
  const u = unconditional(ctx, "wgan-clip", "unbounded");
  const c = numberOption(ctx.settings.options, "clip", 0.01, (v) => v > 0 && v <= 10, "above 0 (the paper: 0.01)", "wgan-clip");
  const critic = u.d.model.trainableWeights;
  const warnings = ctx.settings.optimizer.kind === "rmsprop" ? [] : [`the WGAN paper trains with RMSprop (momentum-based optimisers made it unstable); training.optimizer is ${ctx.settings.optimizer.kind}`];
  return prepareGame(ctx, {
    recipe: "wgan-clip", g: u.g, d: u.d, settings: ctx.settings, schedule: readSchedule(ctx.settings, N_CRITIC, "wgan-clip"), warnings,
    extra: [{ name: "w_distance", side: "d" }],
    play: (batch, training) => {
      const { dReal, dFake } = u.forward(batch, training);
      const w = tf.sub(tf.mean(dReal), tf.mean(dFake)) as tf.Scalar;
      return [tf.neg(w) as tf.Scalar, tf.neg(tf.mean(dFake)) as tf.Scalar, w];
    },
    afterD: () => {
      for (const v of critic) {
        const t = v.read();
        v.write(tf.clipByValue(t, -c, c));
      }
    },
    probe: u.probe,
  });
}

/**
 * The gradient penalty mean((‖∇ₓ̂ D(x̂)‖₂ − 1)²) on random interpolates between real and
 * generated samples. Differentiable in D's weights (tf.grad inside the update's own gradient).
 */
export function gradientPenalty(critic: (x: tf.Tensor) => tf.Tensor, real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  const b = real.shape[0]!;
  const eps = tf.randomUniform([b, ...real.shape.slice(1).map(() => 1)]);
  const xHat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));
  const grad = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(xHat);
  const axes = real.shape.slice(1).map((_, i) => i + 1);
  // The small constant keeps sqrt's gradient finite where a gradient is exactly zero.
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));
  return tf.mean(tf.square(tf.sub(norm, 1))) as tf.Scalar;
}

function prepareGp(ctx: RecipeContext): PreparedRecipe {
  const u = unconditional(ctx, "wgan-gp", "unbounded");
  const weight = numberOption(ctx.settings.options, "gpWeight", 10, (v) => v >= 0 && v <= 1e4, "0 or more (the paper: 10)", "wgan-gp");
  return prepareGame(ctx, {
    recipe: "wgan-gp", g: u.g, d: u.d, settings: ctx.settings, schedule: readSchedule(ctx.settings, N_CRITIC, "wgan-gp"),
    extra: [{ name: "w_distance", side: "d" }, { name: "gp", side: "d" }],
    play: (batch: Batch, training) => {
      const { real, fake, dReal, dFake } = u.forward(batch, training);
      const w = tf.sub(tf.mean(dReal), tf.mean(dFake)) as tf.Scalar;
      const gp = gradientPenalty((x) => run(u.d, x, training), real, fake);
      return [tf.add(tf.neg(w), tf.mul(weight, gp)) as tf.Scalar, tf.neg(tf.mean(dFake)) as tf.Scalar, w, gp];
    },
    probe: u.probe,
  });
}

export const wganClip: Recipe = {
  id: "wgan-clip",
  title: "WGAN (weight clipping)",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS, "clip"],
  prepare: prepareClip,
};

export const wganGp: Recipe = {
  id: "wgan-gp",
  title: "WGAN-GP (gradient penalty)",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS, "gpWeight"],
  prepare: prepareGp,
};
