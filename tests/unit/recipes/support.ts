/**
 * Shared by the adversarial recipe tests: the templates' graphs, small versions of their
 * datasets (same ids, a few dozen samples, so an epoch is a handful of steps), and weight
 * snapshots to tell which network a step changed.
 */
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { gaussianMixture } from "../../../runtime/data/synthetic/points.js";
import { outlines } from "../../../runtime/data/synthetic/outlines.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import type { Dataset } from "../../../runtime/data/types.js";
import type { MaterializedNetwork } from "../../../runtime/materialize/materialize.js";
import "../../../runtime/layers/index.js";
import { readTemplateText } from "../templates/support.js";
import { tf } from "../train/support.js";

/** A template's graph, with training settings replaced as given. */
export function template(id: string, config: "full" | "mini", training: Partial<TrainingSpec> = {}): GraphDocument {
  const r = parseGraphFile(readTemplateText(id, `${config}.layerloom.json`));
  if (!r.ok) throw new Error(`${id}/${config}: ${r.error.message}`);
  const t = r.doc.training!;
  return { ...r.doc, training: { ...t, ...training, options: { ...t.options, ...training.options } } };
}

/** The template datasets, cut down: same id, `n` training samples. */
export function smallDataset(id: string, n: number): Dataset {
  switch (id) {
    case "synthetic:gaussians":
      return gaussianMixture({ trainSize: n, testSize: 8 });
    case "synthetic:shapes-32":
      return shapes({ size: 32, trainSize: n, testSize: 8 });
    case "synthetic:outlines-32":
      return outlines({ size: 32, trainSize: n, testSize: 8 });
    default:
      throw new Error(`no small version of ${id}`);
  }
}

/** Copies of a network's trainable weights. */
export function snapshot(net: MaterializedNetwork): Float32Array[] {
  return net.model.trainableWeights.map((w) => w.read().dataSync() as Float32Array).map((a) => Float32Array.from(a));
}

/** The largest absolute change between two snapshots. */
export function largestChange(before: readonly Float32Array[], after: readonly Float32Array[]): number {
  let m = 0;
  before.forEach((b, i) => b.forEach((v, j) => (m = Math.max(m, Math.abs(v - after[i]![j]!)))));
  return m;
}

/** A stop signal that fires once `n` steps have been reported. */
export function stopAfter(n: number): { onBatch: () => void; signal: { readonly aborted: boolean } } {
  let steps = 0;
  return { onBatch: () => void steps++, signal: { get aborted() { return steps >= n; } } };
}

export function setWeights(net: MaterializedNetwork, values: readonly (readonly number[])[]): void {
  const tensors = net.model.weights.map((w, i) => tf.tensor(values[i] as number[], w.shape as number[]));
  net.model.setWeights(tensors);
  tf.dispose(tensors);
}
