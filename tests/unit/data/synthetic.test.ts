import { describe, expect, it } from "vitest";
import { gaussianMixture, spirals } from "../../../runtime/data/synthetic/points.js";
import { copyTask, sineWaves } from "../../../runtime/data/synthetic/sequences.js";
import { SHAPE_CLASSES, shapes } from "../../../runtime/data/synthetic/shapes.js";
import { textDataset, vocabularyOf } from "../../../runtime/data/synthetic/text.js";
import { counts, labelsOf } from "./support.js";

describe("Gaussian blobs", () => {
  it("are balanced, two-dimensional and centred where their class says", () => {
    const ds = gaussianMixture({ classes: 4, trainSize: 400, testSize: 40, radius: 3, spread: 0.3 });
    expect(ds.inputShape).toEqual([2]);
    expect(ds.target).toMatchObject({ kind: "classes", classes: 4, shape: [] });
    expect(counts(labelsOf(ds, "train"), 4)).toEqual([100, 100, 100, 100]);
    const b = ds.gather("train", Array.from({ length: 400 }, (_, i) => i));
    for (let c = 0; c < 4; c++) {
      let sx = 0;
      let sy = 0;
      for (let i = c; i < 400; i += 4) {
        sx += b.x.data[2 * i]!;
        sy += b.x.data[2 * i + 1]!;
      }
      const a = (2 * Math.PI * c) / 4;
      expect(sx / 100).toBeCloseTo(3 * Math.cos(a), 0);
      expect(sy / 100).toBeCloseTo(3 * Math.sin(a), 0);
    }
  });

  it("make test samples different from train samples", () => {
    const ds = gaussianMixture();
    expect([...ds.gather("test", [0]).x.data]).not.toEqual([...ds.gather("train", [0]).x.data]);
  });
});

describe("spirals", () => {
  it("stay in the unit disc (plus noise) with both arms equally represented", () => {
    const ds = spirals({ trainSize: 200, noise: 0 });
    const b = ds.gather("train", Array.from({ length: 200 }, (_, i) => i));
    for (let i = 0; i < 200; i++) expect(Math.hypot(b.x.data[2 * i]!, b.x.data[2 * i + 1]!)).toBeLessThanOrEqual(1 + 1e-6);
    expect(counts(labelsOf(ds, "train"), 2)).toEqual([100, 100]);
    // Without noise, the point at radius t lies at angle t·turns·2π + armOffset: arm 1 is arm 0 turned by π.
    const p = ds.describe("train", 1);
    expect(p).toMatchObject({ kind: "point", label: "arm 1" });
  });
});

describe("shapes", () => {
  it("fill about π/4 of the box for circles, all of it for squares, half for triangles", () => {
    const size = 48;
    const ds = shapes({ size, noise: 0, trainSize: 30, testSize: 3 });
    expect(ds.inputShape).toEqual([size, size, 3]);
    const b = ds.gather("train", Array.from({ length: 30 }, (_, i) => i));
    const expected = [Math.PI / 4, 1, 0.5];
    for (let i = 0; i < 30; i++) {
      const cls = b.y.data[i]!;
      expect(cls).toBe(i % 3);
      expect(b.extras.boxClasses!.data[i]).toBe(cls);
      const [x0, y0, x1, y1] = Array.from(b.extras.boxes!.data.subarray(i * 4, i * 4 + 4), (v) => Math.round(v * size));
      expect(0 <= x0! && x0! < x1! && x1! <= size && 0 <= y0! && y0! < y1! && y1! <= size).toBe(true);
      let ink = 0;
      let outside = 0;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const lit = b.x.data[((i * size + y) * size + x) * 3]! >= 0.5;
          const inBox = x >= x0! && x < x1! && y >= y0! && y < y1!;
          if (lit && inBox) ink++;
          if (lit && !inBox) outside++;
        }
      }
      expect(outside).toBe(0); // background stays below 0.3, shapes above 0.55
      expect(ink / ((x1! - x0!) * (y1! - y0!))).toBeCloseTo(expected[cls]!, 1);
    }
  });

  it("fit at 32×32 and place up to N non-overlapping boxes for detection", () => {
    const ds = shapes({ size: 32, maxObjects: 3, trainSize: 50, testSize: 5 });
    expect(ds.id).toBe("synthetic:shapes-detect-32");
    const b = ds.gather("train", Array.from({ length: 50 }, (_, i) => i));
    let multi = 0;
    for (let i = 0; i < 50; i++) {
      const boxes: number[][] = [];
      for (let j = 0; j < 3; j++) {
        const cls = b.extras.boxClasses!.data[i * 3 + j]!;
        const box = Array.from(b.extras.boxes!.data.subarray((i * 3 + j) * 4, (i * 3 + j) * 4 + 4));
        if (cls < 0) {
          expect(box).toEqual([0, 0, 0, 0]);
          continue;
        }
        expect(cls).toBeLessThan(SHAPE_CLASSES.length);
        expect(box[2]! - box[0]!).toBeGreaterThanOrEqual(6 / 32);
        boxes.push(box);
      }
      if (boxes.length > 1) multi++;
      for (let p = 0; p < boxes.length; p++) {
        for (let q = p + 1; q < boxes.length; q++) {
          const [a, c] = [boxes[p]!, boxes[q]!];
          expect(a[0]! < c[2]! && c[0]! < a[2]! && a[1]! < c[3]! && c[1]! < a[3]!).toBe(false);
        }
      }
    }
    expect(multi).toBeGreaterThan(10);
    const preview = ds.describe("train", 0);
    expect(preview.kind).toBe("image");
    if (preview.kind === "image") expect(preview.pixels.length).toBe(32 * 32 * 3);
  });

  it("refuses images too small to draw on", () => {
    expect(() => shapes({ size: 8 })).toThrow(/at least 16 pixels/);
  });
});

describe("sine waves", () => {
  it("ask for the next value at every step", () => {
    const ds = sineWaves({ steps: 16, trainSize: 5, testSize: 5 });
    expect(ds.inputShape).toEqual([16, 1]);
    expect(ds.target).toEqual({ kind: "values", shape: [16, 1] });
    const b = ds.gather("train", [0, 1, 2]);
    for (let r = 0; r < 3; r++) {
      for (let t = 0; t < 15; t++) expect(b.y.data[r * 16 + t]).toBeCloseTo(b.x.data[r * 16 + t + 1]!, 5);
    }
  });
});

describe("NTM copy task", () => {
  it("asks for the input vectors back after the end marker, and masks only those steps", () => {
    const width = 6;
    const maxLength = 5;
    const ds = copyTask({ width, maxLength, trainSize: 40, testSize: 4 });
    const T = 2 * maxLength + 2;
    const C = width + 2;
    expect(ds.inputShape).toEqual([T, C]);
    const b = ds.gather("train", Array.from({ length: 40 }, (_, i) => i));
    const lengths = new Set<number>();
    for (let r = 0; r < 40; r++) {
      const x = b.x.data.subarray(r * T * C, (r + 1) * T * C);
      const y = b.y.data.subarray(r * T * width, (r + 1) * T * width);
      const mask = b.extras.mask!.data.subarray(r * T, (r + 1) * T);
      expect(x[width]).toBe(1); // start marker
      const end = Array.from({ length: T }, (_, t) => x[t * C + width + 1]).indexOf(1);
      const L = end - 1;
      lengths.add(L);
      expect(L).toBeGreaterThanOrEqual(1);
      expect(Array.from(mask).reduce((a, v) => a + v, 0)).toBe(L);
      for (let k = 0; k < L; k++) {
        expect(mask[L + 2 + k]).toBe(1);
        for (let bit = 0; bit < width; bit++) expect(y[(L + 2 + k) * width + bit]).toBe(x[(1 + k) * C + bit]);
      }
      // Nothing to write before the copy phase.
      for (let t = 0; t < L + 2; t++) for (let bit = 0; bit < width; bit++) expect(y[t * width + bit]).toBe(0);
    }
    expect(lengths.size).toBeGreaterThan(2);
  });
});

describe("text", () => {
  const text = "the quick brown fox jumps over the lazy dog. ".repeat(20);

  it("predicts each next character, and test windows come from unseen text", () => {
    const ds = textDataset(text, { steps: 10, stride: 5, testFraction: 0.2 });
    const vocab = vocabularyOf(text);
    expect(ds.inputDtype).toBe("int32");
    expect(ds.target).toMatchObject({ kind: "classes", classes: vocab.chars.length, shape: [10] });
    const b = ds.gather("train", [3]);
    expect(vocab.decode(b.x.data)).toBe(text.slice(15, 25));
    expect(vocab.decode(b.y.data)).toBe(text.slice(16, 26));
    const cut = Math.floor(text.length * 0.8);
    const t = ds.describe("test", 0);
    expect(t).toMatchObject({ kind: "text", input: text.slice(cut, cut + 10), target: text.slice(cut + 1, cut + 11) });
  });

  it("round-trips the vocabulary and names characters it lacks", () => {
    const v = vocabularyOf("abcabc");
    expect(v.decode(v.encode("cab"))).toBe("cab");
    expect(() => v.encode("abz")).toThrow(/"z" is not in the vocabulary/);
  });

  it("says when the corpus is too short", () => {
    expect(() => textDataset("short", { steps: 64 })).toThrow(/too short for windows of 64/);
  });
});
