import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, encode, fromCenter, iou, toCenter, truthsOf } from "../../../runtime/detection/boxes.js";
import { nms, type Detection } from "../../../runtime/detection/nms.js";

describe("iou", () => {
  it("matches hand-computed overlaps", () => {
    const a = { x0: 0, y0: 0, x1: 0.5, y1: 0.5 };
    expect(iou(a, a)).toBe(1);
    // Half of a overlaps b, b is a's size: 0.125 / (0.25 + 0.25 - 0.125) = 1/3.
    expect(iou(a, { x0: 0.25, y0: 0, x1: 0.75, y1: 0.5 })).toBeCloseTo(1 / 3, 12);
    // A box inside another: the small area over the big one.
    expect(iou(a, { x0: 0.1, y0: 0.1, x1: 0.2, y1: 0.2 })).toBeCloseTo(0.01 / 0.25, 12);
    expect(iou(a, { x0: 0.5, y0: 0, x1: 1, y1: 0.5 })).toBe(0); // touching edges
    expect(iou(a, { x0: 0.6, y0: 0.6, x1: 0.9, y1: 0.9 })).toBe(0);
  });
});

describe("SSD box encoding", () => {
  it("encodes a hand case: centre shift in anchor units over the variance, log size ratio over the variance", () => {
    const anchor = { cx: 0.5, cy: 0.5, w: 0.2, h: 0.4 };
    const [dx, dy, dw, dh] = encode({ x0: 0.45, y0: 0.3, x1: 0.65, y1: 0.5 }, anchor);
    expect(dx).toBeCloseTo((0.55 - 0.5) / 0.2 / 0.1, 10);
    expect(dy).toBeCloseTo((0.4 - 0.5) / 0.4 / 0.1, 10);
    expect(dw).toBeCloseTo(Math.log(0.2 / 0.2) / 0.2, 10);
    expect(dh).toBeCloseTo(Math.log(0.2 / 0.4) / 0.2, 10);
  });

  it("decode(encode(box)) gives the box back", () => {
    const unit = fc.double({ min: 0.01, max: 0.99, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, unit, unit, fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (a, b, c, d, acx, acy, aw, ah) => {
        const box = { x0: Math.min(a, b), y0: Math.min(c, d), x1: Math.max(a, b) + 0.01, y1: Math.max(c, d) + 0.01 };
        const anchor = { cx: acx, cy: acy, w: aw, h: ah };
        const back = decode(encode(box, anchor), anchor);
        for (const k of ["x0", "y0", "x1", "y1"] as const) expect(back[k]).toBeCloseTo(box[k], 9);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("converts between corners and centre form", () => {
    const c = toCenter({ x0: 0.1, y0: 0.2, x1: 0.5, y1: 0.4 });
    expect([c.cx, c.cy, c.w, c.h].map((v) => Number(v.toFixed(12)))).toEqual([0.3, 0.3, 0.4, 0.2]);
    const b = fromCenter({ cx: 0.5, cy: 0.5, w: 0.2, h: 0.4 });
    expect([b.x0, b.y0, b.x1, b.y1].map((v) => Number(v.toFixed(12)))).toEqual([0.4, 0.3, 0.6, 0.7]);
  });

  it("reads a sample's truths from the dataset extras, skipping empty rows", () => {
    const boxes = [0.1, 0.1, 0.3, 0.3, 0, 0, 0, 0, /* sample 1 */ 0.5, 0.5, 0.9, 0.9, 0.2, 0.2, 0.4, 0.4];
    expect(truthsOf(boxes, [2, -1, 0, 1], 1, 2)).toEqual([{ x0: 0.5, y0: 0.5, x1: 0.9, y1: 0.9, cls: 0 }, { x0: 0.2, y0: 0.2, x1: 0.4, y1: 0.4, cls: 1 }]);
    expect(truthsOf(boxes, [2, -1, 0, 1], 0, 2)).toHaveLength(1);
  });
});

describe("nms", () => {
  const det = (x0: number, score: number, cls: number): Detection => ({ x0, y0: 0, x1: x0 + 0.4, y1: 0.4, score, cls });

  it("drops a weaker box that overlaps a kept one of its class, keeps other classes and separate boxes", () => {
    const strong = det(0, 0.9, 0);
    const overlapping = det(0.05, 0.8, 0); // IoU 0.35/0.45 ≈ 0.78 with strong
    const otherClass = det(0.05, 0.7, 1);
    const apart = det(0.6, 0.6, 0);
    const kept = nms([overlapping, apart, otherClass, strong], { iouThreshold: 0.5 });
    expect(kept).toEqual([strong, otherClass, apart]);
  });

  it("keeps both boxes when their overlap is at or below the threshold", () => {
    const a = det(0, 0.9, 0);
    const b = det(0.2, 0.8, 0); // IoU 0.08 / 0.24 = 1/3
    expect(nms([a, b], { iouThreshold: 0.5 })).toHaveLength(2);
    expect(nms([a, b], { iouThreshold: 0.3 })).toEqual([a]);
  });

  it("caps the candidates per class and the boxes per image", () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ x0: i, y0: 0, x1: i + 0.5, y1: 0.5, score: i / 10, cls: i % 2 }));
    expect(nms(many, { iouThreshold: 0.5, topKPerClass: 2 }).map((d) => d.score)).toEqual([0.9, 0.8, 0.7, 0.6]);
    expect(nms(many, { iouThreshold: 0.5, maxDetections: 3 }).map((d) => d.score)).toEqual([0.9, 0.8, 0.7]);
  });
});
