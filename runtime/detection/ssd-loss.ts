/**
 * SSD's multibox loss (Liu et al. 2016, eq. 1 to 3), for class probabilities [n, N, K] (the
 * heads' softmax) and offsets [n, N, 4]:
 *   confidence = (Σ_pos −log p(label) + Σ_mined −log p(background)) / N_pos
 *   localization = Σ_pos smoothL1(offsets − encoded target) / N_pos
 * Hard negative mining keeps, per image, the background boxes with the highest confidence loss,
 * at most negativesPerPositive for each positive; N_pos counts the whole batch.
 */
import * as tf from "../tf.js";
import { constant } from "./constant.js";
import type { SsdConfig, SsdTargets } from "./ssd.js";

const EPSILON = 1e-7;

export interface SsdLoss {
  readonly confidence: tf.Scalar;
  readonly localization: tf.Scalar;
}

/**
 * 1 for the negatives kept: per image, the `ratio × positives` background boxes with the
 * largest loss (ties broken by order). Ranks come from two top-k passes: the first sorts the
 * losses, the second inverts that permutation.
 */
export function mineNegatives(loss: tf.Tensor2D, positive: tf.Tensor2D, ratio: number): tf.Tensor2D {
  return constant((l) => {
    const N = l.shape[1]!;
    const negLoss = tf.sub(tf.mul(l, tf.sub(1, positive)), positive); // positives rank last
    const order = tf.topk(negLoss, N).indices;
    const rank = tf.topk(tf.neg(tf.cast(order, "float32")), N).indices;
    const pos = tf.sum(positive, 1, true);
    const quota = tf.minimum(tf.mul(pos, ratio), tf.sub(N, pos));
    return tf.mul(tf.cast(tf.less(tf.cast(rank, "float32"), quota), "float32"), tf.sub(1, positive));
  }, loss) as tf.Tensor2D;
}

export function ssdLoss(probs: tf.Tensor, offsets: tf.Tensor, t: SsdTargets, c: SsdConfig): SsdLoss {
  const [n, N, K] = probs.shape as [number, number, number];
  const labels = tf.oneHot(tf.tensor(t.labels, [n, N], "int32"), K);
  const positive = tf.tensor(t.positive, [n, N]) as tf.Tensor2D;
  const p = tf.clipByValue(tf.sum(tf.mul(probs, labels), -1), EPSILON, 1);
  const ce = tf.neg(tf.log(p)) as tf.Tensor2D;
  const mined = mineNegatives(ce, positive, c.negativesPerPositive);
  const count = tf.maximum(tf.sum(positive), 1);
  const confidence = tf.div(tf.sum(tf.mul(tf.add(positive, mined), ce)), count) as tf.Scalar;
  const err = tf.abs(tf.sub(offsets, tf.tensor(t.offsets, [n, N, 4])));
  const quad = tf.minimum(err, 1);
  const smoothL1 = tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad));
  const localization = tf.div(tf.sum(tf.mul(tf.expandDims(positive, -1), smoothL1)), count) as tf.Scalar;
  return { confidence, localization };
}
