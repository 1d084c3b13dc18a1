/**
 * The adversarial recipes' games for the exported TypeScript (printed by printGame in
 * ts-training-adversarial.ts): gan, hinge, wgan-clip and wgan-gp (G fed only noise),
 * conditional-gan (both networks see the label) and pix2pix (paired images, adversarial + L1).
 * Each follows its runtime recipe in runtime/recipes/.
 */
import type { TrainingSpec } from "../core/document.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { noiseExpressions, option, printGame, type GameOrWarning } from "./ts-training-adversarial.js";
import { isExportableLoss, lossFunction, noTraining, type TrainingCode } from "./ts-training-common.js";

/** gan, hinge, wgan-clip, wgan-gp: G fed only noise, D scoring one sample. */
function unconditional(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): GameOrWarning {
  const noise = noiseExpressions(plan, g);
  if (noise.ids.length !== g.inputs.length) return { warning: `the ${t.recipe} generator '${g.id}' has inputs that are not latent noise (${g.inputs.filter((i) => !noise.ids.includes(i.nodeId)).map((i) => i.nodeId).join(", ")}); the export writes its training only for noise-driven generators` };
  if (d.inputs.length !== 1 || d.outputs.length !== 1) return { warning: `the ${t.recipe} discriminator '${d.id}' must have one input and one output for the export to write its training` };
  const helpers = [
    `/** Noise for the generator's inputs (${noise.text}). */`,
    `export function sampleNoise(batchSize: number): tf.Tensor[] {`,
    `  return [${noise.exprs.join(", ")}];`,
    "}",
  ];
  const forward = [
    `const fake = outputsOf(generator, sampleNoise(batch.real.shape[0]!), training)[0]!;`,
    `const dReal = outputsOf(discriminator, [batch.real], training)[0]!;`,
    `const dFake = outputsOf(discriminator, [fake], training)[0]!;`,
  ];
  const data = [{ name: "real", doc: "real samples" }];
  const wgan = ["// w_distance = mean D(x) − mean D(G(z)): the critic's estimate of the Wasserstein-1 distance."];
  switch (t.recipe) {
    case "gan": {
      const loss = t.losses.find((l) => l.output === d.outputs[0]!.nodeId)?.loss ?? "binaryCrossentropy";
      if (!isExportableLoss(loss)) return { warning: `the loss '${loss}' has no TypeScript form, so the file has no GAN training function` };
      return {
        about: [`recipe "gan" (Goodfellow et al. 2014). The discriminator's loss labels real samples 1 and generated ones 0; the generator's`, `is the non-saturating loss (generated samples labelled 1); both use ${loss}.`],
        data, helpers: [...helpers, "", ...lossFunction(loss)], helperNames: ["sampleNoise", loss], extra: [], defaults: { alternate: true, dSteps: 1 },
        losses: [...forward, `const d = tf.add(${loss}(tf.onesLike(dReal), dReal), ${loss}(tf.zerosLike(dFake), dFake)) as tf.Scalar;`, `return { d, g: ${loss}(tf.onesLike(dFake), dFake) };`],
      };
    }
    case "hinge":
      return {
        about: [`recipe "hinge" (Lim & Ye 2017; Miyato et al. 2018): d_loss = mean(relu(1 − D(x))) + mean(relu(1 + D(G(z)))),`, `g_loss = −mean(D(G(z))); D's output is an unbounded score.`],
        data, helpers, helperNames: ["sampleNoise"], extra: [], defaults: { alternate: false, dSteps: 1 },
        losses: [...forward, `const d = tf.add(tf.mean(tf.relu(tf.sub(1, dReal))), tf.mean(tf.relu(tf.add(1, dFake)))) as tf.Scalar;`, `return { d, g: tf.neg(tf.mean(dFake)) as tf.Scalar };`],
      };
    case "wgan-clip": {
      const clip = option(t, "clip", 0.01);
      return {
        about: [`recipe "wgan-clip" (Arjovsky et al. 2017): d_loss = mean D(G(z)) − mean D(x), g_loss = −mean D(G(z));`, `after every critic update each of its trainable weights is clipped to [−${clip}, ${clip}].`],
        data, helpers, helperNames: ["sampleNoise"], extra: [{ name: "w_distance", side: "d" }], defaults: { alternate: false, dSteps: 5 }, settings: { clip },
        losses: [...forward, ...wgan, `const w_distance = tf.sub(tf.mean(dReal), tf.mean(dFake)) as tf.Scalar;`, `return { d: tf.neg(w_distance) as tf.Scalar, g: tf.neg(tf.mean(dFake)) as tf.Scalar, w_distance };`],
        afterD: [`// Clipping keeps the critic (roughly) Lipschitz, which the Wasserstein estimate needs.`, `for (const v of dVariables) v.assign(tf.clipByValue(v, -ganTraining.clip, ganTraining.clip));`],
      };
    }
    case "wgan-gp": {
      const gpWeight = option(t, "gpWeight", 10);
      return {
        about: [`recipe "wgan-gp" (Gulrajani et al. 2017): d_loss = mean D(G(z)) − mean D(x) + ${gpWeight}·gp, g_loss = −mean D(G(z)),`, `gp = mean((‖∇D(x̂)‖₂ − 1)²) on x̂ = εx + (1−ε)G(z), ε ~ U[0, 1] per sample (reported unweighted).`],
        data, helperNames: ["sampleNoise", "gradientPenalty"], extra: [{ name: "w_distance", side: "d" }, { name: "gp", side: "d" }], defaults: { alternate: false, dSteps: 5 }, settings: { gpWeight },
        helpers: [
          ...helpers,
          "",
          `/** The gradient penalty mean((‖∇D(x̂)‖₂ − 1)²) on random interpolates between real and generated samples; differentiable in D's weights. */`,
          `export function gradientPenalty(discriminator: tf.LayersModel, real: tf.Tensor, fake: tf.Tensor, training = true): tf.Scalar {`,
          `  const eps = tf.randomUniform([real.shape[0]!, ...real.shape.slice(1).map(() => 1)]);`,
          `  const xHat = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake));`,
          `  const grad = tf.grad((x: tf.Tensor) => tf.sum(outputsOf(discriminator, [x], training)[0]!))(xHat);`,
          `  const axes = real.shape.slice(1).map((_, i) => i + 1);`,
          `  // The small constant keeps sqrt's gradient finite where a gradient is exactly zero.`,
          `  const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), axes), 1e-12));`,
          `  return tf.mean(tf.square(tf.sub(norm, 1))) as tf.Scalar;`,
          "}",
        ],
        losses: [
          ...forward, ...wgan,
          `const w_distance = tf.sub(tf.mean(dReal), tf.mean(dFake)) as tf.Scalar;`,
          `const gp = gradientPenalty(discriminator, batch.real, fake, training);`,
          `return { d: tf.add(tf.neg(w_distance), tf.mul(ganTraining.gpWeight, gp)) as tf.Scalar, g: tf.neg(tf.mean(dFake)) as tf.Scalar, w_distance, gp };`,
        ],
      };
    }
    default:
      return { warning: `the training recipe "${t.recipe}" is not exported as TypeScript yet; the file builds the networks, and training stays in Layerloom` };
  }
}

/** A label input's form, from its shape (runtime/recipes/conditional.ts): one-hot rows, or the class id. */
function labelExpression(port: PlannedNetwork["inputs"][number], net: PlannedNetwork): string | undefined {
  const shape = port.shape.slice(1);
  const dtype = net.topology.config.layers.find((l) => l.name === port.layer)?.config["dtype"] === "int32" ? "int32" : "float32";
  if (shape.length === 1 && typeof shape[0] === "number" && shape[0] > 1) return `tf.oneHot(tf.cast(labels, "int32") as tf.Tensor1D, ${shape[0]}).toFloat()`;
  if (shape.length === 1 && shape[0] === 1) return `tf.cast(tf.reshape(labels, [-1, 1]), "${dtype}")`;
  if (shape.length === 0) return `tf.cast(labels, "${dtype}")`;
  return undefined;
}

const sameShape = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** conditional-gan (Mirza & Osindero 2014): G(z, y) and D(x, y); the batch's real labels also label the generated samples. */
function conditionalGame(plan: ExportPlan, g: PlannedNetwork, d: PlannedNetwork): GameOrWarning {
  const noise = noiseExpressions(plan, g);
  const gLabel = g.inputs.find((p) => !noise.ids.includes(p.nodeId));
  if (noise.ids.length !== 1 || g.inputs.length !== 2 || !gLabel) return { warning: `the conditional-gan generator '${g.id}' needs two inputs, one Latent noise node and one label Input, for the export to write its training` };
  if (d.inputs.length !== 2 || d.outputs.length !== 1 || g.outputs.length !== 1) return { warning: `the conditional-gan discriminator '${d.id}' needs two inputs (the sample and the label) and one output for the export to write its training` };
  const dataIndex = d.inputs.findIndex((p) => sameShape(p.shape.slice(1), g.outputs[0]!.shape.slice(1)));
  const dLabel = d.inputs[1 - dataIndex];
  const gLabelExpr = labelExpression(gLabel, g);
  const dLabelExpr = dLabel && labelExpression(dLabel, d);
  if (dataIndex < 0 || !gLabelExpr || !dLabelExpr) return { warning: `the conditional-gan networks' inputs do not match (a sample input shaped like the generator's output, label inputs of shape [1], [] or one-hot), so the file has no training function` };
  const gInputs = g.inputs.map((p) => (p === gLabel ? "generatorLabels(labels)" : "sampleNoise(labels.shape[0]!)[0]!"));
  const dInputs = (x: string) => (dataIndex === 0 ? `[${x}, discriminatorLabels(labels)]` : `[discriminatorLabels(labels), ${x}]`);
  return {
    about: [`recipe "conditional-gan" (Mirza & Osindero 2014): both networks also see the class label; each batch's real labels`, `also label its generated samples. Losses as the gan recipe: binaryCrossentropy, non-saturating G loss.`],
    data: [{ name: "real", doc: "real samples" }, { name: "labels", doc: "their class ids" }],
    helperNames: ["sampleNoise", "generatorLabels", "discriminatorLabels", "binaryCrossentropy"], extra: [], defaults: { alternate: false, dSteps: 1 },
    helpers: [
      `/** Noise for the generator's noise input (${noise.text}). */`,
      `export function sampleNoise(batchSize: number): tf.Tensor[] {`,
      `  return [${noise.exprs.join(", ")}];`,
      "}",
      "",
      `/** Class ids as the generator's label input '${gLabel.nodeId}' takes them. */`,
      `function generatorLabels(labels: tf.Tensor): tf.Tensor {`,
      `  return ${gLabelExpr};`,
      "}",
      "",
      `/** Class ids as the discriminator's label input '${dLabel!.nodeId}' takes them. */`,
      `function discriminatorLabels(labels: tf.Tensor): tf.Tensor {`,
      `  return ${dLabelExpr};`,
      "}",
      "",
      ...lossFunction("binaryCrossentropy"),
    ],
    losses: [
      `const labels = batch.labels;`,
      `const fake = outputsOf(generator, [${gInputs.join(", ")}], training)[0]!;`,
      `const dReal = outputsOf(discriminator, ${dInputs("batch.real")}, training)[0]!;`,
      `const dFake = outputsOf(discriminator, ${dInputs("fake")}, training)[0]!;`,
      `const d = tf.add(binaryCrossentropy(tf.onesLike(dReal), dReal), binaryCrossentropy(tf.zerosLike(dFake), dFake)) as tf.Scalar;`,
      `return { d, g: binaryCrossentropy(tf.onesLike(dFake), dFake) };`,
    ],
  };
}

/** pix2pix (Isola et al. 2017): G(source) against a PatchGAN D(source, image), plus an L1 term for G. */
function pix2pixGame(t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): GameOrWarning {
  if (g.inputs.length !== 1 || g.outputs.length !== 1 || d.outputs.length !== 1 || (d.inputs.length !== 1 && d.inputs.length !== 2)) {
    return { warning: `the pix2pix networks must be G(source) with one output and D(source, image) (two inputs, or one with both stacked) with one output for the export to write their training` };
  }
  const l1Weight = option(t, "l1Weight", 100);
  const judge = d.inputs.length === 2 ? "[batch.source, image]" : "[tf.concat([batch.source, image], -1)]";
  return {
    about: [`recipe "pix2pix" (Isola et al. 2017): d_loss = ½·(BCE(1, D(s, y)) + BCE(0, D(s, G(s)))) (halved to slow D),`, `g_loss = BCE(1, D(s, G(s))) + ${l1Weight}·l1, l1 = mean |G(s) − y|. G's dropout (active while training) is its noise.`],
    data: [{ name: "source", doc: "source images" }, { name: "target", doc: "their target images" }],
    helpers: lossFunction("binaryCrossentropy"), helperNames: ["binaryCrossentropy"], extra: [{ name: "l1", side: "g" }], defaults: { alternate: false, dSteps: 1 }, settings: { l1Weight },
    losses: [
      `const fake = outputsOf(generator, [batch.source], training)[0]!;`,
      `const judge = (image: tf.Tensor) => outputsOf(discriminator, ${judge}, training)[0]!;`,
      `const dReal = judge(batch.target);`,
      `const dFake = judge(fake);`,
      `const d = tf.mul(0.5, tf.add(binaryCrossentropy(tf.onesLike(dReal), dReal), binaryCrossentropy(tf.zerosLike(dFake), dFake))) as tf.Scalar;`,
      `const l1 = tf.mean(tf.abs(tf.sub(fake, batch.target))) as tf.Scalar;`,
      `return { d, g: tf.add(binaryCrossentropy(tf.onesLike(dFake), dFake), tf.mul(ganTraining.l1Weight, l1)) as tf.Scalar, l1 };`,
    ],
  };
}

/** Training code for an adversarial recipe, or the warning saying why there is none. */
export function adversarialCode(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): TrainingCode {
  const game = t.recipe === "conditional-gan" ? conditionalGame(plan, g, d) : t.recipe === "pix2pix" ? pix2pixGame(t, g, d) : unconditional(plan, t, g, d);
  return "warning" in game ? noTraining(game.warning) : printGame(t, g, d, game);
}
