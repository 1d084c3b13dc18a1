/**
 * Loss functions by the names a training section uses, with Keras's semantics: predictions are
 * probabilities (the output layer applies softmax or sigmoid), clipped away from 0 and 1 before
 * the log, and every loss is the mean over the batch (and over time steps, for sequences).
 */
import * as tf from "../tf.js";

/** What a loss compares the prediction with. */
export type TargetForm =
  /** One row of K class probabilities per prediction (class ids become one-hot rows). */
  | "distribution"
  /** Integer class ids. */
  | "ids"
  /** Real values of the prediction's shape (class ids become one-hot rows when the output has one unit per class, or 0/1 when it has one unit). */
  | "values";

export interface LossDef {
  readonly id: string;
  readonly target: TargetForm;
  /** yTrue in the loss's target form, yPred the output; the mean loss. */
  fn(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar;
}

const EPSILON = 1e-7;

function crossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);
  return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));
}

export const LOSSES = {
  categoricalCrossentropy: { id: "categoricalCrossentropy", target: "distribution", fn: crossentropy },
  sparseCategoricalCrossentropy: {
    id: "sparseCategoricalCrossentropy",
    target: "ids",
    fn: (ids, yPred) => crossentropy(tf.oneHot(tf.cast(ids, "int32"), yPred.shape[yPred.rank - 1]!), yPred),
  },
  binaryCrossentropy: {
    id: "binaryCrossentropy",
    target: "values",
    fn: (yTrue, yPred) => {
      const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
      const y = tf.cast(yTrue, "float32");
      return tf.mean(tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
    },
  },
  meanSquaredError: { id: "meanSquaredError", target: "values", fn: (yTrue, yPred) => tf.mean(tf.squaredDifference(yPred, yTrue)) },
  meanAbsoluteError: { id: "meanAbsoluteError", target: "values", fn: (yTrue, yPred) => tf.mean(tf.abs(tf.sub(yPred, yTrue))) },
  huber: {
    id: "huber",
    target: "values",
    fn: (yTrue, yPred) => {
      const err = tf.abs(tf.sub(yPred, yTrue));
      const quad = tf.minimum(err, 1);
      return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad)));
    },
  },
} as const satisfies Record<string, LossDef>;

export type LossName = keyof typeof LOSSES;
export const LOSS_NAMES = Object.keys(LOSSES) as LossName[];

export function lossDef(name: string): LossDef | undefined {
  return Object.hasOwn(LOSSES, name) ? LOSSES[name as LossName] : undefined;
}
