/**
 * The Keras training of the adversarial recipes (runtime/recipes/adversarial.ts): one skeleton,
 * a GAN class with the runtime's D/G schedule (phase), one forward pass giving every loss column
 * (losses), a GradientTape update per network with its own optimizer and learning rate, and a
 * compiled distributed step. The games themselves (gan, hinge, wgan-clip, wgan-gp,
 * conditional-gan, pix2pix) are in keras-training-games.ts.
 */
import type { TrainingSpec } from "../core/document.js";
import { pyLiteral } from "./literal.js";
import type { ExportPlan, PlannedNetwork } from "./plan.js";
import { INDENT, OUTPUTS_OF_LINES, buildFunctionNamePy, docLines, optimizerLines, type PyTraining } from "./keras-training-common.js";
import { numberOption } from "./training-options.js";
import { ganSchedule } from "./ts-training.js";

const I2 = INDENT + INDENT;
const I3 = I2 + INDENT;

/** One adversarial recipe, as the pieces the skeleton prints. */
export interface PyGame {
  /** The GAN class's docstring before the schedule sentence: the paper and the losses. */
  readonly about: readonly string[];
  /** Columns D's update reports; the rest come from G's. The first two are always d_loss, g_loss. */
  readonly dSide: readonly string[];
  readonly gSide: readonly string[];
  /** Class constants: name, value, and a comment. */
  readonly constants?: readonly (readonly [string, number | string, string])[];
  /** Module-level functions before the class (pure loss arithmetic the tests run on numpy). */
  readonly functions: readonly string[];
  readonly functionNames: readonly string[];
  /** Methods beside noise/phase/losses (label encodings), each ending in a blank line. */
  readonly methods?: readonly string[];
  /** Body of losses(self, batch), at method-body indent. */
  readonly losses: readonly string[];
  /** Body of after_d_update(self), run in cross-replica context after each D update. */
  readonly afterD?: readonly string[];
  /** Arrays of the --data file that make one example each, in the batch's order. */
  readonly data: readonly { readonly key: string; readonly what: string }[];
  readonly defaults: { readonly alternate: boolean; readonly dSteps: number };
}

export type PyGameOrWarning = PyGame | { readonly warning: string };

/** Noise for each Latent noise input of G, as Python expressions of `batch`. */
export function noisePy(plan: ExportPlan, g: PlannedNetwork): { ids: string[]; exprs: string[]; text: string } {
  const ports = g.inputs.filter((i) => plan.analysis.nodes.get(i.nodeId)?.kind === "LatentInput");
  const info = ports.map((p) => {
    const dims = p.shape.slice(1).map((x) => (typeof x === "number" ? x : 1)).join(", ");
    const uniform = plan.analysis.nodes.get(p.nodeId)?.params["distribution"] === "uniform";
    return { id: p.nodeId, uniform, expr: uniform ? `tf.random.uniform((batch, ${dims}), -1.0, 1.0)` : `tf.random.normal((batch, ${dims}))` };
  });
  return { ids: info.map((i) => i.id), exprs: info.map((i) => i.expr), text: info.map((i) => `${i.id}: ${i.uniform ? "uniform in [-1, 1]" : "standard normal"}`).join("; ") };
}

const pyTuple = (names: readonly string[]): string => `(${names.map((n) => JSON.stringify(n)).join(", ")}${names.length === 1 ? "," : ""})`;

export function printGame(t: TrainingSpec, g: PlannedNetwork, d: PlannedNetwork, game: PyGame): PyTraining {
  const schedule = ganSchedule(t, game.defaults);
  const base = t.optimizer.learningRate;
  const rate = (key: string) => { const v = numberOption(t, key, base); return v > 0 ? v : base; };
  const phase = schedule.alternate
    ? [`${I2}update_d = step % ${schedule.dSteps + 1} < ${schedule.dSteps}`, `${I2}return update_d, not update_d`]
    : schedule.dSteps === 1
      ? [`${I2}return True, True`]
      : [`${I2}return True, step % ${schedule.dSteps} == ${schedule.dSteps - 1}`];
  const rates = rate("dLearningRate") !== rate("gLearningRate") ? ` D learns at ${rate("dLearningRate")}, G at ${rate("gLearningRate")}.` : "";
  const lines = [
    ...OUTPUTS_OF_LINES,
    "",
    "",
    ...game.functions,
    ...(game.functions.length ? ["", ""] : []),
    "class GAN:",
    ...docLines(INDENT, [...game.about, `${schedule.text}${rates}`]),
    "",
    `${INDENT}# Columns D's update reports; the others come from G's update.`,
    `${INDENT}D_SIDE = ${pyTuple(game.dSide)}`,
    `${INDENT}G_SIDE = ${pyTuple(game.gSide)}`,
    ...(game.constants ?? []).map(([name, value, comment]) => `${INDENT}${name} = ${pyLiteral(value)}  # ${comment}`),
    "",
    `${INDENT}def __init__(self, generator, discriminator):`,
    `${I2}self.generator = generator`,
    `${I2}self.discriminator = discriminator`,
    ...optimizerLines(t, "self.d_optimizer", I2, rate("dLearningRate")),
    ...optimizerLines(t, "self.g_optimizer", I2, rate("gLearningRate")),
    "",
    ...(game.methods ?? []),
    `${INDENT}@staticmethod`,
    `${INDENT}def phase(step):`,
    `${I2}"""Which networks (discriminator, generator) step number \`step\`, counted over the whole run from 0, updates."""`,
    ...phase,
    "",
    `${INDENT}def losses(self, batch):`,
    `${I2}"""Every loss column from one forward pass over this replica's part of the batch."""`,
    ...game.losses.map((l) => `${I2}${l}`),
    "",
    `${INDENT}def update(self, batch, network, optimizer, loss_name):`,
    `${I2}# Gradients are summed over replicas, so each replica's mean loss counts 1/replicas.`,
    `${I2}replicas = tf.distribute.get_strategy().num_replicas_in_sync`,
    `${I2}with tf.GradientTape() as tape:`,
    `${I3}columns = self.losses(batch)`,
    `${I2}grads = tape.gradient(columns[loss_name] / replicas, network.trainable_weights)`,
    `${I2}optimizer.apply_gradients(zip(grads, network.trainable_weights))`,
    `${I2}return columns`,
    "",
    `${INDENT}def d_update(self, batch):`,
    `${I2}return self.update(batch, self.discriminator, self.d_optimizer, "d_loss")`,
    "",
    `${INDENT}def g_update(self, batch):`,
    `${I2}return self.update(batch, self.generator, self.g_optimizer, "g_loss")`,
    ...(game.afterD ? ["", `${INDENT}def after_d_update(self):`, ...game.afterD.map((l) => `${I2}${l}`)] : []),
    "",
    "",
    "def distributed_step(strategy, update, after=None):",
    `${INDENT}"""One update on every replica as a compiled function; returns each loss column averaged over replicas."""`,
    "",
    `${INDENT}@tf.function`,
    `${INDENT}def step(batch):`,
    `${I2}columns = strategy.run(update, args=(batch,))`,
    `${I2}if after is not None:`,
    `${I3}after()  # in cross-replica context, so every replica's copy of a variable gets the new value`,
    `${I2}return {name: strategy.reduce(tf.distribute.ReduceOp.MEAN, value, axis=None) for name, value in columns.items()}`,
    "",
    `${INDENT}return step`,
  ];
  const single = game.data.length === 1;
  const examples = single ? `data[${JSON.stringify(game.data[0]!.key)}]` : `(${game.data.map((x) => `data[${JSON.stringify(x.key)}]`).join(", ")})`;
  const main = [
    `${INDENT}with strategy.scope():`,
    `${I2}generator = ${buildFunctionNamePy(g.id)}()`,
    `${I2}discriminator = ${buildFunctionNamePy(d.id)}()`,
    `${I2}gan = GAN(generator, discriminator)`,
    `${INDENT}data = np.load(args.data)`,
    `${INDENT}examples = ${examples}`,
    `${INDENT}dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples${single ? "" : "[0]"})).batch(global_batch, drop_remainder=True)`,
    `${INDENT}dataset = strategy.experimental_distribute_dataset(dataset)`,
    `${INDENT}d_step = distributed_step(strategy, gan.d_update${game.afterD ? ", after=gan.after_d_update" : ""})`,
    `${INDENT}g_step = distributed_step(strategy, gan.g_update)`,
    `${INDENT}step = 0`,
    `${INDENT}for epoch in range(args.epochs):`,
    `${I2}for batch in dataset:`,
    `${I3}update_d, update_g = GAN.phase(step)`,
    `${I3}columns = d_step(batch) if update_d else {}`,
    `${I3}if update_g:`,
    `${I3}${INDENT}# D-side columns come from D's update when it ran, the others from G's.`,
    `${I3}${INDENT}columns = {**g_step(batch), **{name: columns[name] for name in GAN.D_SIDE if name in columns}}`,
    `${I3}step += 1`,
    `${I2}print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {float(value):.4f}" for name, value in columns.items()))`,
    `${INDENT}generator.save(args.save)`,
  ];
  const help = `an .npz file with ${game.data.map((x) => `an array named ${x.key} of ${x.what}`).join(" and ")} (one row per example)`;
  return { lines, main, names: ["GAN", "distributed_step", "outputs_of", ...game.functionNames], warnings: [], dataHelp: help };
}
