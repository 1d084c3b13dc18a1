/**
 * Float values to RGBA pixels for the Inspect views: one feature-map channel, a whole image
 * (an optimised input), each stretched to its own min..max so faint maps still show.
 */

/** Class colours for scatter plots, distinct on dark and light backgrounds. */
export const CLASS_COLORS = ["#5b9bff", "#e0a13c", "#6dbb76", "#d9709b", "#9a86e8", "#3fb0a4", "#e06c5a", "#b3b34a", "#8e8e8e", "#c07be0"];

function range(values: ArrayLike<number>, start: number, stride: number, count: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[start + i * stride]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Channel `c` of [h, w, channels] (or [t, features] drawn as one t × features picture when c is -1) as gray pixels. */
export function channelPixels(shape: readonly number[], values: ArrayLike<number>, c: number): { width: number; height: number; rgba: Uint8ClampedArray } {
  if (shape.length === 2 || c < 0) {
    const [h = 1, w = values.length] = shape.length === 2 ? shape : [1, values.length];
    return grayImage(values, w, h, 0, 1);
  }
  const [h = 1, w = 1, channels = 1] = shape;
  return grayImage(values, w, h, c, channels);
}

function grayImage(values: ArrayLike<number>, width: number, height: number, start: number, stride: number) {
  const n = width * height;
  const [lo, hi] = range(values, start, stride, n);
  const span = hi - lo || 1;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const g = ((values[start + i * stride]! - lo) / span) * 255;
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = g;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** An input-shaped sample [h, w, 1 or 3] as pixels, stretched to its own range. */
export function imagePixels(shape: readonly number[], values: ArrayLike<number>): { width: number; height: number; rgba: Uint8ClampedArray } {
  const [h = 1, w = 1, ch = 1] = shape.length === 4 ? shape.slice(1) : shape;
  if (ch !== 3) return grayImage(values, w, h, 0, ch);
  const [lo, hi] = range(values, 0, 1, values.length);
  const span = hi - lo || 1;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = ((values[i * 3 + k]! - lo) / span) * 255;
    rgba[i * 4 + 3] = 255;
  }
  return { width: w, height: h, rgba };
}

/** Dataset pixels (0..255, 1 or 3 channels) as RGBA. */
export function samplePixels(width: number, height: number, channels: number, pixels: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    rgba[i * 4] = pixels[o]!;
    rgba[i * 4 + 1] = pixels[o + (channels === 3 ? 1 : 0)]!;
    rgba[i * 4 + 2] = pixels[o + (channels === 3 ? 2 : 0)]!;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** Points scaled into a width × height box with a margin, for the scatter plot. */
export function fitPoints(points: ArrayLike<number>, width: number, height: number, margin = 10): Float32Array {
  const n = Math.floor(points.length / 2);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!, y = points[2 * i + 1]!;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const sx = (width - 2 * margin) / (x1 - x0 || 1), sy = (height - 2 * margin) / (y1 - y0 || 1);
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = margin + (points[2 * i]! - x0) * sx;
    out[2 * i + 1] = height - margin - (points[2 * i + 1]! - y0) * sy;
  }
  return out;
}
