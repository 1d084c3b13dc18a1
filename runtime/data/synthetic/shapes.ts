/**
 * "Shapes": filled circles, squares and triangles in random colours on a noisy background, with
 * the class of the (first) shape as label and every shape's bounding box as an extra, so the same
 * set serves classification (LeNet, ResNet) and detection (YOLO, SSD) templates.
 */
import { createDataset } from "../dataset.js";
import { rngFrom, type Rng } from "../rng.js";
import type { BoxPreview, Dataset } from "../types.js";
import { SYNTHETIC } from "./points.js";

export const SHAPE_CLASSES = ["circle", "square", "triangle"] as const;

export interface ShapesOptions {
  /** Image side in pixels (square images); at least 16. */
  readonly size?: number;
  /** 3 for colour, 1 for grey. */
  readonly channels?: 1 | 3;
  /** Up to this many shapes per image (at least one); more than one makes it a detection set. */
  readonly maxObjects?: number;
  /** Amplitude of the background noise, 0..1. */
  readonly noise?: number;
  readonly trainSize?: number;
  readonly testSize?: number;
  readonly dataSeed?: number;
}

export interface PlacedShape {
  readonly cls: number;
  /** Box corners in pixels: [x0, y0) to [x1, y1). */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly color: readonly number[];
}

function overlaps(a: PlacedShape, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether pixel centre (px, py) lies inside the shape. */
function inside(s: PlacedShape, px: number, py: number): boolean {
  const w = s.x1 - s.x0;
  if (px < s.x0 || px >= s.x1 || py < s.y0 || py >= s.y1) return false;
  switch (s.cls) {
    case 0: {
      const r = w / 2;
      const dx = px - (s.x0 + r);
      const dy = py - (s.y0 + r);
      return dx * dx + dy * dy <= r * r;
    }
    case 1:
      return true;
    default: {
      // Upward triangle: apex at the top centre, base along the bottom edge.
      const t = (py - s.y0) / w; // 0 at the apex, 1 at the base
      const half = (t * w) / 2;
      const cx = s.x0 + w / 2;
      return px >= cx - half && px <= cx + half;
    }
  }
}

function placeShapes(rng: Rng, size: number, count: number, firstClass: number, channels: number): PlacedShape[] {
  const placed: PlacedShape[] = [];
  const [lo, hi] = count === 1 ? [0.3, 0.7] : [0.2, 0.4];
  for (let j = 0; j < count; j++) {
    const cls = j === 0 ? firstClass : rng.int(SHAPE_CLASSES.length);
    // A few tries to avoid overlap keeps the boxes honest; give up on this shape if the image is full.
    for (let attempt = 0; attempt < 30; attempt++) {
      const side = Math.max(6, Math.round(rng.uniform(lo, hi) * size));
      const x0 = rng.int(size - side + 1);
      const y0 = rng.int(size - side + 1);
      const box = { x0, y0, x1: x0 + side, y1: y0 + side };
      if (placed.some((p) => overlaps(p, box))) continue;
      const color = Array.from({ length: channels }, () => rng.uniform(0.55, 1));
      placed.push({ cls, ...box, color });
      break;
    }
  }
  return placed;
}

export function shapes(options: ShapesOptions = {}): Dataset {
  const size = options.size ?? 32;
  if (!Number.isInteger(size) || size < 16) throw new RangeError(`Shapes: image size must be a whole number of at least 16 pixels (got ${size}).`);
  const channels = options.channels ?? 3;
  const maxObjects = options.maxObjects ?? 1;
  const noise = options.noise ?? 0.15;
  const seed = options.dataSeed ?? 0;
  const id = maxObjects > 1 ? `synthetic:shapes-detect-${size}` : `synthetic:shapes-${size}`;
  const k = SHAPE_CLASSES.length;

  const render = (split: string, i: number, out: Float32Array | Int32Array | null): PlacedShape[] => {
    const rng = rngFrom(id, seed, split, i);
    const count = maxObjects === 1 ? 1 : 1 + rng.int(maxObjects);
    const placed = placeShapes(rng, size, count, i % k, channels);
    if (out) {
      const base = rng.uniform(0, 0.3);
      for (let py = 0; py < size; py++) {
        for (let px = 0; px < size; px++) {
          const o = (py * size + px) * channels;
          let hit: PlacedShape | undefined;
          for (const s of placed) if (inside(s, px + 0.5, py + 0.5)) hit = s;
          for (let c = 0; c < channels; c++) {
            const bg = base + noise * rng.next();
            out[o + c] = hit ? Math.min(1, hit.color[c]! + 0.5 * noise * (rng.next() - 0.5)) : bg;
          }
        }
      }
    }
    return placed;
  };

  return createDataset({
    id,
    title: maxObjects > 1 ? `Shapes for detection (${size}×${size})` : `Shapes (${size}×${size})`,
    description:
      maxObjects > 1
        ? `Up to ${maxObjects} circles, squares and triangles per ${size}×${size} image, with bounding boxes.`
        : `One circle, square or triangle per ${size}×${size} image on a noisy background, with its bounding box.`,
    inputShape: [size, size, channels],
    inputDtype: "float32",
    target: { kind: "classes", classes: k, names: SHAPE_CLASSES, shape: [] },
    extras: [
      { name: "boxes", dtype: "float32", shape: [maxObjects, 4], description: "x0, y0, x1, y1 of each shape as fractions of the image side; zeros where there is no shape" },
      { name: "boxClasses", dtype: "int32", shape: [maxObjects], description: "class of each box, -1 where there is no shape" },
    ],
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 2000, test: options.testSize ?? 400 },
    write(split, i, slot) {
      const placed = render(split, i, slot.x);
      slot.y[0] = placed[0]!.cls;
      const boxes = slot.extras.boxes!;
      const classes = slot.extras.boxClasses!;
      for (let j = 0; j < maxObjects; j++) {
        const s = placed[j];
        classes[j] = s ? s.cls : -1;
        if (s) {
          boxes[j * 4] = s.x0 / size;
          boxes[j * 4 + 1] = s.y0 / size;
          boxes[j * 4 + 2] = s.x1 / size;
          boxes[j * 4 + 3] = s.y1 / size;
        }
      }
    },
    describe(split, i) {
      const pixels = new Float32Array(size * size * channels);
      const placed = render(split, i, pixels);
      const out = new Uint8ClampedArray(pixels.length);
      for (let p = 0; p < pixels.length; p++) out[p] = Math.round(pixels[p]! * 255);
      const boxes: BoxPreview[] = placed.map((s) => ({ x0: s.x0 / size, y0: s.y0 / size, x1: s.x1 / size, y1: s.y1 / size, label: SHAPE_CLASSES[s.cls]! }));
      return { kind: "image", width: size, height: size, channels, pixels: out, label: SHAPE_CLASSES[placed[0]!.cls]!, boxes };
    },
  });
}
