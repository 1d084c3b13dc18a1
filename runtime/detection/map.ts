/**
 * Mean average precision at one IoU threshold, as PASCAL VOC computes it from 2010 on: per
 * class, detections of every image are ranked by score; each is a true positive when it
 * overlaps a not-yet-claimed ground-truth box of its class by at least the threshold (else a
 * false positive, duplicates included); AP is the area under the precision-recall curve after
 * making precision monotone (all-point interpolation). The mean is over classes that have
 * ground truth.
 */
import { iou, type TruthBox } from "./boxes.js";
import type { Detection } from "./nms.js";

/** VOC all-point interpolated AP from recall and precision at each rank (recall non-decreasing). */
export function averagePrecision(recall: readonly number[], precision: readonly number[]): number {
  const r = [0, ...recall, 1];
  const p = [0, ...precision, 0];
  for (let i = p.length - 2; i >= 0; i--) p[i] = Math.max(p[i]!, p[i + 1]!);
  let ap = 0;
  for (let i = 1; i < r.length; i++) ap += (r[i]! - r[i - 1]!) * p[i]!;
  return ap;
}

export interface MapResult {
  /** Mean over classes with ground truth; NaN when there is none at all. */
  readonly map: number;
  /** AP per class; null for a class without ground truth. */
  readonly perClass: readonly (number | null)[];
}

/** `detections[i]` and `truths[i]` belong to image i. */
export function meanAveragePrecision(detections: readonly (readonly Detection[])[], truths: readonly (readonly TruthBox[])[], classes: number, iouThreshold = 0.5): MapResult {
  if (detections.length !== truths.length) throw new RangeError(`mAP needs detections for every image: got ${detections.length} lists for ${truths.length} images.`);
  const perClass: (number | null)[] = [];
  for (let c = 0; c < classes; c++) {
    const gt = truths.map((list) => list.filter((t) => t.cls === c));
    const total = gt.reduce((n, l) => n + l.length, 0);
    if (total === 0) {
      perClass.push(null);
      continue;
    }
    const claimed = gt.map((l) => new Array<boolean>(l.length).fill(false));
    const ranked = detections.flatMap((list, img) => list.filter((d) => d.cls === c).map((d) => ({ d, img })));
    ranked.sort((a, b) => b.d.score - a.d.score);
    let tp = 0;
    let fp = 0;
    const recall: number[] = [];
    const precision: number[] = [];
    for (const { d, img } of ranked) {
      let best = -1;
      let bestIou = 0;
      gt[img]!.forEach((t, j) => {
        const o = iou(d, t);
        if (o > bestIou) {
          bestIou = o;
          best = j;
        }
      });
      if (best >= 0 && bestIou >= iouThreshold && !claimed[img]![best]) {
        claimed[img]![best] = true;
        tp++;
      } else fp++;
      recall.push(tp / total);
      precision.push(tp / (tp + fp));
    }
    perClass.push(averagePrecision(recall, precision));
  }
  const present = perClass.filter((v): v is number => v !== null);
  return { map: present.length ? present.reduce((a, b) => a + b, 0) / present.length : NaN, perClass };
}
