/**
 * Metrics by the names a training section lists. Each compares one output with its target and
 * gives a batch mean, computed on the device beside the loss.
 */
import * as tf from "../tf.js";

export interface MetricDef {
  readonly id: string;
  /** The short name in logs and column names. */
  readonly column: string;
  /** Higher is better (accuracy) or lower (errors): early stopping needs to know. */
  readonly better: "higher" | "lower";
  /**
   * yTrue as the output's loss prepared it (a distribution, ids or values) and whether it holds
   * ids; yPred the output.
   */
  fn(yTrue: tf.Tensor, yPred: tf.Tensor, targetIsIds: boolean): tf.Scalar;
}

function accuracy(yTrue: tf.Tensor, yPred: tf.Tensor, ids: boolean): tf.Scalar {
  const units = yPred.shape[yPred.rank - 1]!;
  if (units === 1 && !ids) {
    // One unit: a probability of the positive class.
    return tf.mean(tf.cast(tf.equal(tf.greater(yPred, 0.5), tf.greater(yTrue, 0.5)), "float32"));
  }
  const predicted = tf.argMax(yPred, -1);
  const actual = ids ? tf.cast(yTrue, "int32") : tf.argMax(yTrue, -1);
  return tf.mean(tf.cast(tf.equal(predicted, actual), "float32"));
}

export const METRICS = {
  accuracy: { id: "accuracy", column: "accuracy", better: "higher", fn: accuracy },
  meanAbsoluteError: { id: "meanAbsoluteError", column: "mae", better: "lower", fn: (y, p) => tf.mean(tf.abs(tf.sub(p, y))) },
  meanSquaredError: { id: "meanSquaredError", column: "mse", better: "lower", fn: (y, p) => tf.mean(tf.squaredDifference(p, y)) },
} as const satisfies Record<string, MetricDef>;

/** Keras's short names too. */
const ALIASES: Readonly<Record<string, keyof typeof METRICS>> = { acc: "accuracy", mae: "meanAbsoluteError", mse: "meanSquaredError" };

export const METRIC_NAMES = [...Object.keys(METRICS), ...Object.keys(ALIASES)];

export function metricDef(name: string): MetricDef | undefined {
  const id = Object.hasOwn(METRICS, name) ? (name as keyof typeof METRICS) : Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
  return id ? METRICS[id] : undefined;
}
