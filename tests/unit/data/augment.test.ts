import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { augmentBatch, cropPadded, fiveCropsWithFlips, flipHorizontal, hsvAdjust, predictWithTta, scaleTranslateImage } from "../../../runtime/data/augment.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import type { TensorData } from "../../../runtime/data/types.js";

const imageArb = fc
  .record({ h: fc.integer({ min: 1, max: 9 }), w: fc.integer({ min: 1, max: 9 }), c: fc.constantFrom(1, 3) })
  .chain((g) => fc.tuple(fc.constant(g), fc.float32Array({ minLength: g.h * g.w * g.c, maxLength: g.h * g.w * g.c, noNaN: true, min: 0, max: 1 })));

describe("flip", () => {
  it("twice is the identity, and once mirrors columns", () => {
    fc.assert(
      fc.property(imageArb, ([g, img]) => {
        const once = new Float32Array(img.length);
        const twice = new Float32Array(img.length);
        flipHorizontal(img, once, g);
        flipHorizontal(once, twice, g);
        expect([...twice]).toEqual([...img]);
        for (let k = 0; k < g.c; k++) expect(once[k]).toBe(img[(g.w - 1) * g.c + k]);
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});

describe("random crop with padding", () => {
  it("shows a shifted window of the source, never more than the padding away, zeros outside", () => {
    fc.assert(
      fc.property(imageArb, fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat(), ([g, img], p, a, b) => {
        const ox = a % (2 * p + 1);
        const oy = b % (2 * p + 1);
        const out = new Float32Array(img.length);
        cropPadded(img, out, g, p, ox, oy);
        for (let y = 0; y < g.h; y++) {
          for (let x = 0; x < g.w; x++) {
            const sy = y + oy - p;
            const sx = x + ox - p;
            expect(Math.abs(sx - x)).toBeLessThanOrEqual(p);
            expect(Math.abs(sy - y)).toBeLessThanOrEqual(p);
            for (let k = 0; k < g.c; k++) {
              const v = out[(y * g.w + x) * g.c + k];
              const inside = sy >= 0 && sy < g.h && sx >= 0 && sx < g.w;
              expect(v).toBe(inside ? img[(sy * g.w + sx) * g.c + k] : 0);
            }
          }
        }
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it("keeps values in the source's range and is the identity at offset (p, p)", () => {
    const g = { h: 5, w: 5, c: 1 };
    const img = Float32Array.from({ length: 25 }, (_, i) => i / 25);
    const out = new Float32Array(25);
    cropPadded(img, out, g, 2, 2, 2);
    expect([...out]).toEqual([...img]);
  });
});

describe("scale and translate", () => {
  it("is the identity at zoom 1 without a shift, and shifts whole pixels exactly", () => {
    const g = { h: 6, w: 7, c: 3 };
    const img = Float32Array.from({ length: 6 * 7 * 3 }, (_, i) => (i * 37) % 101 / 101);
    const out = new Float32Array(img.length);
    scaleTranslateImage(img, out, g, 1, 0, 0);
    out.forEach((v, i) => expect(v).toBeCloseTo(img[i]!, 6));
    scaleTranslateImage(img, out, g, 1, 2, 0);
    // Output column x shows source column x - 2 (edges repeated on the left).
    for (let y = 0; y < 6; y++) for (let x = 2; x < 7; x++) expect(out[(y * 7 + x) * 3]).toBeCloseTo(img[(y * 7 + x - 2) * 3]!, 6);
    for (let y = 0; y < 6; y++) expect(out[(y * 7) * 3]).toBeCloseTo(img[(y * 7) * 3]!, 6);
  });

  it("zooming in on a centred dot makes it larger", () => {
    const g = { h: 9, w: 9, c: 1 };
    const img = new Float32Array(81);
    img[4 * 9 + 4] = 1;
    const out = new Float32Array(81);
    scaleTranslateImage(img, out, g, 2, 0, 0);
    const lit = (a: Float32Array) => a.filter((v) => v > 0.2).length;
    expect(lit(out)).toBeGreaterThan(lit(img));
  });
});

describe("HSV jitter", () => {
  it("with no change is the identity (within float error), and scales grey images by value", () => {
    fc.assert(
      fc.property(imageArb, ([g, img]) => {
        const copy = new Float32Array(img);
        hsvAdjust(copy, g, 0, 1, 1);
        copy.forEach((v, i) => expect(v).toBeCloseTo(img[i]!, 5));
      }),
      { seed: 13, numRuns: 40 },
    );
    const grey = Float32Array.from([0.2, 0.4, 0.8]);
    hsvAdjust(grey, { h: 1, w: 3, c: 1 }, 0.3, 0, 0.5);
    expect([...grey].map((v) => +v.toFixed(5))).toEqual([0.1, 0.2, 0.4]);
  });

  it("turns red to green with a third of a turn of hue", () => {
    const px = Float32Array.from([1, 0, 0]);
    hsvAdjust(px, { h: 1, w: 1, c: 3 }, 1 / 3, 1, 1);
    expect([...px].map((v) => +v.toFixed(5))).toEqual([0, 1, 0]);
  });
});

describe("augmentBatch", () => {
  const ds = shapes({ size: 24, noise: 0, trainSize: 8, testSize: 1 });
  const batch = ds.gather("train", [0, 1, 2, 3, 4, 5, 6, 7]);
  const options = { crop: { padding: 3 }, flip: true, scaleTranslate: { scale: 0.1, translate: 0.1 }, hsv: { hue: 0.05, saturation: 0.2, value: 0.2 } };

  it("is seeded: same seed same images, another seed other images; the input stays untouched", () => {
    const before = new Float32Array(batch.x.data);
    const a = augmentBatch(batch, options, 5);
    const b = augmentBatch(batch, options, 5);
    const c = augmentBatch(batch, options, 6);
    expect([...a.x.data]).toEqual([...b.x.data]);
    expect([...a.x.data]).not.toEqual([...c.x.data]);
    expect([...batch.x.data]).toEqual([...before]);
    expect(a.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it("moves boxes with a flip", () => {
    const flipped = augmentBatch(batch, { flip: true }, 1);
    let flips = 0;
    for (let r = 0; r < 8; r++) {
      const [x0, y0, x1, y1] = batch.extras.boxes!.data.subarray(r * 4, r * 4 + 4);
      const [a0, b0, a1, b1] = flipped.extras.boxes!.data.subarray(r * 4, r * 4 + 4);
      expect([b0, b1]).toEqual([y0, y1]);
      if (a0 !== x0) {
        flips++;
        expect(a0).toBeCloseTo(1 - x1!, 6);
        expect(a1).toBeCloseTo(1 - x0!, 6);
      }
    }
    expect(flips).toBeGreaterThan(0);
    expect(flips).toBeLessThan(8);
  });

  it("keeps the shape inside its moved box after a crop", () => {
    const cropped = augmentBatch(batch, { crop: { padding: 4 } }, 9);
    for (let r = 0; r < 8; r++) {
      const [x0, y0, x1, y1] = Array.from(cropped.extras.boxes!.data.subarray(r * 4, r * 4 + 4), (v) => v * 24);
      for (let y = 0; y < 24; y++) {
        for (let x = 0; x < 24; x++) {
          if (cropped.x.data[((r * 24 + y) * 24 + x) * 3]! >= 0.5) {
            expect(x + 0.5 >= x0! && x + 0.5 <= x1! && y + 0.5 >= y0! && y + 0.5 <= y1!).toBe(true);
          }
        }
      }
    }
  });

  it("explains a batch that is not images", () => {
    const b = ds.gather("train", [0]);
    const flat = { ...b, x: { ...b.x, shape: [1, 24 * 24 * 3] } };
    expect(() => augmentBatch(flat, { flip: true }, 0)).toThrow(/\[batch, height, width, channels\]/);
  });
});

describe("test-time augmentation", () => {
  it("takes the four corners and the centre, then their mirrors", () => {
    const g = { h: 4, w: 4, c: 1 };
    const img = Float32Array.from({ length: 16 }, (_, i) => i);
    const views = fiveCropsWithFlips(img, g, 2, 2);
    const view = (v: number) => [...views.subarray(v * 4, v * 4 + 4)];
    expect(view(0)).toEqual([0, 1, 4, 5]);
    expect(view(1)).toEqual([2, 3, 6, 7]);
    expect(view(2)).toEqual([8, 9, 12, 13]);
    expect(view(3)).toEqual([10, 11, 14, 15]);
    expect(view(4)).toEqual([5, 6, 9, 10]);
    expect(view(5)).toEqual([1, 0, 5, 4]);
    expect(view(9)).toEqual([6, 5, 10, 9]);
  });

  it("of a constant model is that constant", async () => {
    const images: TensorData = { dtype: "float32", shape: [3, 8, 8, 3], data: Float32Array.from({ length: 3 * 192 }, (_, i) => (i % 7) / 7) };
    const constant = (x: TensorData) => {
      const out = new Float32Array(x.shape[0]! * 3);
      for (let i = 0; i < x.shape[0]!; i++) out.set([0.2, 0.5, 0.3], i * 3);
      return out;
    };
    const mean = await predictWithTta(constant, images, 6, 6);
    expect(mean.length).toBe(9);
    mean.forEach((v, i) => expect(v).toBeCloseTo([0.2, 0.5, 0.3][i % 3]!, 6));
  });

  it("averages what the model says about each view", async () => {
    const images: TensorData = { dtype: "float32", shape: [1, 4, 4, 1], data: Float32Array.from({ length: 16 }, (_, i) => i) };
    // Score = the view's top-left pixel: corners 0, 2, 8, 10, centre 5; mirrors 1, 3, 9, 11, 6.
    const topLeft = (x: TensorData) => Float32Array.from({ length: x.shape[0]! }, (_, v) => x.data[v * 4]!);
    const [mean] = await predictWithTta(topLeft, images, 2, 2);
    expect(mean).toBeCloseTo((0 + 2 + 8 + 10 + 5 + 1 + 3 + 9 + 11 + 6) / 10, 6);
    await expect(predictWithTta(topLeft, images, 5, 2)).rejects.toThrow(/do not fit in images of 4×4/);
  });
});
