/**
 * The training part of the Keras script: the recipe's losses and loss weights, optimizer and
 * global clipnorm for "supervised" (model.compile + fit), and a custom loop for "gan" on the
 * same D/G schedule as the runtime (ganSchedule). Other recipes get a warning and no training.
 */
import type { OptimizerSpec, TrainingSpec } from "../core/document.js";
import { pyLiteral, pyString } from "./literal.js";
import { snakeCase } from "./names.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { ganSchedule } from "./ts-training.js";

export const INDENT = "    ";

export function buildFunctionNamePy(networkId: string): string {
  return `build_${snakeCase(networkId)}`;
}

const KERAS_LOSSES: Readonly<Record<string, string>> = {
  categoricalCrossentropy: '"categorical_crossentropy"',
  sparseCategoricalCrossentropy: '"sparse_categorical_crossentropy"',
  binaryCrossentropy: '"binary_crossentropy"',
  meanSquaredError: '"mean_squared_error"',
  meanAbsoluteError: '"mean_absolute_error"',
  huber: "keras.losses.Huber()",
};

function optimizerPy(o: OptimizerSpec, clipNorm: number | undefined): string {
  const args = [`learning_rate=${pyLiteral(o.learningRate)}`];
  let cls = "SGD";
  if (o.kind === "sgd") {
    if (o.momentum) args.push(`momentum=${pyLiteral(o.momentum)}`);
  } else if (o.kind === "adam") {
    cls = "Adam";
    args.push(`beta_1=${pyLiteral(o.beta1 ?? 0.9)}`, `beta_2=${pyLiteral(o.beta2 ?? 0.999)}`);
  } else {
    cls = "RMSprop";
    args.push("rho=0.9", `momentum=${pyLiteral(o.momentum ?? 0)}`);
  }
  if (clipNorm !== undefined) args.push(`global_clipnorm=${pyLiteral(clipNorm)}`);
  // Keras decays by learning_rate · weight_decay each step, decoupled from the loss, as Layerloom does.
  if (o.weightDecay) args.push(`weight_decay=${pyLiteral(o.weightDecay)}`);
  return `keras.optimizers.${cls}(${args.join(", ")})`;
}

/** Optimizer construction lines (with biases and normalisation scales kept out of weight decay). */
function optimizerLines(t: TrainingSpec, name: string, indent: string): string[] {
  const lines = [`${indent}${name} = ${optimizerPy(t.optimizer, t.clipNorm)}`];
  if (t.optimizer.weightDecay) lines.push(`${indent}${name}.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])`);
  return lines;
}

export interface PyTraining {
  readonly lines: readonly string[];
  readonly main: readonly string[];
  readonly names: readonly string[];
  readonly warnings: readonly string[];
  /** What --data must hold, for the script's help text. */
  readonly dataHelp?: string;
}

function supervisedPy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const warnings: string[] = [];
  const terms = t.losses.flatMap((l) => {
    const index = net.outputs.findIndex((o) => o.nodeId === l.output);
    if (index < 0) { warnings.push(`the ${l.loss} loss on '${l.output}' is left out: '${l.output}' is not an output of network '${net.id}'`); return []; }
    const loss = KERAS_LOSSES[l.loss];
    if (!loss) { warnings.push(`the loss '${l.loss}' on '${l.output}' has no Keras equivalent; it is left out`); return []; }
    return [{ index, output: l.output, loss, weight: l.weight }];
  });
  if (terms.length === 0) return { lines: [], main: [], names: [], warnings: [...warnings, `network '${net.id}' has no loss the Keras export can write, so the script has no training`] };
  const s = snakeCase(net.id);
  const metrics = t.metrics?.length ? t.metrics.map((m) => pyString(m)) : [];
  const metricArg = metrics.length === 0 ? [] : terms.length === 1 ? [`metrics=[${metrics.join(", ")}]`] : [`metrics=[${terms.map(() => `[${metrics.join(", ")}]`).join(", ")}]`];
  const lines = [
    `def training_model_${s}(model):`,
    `${INDENT}"""The network with only the outputs that have a loss (${terms.map((x) => x.output).join(", ")}), compiled with`,
    `${INDENT}the document's losses, loss weights and optimizer. It shares every layer with \`model\`."""`,
    `${INDENT}outputs = [model.outputs[i] for i in ${pyLiteral(terms.map((x) => x.index), false)}]`,
    `${INDENT}trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")`,
    ...optimizerLines(t, "optimizer", INDENT),
    `${INDENT}trainable.compile(`,
    `${INDENT}${INDENT}optimizer=optimizer,`,
    `${INDENT}${INDENT}loss=[${terms.map((x) => x.loss).join(", ")}],`,
    `${INDENT}${INDENT}loss_weights=[${terms.map((x) => pyLiteral(x.weight)).join(", ")}],`,
    ...metricArg.map((m) => `${INDENT}${INDENT}${m},`),
    `${INDENT})`,
    `${INDENT}return trainable`,
  ];
  const inputs = net.inputs.map((i) => i.nodeId);
  const targets = terms.map((x) => x.output);
  const main = [
    `${INDENT}with strategy.scope():`,
    `${INDENT}${INDENT}model = ${buildFunctionNamePy(net.id)}()`,
    `${INDENT}${INDENT}trainable = training_model_${s}(model)`,
    `${INDENT}data = np.load(args.data)`,
    `${INDENT}inputs = tuple(data[name] for name in ${pyLiteral(inputs, false)})`,
    `${INDENT}targets = tuple(data[name] for name in ${pyLiteral(targets, false)})`,
    `${INDENT}dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)`,
    `${INDENT}trainable.fit(dataset, epochs=args.epochs)`,
    `${INDENT}model.save(args.save)`,
  ];
  return { lines, main, names: [`training_model_${s}`], warnings, dataHelp: `an .npz file with arrays named ${[...inputs, ...targets].join(", ")} (one row per example)` };
}

function ganPy(plan: ExportPlan, t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork): PyTraining {
  const latent = g.inputs.map((i) => ({ id: i.nodeId, node: plan.analysis.nodes.get(i.nodeId), shape: i.shape }));
  if (latent.some((l) => l.node?.kind !== "LatentInput") || d.inputs.length !== 1) {
    return { lines: [], main: [], names: [], warnings: [`the GAN networks do not have the form the Keras export writes (a noise-driven generator, a one-input discriminator), so the script has no training`] };
  }
  const dOut = d.outputs[0]!;
  const lossName = t.losses.find((l) => l.output === dOut.nodeId)?.loss ?? "binaryCrossentropy";
  const loss = KERAS_LOSSES[lossName];
  if (!loss) return { lines: [], main: [], names: [], warnings: [`the loss '${lossName}' has no Keras equivalent, so the script has no GAN training`] };
  const noise = latent.map((l) => {
    const dims = l.shape.slice(1).map((x) => (typeof x === "number" ? x : 1)).join(", ");
    return l.node?.params["distribution"] === "uniform" ? `tf.random.uniform((batch, ${dims}), -1.0, 1.0)` : `tf.random.normal((batch, ${dims}))`;
  });
  const schedule = ganSchedule(t);
  const phase = schedule.alternate
    ? [`${INDENT}${INDENT}update_d = step % ${schedule.dSteps + 1} < ${schedule.dSteps}`, `${INDENT}${INDENT}return update_d, not update_d`]
    : [`${INDENT}${INDENT}return True, step % ${schedule.dSteps} == ${schedule.dSteps - 1}`];
  const lines = [
    "class GAN:",
    `${INDENT}"""Goodfellow et al. 2014, as the document's recipe "gan" trains it. The discriminator's loss labels`,
    `${INDENT}real samples 1 and generated ones 0; the generator's is the non-saturating loss (generated samples`,
    `${INDENT}labelled 1). ${schedule.text}"""`,
    "",
    `${INDENT}def __init__(self, generator, discriminator):`,
    `${INDENT}${INDENT}self.generator = generator`,
    `${INDENT}${INDENT}self.discriminator = discriminator`,
    `${INDENT}${INDENT}self.loss_fn = keras.losses.get(${loss})`,
    ...optimizerLines(t, "self.d_optimizer", `${INDENT}${INDENT}`),
    ...optimizerLines(t, "self.g_optimizer", `${INDENT}${INDENT}`),
    "",
    `${INDENT}def noise(self, batch):`,
    `${INDENT}${INDENT}return [${noise.join(", ")}]`,
    "",
    `${INDENT}@staticmethod`,
    `${INDENT}def phase(step):`,
    `${INDENT}${INDENT}"""Which networks (discriminator, generator) step number \`step\`, counted over the whole run from 0, updates."""`,
    ...phase,
    "",
    `${INDENT}def losses(self, real):`,
    `${INDENT}${INDENT}"""Both losses from one forward pass: fresh noise, D on real and on generated samples."""`,
    `${INDENT}${INDENT}fake = self.generator(self.noise(tf.shape(real)[0]), training=True)`,
    `${INDENT}${INDENT}real_out = self.discriminator(real, training=True)`,
    `${INDENT}${INDENT}fake_out = self.discriminator(fake, training=True)`,
    `${INDENT}${INDENT}d_loss = tf.reduce_mean(self.loss_fn(tf.ones_like(real_out), real_out)) + tf.reduce_mean(self.loss_fn(tf.zeros_like(fake_out), fake_out))`,
    `${INDENT}${INDENT}g_loss = tf.reduce_mean(self.loss_fn(tf.ones_like(fake_out), fake_out))`,
    `${INDENT}${INDENT}return d_loss, g_loss`,
    "",
    `${INDENT}def update(self, real, network, optimizer, minimise_d):`,
    `${INDENT}${INDENT}# Gradients are summed over replicas, so each replica's loss counts 1/replicas.`,
    `${INDENT}${INDENT}replicas = tf.cast(tf.distribute.get_strategy().num_replicas_in_sync, tf.float32)`,
    `${INDENT}${INDENT}with tf.GradientTape() as tape:`,
    `${INDENT}${INDENT}${INDENT}d_loss, g_loss = self.losses(real)`,
    `${INDENT}${INDENT}grads = tape.gradient((d_loss if minimise_d else g_loss) / replicas, network.trainable_weights)`,
    `${INDENT}${INDENT}optimizer.apply_gradients(zip(grads, network.trainable_weights))`,
    `${INDENT}${INDENT}return d_loss, g_loss`,
    "",
    `${INDENT}def d_update(self, real):`,
    `${INDENT}${INDENT}return self.update(real, self.discriminator, self.d_optimizer, True)`,
    "",
    `${INDENT}def g_update(self, real):`,
    `${INDENT}${INDENT}return self.update(real, self.generator, self.g_optimizer, False)`,
    "",
    "",
    "def distributed_step(strategy, update):",
    `${INDENT}"""One update on every replica as a compiled function; returns the mean (d_loss, g_loss)."""`,
    "",
    `${INDENT}@tf.function`,
    `${INDENT}def step(real):`,
    `${INDENT}${INDENT}d_loss, g_loss = strategy.run(update, args=(real,))`,
    `${INDENT}${INDENT}return (strategy.reduce(tf.distribute.ReduceOp.MEAN, d_loss, axis=None),`,
    `${INDENT}${INDENT}${INDENT}${INDENT}strategy.reduce(tf.distribute.ReduceOp.MEAN, g_loss, axis=None))`,
    "",
    `${INDENT}return step`,
  ];
  const main = [
    `${INDENT}with strategy.scope():`,
    `${INDENT}${INDENT}generator = ${buildFunctionNamePy(g.id)}()`,
    `${INDENT}${INDENT}discriminator = ${buildFunctionNamePy(d.id)}()`,
    `${INDENT}${INDENT}gan = GAN(generator, discriminator)`,
    `${INDENT}real = np.load(args.data)[${pyString(d.inputs[0]!.nodeId)}]`,
    `${INDENT}dataset = tf.data.Dataset.from_tensor_slices(real).shuffle(len(real)).batch(global_batch, drop_remainder=True)`,
    `${INDENT}dataset = strategy.experimental_distribute_dataset(dataset)`,
    `${INDENT}d_step = distributed_step(strategy, gan.d_update)`,
    `${INDENT}g_step = distributed_step(strategy, gan.g_update)`,
    `${INDENT}step = 0`,
    `${INDENT}for epoch in range(args.epochs):`,
    `${INDENT}${INDENT}for batch in dataset:`,
    `${INDENT}${INDENT}${INDENT}update_d, update_g = GAN.phase(step)`,
    `${INDENT}${INDENT}${INDENT}if update_d:`,
    `${INDENT}${INDENT}${INDENT}${INDENT}d_loss, g_loss = d_step(batch)`,
    `${INDENT}${INDENT}${INDENT}if update_g:`,
    `${INDENT}${INDENT}${INDENT}${INDENT}d_other, g_loss = g_step(batch)`,
    `${INDENT}${INDENT}${INDENT}${INDENT}d_loss = d_loss if update_d else d_other`,
    `${INDENT}${INDENT}${INDENT}step += 1`,
    `${INDENT}${INDENT}print(f"epoch {epoch + 1}: d_loss {float(d_loss):.4f}, g_loss {float(g_loss):.4f}")`,
    `${INDENT}generator.save(args.save)`,
  ];
  return { lines, main, names: ["GAN", "distributed_step"], warnings: [], dataHelp: `an .npz file with an array named ${d.inputs[0]!.nodeId} of real samples (one row each)` };
}

export function trainingPy(plan: ExportPlan): PyTraining {
  const t = plan.doc.training;
  if (!t) return { lines: [], main: [], names: [], warnings: [] };
  const net = (role: string) => plan.networks.find((n) => n.id === t.networks[role]);
  if (t.recipe === "supervised") {
    const model = net("model");
    return model ? supervisedPy(t, model) : { lines: [], main: [], names: [], warnings: ['training binds no network to the role "model", so the script has no training'] };
  }
  if (t.recipe === "gan") {
    const g = net("generator");
    const d = net("discriminator");
    return g && d ? ganPy(plan, t, g, d) : { lines: [], main: [], names: [], warnings: ['the GAN recipe needs networks for the roles "generator" and "discriminator", so the script has no training'] };
  }
  return { lines: [], main: [], names: [], warnings: [`the training recipe "${t.recipe}" is not exported to Keras yet; the script builds the networks, and training stays in Layerloom`] };
}
