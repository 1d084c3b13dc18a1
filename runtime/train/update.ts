/**
 * One optimiser update with the run's shared rules, for any recipe: gradients of a loss for a
 * group of variables, then
 *   1. a non-finite loss (or gradient norm) zeroes the gradients on the device, so a NaN batch
 *      leaves the weights finite for the loop to find the node that produced it;
 *   2. clipping to a global norm (all gradients of the group scaled together);
 *   3. the optimiser's own rule (SGD, momentum, Adam, RMSprop);
 *   4. decoupled weight decay on kernels (see settings.ts).
 * Nothing here reads a value back from the device.
 */
import * as tf from "../tf.js";

/** A set of variables one optimiser updates (one in a supervised model; a GAN has two). */
export interface UpdateGroup {
  readonly name: string;
  readonly optimizer: tf.Optimizer;
  readonly variables: readonly tf.LayerVariable[];
}

export interface UpdateRules {
  readonly clipNorm?: number;
  readonly weightDecay: number;
  /** The learning rate of this step, for the decay. */
  readonly learningRate: number;
  /** Sees the raw gradients (before clipping), inside the step's tidy: live statistics (runtime/inspect/stats.ts). */
  readonly observeGradients?: (grads: readonly NamedGradient[]) => void;
}

export interface NamedGradient {
  /** The tf.Variable's name. */
  readonly name: string;
  readonly tensor: tf.Tensor;
}

/** What a loss function hands back: the scalar to minimise and scalars to report beside it. */
export interface LossReport {
  readonly loss: tf.Scalar;
  /** Per-output losses, metrics: anything to show, computed from the same forward pass. */
  readonly report: readonly tf.Scalar[];
}

/**
 * Minimises `lossFn` for the group's variables. Returns [loss, ...report] as one vector, so the
 * loop reads a step with a single download. Call inside tf.tidy.
 */
export function applyUpdate(group: UpdateGroup, lossFn: () => LossReport, rules: UpdateRules): tf.Tensor1D {
  const vars = group.variables.filter((v) => v.trainable).map((v) => v.read() as tf.Variable);
  let kept: tf.Scalar[] = [];
  const { value, grads } = tf.variableGrads(() => {
    const r = lossFn();
    // Scalars made inside the gradient scope are freed when it closes; keep the report alive.
    kept = r.report.map((t) => tf.keep(t));
    return r.loss;
  }, vars);
  const list = vars.map((v) => grads[v.name]);
  rules.observeGradients?.(vars.flatMap((v, i) => (list[i] ? [{ name: v.name, tensor: list[i] }] : [])));
  let ok: tf.Tensor = tf.isFinite(value);
  let scale: tf.Tensor | undefined;
  if (rules.clipNorm !== undefined) {
    const present = list.filter((g): g is tf.Tensor => g !== undefined);
    const norm = tf.sqrt(tf.addN(present.map((g) => tf.sum(tf.square(g)))));
    ok = tf.logicalAnd(ok, tf.isFinite(norm));
    scale = tf.div(rules.clipNorm, tf.maximum(norm, rules.clipNorm));
  }
  const zero = tf.scalar(0);
  const named: { name: string; tensor: tf.Tensor }[] = [];
  vars.forEach((v, i) => {
    const g = list[i];
    if (!g) return;
    const clipped = scale ? tf.mul(g, scale) : g;
    named.push({ name: v.name, tensor: tf.where(ok, clipped, zero) });
  });
  group.optimizer.applyGradients(named);
  if (rules.weightDecay > 0) {
    const factor = tf.where(ok, tf.scalar(1 - rules.learningRate * rules.weightDecay), tf.scalar(1));
    for (const v of vars) if (v.rank >= 2) v.assign(tf.mul(v, factor));
  }
  const values = tf.stack([value, ...kept]) as tf.Tensor1D;
  tf.dispose(kept);
  return values;
}
