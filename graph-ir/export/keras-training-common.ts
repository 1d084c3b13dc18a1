/**
 * What every recipe's Keras training code shares (graph-ir/export/keras-training*.ts): the
 * optimizer as Keras makes it, option reading with the runtime's defaults, and the custom loop
 * of the one-network recipes (autoregressive, word2vec, yolo, ssd): one GradientTape step per
 * batch on every replica, each replica's losses its share of the global batch's.
 */
import type { OptimizerSpec, TrainingSpec } from "../core/document.js";
import { pyLiteral } from "./literal.js";
import { snakeCase } from "./names.js";

export const INDENT = "    ";
const I2 = INDENT + INDENT;
const I3 = I2 + INDENT;

export function buildFunctionNamePy(networkId: string): string {
  return `build_${snakeCase(networkId)}`;
}

export interface PyTraining {
  readonly lines: readonly string[];
  readonly main: readonly string[];
  readonly names: readonly string[];
  readonly warnings: readonly string[];
  /** What --data must hold, for the script's help text. */
  readonly dataHelp?: string;
  /** The --data argument in the script's usage line (default DATA.npz). */
  readonly dataFile?: string;
  /** Standard-library modules the training code imports beyond argparse. */
  readonly imports?: readonly string[];
}

/** No training in the script, and why. */
export const noTraining = (warning: string): PyTraining => ({ lines: [], main: [], names: [], warnings: [warning] });

export const KERAS_LOSSES: Readonly<Record<string, string>> = {
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
export function optimizerLines(t: TrainingSpec, name: string, indent: string, learningRate = t.optimizer.learningRate): string[] {
  const lines = [`${indent}${name} = ${optimizerPy({ ...t.optimizer, learningRate }, t.clipNorm)}`];
  if (t.optimizer.weightDecay) lines.push(`${indent}${name}.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])`);
  return lines;
}

/** "0.1,0.1,0.2,0.2" (or one number) -> numbers, or undefined when it does not read as a list. */
export function listOption(t: TrainingSpec, key: string, fallback: string): number[] | undefined {
  const v = t.options?.[key] ?? fallback;
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v : undefined;
  if (text === undefined) return undefined;
  const parts = text.split(",").map((s) => s.trim());
  const nums = parts.map(Number);
  return parts.some((s) => s === "") || nums.some((n) => !Number.isFinite(n)) ? undefined : nums;
}

/** Every custom loop calls networks through this: one output comes back as a list of one in Keras 3, bare in Keras 2. */
export const OUTPUTS_OF_LINES: readonly string[] = [
  "def outputs_of(model, inputs, training):",
  `${INDENT}"""The model's outputs as a list, whether it has one output or several."""`,
  `${INDENT}outputs = model(inputs, training=training)`,
  `${INDENT}return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]`,
];

/**
 * The compiled step of a one-network recipe, printed once per script: `losses_fn(model, batch)`
 * returns a dict of this replica's shares of the batch's losses ("loss" first, the one minimised).
 */
export const TRAIN_STEP_LINES: readonly string[] = [
  "def distributed_train_step(strategy, model, optimizer, losses_fn):",
  `${INDENT}"""One update on every replica as a compiled function. Each replica's losses are its share of the`,
  `${INDENT}global batch's (divided by the global batch, or the global count they are averaged over), so the`,
  `${INDENT}gradients the optimizer sums over replicas, and the losses summed here, are the whole batch's."""`,
  "",
  `${INDENT}def update(batch):`,
  `${I2}with tf.GradientTape() as tape:`,
  `${I3}losses = losses_fn(model, batch, training=True)`,
  `${I2}grads = tape.gradient(losses["loss"], model.trainable_weights)`,
  `${I2}optimizer.apply_gradients(zip(grads, model.trainable_weights))`,
  `${I2}return losses`,
  "",
  `${INDENT}@tf.function`,
  `${INDENT}def step(batch):`,
  `${I2}losses = strategy.run(update, args=(batch,))`,
  `${I2}return {name: strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None) for name, value in losses.items()}`,
  "",
  `${INDENT}return step`,
];

/**
 * main()'s training lines for a one-network recipe: build under the strategy's scope, the
 * examples (`prepare` sets `examples` to a tuple of arrays, one row per example), shuffled
 * global batches, and one printed line of mean losses per epoch.
 */
export function oneNetworkMain(t: TrainingSpec, net: string, prepare: readonly string[], lossesFn: string): string[] {
  return [
    `${INDENT}with strategy.scope():`,
    `${I2}model = ${buildFunctionNamePy(net)}()`,
    ...optimizerLines(t, "optimizer", I2),
    ...prepare.map((l) => `${INDENT}${l}`),
    `${INDENT}dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)`,
    `${INDENT}dataset = strategy.experimental_distribute_dataset(dataset)`,
    `${INDENT}step = distributed_train_step(strategy, model, optimizer, ${lossesFn})`,
    `${INDENT}for epoch in range(args.epochs):`,
    `${I2}sums, batches = {}, 0`,
    `${I2}for batch in dataset:`,
    `${I3}for name, value in step(batch).items():`,
    `${I3}${INDENT}sums[name] = sums.get(name, 0.0) + float(value)`,
    `${I3}batches += 1`,
    `${I2}print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {total / batches:.4f}" for name, total in sums.items()))`,
    `${INDENT}model.save(args.save)`,
  ];
}

/** A Python docstring's lines at an indent: the first opens it, the last closes it. */
export function docLines(indent: string, text: readonly string[]): string[] {
  if (text.length === 1) return [`${indent}"""${text[0]}"""`];
  return text.map((l, i) => `${indent}${i === 0 ? '"""' : ""}${l}${i === text.length - 1 ? '"""' : ""}`);
}
