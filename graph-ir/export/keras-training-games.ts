/**
 * The adversarial recipes' games for the Keras script (printed by printGame in
 * keras-training-adversarial.ts), each following its runtime recipe: gan and hinge
 * (runtime/recipes/gan.ts), wgan-clip and wgan-gp (wgan.ts), conditional-gan (conditional.ts)
 * and pix2pix (pix2pix.ts). The loss arithmetic is a module-level function of D's outputs, so
 * a reader sees each paper's formula on its own and tests can run it on numpy.
 */
import type { TrainingSpec } from "../core/document.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { INDENT, KERAS_LOSSES, noTraining, type PyTraining } from "./keras-training-common.js";
import { numberOption } from "./training-options.js";
import { noisePy, printGame, type PyGameOrWarning } from "./keras-training-adversarial.js";

const I2 = INDENT + INDENT;

const BCE_GAME = [
  "def gan_losses(d_real, d_fake, loss_fn):",
  `${INDENT}"""The discriminator labels real samples 1 and generated ones 0; the generator's loss is the`,
  `${INDENT}non-saturating one (its samples labelled 1)."""`,
  `${INDENT}d_loss = tf.reduce_mean(loss_fn(tf.ones_like(d_real), d_real)) + tf.reduce_mean(loss_fn(tf.zeros_like(d_fake), d_fake))`,
  `${INDENT}return {"d_loss": d_loss, "g_loss": tf.reduce_mean(loss_fn(tf.ones_like(d_fake), d_fake))}`,
];

const HINGE_GAME = [
  "def hinge_losses(d_real, d_fake):",
  `${INDENT}"""d_loss = mean(relu(1 − D(x))) + mean(relu(1 + D(G(z)))), g_loss = −mean D(G(z))."""`,
  `${INDENT}d_loss = tf.reduce_mean(tf.nn.relu(1.0 - d_real)) + tf.reduce_mean(tf.nn.relu(1.0 + d_fake))`,
  `${INDENT}return {"d_loss": d_loss, "g_loss": -tf.reduce_mean(d_fake)}`,
];

const WGAN_GAME = [
  "def wasserstein_losses(d_real, d_fake):",
  `${INDENT}"""d_loss = mean D(G(z)) − mean D(x), g_loss = −mean D(G(z)); w_distance = mean D(x) − mean D(G(z)) is the`,
  `${INDENT}critic's estimate of the Wasserstein-1 distance, the number the WGAN papers plot."""`,
  `${INDENT}w_distance = tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)`,
  `${INDENT}return {"d_loss": -w_distance, "g_loss": -tf.reduce_mean(d_fake), "w_distance": w_distance}`,
];

const PENALTY = [
  "def penalty_of_gradients(grad):",
  `${INDENT}"""mean((‖grad‖₂ − 1)²) over the batch, each sample's gradient flattened."""`,
  `${INDENT}axes = list(range(1, len(grad.shape)))`,
  `${INDENT}# The small constant keeps sqrt's gradient finite where a gradient is exactly zero.`,
  `${INDENT}norm = tf.sqrt(tf.reduce_sum(tf.square(grad), axis=axes) + 1e-12)`,
  `${INDENT}return tf.reduce_mean(tf.square(norm - 1.0))`,
  "",
  "",
  "def gradient_penalty(critic, real, fake):",
  `${INDENT}"""Gulrajani et al.'s penalty on x̂ = εx + (1−ε)G(z), ε ~ U[0, 1] per sample; differentiable in the critic's weights."""`,
  `${INDENT}eps = tf.random.uniform([tf.shape(real)[0]] + [1] * (len(real.shape) - 1))`,
  `${INDENT}x_hat = eps * real + (1.0 - eps) * fake`,
  `${INDENT}with tf.GradientTape() as tape:`,
  `${I2}tape.watch(x_hat)`,
  `${I2}score = outputs_of(critic, x_hat, True)[0]`,
  `${INDENT}# The gradient of the summed scores: each sample's score depends on its own x̂ only.`,
  `${INDENT}return penalty_of_gradients(tape.gradient(score, x_hat))`,
];

const PIX2PIX_GAME = [
  "def pix2pix_losses(d_real, d_fake, fake, target, l1_weight):",
  `${INDENT}"""d_loss = ½·(BCE(1, D(s, y)) + BCE(0, D(s, G(s)))) (halved to slow D), g_loss = BCE(1, D(s, G(s))) + l1_weight·l1,`,
  `${INDENT}l1 = mean |G(s) − y|."""`,
  `${INDENT}bce = keras.losses.binary_crossentropy`,
  `${INDENT}d_loss = 0.5 * (tf.reduce_mean(bce(tf.ones_like(d_real), d_real)) + tf.reduce_mean(bce(tf.zeros_like(d_fake), d_fake)))`,
  `${INDENT}l1 = tf.reduce_mean(tf.abs(fake - target))`,
  `${INDENT}g_loss = tf.reduce_mean(bce(tf.ones_like(d_fake), d_fake)) + l1_weight * l1`,
  `${INDENT}return {"d_loss": d_loss, "g_loss": g_loss, "l1": l1}`,
];

const noiseMethod = (exprs: readonly string[], text: string): string[] => [
  `${INDENT}def noise(self, batch):`,
  `${I2}"""Noise for the generator (${text})."""`,
  `${I2}return [${exprs.join(", ")}]`,
  "",
];

const FORWARD = [
  "real = batch",
  "fake = outputs_of(self.generator, self.noise(tf.shape(real)[0]), True)[0]",
  "d_real = outputs_of(self.discriminator, real, True)[0]",
  "d_fake = outputs_of(self.discriminator, fake, True)[0]",
];

/** gan, hinge, wgan-clip, wgan-gp: G fed only noise, D scoring one sample. */
function unconditional(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): PyGameOrWarning {
  const noise = noisePy(plan, g);
  if (noise.ids.length !== g.inputs.length || g.outputs.length !== 1) return { warning: `the ${t.recipe} networks do not have the form the Keras export writes (a generator fed only Latent noise, with one output), so the script has no training` };
  if (d.inputs.length !== 1 || d.outputs.length !== 1) return { warning: `the ${t.recipe} discriminator '${d.id}' must have one input and one output for the Keras export to write its training` };
  const common = { data: [{ key: d.inputs[0]!.nodeId, what: "real samples" }], methods: noiseMethod(noise.exprs, noise.text) };
  const nCritic = { alternate: false, dSteps: 5 };
  switch (t.recipe) {
    case "gan": {
      const name = t.losses.find((l) => l.output === d.outputs[0]!.nodeId)?.loss ?? "binaryCrossentropy";
      const loss = KERAS_LOSSES[name];
      if (!loss || name === "sparseCategoricalCrossentropy" || name === "categoricalCrossentropy") return { warning: `the loss '${name}' does not compare D's score with 1 and 0 in Keras, so the script has no GAN training` };
      return {
        ...common, defaults: { alternate: true, dSteps: 1 }, dSide: ["d_loss"], gSide: ["g_loss"], functions: BCE_GAME, functionNames: ["gan_losses"],
        about: [`Goodfellow et al. 2014, as the document's recipe "gan" trains it, with loss ${name} on D's output.`],
        losses: [...FORWARD, `return gan_losses(d_real, d_fake, keras.losses.get(${loss}))`],
      };
    }
    case "hinge":
      return {
        ...common, defaults: { alternate: false, dSteps: 1 }, dSide: ["d_loss"], gSide: ["g_loss"], functions: HINGE_GAME, functionNames: ["hinge_losses"],
        about: [`The hinge loss of Lim & Ye 2017 and Miyato et al. 2018, as the document's recipe "hinge" trains it; D's`, `output is an unbounded score.`],
        losses: [...FORWARD, "return hinge_losses(d_real, d_fake)"],
      };
    case "wgan-clip":
      return {
        ...common, defaults: nCritic, dSide: ["d_loss", "w_distance"], gSide: ["g_loss"], functions: WGAN_GAME, functionNames: ["wasserstein_losses"],
        about: [`Arjovsky et al. 2017, as the document's recipe "wgan-clip" trains it: a critic with an unbounded score whose`, `weights are clipped to [−CLIP, CLIP] after every critic update.`],
        constants: [["CLIP", numberOption(t, "clip", 0.01), "training.options.clip (the paper: 0.01)"]],
        losses: [...FORWARD, "return wasserstein_losses(d_real, d_fake)"],
        afterD: [
          `"""Keeps the critic (roughly) Lipschitz, which the Wasserstein estimate needs."""`,
          "for weight in self.discriminator.trainable_weights:",
          `${INDENT}weight.assign(tf.clip_by_value(weight, -self.CLIP, self.CLIP))`,
        ],
      };
    case "wgan-gp":
      return {
        ...common, defaults: nCritic, dSide: ["d_loss", "w_distance", "gp"], gSide: ["g_loss"], functions: [...WGAN_GAME, "", "", ...PENALTY],
        functionNames: ["wasserstein_losses", "penalty_of_gradients", "gradient_penalty"],
        about: [`Gulrajani et al. 2017, as the document's recipe "wgan-gp" trains it: the Wasserstein losses with GP_WEIGHT·gp`, `added to the critic's (gp is reported unweighted).`],
        constants: [["GP_WEIGHT", numberOption(t, "gpWeight", 10), "training.options.gpWeight (the paper: 10)"]],
        losses: [
          ...FORWARD,
          "columns = wasserstein_losses(d_real, d_fake)",
          "gp = gradient_penalty(self.discriminator, real, fake)",
          `return {**columns, "d_loss": columns["d_loss"] + self.GP_WEIGHT * gp, "gp": gp}`,
        ],
      };
    default:
      return { warning: `the training recipe "${t.recipe}" is not exported to Keras yet; the script builds the networks, and training stays in Layerloom` };
  }
}

/** A label input's form, from its shape (runtime/recipes/conditional.ts): one-hot rows, or the class id. */
function labelPy(port: PlannedNetwork["inputs"][number], net: PlannedNetwork): string | undefined {
  const shape = port.shape.slice(1);
  const dtype = net.topology.config.layers.find((l) => l.name === port.layer)?.config["dtype"] === "int32" ? "tf.int32" : "tf.float32";
  if (shape.length === 1 && typeof shape[0] === "number" && shape[0] > 1) return `tf.one_hot(tf.cast(labels, tf.int32), ${shape[0]})`;
  if (shape.length === 1 && shape[0] === 1) return `tf.cast(tf.reshape(labels, (-1, 1)), ${dtype})`;
  if (shape.length === 0) return `tf.cast(labels, ${dtype})`;
  return undefined;
}

const sameShape = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** conditional-gan (Mirza & Osindero 2014): G(z, y) and D(x, y); the batch's real labels also label the generated samples. */
function conditional(plan: ExportPlan, g: PlannedNetwork, d: PlannedNetwork): PyGameOrWarning {
  const noise = noisePy(plan, g);
  const gLabel = g.inputs.find((p) => !noise.ids.includes(p.nodeId));
  if (noise.ids.length !== 1 || g.inputs.length !== 2 || !gLabel || g.outputs.length !== 1) return { warning: `the conditional-gan generator '${g.id}' needs two inputs, one Latent noise node and one label Input, for the Keras export to write its training` };
  if (d.inputs.length !== 2 || d.outputs.length !== 1) return { warning: `the conditional-gan discriminator '${d.id}' needs two inputs (the sample and the label) and one output for the Keras export to write its training` };
  const dataIndex = d.inputs.findIndex((p) => sameShape(p.shape.slice(1), g.outputs[0]!.shape.slice(1)));
  const dLabel = d.inputs[1 - dataIndex];
  const gExpr = labelPy(gLabel, g);
  const dExpr = dLabel && labelPy(dLabel, d);
  if (dataIndex < 0 || !gExpr || !dExpr) return { warning: `the conditional-gan networks' inputs do not match (a sample input shaped like the generator's output, label inputs of shape [1], [] or one-hot), so the script has no training` };
  const gInputs = g.inputs.map((p) => (p === gLabel ? "self.generator_labels(labels)" : "self.noise(tf.shape(real)[0])[0]"));
  const dInputs = (x: string) => (dataIndex === 0 ? `[${x}, self.discriminator_labels(labels)]` : `[self.discriminator_labels(labels), ${x}]`);
  return {
    defaults: { alternate: false, dSteps: 1 }, dSide: ["d_loss"], gSide: ["g_loss"], functions: BCE_GAME, functionNames: ["gan_losses"],
    about: [`Mirza & Osindero 2014, as the document's recipe "conditional-gan" trains it: both networks also see the class`, `label, and each batch's real labels also label its generated samples. Losses as the gan recipe.`],
    data: [{ key: d.inputs[dataIndex]!.nodeId, what: "real samples" }, { key: "labels", what: "their class ids" }],
    methods: [
      ...noiseMethod(noise.exprs, noise.text),
      `${INDENT}def generator_labels(self, labels):`,
      `${I2}"""Class ids as the generator's label input '${gLabel.nodeId}' takes them."""`,
      `${I2}return ${gExpr}`,
      "",
      `${INDENT}def discriminator_labels(self, labels):`,
      `${I2}"""Class ids as the discriminator's label input '${dLabel!.nodeId}' takes them."""`,
      `${I2}return ${dExpr}`,
      "",
    ],
    losses: [
      "real, labels = batch",
      `fake = outputs_of(self.generator, [${gInputs.join(", ")}], True)[0]`,
      `d_real = outputs_of(self.discriminator, ${dInputs("real")}, True)[0]`,
      `d_fake = outputs_of(self.discriminator, ${dInputs("fake")}, True)[0]`,
      `return gan_losses(d_real, d_fake, keras.losses.binary_crossentropy)`,
    ],
  };
}

/** pix2pix (Isola et al. 2017): G(source) against a PatchGAN D(source, image), plus an L1 term for G. */
function pix2pix(t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): PyGameOrWarning {
  if (g.inputs.length !== 1 || g.outputs.length !== 1 || d.outputs.length !== 1 || (d.inputs.length !== 1 && d.inputs.length !== 2)) {
    return { warning: `the pix2pix networks must be G(source) with one output and D(source, image) (two inputs, or one with both stacked) with one output for the Keras export to write their training` };
  }
  const judge = (x: string) => (d.inputs.length === 2 ? `[source, ${x}]` : `tf.concat([source, ${x}], -1)`);
  return {
    defaults: { alternate: false, dSteps: 1 }, dSide: ["d_loss"], gSide: ["g_loss", "l1"], functions: PIX2PIX_GAME, functionNames: ["pix2pix_losses"],
    about: [`Isola et al. 2017, as the document's recipe "pix2pix" trains it: G(source) against a PatchGAN D(source, image),`, `with an L1 term for G. G takes no noise: its dropout, active while training, is its noise.`],
    constants: [["L1_WEIGHT", numberOption(t, "l1Weight", 100), "training.options.l1Weight (the paper: 100)"]],
    data: [{ key: "source", what: "source images" }, { key: "target", what: "their target images" }],
    losses: [
      "source, target = batch",
      "fake = outputs_of(self.generator, source, True)[0]",
      `d_real = outputs_of(self.discriminator, ${judge("target")}, True)[0]`,
      `d_fake = outputs_of(self.discriminator, ${judge("fake")}, True)[0]`,
      "return pix2pix_losses(d_real, d_fake, fake, target, self.L1_WEIGHT)",
    ],
  };
}

export const ADVERSARIAL = ["gan", "hinge", "wgan-clip", "wgan-gp", "conditional-gan", "pix2pix"] as const;

export function adversarialPy(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): PyTraining {
  const game = t.recipe === "conditional-gan" ? conditional(plan, g, d) : t.recipe === "pix2pix" ? pix2pix(t, g, d) : unconditional(plan, t, g, d);
  return "warning" in game ? noTraining(game.warning) : printGame(t, g, d, game);
}
