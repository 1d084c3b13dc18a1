/**
 * Boxes as the detection code passes them around: corners as fractions of the image side
 * (x0, y0 top left; x1, y1 bottom right), the form the shapes dataset gives and the app draws.
 * SSD's offsets are relative to a default box in centre form, with the usual variances.
 */

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A box in centre form: centre and full width and height. */
export interface CenterBox {
  readonly cx: number;
  readonly cy: number;
  readonly w: number;
  readonly h: number;
}

export const area = (b: Box): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);

/** Intersection over union; 0 when the boxes do not overlap or both are empty. */
export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

export const toCenter = (b: Box): CenterBox => ({ cx: (b.x0 + b.x1) / 2, cy: (b.y0 + b.y1) / 2, w: b.x1 - b.x0, h: b.y1 - b.y0 });
export const fromCenter = (c: CenterBox): Box => ({ x0: c.cx - c.w / 2, y0: c.cy - c.h / 2, x1: c.cx + c.w / 2, y1: c.cy + c.h / 2 });

/** Scaling of SSD's encoded offsets (centre x, centre y, log width, log height). */
export type Variances = readonly [number, number, number, number];
export const DEFAULT_VARIANCES: Variances = [0.1, 0.1, 0.2, 0.2];

/**
 * SSD's regression target for a box against a default box: the centre shift in units of the
 * default box's size and the log of the size ratio, each divided by its variance.
 */
export function encode(box: Box, anchor: CenterBox, v: Variances = DEFAULT_VARIANCES): [number, number, number, number] {
  const b = toCenter(box);
  return [(b.cx - anchor.cx) / anchor.w / v[0], (b.cy - anchor.cy) / anchor.h / v[1], Math.log(b.w / anchor.w) / v[2], Math.log(b.h / anchor.h) / v[3]];
}

/** The inverse of encode: the box a default box and predicted offsets stand for. */
export function decode(offsets: ArrayLike<number>, anchor: CenterBox, v: Variances = DEFAULT_VARIANCES): Box {
  return fromCenter({
    cx: anchor.cx + offsets[0]! * v[0] * anchor.w,
    cy: anchor.cy + offsets[1]! * v[1] * anchor.h,
    // Clamped so an untrained network's wild offsets give huge boxes, not Infinity.
    w: anchor.w * Math.exp(Math.min(offsets[2]! * v[2], 10)),
    h: anchor.h * Math.exp(Math.min(offsets[3]! * v[3], 10)),
  });
}

/** The ground-truth boxes of one sample from a batch's `boxes` and `boxClasses` extras (rows with class -1 are empty). */
export interface TruthBox extends Box {
  readonly cls: number;
}

export function truthsOf(boxes: ArrayLike<number>, classes: ArrayLike<number>, sample: number, maxObjects: number): TruthBox[] {
  const out: TruthBox[] = [];
  for (let j = 0; j < maxObjects; j++) {
    const k = sample * maxObjects + j;
    const cls = classes[k]!;
    if (cls < 0) continue;
    out.push({ x0: boxes[k * 4]!, y0: boxes[k * 4 + 1]!, x1: boxes[k * 4 + 2]!, y1: boxes[k * 4 + 3]!, cls });
  }
  return out;
}
