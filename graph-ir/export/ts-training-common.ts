/**
 * What every exported training function shares (graph-ir/export/ts-training*.ts): the loss
 * functions in Keras's definitions, the optimizer as a tfjs expression, and the helper and
 * update lines each step function prints.
 */
import type { OptimizerSpec, TrainingSpec } from "../core/document.js";
import { tsLiteral } from "./literal.js";
import { tsIdentifier } from "./names.js";

export interface TrainingCode {
  /** Lines to append to the file (empty when nothing could be written). */
  readonly lines: readonly string[];
  /** Module-level names the training code declares (local layer variables must avoid them). */
  readonly names: readonly string[];
  /** One line for the file header, naming the training function. */
  readonly summary?: string;
  readonly warnings: readonly string[];
}

/** No training code, and why. */
export const noTraining = (warning: string): TrainingCode => ({ lines: [], names: [], warnings: [warning] });

const LOSS_CODE: Readonly<Record<string, { readonly doc: string; readonly body: readonly string[] }>> = {
  categoricalCrossentropy: {
    doc: "Mean cross-entropy between target class probabilities (one-hot rows) and predicted probabilities.",
    body: [
      "const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);",
      "return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));",
    ],
  },
  sparseCategoricalCrossentropy: {
    doc: "Mean cross-entropy between integer class ids and predicted probabilities.",
    body: [
      "const classes = yPred.shape[yPred.rank - 1]!;",
      "const oneHot = tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), \"int32\"), classes).reshape(yPred.shape);",
      "const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);",
      "return tf.mean(tf.neg(tf.sum(tf.mul(oneHot, tf.log(p)), -1)));",
    ],
  },
  binaryCrossentropy: {
    doc: "Mean binary cross-entropy between 0/1 targets and predicted probabilities.",
    body: [
      "const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);",
      "const y = tf.cast(yTrue, \"float32\");",
      "return tf.mean(tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));",
    ],
  },
  meanSquaredError: { doc: "Mean squared difference.", body: ["return tf.mean(tf.squaredDifference(yPred, yTrue));"] },
  meanAbsoluteError: { doc: "Mean absolute difference.", body: ["return tf.mean(tf.abs(tf.sub(yPred, yTrue)));"] },
  huber: {
    doc: "Huber loss with delta 1: squared for small errors, linear for large ones.",
    body: [
      "const err = tf.abs(tf.sub(yPred, yTrue));",
      "const quad = tf.minimum(err, 1);",
      "return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad)));",
    ],
  },
};

/** Whether the loss function's body clips probabilities with EPSILON. */
export const lossUsesEpsilon = (name: string): boolean => LOSS_CODE[name]?.body.some((b) => b.includes("EPSILON")) ?? false;

export function isExportableLoss(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOSS_CODE, name);
}

export function lossFunction(name: string): string[] {
  const l = LOSS_CODE[name]!;
  return [
    `/** ${l.doc} */`,
    `function ${name}(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {`,
    ...l.body.map((b) => `  ${b}`),
    "}",
  ];
}

/** The optimizer as the app makes it (runtime/train/optimizers.ts), as a tfjs expression. */
export function optimizerExpression(o: OptimizerSpec): string {
  const lr = tsLiteral(o.learningRate);
  switch (o.kind) {
    case "sgd":
      return o.momentum ? `tf.train.momentum(${lr}, ${tsLiteral(o.momentum)})` : `tf.train.sgd(${lr})`;
    case "adam":
      return `tf.train.adam(${lr}, ${tsLiteral(o.beta1 ?? 0.9)}, ${tsLiteral(o.beta2 ?? 0.999)})`;
    case "rmsprop":
      return `tf.train.rmsprop(${lr}, 0.9, ${tsLiteral(o.momentum ?? 0)})`;
  }
}

export function optimizerText(o: OptimizerSpec): string {
  const parts = [`${o.kind} at learning rate ${o.learningRate}`];
  if (o.kind === "sgd" && o.momentum) parts.push(`momentum ${o.momentum}`);
  if (o.kind === "rmsprop" && o.momentum) parts.push(`momentum ${o.momentum}`);
  if (o.kind === "adam" && (o.beta1 !== undefined || o.beta2 !== undefined)) parts.push(`beta1 ${o.beta1 ?? 0.9}, beta2 ${o.beta2 ?? 0.999}`);
  if (o.weightDecay) parts.push(`decoupled weight decay ${o.weightDecay}`);
  return parts.join(", ");
}

/** Gradient clipping and weight decay lines shared by every step function. */
export function helperLines(t: TrainingSpec, withEpsilon: boolean, withOutputsOf = true): string[] {
  const out = [
    // Only the probability losses clip with it; an unused constant would fail tsc's noUnusedLocals.
    ...(withEpsilon ? ["const EPSILON = 1e-7;", ""] : []),
    // word2vec reads the weights and never applies the model.
    ...(withOutputsOf ? [
      "/** A model's outputs as a list, whether it has one output or several. */",
      "function outputsOf(model: tf.LayersModel, inputs: tf.Tensor[], training: boolean): tf.Tensor[] {",
      "  const out = model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[];",
      "  return Array.isArray(out) ? out : [out];",
      "}",
      "",
    ] : []),
    "/** The model's trainable weights as the variables tf.variableGrads differentiates. */",
    "function trainableVariables(model: tf.LayersModel): tf.Variable[] {",
    "  return model.trainableWeights.map((w) => w.read() as tf.Variable);",
    "}",
  ];
  if (t.clipNorm !== undefined) {
    out.push(
      "",
      "/** Scales all gradients together so that their global norm is at most maxNorm. */",
      "function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {",
      "  const names = Object.keys(grads);",
      "  const norm = tf.sqrt(tf.addN(names.map((k) => tf.sum(tf.square(grads[k]!)))));",
      "  const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));",
      "  const clipped: tf.NamedTensorMap = {};",
      "  for (const k of names) clipped[k] = tf.mul(grads[k]!, scale);",
      "  return clipped;",
      "}",
    );
  }
  if (t.optimizer.weightDecay) {
    out.push(
      "",
      "/** Decoupled weight decay (AdamW, SGDW): after each update, every kernel shrinks by lr·decay; biases and scales do not. */",
      "function decayKernels(variables: tf.Variable[], factor: number): void {",
      "  for (const v of variables) if (v.rank >= 2) v.assign(tf.mul(v, factor));",
      "}",
    );
  }
  return out;
}

/** The body of one update: gradients of `lossExpr` for `vars`, clipped, applied, decayed. */
export function updateLines(t: TrainingSpec, vars: string, optimizer: string, lossExpr: string, indent: string, learningRate = t.optimizer.learningRate): string[] {
  const grads = t.clipNorm !== undefined ? `clipByGlobalNorm(grads, ${tsLiteral(t.clipNorm)})` : "grads";
  const lines = [
    `const { value, grads } = tf.variableGrads(() => ${lossExpr}, ${vars});`,
    `${optimizer}.applyGradients(${grads});`,
  ];
  if (t.optimizer.weightDecay) lines.push(`decayKernels(${vars}, ${tsLiteral(1 - learningRate * t.optimizer.weightDecay)});`);
  return lines.map((l) => indent + l);
}

/** `export const name = { ... } as const;` with one setting per line, for the recipes with many settings. */
export function settingsLines(name: string, settings: Readonly<Record<string, unknown>>): string[] {
  return [`export const ${name} = {`, ...Object.entries(settings).map(([k, v]) => `  ${propKey(k)}: ${tsLiteral(v)},`), "} as const;"];
}

export const propAccess = (obj: string, key: string): string => (tsIdentifier(key) === key ? `${obj}.${key}` : `${obj}[${JSON.stringify(key)}]`);
export const propKey = (key: string): string => (tsIdentifier(key) === key ? key : JSON.stringify(key));

/** Module-level helper names helperLines may declare. */
export const HELPER_NAMES = ["EPSILON", "outputsOf", "trainableVariables", "clipByGlobalNorm", "decayKernels"] as const;
