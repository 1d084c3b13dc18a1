/** Heat maps to pixels: a colour map and a blend over the input, as RGBA bytes for a canvas or a PNG. */
import { InspectError } from "./errors.js";
import type { Heatmap } from "./types.js";

/** matplotlib's inferno at 0, 0.1, ..., 1 (dark and perceptually even; readable in grey). */
const INFERNO = [
  0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a, 0xf6d746, 0xfcffa4,
].map((c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255] as const);

/** The colour of a value in 0..1 (clamped; NaN is the lowest). */
export function inferno(t: number): readonly [number, number, number] {
  const v = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = v * (INFERNO.length - 1);
  const i = Math.min(INFERNO.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = INFERNO[i]!;
  const b = INFERNO[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** RGBA bytes (width × height × 4, opaque) of a heat map. */
export function heatmapToRGBA(heat: Heatmap, colormap: "inferno" = "inferno"): Uint8ClampedArray {
  void colormap;
  const out = new Uint8ClampedArray(heat.width * heat.height * 4);
  for (let p = 0; p < heat.width * heat.height; p++) {
    const [r, g, b] = inferno(heat.values[p]!);
    out.set([r, g, b, 255], p * 4);
  }
  return out;
}

/** An input image: values 0..1, one per pixel (grey) or three (RGB), row-major. */
export interface BaseImage {
  readonly width: number;
  readonly height: number;
  readonly values: ArrayLike<number>;
}

/** RGBA bytes of the image with the coloured heat map over it: (1 − alpha)·image + alpha·colour. */
export function overlay(base: BaseImage, heat: Heatmap, alpha: number): Uint8ClampedArray {
  const pixels = base.width * base.height;
  if (heat.width !== base.width || heat.height !== base.height) {
    throw new InspectError(`The heat map is ${heat.width}×${heat.height} and the image ${base.width}×${base.height}; they must be the same size to overlay.`);
  }
  const channels = base.values.length / pixels;
  if (channels !== 1 && channels !== 3) throw new InspectError(`The image to overlay must have 1 (grey) or 3 (RGB) values per pixel, not ${channels}.`);
  const a = Math.min(1, Math.max(0, alpha));
  const out = new Uint8ClampedArray(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    const colour = inferno(heat.values[p]!);
    for (let k = 0; k < 3; k++) {
      const v = Math.min(1, Math.max(0, base.values[p * channels + (channels === 3 ? k : 0)]!)) * 255;
      out[p * 4 + k] = (1 - a) * v + a * colour[k]!;
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}
