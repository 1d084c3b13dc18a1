/**
 * The messages training stops with when something goes wrong mid-run: memory running out, and a
 * loss that became NaN or Infinity (with the node where the non-finite values start).
 */
import type { Batch } from "../data/types.js";
import { describeNode } from "../materialize/node-ref.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { TrainingError, errorMessage, isOutOfMemory } from "./errors.js";
import { locateNonFinite } from "./non-finite.js";
import type { Column, PreparedRecipe } from "./recipe.js";

/** Runs fn, turning an allocation failure into a message that says what to change. */
export function guardMemory<T>(fn: () => T, networks: readonly MaterializedNetwork[], batchSize: number, during: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TrainingError || !isOutOfMemory(e)) throw e;
    throw outOfMemory(networks, batchSize, during, e);
  }
}

function outOfMemory(networks: readonly MaterializedNetwork[], batchSize: number, during: string, e: unknown): TrainingError {
  const floats = networks.reduce((sum, n) => sum + activationFloats(n), 0);
  const mb = (floats * 4 * batchSize * 3) / 2 ** 20;
  const smaller = Math.max(1, Math.floor(batchSize / 2));
  return new TrainingError(
    "out-of-memory",
    `Out of memory during ${during} on the ${tf.getBackend()} backend with batch size ${batchSize} (${errorMessage(e)}). ` +
      `The layer outputs and their gradients need roughly ${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB per batch. ` +
      `Lower training.batchSize (try ${smaller}), shrink the input or the widest layers, or train on a machine with more memory.`,
  );
}

/** Floats of every layer output for one sample. */
function activationFloats(n: MaterializedNetwork): number {
  let total = 0;
  for (const layer of n.model.layers) {
    const shapes = Array.isArray(layer.outputShape[0]) ? (layer.outputShape as (number | null)[][]) : [layer.outputShape as (number | null)[]];
    for (const shape of shapes) total += shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1);
  }
  return total;
}

/** What typically makes a layer of this class produce NaN or Infinity. */
const LAYER_HINTS: Readonly<Record<string, string>> = {
  BatchNormalization: "A batch normalization divides by the batch's spread: a feature that is constant over the batch makes 0/0 unless epsilon is above 0 (typical: 0.001).",
  LayerNormalization: "A layer normalization divides by each sample's spread: keep epsilon above 0 (typical: 0.001).",
  Softmax: "A softmax overflows when its inputs grow very large.",
};

/** Where a step whose values came back non-finite ran. */
export interface FailedStep {
  readonly batch: Batch;
  readonly batchIndex: number;
  readonly step: number;
  /** The random stream's state before the step, to replay it. */
  readonly rngBefore: number;
  readonly learningRate: number;
}

export async function nonFiniteError(recipe: PreparedRecipe, columns: readonly Column[], v: ArrayLike<number>, p: FailedStep, epoch: number, batches: number): Promise<TrainingError> {
  const bad = columns.flatMap((c, k) => (Number.isFinite(v[k]!) ? [] : [`${c.name} = ${v[k]}`]));
  const where = `at epoch ${epoch + 1}, batch ${p.batchIndex + 1} of ${batches} (step ${p.step + 1})`;
  const advice = `Lower the learning rate (now ${p.learningRate}), set training.clipNorm (for example 1), or normalise the inputs.`;
  let source;
  const probe = recipe.probe(p.batch);
  try {
    source = await locateNonFinite(probe, p.rngBefore);
  } finally {
    tf.dispose([...probe.inputs]);
  }
  if (source) {
    const node = source.node ? `node ${describeNode(source.node)}` : `layer '${source.layer}'`;
    const hint = LAYER_HINTS[source.node?.layerClass ?? ""];
    const what = [source.nan ? `${source.nan} NaN` : "", source.infinite ? `${source.infinite} infinite` : ""].filter(Boolean).join(" and ");
    return new TrainingError(
      "non-finite-loss",
      `Training stopped ${where}: the loss is not finite (${bad.join(", ")}). The first node whose output is not finite on that batch is ${node}: ${what} of its ${source.size} values, while everything before it is finite. ${hint ? `${hint} ` : ""}${advice}`,
      source.node?.nodeId,
    );
  }
  return new TrainingError(
    "non-finite-loss",
    `Training stopped ${where}: the loss is not finite (${bad.join(", ")}), although every node's output on that batch is finite, so the loss itself overflowed. Check that each output's activation suits its loss (softmax for categoricalCrossentropy, sigmoid for binaryCrossentropy) and that the targets are in range. ${advice}`,
  );
}
