/**
 * What `layerloom inspect` draws, as RGBA pictures written as PNG: feature maps as a grid of
 * tiles, heat maps alone and over the input, an input image, and a scatter plot of an embedding
 * coloured by class. Small pictures are scaled up (nearest neighbour) so they can be looked at.
 */
import { PNG } from "pngjs";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import { inferno, type BaseImage, type LayerValues } from "../../runtime/inspect/index.js";

export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Scales up by a whole factor so the shorter side is at least `min` pixels (at most 16×). */
export function enlarge(p: Picture, min = 128): Picture {
  const f = Math.min(16, Math.max(1, Math.ceil(min / Math.min(p.width, p.height))));
  if (f === 1) return p;
  const width = p.width * f;
  const height = p.height * f;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (Math.floor(y / f) * p.width + Math.floor(x / f)) * 4;
      rgba.set(p.rgba.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

export async function writePng(path: string, p: Picture): Promise<void> {
  const png = new PNG({ width: p.width, height: p.height });
  png.data = Buffer.from(p.rgba.buffer, p.rgba.byteOffset, p.rgba.byteLength);
  await writeFileAtomic(path, PNG.sync.write(png, { colorType: 6 }));
}

/** Values scaled to 0..1 by their own min and max (all 0 when flat). */
export function normalise(values: ArrayLike<number>): Float32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  const span = hi - lo;
  return Float32Array.from(values, (v) => (span > 0 ? (v - lo) / span : 0));
}

/**
 * A sample shaped [h, w, c] as an image: grey for 1 channel, colour for 3, the first channel
 * otherwise; undefined when it is not an image. `scale` min-max normalises (optimised inputs).
 */
export function asImage(sample: LayerValues, scale: boolean): BaseImage | undefined {
  const [height, width, channels] = sample.shape;
  if (sample.shape.length !== 3 || !height || !width || !channels) return undefined;
  const keep = channels === 3 ? 3 : 1;
  const values = new Float32Array(height * width * keep);
  for (let p = 0; p < height * width; p++) for (let k = 0; k < keep; k++) values[p * keep + k] = sample.values[p * channels + k]!;
  return { width, height, values: scale ? normalise(values) : values };
}

export function imagePicture(image: BaseImage): Picture {
  const pixels = image.width * image.height;
  const channels = image.values.length / pixels;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < 3; k++) rgba[p * 4 + k] = Math.round(Math.min(1, Math.max(0, image.values[p * channels + (channels === 3 ? k : 0)]!)) * 255);
    rgba[p * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, rgba };
}

/**
 * Feature maps [h, w, c] as a near-square grid of c tiles (each scaled by its own range), a
 * sequence [t, f] as one f × t picture, a vector as one row of cells.
 */
export function featurePicture(a: LayerValues): Picture {
  if (a.shape.length !== 3) {
    const [first = 1, second = 1] = a.shape;
    const width = a.shape.length === 2 ? first : a.values.length;
    const height = a.shape.length === 2 ? second : 1;
    const v = normalise(a.values);
    const rgba = new Uint8ClampedArray(width * height * 4);
    // [t, f] is stored t-major; the picture has time across and features down.
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set([...inferno(v[a.shape.length === 2 ? x * height + y : x]!), 255], (y * width + x) * 4);
    return { width, height, rgba };
  }
  const [h, w, c] = a.shape as [number, number, number];
  const columns = Math.ceil(Math.sqrt(c));
  const rows = Math.ceil(c / columns);
  const gap = 1;
  const width = columns * (w + gap) - gap;
  const height = rows * (h + gap) - gap;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let k = 0; k < c; k++) {
    const tile = normalise(Array.from({ length: h * w }, (_, p) => a.values[p * c + k]!));
    const ox = (k % columns) * (w + gap);
    const oy = Math.floor(k / columns) * (h + gap);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba.set([...inferno(tile[y * w + x]!), 255], ((oy + y) * width + ox + x) * 4);
  }
  return { width, height, rgba };
}

/** Tableau's 10 colours, one per class (repeating past 10). */
const PALETTE = [0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac];

/** 2-D points (n × 2) as dots on white, coloured by label, with a margin. */
export function scatterPicture(points: Float32Array, labels: ArrayLike<number>, size = 480): Picture {
  const n = labels.length;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, points[2 * i]!);
    x1 = Math.max(x1, points[2 * i]!);
    y0 = Math.min(y0, points[2 * i + 1]!);
    y1 = Math.max(y1, points[2 * i + 1]!);
  }
  const margin = 12;
  const span = Math.max(x1 - x0, y1 - y0, 1e-12);
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let i = 0; i < n; i++) {
    const cx = Math.round(margin + ((points[2 * i]! - x0) / span) * (size - 2 * margin));
    const cy = Math.round(margin + ((points[2 * i + 1]! - y0) / span) * (size - 2 * margin));
    const c = PALETTE[Math.abs(labels[i]!) % PALETTE.length]!;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && y >= 0 && x < size && y < size) rgba.set([(c >> 16) & 255, (c >> 8) & 255, c & 255, 255], (y * size + x) * 4);
      }
    }
  }
  return { width: size, height: size, rgba };
}
