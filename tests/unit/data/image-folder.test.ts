import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodeImage, readImageFolder, resizeToChannels } from "../../../electron/host/data/image-folder.js";
import { counts, labelsOf, tempDir } from "./support.js";

function png(width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number]): Buffer {
  const img = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) img.data.set(rgba(x, y), (y * width + x) * 4);
  return PNG.sync.write(img);
}

function jpg(width: number, height: number, rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return jpeg.encode({ data, width, height }, 95).data;
}

async function folder(root: string, classes: Record<string, Record<string, Buffer | string>>): Promise<void> {
  for (const [cls, files] of Object.entries(classes)) {
    await mkdir(join(root, cls), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(root, cls, name), bytes);
  }
}

describe("image decoding", () => {
  it("reads PNG exactly and JPEG closely, by content rather than file name", () => {
    const p = decodeImage(png(2, 1, (x) => (x === 0 ? [255, 0, 0, 255] : [0, 0, 255, 128])), "a.jpg");
    expect([p.width, p.height]).toEqual([2, 1]);
    expect([...p.data]).toEqual([255, 0, 0, 255, 0, 0, 255, 128]);
    const j = decodeImage(jpg(8, 8, [200, 40, 40]), "b.png");
    expect(j.width).toBe(8);
    expect(Math.abs(j.data[0]! - 200)).toBeLessThan(8);
    expect(Math.abs(j.data[1]! - 40)).toBeLessThan(8);
  });

  it("names a file it cannot read", () => {
    expect(() => decodeImage(new TextEncoder().encode("not an image"), "cats/x.png")).toThrow(/cats\/x.png: not a PNG or JPEG image/);
    const broken = png(4, 4, () => [1, 2, 3, 255]).subarray(0, 40);
    expect(() => decodeImage(broken, "cats/y.png")).toThrow(/cats\/y.png: the image could not be decoded/);
  });

  it("resizes, composites alpha over black and converts to grey", () => {
    const img = { width: 2, height: 2, data: Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 255, 255, 255, 0]) };
    const out = new Uint8Array(4);
    resizeToChannels(img, 2, 2, 1, out);
    expect([...out]).toEqual([255, 255, 0, 0]);
    const small = new Uint8Array(3);
    resizeToChannels({ width: 4, height: 4, data: new Uint8Array(64).fill(100) }, 1, 1, 3, small);
    expect([...small]).toEqual([39, 39, 39]); // 100 · alpha 100/255
  });
});

describe("image folders", () => {
  it("become a dataset with one class per subfolder, resized to one size", async () => {
    const root = await tempDir();
    const red = png(6, 4, () => [255, 0, 0, 255]);
    const blue = jpg(10, 10, [0, 0, 255]);
    await folder(root, {
      apples: { "1.png": red, "2.png": red, "3.PNG": red, "notes.txt": "ignored" },
      berries: { "a.jpg": blue, "b.jpeg": blue, "c.jpg": blue },
      ".hidden": { "x.png": red },
    });
    const ds = await readImageFolder(root, { size: [4, 4], testFraction: 0 });
    expect(ds.inputShape).toEqual([4, 4, 3]);
    expect(ds.target).toMatchObject({ kind: "classes", names: ["apples", "berries"] });
    expect(counts(labelsOf(ds, "train"), 2)).toEqual([3, 3]);
    const b = ds.gather("train", [0, 1, 2, 3, 4, 5]);
    labelsOf(ds, "train").forEach((cls, i) => {
      const px = [...b.x.data.subarray(i * 48, i * 48 + 3)].map((v) => Math.round(v * 255));
      if (cls === 0) expect(px).toEqual([255, 0, 0]);
      else expect(px[2]).toBeGreaterThan(240);
    });
    const grey = await readImageFolder(root, { size: [2, 2], channels: 1, testFraction: 0.5 });
    expect(grey.inputShape).toEqual([2, 2, 1]);
    expect(grey.size("test")).toBe(3);
  });

  it("keep the common size when none is asked for, and say when sizes differ", async () => {
    const root = await tempDir();
    await folder(root, { a: { "1.png": png(3, 5, () => [1, 1, 1, 255]) }, b: { "1.png": png(3, 5, () => [2, 2, 2, 255]) } });
    expect((await readImageFolder(root)).inputShape).toEqual([5, 3, 3]);
    await writeFile(join(root, "b", "2.png"), png(4, 4, () => [0, 0, 0, 255]));
    await expect(readImageFolder(root)).rejects.toThrow(/different sizes .*1.png is 3×5, .*2.png is 4×4\); choose a size/);
  });

  it("explain a missing folder, too few classes and an empty class", async () => {
    const root = await tempDir();
    await expect(readImageFolder(join(root, "nope"))).rejects.toThrow(/no such folder/);
    await folder(root, { only: { "1.png": png(2, 2, () => [0, 0, 0, 255]) } });
    await expect(readImageFolder(root)).rejects.toThrow(/found 1 class folder; put the images of each class in its own subfolder/);
    await mkdir(join(root, "empty"));
    await expect(readImageFolder(root)).rejects.toThrow(/the class "empty" has no .png or .jpg images/);
  });
});
