/**
 * Helpers for the sequence template tests: the shipped text read from disk, and a few training
 * steps of a template through the real loop with each step's own loss recovered.
 */
import { readFileSync } from "node:fs";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { loadShippedText } from "../../../runtime/data/shipped.js";
import type { Dataset } from "../../../runtime/data/types.js";
import "../../../runtime/layers/index.js";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining, type TrainingSession } from "../../../runtime/train/session.js";

/** The shipped:text dataset, read the way the Node host reads shipped files. */
export const shippedText = (): Promise<Dataset> => loadShippedText(async (url) => new Uint8Array(readFileSync(url)));

export interface Steps {
  /** The loss of each step, in order. */
  readonly losses: number[];
  readonly session: TrainingSession;
}

/**
 * Trains `doc` for `steps` steps through the training loop (so the training section's settings,
 * clipping included, apply) and returns each step's loss; the caller disposes the session.
 * The loop reports running means per epoch; with equal batches step k's loss is k·m_k − (k−1)·m_(k−1).
 */
export async function trainSteps(doc: GraphDocument, dataset: Dataset, steps: number, o: { batchSize?: number; seed?: number } = {}): Promise<Steps> {
  const session = await prepareTraining(doc, { dataset, seed: o.seed ?? 1, epochs: 1, ...(o.batchSize ? { batchSize: o.batchSize } : {}) });
  const losses: number[] = [];
  const signal = { aborted: false };
  let previous = 0;
  await train({
    recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint, signal,
    onBatch: (p) => {
      const mean = p.values["loss"]!;
      losses.push(p.batch * mean - (p.batch - 1) * previous);
      previous = mean;
      if (p.step >= steps) signal.aborted = true;
    },
  });
  if (losses.length < steps) throw new Error(`the dataset ran out after ${losses.length} of ${steps} steps`);
  return { losses, session };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean loss of the first and of the last `n` steps. */
export function ends(losses: readonly number[], n = 3): { first: number; last: number } {
  return { first: mean(losses.slice(0, n)), last: mean(losses.slice(-n)) };
}
