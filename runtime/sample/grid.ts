/** Sampled images side by side in one RGBA picture (for a PNG file or a canvas ImageData). */
import type { SampledImage } from "./types.js";

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** Row-major RGBA, 0..255. */
  readonly data: Uint8ClampedArray;
}

/**
 * Images of one size in rows of `columns` (default: a near-square grid), `gap` pixels of mid grey
 * between them, each scaled up `scale` times (nearest neighbour) so small samples stay visible.
 */
export function imageGrid(images: readonly SampledImage[], options: { columns?: number; gap?: number; scale?: number } = {}): RgbaImage {
  const first = images[0];
  if (!first) return { width: 0, height: 0, data: new Uint8ClampedArray(0) };
  const columns = Math.max(1, Math.min(images.length, options.columns ?? Math.ceil(Math.sqrt(images.length))));
  const rows = Math.ceil(images.length / columns);
  const scale = options.scale ?? 1;
  const gap = options.gap ?? 2;
  const cw = first.width * scale, ch = first.height * scale;
  const width = columns * cw + (columns + 1) * gap;
  const height = rows * ch + (rows + 1) * gap;
  const data = new Uint8ClampedArray(width * height * 4).fill(128);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  images.forEach((img, n) => {
    const x0 = gap + (n % columns) * (cw + gap);
    const y0 = gap + Math.floor(n / columns) * (ch + gap);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        const src = (Math.floor(y / scale) * img.width + Math.floor(x / scale)) * img.channels;
        const dst = ((y0 + y) * width + x0 + x) * 4;
        const grey = img.channels === 1;
        data[dst] = img.pixels[src]!;
        data[dst + 1] = img.pixels[grey ? src : src + 1]!;
        data[dst + 2] = img.pixels[grey ? src : src + 2]!;
        data[dst + 3] = 255;
      }
    }
  });
  return { width, height, data };
}
