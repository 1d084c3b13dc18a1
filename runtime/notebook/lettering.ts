/**
 * Text for rasterised charts: the "Seven plus" pixel font of js-pixel-fonts (7-pixel capitals and
 * digits, variable-width lower case with 2-pixel descenders), drawn one pixel per font pixel.
 * Only its glyph data is used; the package's PNG renderer is Node-only.
 */
import sevenPlus from "js-pixel-fonts/data/seven-plus.json";

interface Glyph { readonly offset: number; readonly pixels: readonly (readonly number[])[] }

const GLYPHS = sevenPlus.glyphs as Readonly<Record<string, Glyph>>;
/** Height from the top of a capital to the baseline; descenders reach 2 pixels below it. */
export const CAP_HEIGHT = sevenPlus.lineHeight;
export const LINE_HEIGHT = CAP_HEIGHT + 3;
const GAP = 1;

/** The glyph for a character, or the font's filled box for one it lacks (as a visible placeholder). */
const glyphOf = (ch: string): Glyph => GLYPHS[ch] ?? GLYPHS[ch.normalize("NFKD").replace(/[^\x20-\x7e]/g, "")] ?? GLYPHS[""]!;

const widthOf = (g: Glyph): number => Math.max(0, ...g.pixels.map((r) => r.length));

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += widthOf(glyphOf(ch)) + GAP;
  return Math.max(0, w - GAP);
}

/** The longest start of `text` (with "..." when cut) that fits in `width` pixels. */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join("")}...`) > width) chars.pop();
  return chars.length > 0 ? `${chars.join("")}...` : "";
}

/** Calls `ink(x, y)` for every set pixel of `text` with its top-left corner at (x, top). */
export function drawText(text: string, x: number, top: number, ink: (x: number, y: number) => void): void {
  let left = Math.round(x);
  for (const ch of text) {
    const g = glyphOf(ch);
    g.pixels.forEach((row, r) => row.forEach((on, c) => { if (on) ink(left + c, Math.round(top) + g.offset + r); }));
    left += widthOf(g) + GAP;
  }
}

/** A tick value in at most 4 significant digits, plain where that is short and e-notation where it is not. */
export function tickLabel(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v === 0 ? 0 : v);
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1).replace(".0e", "e").replace("e+", "e");
  return String(Number(v.toPrecision(4)));
}

/** Round tick values (steps of 1, 2 or 5 × 10^k) inside [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // The step of 1, 2, 5 or 10 × 10^k nearest (by ratio) to the one that gives `count` ticks.
  const step = [1, 2, 5, 10].map((m) => m * magnitude).reduce((best, s) => (Math.abs(Math.log(s / raw)) < Math.abs(Math.log(best / raw)) ? s : best));
  const ticks: number[] = [];
  // Multiplying rather than adding keeps 0.1 + 0.2-style drift out of the labels.
  for (let i = Math.ceil(lo / step); i * step <= hi + step * 1e-9; i++) ticks.push(i * step || 0);
  return ticks;
}

/** Ticks for a log10 axis: the whole powers of ten inside it when there are two or more. */
export function logTicks(lo: number, hi: number): number[] {
  const powers: number[] = [];
  for (let p = Math.ceil(lo); p <= Math.floor(hi); p++) powers.push(p);
  return powers.length >= 2 ? powers : niceTicks(lo, hi);
}
