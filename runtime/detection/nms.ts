/**
 * Non-maximum suppression, per class: within each class, boxes are taken in falling score order
 * and any box overlapping a kept one by more than the IoU threshold is dropped. Boxes of
 * different classes never suppress each other.
 */
import { iou, type Box } from "./boxes.js";

export interface Detection extends Box {
  readonly score: number;
  /** The object class (0-based, background excluded). */
  readonly cls: number;
}

export interface NmsOptions {
  /** Overlap above which the weaker box goes (typical 0.45 to 0.5). */
  readonly iouThreshold: number;
  /** Candidates per class considered, best first (keeps the cost bounded on untrained models). */
  readonly topKPerClass?: number;
  /** Boxes kept per image after suppression, best first. */
  readonly maxDetections?: number;
}

export function nms(detections: readonly Detection[], options: NmsOptions): Detection[] {
  const byClass = new Map<number, Detection[]>();
  for (const d of detections) {
    const list = byClass.get(d.cls);
    if (list) list.push(d);
    else byClass.set(d.cls, [d]);
  }
  const kept: Detection[] = [];
  for (const list of byClass.values()) {
    list.sort((a, b) => b.score - a.score);
    const candidates = options.topKPerClass !== undefined ? list.slice(0, options.topKPerClass) : list;
    const mine: Detection[] = [];
    for (const d of candidates) if (mine.every((k) => iou(k, d) <= options.iouThreshold)) mine.push(d);
    kept.push(...mine);
  }
  kept.sort((a, b) => b.score - a.score);
  return options.maxDetections !== undefined ? kept.slice(0, options.maxDetections) : kept;
}
