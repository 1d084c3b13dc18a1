/**
 * "Outlines": a paired image set for image-to-image translation (pix2pix). Sample i is a
 * one-pixel outline of a circle, square, triangle or diamond in a random colour on black (x),
 * and the same shape filled (y, the target). The mapping is exact, so a translator can learn it,
 * and it needs the whole shape at once (filling is not a local edit), which is what a U-Net's
 * skip connections and bottleneck are for.
 */
import { createDataset, toPreviewPixels } from "../dataset.js";
import { rngFrom } from "../rng.js";
import type { Dataset } from "../types.js";
import { SYNTHETIC } from "./points.js";

export const OUTLINE_SHAPES = ["circle", "square", "triangle", "diamond"] as const;

export interface OutlinesOptions {
  /** Image side in pixels; at least 16. */
  readonly size?: number;
  readonly trainSize?: number;
  readonly testSize?: number;
  readonly dataSeed?: number;
}

interface Figure {
  readonly cls: number;
  readonly cx: number;
  readonly cy: number;
  /** Half the side of the box the shape fills. */
  readonly r: number;
  readonly color: readonly [number, number, number];
}

function inside(f: Figure, px: number, py: number): boolean {
  const dx = px - f.cx;
  const dy = py - f.cy;
  switch (f.cls) {
    case 0:
      return dx * dx + dy * dy <= f.r * f.r;
    case 1:
      return Math.abs(dx) <= f.r && Math.abs(dy) <= f.r;
    case 2: {
      // Apex up: the half-width grows from 0 at the top to r at the base.
      const t = (dy + f.r) / (2 * f.r);
      return t >= 0 && t <= 1 && Math.abs(dx) <= t * f.r;
    }
    default:
      return Math.abs(dx) + Math.abs(dy) <= f.r;
  }
}

export function outlines(options: OutlinesOptions = {}): Dataset {
  const size = options.size ?? 32;
  if (!Number.isInteger(size) || size < 16) throw new RangeError(`Outlines: image size must be a whole number of at least 16 pixels (got ${size}).`);
  const seed = options.dataSeed ?? 0;
  const id = `synthetic:outlines-${size}`;
  const k = OUTLINE_SHAPES.length;

  const figure = (split: string, i: number): Figure => {
    const rng = rngFrom(id, seed, split, i);
    const r = rng.uniform(0.18, 0.38) * size;
    const margin = r + 1;
    const hue = (): number => rng.uniform(0.4, 1);
    return { cls: i % k, cx: rng.uniform(margin, size - margin), cy: rng.uniform(margin, size - margin), r, color: [hue(), hue(), hue()] };
  };

  /** Writes the outline into `outline` and the filled shape into `filled` (both size×size×3). */
  const render = (f: Figure, outline: Float32Array | Int32Array, filled: Float32Array | Int32Array): void => {
    const at = (px: number, py: number) => px >= 0 && py >= 0 && px < size && py < size && inside(f, px + 0.5, py + 0.5);
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        if (!at(px, py)) continue;
        const edge = !at(px - 1, py) || !at(px + 1, py) || !at(px, py - 1) || !at(px, py + 1);
        const o = (py * size + px) * 3;
        for (let c = 0; c < 3; c++) {
          filled[o + c] = f.color[c]!;
          if (edge) outline[o + c] = f.color[c]!;
        }
      }
    }
  };

  return createDataset({
    id,
    title: `Outlines to filled shapes (${size}×${size})`,
    description: `Pairs of ${size}×${size} colour images: a shape's one-pixel outline (the sample) and the same shape filled (the target), for image-to-image translation.`,
    inputShape: [size, size, 3],
    inputDtype: "float32",
    target: { kind: "values", shape: [size, size, 3] },
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 1000, test: options.testSize ?? 200 },
    write(split, i, slot) {
      render(figure(split, i), slot.x, slot.y);
    },
    describe(split, i) {
      const f = figure(split, i);
      const outline = new Float32Array(size * size * 3);
      render(f, outline, new Float32Array(size * size * 3));
      return { kind: "image", width: size, height: size, channels: 3, pixels: toPreviewPixels(outline), label: `${OUTLINE_SHAPES[f.cls]} outline` };
    },
  });
}
