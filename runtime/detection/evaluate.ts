/**
 * mAP@0.5 of a trained detector on a split of a detection dataset: the model runs batch by batch
 * (inference mode), its outputs are decoded to boxes (detect.ts) and scored against the
 * dataset's boxes (map.ts).
 */
import type { Dataset, Split } from "../data/types.js";
import { toTensor } from "../data/tensors.js";
import * as tf from "../tf.js";
import { truthsOf, type TruthBox } from "./boxes.js";
import type { DetectOverrides, Detector, OutputData } from "./detect.js";
import { meanAveragePrecision, type MapResult } from "./map.js";
import type { Detection } from "./nms.js";

export interface DetectionEval extends MapResult {
  readonly images: number;
  readonly detections: readonly (readonly Detection[])[];
  readonly truths: readonly (readonly TruthBox[])[];
}

/** Ground-truth boxes of the first `limit` samples of a split. */
export function splitTruths(dataset: Dataset, split: Split, limit = dataset.size(split)): TruthBox[][] {
  const n = Math.min(limit, dataset.size(split));
  const batch = dataset.gather(split, Int32Array.from({ length: n }, (_, i) => i));
  const boxes = batch.extras["boxes"];
  const classes = batch.extras["boxClasses"];
  if (!boxes || !classes) throw new RangeError(`${dataset.id} has no boxes to score detections against; use a detection dataset such as synthetic:shapes-detect-64.`);
  const m = classes.shape[1] ?? 1;
  return Array.from({ length: n }, (_, i) => truthsOf(boxes.data, classes.data, i, m));
}

export async function evaluateDetection(
  model: tf.LayersModel, detector: Detector, dataset: Dataset, split: Split,
  options: { readonly batchSize?: number; readonly limit?: number; readonly overrides?: DetectOverrides } = {},
): Promise<DetectionEval> {
  const n = Math.min(options.limit ?? dataset.size(split), dataset.size(split));
  const size = options.batchSize ?? 32;
  const detections: Detection[][] = [];
  for (let start = 0; start < n; start += size) {
    const batch = dataset.gather(split, Int32Array.from({ length: Math.min(size, n - start) }, (_, i) => start + i));
    const outs = tf.tidy(() => ([] as tf.Tensor[]).concat(model.predict(toTensor(batch.x)) as tf.Tensor | tf.Tensor[]));
    const data: OutputData[] = [];
    for (const t of outs) data.push({ shape: t.shape, data: await t.data() });
    tf.dispose(outs);
    detections.push(...detector.detect(data, options.overrides));
  }
  const truths = splitTruths(dataset, split, n);
  return { ...meanAveragePrecision(detections, truths, detector.classes), images: n, detections, truths };
}
