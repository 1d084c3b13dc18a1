/**
 * Plot specs -> RGBA pixels, without a DOM: lines, points, bars and images on a white ground with
 * axes, grid lines and lettering (title, tick values, legend, bar and image labels, in a pixel
 * font). Node encodes the pixels as PNG (the CLI); the app draws live charts and uses these
 * pixels for the PNG it stores.
 */
import type { GrayOrRgb, PlotSpec } from "./display.js";
import { CAP_HEIGHT, drawText, fitText, LINE_HEIGHT, logTicks, niceTicks, textWidth, tickLabel } from "./lettering.js";

export interface Rgba { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray }

type Color = readonly [number, number, number];
export const PALETTE: readonly Color[] = [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];
const AXIS: Color = [90, 90, 90];
const GRID: Color = [228, 228, 228];
const TEXT: Color = [40, 40, 40];
const W = 480, H = 300;

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
  text(text: string, x: number, top: number, c: Color = TEXT): void {
    drawText(text, x, top, (px, py) => this.set(px, py, c));
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

interface FrameText {
  readonly title?: string | undefined;
  /** A log10 y axis: ticks at powers of ten, read as 10^v. */
  readonly logY?: boolean | undefined;
  /** No x tick values (bar charts letter their bars instead). */
  readonly noXTicks?: boolean;
}

/** Grid, axes and tick values for the data box xs × ys; returns the data -> pixel maps. */
function frame(c: Canvas, xs: [number, number], ys: [number, number], text: FrameText = {}) {
  const yTicks = text.logY ? logTicks(ys[0], ys[1]) : niceTicks(ys[0], ys[1]);
  const yTexts = yTicks.map((v) => tickLabel(text.logY ? 10 ** v : v));
  const xTicks = text.noXTicks ? [] : niceTicks(xs[0], xs[1], 6);
  const pad = { left: 10 + Math.max(0, ...yTexts.map(textWidth)), right: 14, top: text.title ? 8 + LINE_HEIGHT : CAP_HEIGHT, bottom: 28 };
  const px = (x: number) => pad.left + ((x - xs[0]) / (xs[1] - xs[0])) * (c.width - pad.left - pad.right);
  const py = (y: number) => c.height - pad.bottom - ((y - ys[0]) / (ys[1] - ys[0])) * (c.height - pad.top - pad.bottom);
  const bottom = c.height - pad.bottom;
  yTicks.forEach((v, k) => {
    const gy = py(v);
    c.rect(pad.left, gy, c.width - pad.right, gy, GRID);
    c.rect(pad.left - 4, gy, pad.left, gy, AXIS);
    c.text(yTexts[k]!, pad.left - 6 - textWidth(yTexts[k]!), gy - Math.floor(CAP_HEIGHT / 2));
  });
  for (const v of xTicks) {
    const gx = px(v);
    const label = tickLabel(v);
    c.rect(gx, pad.top, gx, bottom, GRID);
    c.rect(gx, bottom, gx, bottom + 4, AXIS);
    c.text(label, Math.min(gx - textWidth(label) / 2, c.width - 2 - textWidth(label)), bottom + 8);
  }
  c.rect(pad.left, pad.top, pad.left, bottom, AXIS);
  c.rect(pad.left, bottom, c.width - pad.right, bottom, AXIS);
  if (text.title) {
    const title = fitText(text.title, c.width - 8);
    c.text(title, (c.width - textWidth(title)) / 2, 5);
  }
  return { px, py, pad };
}

/** Series names with their colours, top right inside the plot (only when there is more than one, or a named one). */
function legend(c: Canvas, names: readonly string[], right: number, top: number): void {
  const shown = names.map((n) => fitText(n, 140));
  const width = Math.max(...shown.map(textWidth)) + 14;
  const left = right - width - 6;
  c.rect(left - 3, top + 2, right - 3, top + 4 + shown.length * LINE_HEIGHT, [255, 255, 255]);
  shown.forEach((name, k) => {
    const y = top + 5 + k * LINE_HEIGHT;
    c.rect(left, y + 1, left + 7, y + CAP_HEIGHT - 2, PALETTE[k % PALETTE.length]!);
    c.text(name, left + 11, y);
  });
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
    const caption = spec.titles?.length ? LINE_HEIGHT + 2 : 0;
    const head = spec.title ? LINE_HEIGHT + 4 : 0;
    const width = Math.max(cols * cw + (cols - 1) * gap, spec.title ? textWidth(spec.title) + 4 : 0);
    const c = new Canvas(width, head + rows * (ch + caption) + (rows - 1) * gap);
    if (spec.title) c.text(fitText(spec.title, width - 4), 2, 2);
    spec.images.forEach((img, k) => {
      const left = (k % cols) * (cw + gap), top = head + Math.floor(k / cols) * (ch + caption + gap);
      drawImage(c, img, left, top, spec.scale);
      const t = spec.titles?.[k];
      if (t) {
        const fitted = fitText(t, cw);
        c.text(fitted, left + (cw - textWidth(fitted)) / 2, top + ch + 2);
      }
    });
    return { width: c.width, height: c.height, data: c.data };
  }
  const c = new Canvas(W, H);
  if (spec.type === "line") {
    const tf = (v: number) => (spec.logY ? Math.log10(Math.max(v, 1e-12)) : v);
    const n = Math.max(0, ...spec.series.map((s) => s.values.length));
    const xsOf = (i: number) => spec.x?.[i] ?? i;
    const { px, py, pad } = frame(c, extent(Array.from({ length: n }, (_, i) => xsOf(i))), extent(spec.series.flatMap((s) => s.values.map(tf))), { title: spec.title, logY: spec.logY });
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
    if (spec.series.length > 1 || spec.series[0]?.name) legend(c, spec.series.map((s) => s.name), c.width - pad.right, pad.top);
  } else if (spec.type === "scatter") {
    const { px, py } = frame(c, extent(spec.points.map((p) => p[0])), extent(spec.points.map((p) => p[1])), { title: spec.title });
    spec.points.forEach((p, i) => c.dot(px(p[0]), py(p[1]), PALETTE[Math.abs(Math.trunc(spec.labels?.[i] ?? 0)) % PALETTE.length]!));
  } else {
    const [lo, hi] = extent([0, ...spec.values]);
    const { px, py, pad } = frame(c, [0, Math.max(1, spec.values.length)], [Math.min(0, lo), hi], { title: spec.title, noXTicks: true });
    spec.values.forEach((v, i) => {
      c.rect(px(i + 0.15), py(0), px(i + 0.85), py(v), PALETTE[0]!);
      const label = fitText(spec.labels[i] ?? "", Math.max(0, px(i + 1) - px(i) - 2));
      c.text(label, (px(i) + px(i + 1) - textWidth(label)) / 2, c.height - pad.bottom + 8);
    });
  }
  return { width: c.width, height: c.height, data: c.data };
}
