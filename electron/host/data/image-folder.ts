/**
 * A folder of images with one subfolder per class (root/cat/*.png, root/dog/*.jpg) as a dataset.
 * PNG and JPEG are decoded in pure JavaScript (pngjs, jpeg-js: no native builds to break on a
 * user's machine) and resized to one size, kept as bytes until batches are made.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { arraysDataset, splitIndices } from "../../../runtime/data/in-memory.js";
import type { Dataset } from "../../../runtime/data/types.js";

export class ImageFolderError extends Error {
  override readonly name = "ImageFolderError";
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width·height·4 bytes, RGBA. */
  readonly data: Uint8Array;
}

const IMAGE_EXTENSIONS = new Set([".png", ".jpg", ".jpeg"]);

/** Decodes PNG or JPEG bytes (chosen by content, not by name) to RGBA. */
export function decodeImage(bytes: Uint8Array, what: string): RgbaImage {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    if (isPng) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    if (isJpeg) {
      // The memory cap stops a hostile file from asking for gigabytes.
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (e) {
    throw new ImageFolderError(`${what}: the image could not be decoded (${e instanceof Error ? e.message : String(e)}).`);
  }
  throw new ImageFolderError(`${what}: not a PNG or JPEG image.`);
}

/**
 * Resizes with bilinear sampling (pixel centres aligned) and drops alpha by compositing over
 * black; writes height·width·channels bytes into `out` (grey = 0.299 R + 0.587 G + 0.114 B).
 */
export function resizeToChannels(img: RgbaImage, height: number, width: number, channels: 1 | 3, out: Uint8Array): void {
  const sx = img.width / width;
  const sy = img.height / height;
  const px = (x: number, y: number, k: number): number => {
    const o = (y * img.width + x) * 4;
    return (img.data[o + k]! * img.data[o + 3]!) / 255;
  };
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = fx - x0;
      const rgb = [0, 1, 2].map((k) => (px(x0, y0, k) * (1 - wx) + px(x1, y0, k) * wx) * (1 - wy) + (px(x0, y1, k) * (1 - wx) + px(x1, y1, k) * wx) * wy);
      const o = (y * width + x) * channels;
      if (channels === 1) out[o] = Math.round(0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!);
      else for (let k = 0; k < 3; k++) out[o + k] = Math.round(rgb[k]!);
    }
  }
}

export interface ImageFolderOptions {
  /** [height, width] to resize every image to; when left out, all images must share one size. */
  readonly size?: readonly [number, number];
  readonly channels?: 1 | 3;
  readonly testFraction?: number;
  readonly seed?: number;
  /** Stop reading a class after this many images (large folders, quick experiments). */
  readonly maxPerClass?: number;
}

async function listDir(path: string): Promise<string[]> {
  return (await readdir(path)).filter((n) => !n.startsWith(".")).sort((a, b) => a.localeCompare(b));
}

export async function readImageFolder(root: string, options: ImageFolderOptions = {}): Promise<Dataset> {
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) throw new ImageFolderError(`${root}: no such folder. Choose a folder with one subfolder per class.`);
  const classes: string[] = [];
  for (const name of await listDir(root)) {
    if ((await stat(join(root, name))).isDirectory()) classes.push(name);
  }
  if (classes.length < 2) {
    throw new ImageFolderError(`${root}: found ${classes.length} class folder${classes.length === 1 ? "" : "s"}; put the images of each class in its own subfolder (at least two classes).`);
  }

  const files: { path: string; cls: number }[] = [];
  for (const [cls, name] of classes.entries()) {
    const images = (await listDir(join(root, name))).filter((f) => IMAGE_EXTENSIONS.has(extname(f).toLowerCase()));
    if (images.length === 0) throw new ImageFolderError(`${join(root, name)}: the class "${name}" has no .png or .jpg images.`);
    for (const f of images.slice(0, options.maxPerClass ?? Infinity)) files.push({ path: join(root, name, f), cls });
  }

  const decoded: RgbaImage[] = [];
  for (const f of files) decoded.push(decodeImage(new Uint8Array(await readFile(f.path)), f.path));
  let size = options.size;
  if (!size) {
    const first = decoded[0]!;
    const odd = decoded.findIndex((d) => d.width !== first.width || d.height !== first.height);
    if (odd >= 0) {
      throw new ImageFolderError(
        `${root}: the images have different sizes (${files[0]!.path} is ${first.width}×${first.height}, ${files[odd]!.path} is ${decoded[odd]!.width}×${decoded[odd]!.height}); choose a size to resize them to.`,
      );
    }
    size = [first.height, first.width];
  }
  const [h, w] = size;
  const channels = options.channels ?? 3;
  const per = h * w * channels;
  const values = new Uint8Array(files.length * per);
  decoded.forEach((img, i) => resizeToChannels(img, h, w, channels, values.subarray(i * per, (i + 1) * per)));

  const name = basename(root);
  return arraysDataset({
    id: `folder:${name}`,
    title: name,
    description: `${files.length} images in ${classes.length} classes (${classes.join(", ")}), ${h}×${w}${channels === 1 ? " grey" : ""}.`,
    provenance: { source: `the user's folder ${root}`, license: "the user's own data" },
    sampleShape: [h, w, channels],
    values,
    target: { kind: "classes", labels: Int32Array.from(files, (f) => f.cls), names: classes },
    splits: splitIndices(files.length, options.testFraction ?? 0.2, options.seed ?? 0),
  });
}
