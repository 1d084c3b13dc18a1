/**
 * Image augmentation on plain batches [B, H, W, C] of floats in [0, 1], seeded so a run can be
 * replayed: random crop after padding, horizontal flip, scale and translate, HSV jitter. Bounding
 * boxes in the batch's "boxes" extra (x0, y0, x1, y1 as fractions) move with the pixels.
 */
import { rngFrom, type Rng } from "./rng.js";
import type { Batch, TensorData } from "./types.js";

export interface AugmentOptions {
  /** Pad every side by this many pixels (zeros), then crop back to the original size at a random offset. */
  readonly crop?: { readonly padding: number };
  /** Mirror left-right with probability 1/2. */
  readonly flip?: boolean;
  /** Zoom by a factor in [1 - scale, 1 + scale] and shift by up to `translate` of the side, edges repeated. */
  readonly scaleTranslate?: { readonly scale: number; readonly translate: number };
  /** Hue shift up to ±hue turns, saturation and value scaled by 1 ± saturation / value. */
  readonly hsv?: { readonly hue: number; readonly saturation: number; readonly value: number };
}

interface Geometry {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** A box transform that maps old fractional coordinates to new ones, per axis. */
type AxisMap = (v: number) => number;

function imageGeometry(x: TensorData): Geometry {
  if (x.shape.length !== 4) throw new Error(`Augmentation works on image batches [batch, height, width, channels]; this batch has shape [${x.shape.join(", ")}].`);
  return { h: x.shape[1]!, w: x.shape[2]!, c: x.shape[3]! };
}

/** Mirrors one image left-right into `out` (which may not alias `src`). */
export function flipHorizontal(src: ArrayLike<number>, out: Float32Array, g: Geometry): void {
  for (let y = 0; y < g.h; y++) {
    for (let x = 0; x < g.w; x++) {
      const o = (y * g.w + x) * g.c;
      const s = (y * g.w + (g.w - 1 - x)) * g.c;
      for (let k = 0; k < g.c; k++) out[o + k] = src[s + k]!;
    }
  }
}

/**
 * The crop of the zero-padded image at offset (ox, oy) in [0, 2·padding]: output pixel (y, x) is
 * source pixel (y + oy - padding, x + ox - padding), or 0 where that falls in the padding.
 */
export function cropPadded(src: ArrayLike<number>, out: Float32Array, g: Geometry, padding: number, ox: number, oy: number): void {
  for (let y = 0; y < g.h; y++) {
    const sy = y + oy - padding;
    for (let x = 0; x < g.w; x++) {
      const sx = x + ox - padding;
      const o = (y * g.w + x) * g.c;
      const inside = sy >= 0 && sy < g.h && sx >= 0 && sx < g.w;
      const s = (sy * g.w + sx) * g.c;
      for (let k = 0; k < g.c; k++) out[o + k] = inside ? src[s + k]! : 0;
    }
  }
}

/** Zoom about the centre by `zoom` then shift by (tx, ty) pixels; bilinear, edges repeated. */
export function scaleTranslateImage(src: ArrayLike<number>, out: Float32Array, g: Geometry, zoom: number, tx: number, ty: number): void {
  const cx = g.w / 2;
  const cy = g.h / 2;
  const clampX = (v: number): number => Math.min(g.w - 1, Math.max(0, v));
  const clampY = (v: number): number => Math.min(g.h - 1, Math.max(0, v));
  for (let y = 0; y < g.h; y++) {
    const fy = clampY((y + 0.5 - cy - ty) / zoom + cy - 0.5);
    const y0 = Math.floor(fy);
    const y1 = Math.min(g.h - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < g.w; x++) {
      const fx = clampX((x + 0.5 - cx - tx) / zoom + cx - 0.5);
      const x0 = Math.floor(fx);
      const x1 = Math.min(g.w - 1, x0 + 1);
      const wx = fx - x0;
      const o = (y * g.w + x) * g.c;
      for (let k = 0; k < g.c; k++) {
        const a = src[(y0 * g.w + x0) * g.c + k]!;
        const b = src[(y0 * g.w + x1) * g.c + k]!;
        const c = src[(y1 * g.w + x0) * g.c + k]!;
        const d = src[(y1 * g.w + x1) * g.c + k]!;
        out[o + k] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
      }
    }
  }
}

function rgbToHsv(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
    if (h < 0) h += 1;
  }
  return [h, max === 0 ? 0 : d / max, max];
}

function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const i = Math.floor(h * 6);
  const f = h * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  switch (((i % 6) + 6) % 6) {
    case 0: return [v, t, p];
    case 1: return [q, v, p];
    case 2: return [p, v, t];
    case 3: return [p, q, v];
    case 4: return [t, p, v];
    default: return [v, p, q];
  }
}

/** Shifts hue by dh turns and scales saturation and value, in place; grey images get the value scale only. */
export function hsvAdjust(img: Float32Array, g: Geometry, dh: number, sScale: number, vScale: number): void {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  for (let p = 0; p < g.h * g.w; p++) {
    const o = p * g.c;
    if (g.c < 3) {
      for (let k = 0; k < g.c; k++) img[o + k] = clamp(img[o + k]! * vScale);
      continue;
    }
    const [h, s, v] = rgbToHsv(img[o]!, img[o + 1]!, img[o + 2]!);
    const [r, gg, b] = hsvToRgb((((h + dh) % 1) + 1) % 1, clamp(s * sScale), clamp(v * vScale));
    img[o] = r;
    img[o + 1] = gg;
    img[o + 2] = b;
  }
}

function mapBoxes(boxes: Float32Array, row: number, perRow: number, mx: AxisMap, my: AxisMap, classes: Int32Array | undefined): void {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  for (let j = 0; j < perRow; j++) {
    if (classes && classes[row * perRow + j]! < 0) continue;
    const o = (row * perRow + j) * 4;
    const a = mx(boxes[o]!);
    const b = mx(boxes[o + 2]!);
    const c = my(boxes[o + 1]!);
    const d = my(boxes[o + 3]!);
    boxes[o] = clamp(Math.min(a, b));
    boxes[o + 2] = clamp(Math.max(a, b));
    boxes[o + 1] = clamp(Math.min(c, d));
    boxes[o + 3] = clamp(Math.max(c, d));
  }
}

function augmentOne(img: Float32Array, scratch: Float32Array, g: Geometry, o: AugmentOptions, rng: Rng, onGeom: (mx: AxisMap, my: AxisMap) => void): void {
  if (o.crop && o.crop.padding > 0) {
    const p = Math.floor(o.crop.padding);
    const ox = rng.int(2 * p + 1);
    const oy = rng.int(2 * p + 1);
    cropPadded(img, scratch, g, p, ox, oy);
    img.set(scratch);
    onGeom((v) => v - (ox - p) / g.w, (v) => v - (oy - p) / g.h);
  }
  if (o.flip && rng.chance(0.5)) {
    flipHorizontal(img, scratch, g);
    img.set(scratch);
    onGeom((v) => 1 - v, (v) => v);
  }
  if (o.scaleTranslate) {
    const zoom = 1 + rng.uniform(-o.scaleTranslate.scale, o.scaleTranslate.scale);
    const tx = rng.uniform(-1, 1) * o.scaleTranslate.translate * g.w;
    const ty = rng.uniform(-1, 1) * o.scaleTranslate.translate * g.h;
    scaleTranslateImage(img, scratch, g, zoom, tx, ty);
    img.set(scratch);
    onGeom((v) => (v - 0.5) * zoom + 0.5 + tx / g.w, (v) => (v - 0.5) * zoom + 0.5 + ty / g.h);
  }
  if (o.hsv) {
    const dh = rng.uniform(-o.hsv.hue, o.hsv.hue);
    const s = 1 + rng.uniform(-o.hsv.saturation, o.hsv.saturation);
    const v = 1 + rng.uniform(-o.hsv.value, o.hsv.value);
    hsvAdjust(img, g, dh, s, v);
  }
}

/**
 * A new batch with augmented images (and boxes); the input batch is not changed. Each row draws
 * from its own stream, seeded by `seed` and the row's sample index, so results do not depend on
 * batch size or order.
 */
export function augmentBatch(batch: Batch, options: AugmentOptions, seed: number): Batch {
  const g = imageGeometry(batch.x);
  const per = g.h * g.w * g.c;
  const data = new Float32Array(batch.x.data);
  const scratch = new Float32Array(per);
  const boxesIn = batch.extras.boxes;
  const boxes = boxesIn ? new Float32Array(boxesIn.data) : undefined;
  const perRow = boxesIn ? (boxesIn.shape[1] ?? 1) : 0;
  const classes = batch.extras.boxClasses?.data instanceof Int32Array ? batch.extras.boxClasses.data : undefined;
  for (let r = 0; r < batch.size; r++) {
    const img = data.subarray(r * per, (r + 1) * per);
    const rng = rngFrom("augment", seed, batch.indices[r] ?? r);
    augmentOne(img, scratch, g, options, rng, (mx, my) => {
      if (boxes) mapBoxes(boxes, r, perRow, mx, my, classes);
    });
  }
  const extras = { ...batch.extras };
  if (boxes && boxesIn) extras.boxes = { ...boxesIn, data: boxes };
  return { ...batch, x: { ...batch.x, data }, extras };
}

/** Predicts a batch [N, h, w, C] and returns N rows of K scores, back to back. */
export type Predictor = (x: TensorData) => Promise<Float32Array> | Float32Array;

/**
 * Ten views of one image for test-time augmentation: the four corner crops and the centre crop
 * of size cropH × cropW, then the same five mirrored. Returns [10, cropH, cropW, C].
 */
export function fiveCropsWithFlips(img: ArrayLike<number>, g: Geometry, cropH: number, cropW: number): Float32Array {
  if (cropH > g.h || cropW > g.w) throw new RangeError(`Test-time crops of ${cropH}×${cropW} do not fit in images of ${g.h}×${g.w}.`);
  const origins: [number, number][] = [
    [0, 0],
    [0, g.w - cropW],
    [g.h - cropH, 0],
    [g.h - cropH, g.w - cropW],
    [Math.floor((g.h - cropH) / 2), Math.floor((g.w - cropW) / 2)],
  ];
  const per = cropH * cropW * g.c;
  const out = new Float32Array(10 * per);
  const crop = { h: cropH, w: cropW, c: g.c };
  origins.forEach(([oy, ox], v) => {
    const view = out.subarray(v * per, (v + 1) * per);
    for (let y = 0; y < cropH; y++) {
      for (let x = 0; x < cropW; x++) {
        const o = (y * cropW + x) * g.c;
        const s = ((y + oy) * g.w + (x + ox)) * g.c;
        for (let k = 0; k < g.c; k++) view[o + k] = img[s + k]!;
      }
    }
    flipHorizontal(view, out.subarray((v + 5) * per, (v + 6) * per), crop);
  });
  return out;
}

/**
 * Test-time augmentation: predicts the ten views of every image (one predictor call for the
 * whole batch) and returns the mean scores per image, [B, K] back to back.
 */
export async function predictWithTta(predict: Predictor, images: TensorData, cropH: number, cropW: number): Promise<Float32Array> {
  const g = imageGeometry(images);
  const b = images.shape[0]!;
  const per = g.h * g.w * g.c;
  const viewSize = cropH * cropW * g.c;
  const views = new Float32Array(b * 10 * viewSize);
  for (let r = 0; r < b; r++) {
    views.set(fiveCropsWithFlips(images.data.subarray(r * per, (r + 1) * per), g, cropH, cropW), r * 10 * viewSize);
  }
  const scores = await predict({ dtype: "float32", shape: [b * 10, cropH, cropW, g.c], data: views });
  const k = scores.length / (b * 10);
  if (!Number.isInteger(k)) throw new Error(`Test-time augmentation: the model returned ${scores.length} numbers for ${b * 10} views; expected the same count per view.`);
  const mean = new Float32Array(b * k);
  for (let r = 0; r < b; r++) {
    for (let v = 0; v < 10; v++) {
      for (let j = 0; j < k; j++) mean[r * k + j]! += scores[(r * 10 + v) * k + j]! / 10;
    }
  }
  return mean;
}
