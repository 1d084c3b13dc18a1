/**
 * The backend self-check for a training run: the real recipe, one step on the first training
 * batch. Backend selection (runtime/backend/select.ts) runs it on each candidate backend.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { ProbeFactory } from "../backend/select.js";
import type { Dataset } from "../data/types.js";
import * as tf from "../tf.js";
import { prepareTraining } from "./session.js";

/** `batchSize` overrides the graph's training section, as a run's settings may. */
export function trainingProbe(doc: GraphDocument, dataset: Dataset, seed: number, batchSize?: number): ProbeFactory {
  return async () => {
    const s = await prepareTraining(doc, batchSize === undefined ? { dataset, seed } : { dataset, seed, batchSize });
    const n = Math.min(s.settings.batchSize, dataset.size("train"));
    const batch = dataset.gather("train", Int32Array.from({ length: n }, (_, i) => i));
    const rules = { learningRate: s.settings.optimizer.learningRate, weightDecay: 0 };
    return {
      async step() {
        const v = tf.tidy(() => s.prepared.step(batch, { step: 0, epoch: 0, rules }));
        const d = await v.data();
        v.dispose();
        return d[0]!;
      },
      dispose: () => s.dispose(),
    };
  };
}
