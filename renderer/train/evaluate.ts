/**
 * After training: the recipe's values on the test split, and for a classifier (one class id per
 * sample) the confusion matrix and a grid of sample predictions. Runs in the worker.
 */
import type { Dataset } from "../../runtime/data/types.js";
import { sequentialBatches } from "../../runtime/train/data-order.js";
import type { TrainingSession } from "../../runtime/train/session.js";
import * as tf from "../../runtime/tf.js";
import type { PreviewMsg } from "./protocol.js";
import { toPreview } from "./samples.js";

export interface Evaluation {
  readonly values: Record<string, number>;
  readonly samples: number;
  readonly classNames?: string[];
  readonly confusion?: number[][];
  readonly predictions: { sample: PreviewMsg; predicted: string; correct: boolean }[];
}

/** At most `limit` test samples, in order, so evaluation stays a few seconds on software GL. */
export async function evaluateTest(session: TrainingSession, dataset: Dataset, limit: number, grid = 16): Promise<Evaluation | undefined> {
  const total = Math.min(dataset.size("test"), limit);
  if (total === 0) return undefined;
  const { prepared, settings } = session;
  const target = dataset.target;
  const classes = target.kind === "classes" && target.shape.length === 0 ? target.classes : 0;
  const confusion = classes ? Array.from({ length: classes }, () => new Array<number>(classes).fill(0)) : undefined;
  const sums = new Array<number>(prepared.columns.length).fill(0);
  const predictions: Evaluation["predictions"] = [];
  const indices = Int32Array.from({ length: total }, (_, i) => i);
  let seen = 0;
  for (const idx of sequentialBatches(indices, settings.batchSize)) {
    const batch = dataset.gather("test", idx);
    const values = tf.tidy(() => prepared.evaluate(batch));
    const v = await values.data();
    values.dispose();
    prepared.columns.forEach((_, k) => (sums[k]! += v[k]! * batch.size));
    if (confusion) {
      const probe = prepared.probe(batch);
      const predicted = tf.tidy(() => {
        const out = probe.network.model.predict(probe.inputs as tf.Tensor[]);
        const first = Array.isArray(out) ? out[0]! : out;
        return first.argMax(-1);
      });
      tf.dispose(probe.inputs as tf.Tensor[]);
      const p = await predicted.data();
      predicted.dispose();
      const truth = batch.y.data;
      for (let i = 0; i < batch.size; i++) {
        const t = truth[i]!, q = p[i]!;
        confusion[t]![q]! += 1;
        const index = seen + i;
        if (predictions.length < grid) {
          predictions.push({ sample: toPreview(dataset.describe("test", index)), predicted: target.kind === "classes" ? (target.names[q] ?? String(q)) : String(q), correct: t === q });
        }
      }
    }
    seen += batch.size;
  }
  const out: Record<string, number> = {};
  prepared.columns.forEach((c, k) => (out[`test_${c.name}`] = sums[k]! / seen));
  return {
    values: out, samples: seen, predictions,
    ...(confusion && target.kind === "classes" ? { confusion, classNames: [...target.names] } : {}),
  };
}
