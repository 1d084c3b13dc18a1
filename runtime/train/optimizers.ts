/**
 * The optimizers a training section names, made from tfjs's own, with what the loop needs on
 * top: setting the learning rate every step (schedules) and saving and restoring the complete
 * state (slots, step count, Adam's running beta powers) so a resumed run continues exactly.
 */
import type { OptimizerSpec } from "../../graph-ir/core/document.js";
import * as tf from "../tf.js";
import { TrainingError } from "./errors.js";
import { fromRecord, toRecord, type TensorRecord } from "./tensor-records.js";

export function makeOptimizer(spec: OptimizerSpec): tf.Optimizer {
  switch (spec.kind) {
    case "sgd":
      return spec.momentum ? tf.train.momentum(spec.learningRate, spec.momentum) : tf.train.sgd(spec.learningRate);
    case "adam":
      return tf.train.adam(spec.learningRate, spec.beta1 ?? 0.9, spec.beta2 ?? 0.999);
    case "rmsprop":
      return tf.train.rmsprop(spec.learningRate, 0.9, spec.momentum ?? 0);
  }
}

interface WithRate {
  learningRate: number;
  setLearningRate?: (lr: number) => void;
}

export function learningRateOf(o: tf.Optimizer): number {
  return (o as unknown as WithRate).learningRate;
}

/** Sets the rate the next applyGradients uses (SGD and momentum keep it as a tensor too). */
export function setLearningRate(o: tf.Optimizer, lr: number): void {
  const w = o as unknown as WithRate;
  if (w.learningRate === lr) return;
  if (w.setLearningRate) w.setLearningRate(lr);
  else w.learningRate = lr;
}

/** Adam's bias-correction powers live outside getWeights; recomputing them on restore would differ in the last bits. */
interface AdamInternals {
  accBeta1?: tf.Variable;
  accBeta2?: tf.Variable;
}
const ADAM_EXTRAS = ["accBeta1", "accBeta2"] as const;
const EXTRA_PREFIX = "layerloom/";

export async function optimizerState(o: tf.Optimizer): Promise<TensorRecord[]> {
  const out: TensorRecord[] = [];
  for (const w of await o.getWeights()) {
    out.push(await toRecord(w.name, w.tensor));
    // getWeights hands out the optimiser's own variables plus a fresh step-count scalar.
    if (!(w.tensor instanceof tf.Variable)) w.tensor.dispose();
  }
  const internals = o as unknown as AdamInternals;
  for (const key of ADAM_EXTRAS) {
    const v = internals[key];
    if (v) out.push(await toRecord(`${EXTRA_PREFIX}${key}`, v));
  }
  return out;
}

/** Restores a state from optimizerState into a fresh optimizer of the same kind. */
export async function restoreOptimizer(o: tf.Optimizer, state: readonly TensorRecord[], what: string): Promise<void> {
  const slots = state.filter((r) => !r.name.startsWith(EXTRA_PREFIX));
  const extras = state.filter((r) => r.name.startsWith(EXTRA_PREFIX));
  const tensors = slots.map((r) => ({ name: r.name, tensor: fromRecord(r) }));
  try {
    await o.setWeights(tensors);
  } catch (e) {
    throw new TrainingError("checkpoint", `The checkpoint's state for ${what} does not fit its ${o.getClassName()} optimizer (${e instanceof Error ? e.message : String(e)}); was the optimizer changed? Start without --resume.`);
  } finally {
    tf.dispose(tensors.map((t) => t.tensor));
  }
  const internals = o as unknown as AdamInternals;
  for (const r of extras) {
    const v = internals[r.name.slice(EXTRA_PREFIX.length) as (typeof ADAM_EXTRAS)[number]];
    if (!v) continue;
    const t = fromRecord(r);
    v.assign(t);
    t.dispose();
  }
}

/** Frees an optimiser completely (tfjs 4.22's MomentumOptimizer.dispose forgets the learning-rate scalar of its SGD base). */
export function disposeOptimizer(o: tf.Optimizer): void {
  const c = (o as unknown as { c?: tf.Tensor }).c;
  o.dispose();
  if (c && !c.isDisposed) c.dispose();
}
