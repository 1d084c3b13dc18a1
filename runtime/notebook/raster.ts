/**
 * Plot specs -> RGBA pixels, without a DOM: lines, points, bars and images on a white ground with
 * axes and grid lines. Node encodes the pixels as PNG (the CLI); the app draws live charts and
 * uses these pixels for the PNG it stores. Text is left to the text/plain beside the image.
 */
import type { GrayOrRgb, PlotSpec } from "./display.js";

export interface Rgba { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray }

type Color = readonly [number, number, number];
export const PALETTE: readonly Color[] = [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];
const AXIS: Color = [90, 90, 90];
const GRID: Color = [228, 228, 228];
const W = 480, H = 300, PAD = { left: 40, right: 14, top: 14, bottom: 28 };

class Canvas {
  readonly data: Uint8ClampedArray;
  constructor(readonly width: number, readonly height: number) {
    this.data = new Uint8ClampedArray(width * height * 4).fill(255);
  }
  set(x: number, y: number, c: Color, alpha = 1): void {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    for (let k = 0; k < 3; k++) this.data[i + k] = this.data[i + k]! * (1 - alpha) + c[k]! * alpha;
  }
  rect(x0: number, y0: number, x1: number, y1: number, c: Color): void {
    for (let y = Math.round(Math.min(y0, y1)); y <= Math.round(Math.max(y0, y1)); y++) for (let x = Math.round(Math.min(x0, x1)); x <= Math.round(Math.max(x0, x1)); x++) this.set(x, y, c);
  }
  /** A 2-pixel line by stepping along its longer axis. */
  line(x0: number, y0: number, x1: number, y1: number, c: Color): void {
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let s = 0; s <= n; s++) {
      const x = x0 + ((x1 - x0) * s) / n, y = y0 + ((y1 - y0) * s) / n;
      this.set(x, y, c); this.set(x + 1, y, c, 0.5); this.set(x, y + 1, c, 0.5);
    }
  }
  dot(x: number, y: number, c: Color): void {
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) if (dx * dx + dy * dy <= 5) this.set(x + dx, y + dy, c, 0.85);
  }
}

function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

function frame(c: Canvas, xs: [number, number], ys: [number, number]) {
  const px = (x: number) => PAD.left + ((x - xs[0]) / (xs[1] - xs[0])) * (c.width - PAD.left - PAD.right);
  const py = (y: number) => c.height - PAD.bottom - ((y - ys[0]) / (ys[1] - ys[0])) * (c.height - PAD.top - PAD.bottom);
  for (let k = 0; k <= 4; k++) {
    const gy = PAD.top + (k * (c.height - PAD.top - PAD.bottom)) / 4;
    const gx = PAD.left + (k * (c.width - PAD.left - PAD.right)) / 4;
    c.rect(PAD.left, gy, c.width - PAD.right, gy, GRID);
    c.rect(gx, PAD.top, gx, c.height - PAD.bottom, GRID);
    c.rect(gx, c.height - PAD.bottom, gx, c.height - PAD.bottom + 4, AXIS);
    c.rect(PAD.left - 4, gy, PAD.left, gy, AXIS);
  }
  c.rect(PAD.left, PAD.top, PAD.left, c.height - PAD.bottom, AXIS);
  c.rect(PAD.left, c.height - PAD.bottom, c.width - PAD.right, c.height - PAD.bottom, AXIS);
  return { px, py };
}

function drawImage(c: Canvas, img: GrayOrRgb, left: number, top: number, scale: number): void {
  for (let y = 0; y < img.height * scale; y++) {
    for (let x = 0; x < img.width * scale; x++) {
      const i = (Math.floor(y / scale) * img.width + Math.floor(x / scale)) * img.channels;
      const v = (k: number) => Math.round(Math.min(1, Math.max(0, img.pixels[i + (img.channels === 3 ? k : 0)] ?? 0)) * 255);
      c.set(left + x, top + y, [v(0), v(1), v(2)]);
    }
  }
}

export function rasterize(spec: PlotSpec): Rgba {
  if (spec.type === "images") {
    const cols = Math.max(1, Math.min(spec.columns, spec.images.length));
    const rows = Math.max(1, Math.ceil(spec.images.length / cols));
    const cw = Math.max(1, ...spec.images.map((i) => i.width)) * spec.scale, ch = Math.max(1, ...spec.images.map((i) => i.height)) * spec.scale;
    const gap = spec.images.length > 1 ? 4 : 0;
    const c = new Canvas(cols * cw + (cols - 1) * gap, rows * ch + (rows - 1) * gap);
    spec.images.forEach((img, k) => drawImage(c, img, (k % cols) * (cw + gap), Math.floor(k / cols) * (ch + gap), spec.scale));
    return { width: c.width, height: c.height, data: c.data };
  }
  const c = new Canvas(W, H);
  if (spec.type === "line") {
    const tf = (v: number) => (spec.logY ? Math.log10(Math.max(v, 1e-12)) : v);
    const n = Math.max(0, ...spec.series.map((s) => s.values.length));
    const xsOf = (i: number) => spec.x?.[i] ?? i;
    const { px, py } = frame(c, extent(Array.from({ length: n }, (_, i) => xsOf(i))), extent(spec.series.flatMap((s) => s.values.map(tf))));
    spec.series.forEach((s, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      let prev: [number, number] | undefined;
      s.values.forEach((v, i) => {
        if (!Number.isFinite(tf(v))) { prev = undefined; return; }
        const p: [number, number] = [px(xsOf(i)), py(tf(v))];
        if (prev) c.line(prev[0], prev[1], p[0], p[1], color);
        else c.dot(p[0], p[1], color);
        prev = p;
      });
    });
  } else if (spec.type === "scatter") {
    const { px, py } = frame(c, extent(spec.points.map((p) => p[0])), extent(spec.points.map((p) => p[1])));
    spec.points.forEach((p, i) => c.dot(px(p[0]), py(p[1]), PALETTE[Math.abs(Math.trunc(spec.labels?.[i] ?? 0)) % PALETTE.length]!));
  } else {
    const [lo, hi] = extent([0, ...spec.values]);
    const { px, py } = frame(c, [0, Math.max(1, spec.values.length)], [Math.min(0, lo), hi]);
    spec.values.forEach((v, i) => c.rect(px(i + 0.15), py(0), px(i + 0.85), py(v), PALETTE[0]!));
  }
  return { width: c.width, height: c.height, data: c.data };
}
