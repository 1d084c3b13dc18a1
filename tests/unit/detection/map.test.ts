import { describe, expect, it } from "vitest";
import { averagePrecision, meanAveragePrecision } from "../../../runtime/detection/map.js";
import type { Detection } from "../../../runtime/detection/nms.js";

const box = (x0: number, y0: number, s = 0.2) => ({ x0, y0, x1: x0 + s, y1: y0 + s });

describe("mAP@0.5 (VOC all-point interpolation)", () => {
  const truths = [
    [{ ...box(0.1, 0.1), cls: 0 }, { ...box(0.6, 0.6), cls: 1 }],
    [{ ...box(0.3, 0.3), cls: 0 }],
  ];

  it("is 1 for perfect detections", () => {
    const dets: Detection[][] = truths.map((list) => list.map((t) => ({ ...t, score: 0.9 })));
    const r = meanAveragePrecision(dets, truths, 3);
    expect(r.map).toBe(1);
    expect(r.perClass).toEqual([1, 1, null]); // class 2 has no ground truth and is left out of the mean
  });

  it("gives the hand-computed value for a ranked mix of hits, a duplicate and a miss", () => {
    // Class 0 (2 truths), ranked: hit (img 0), duplicate of it (FP), hit (img 1).
    // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1 -> interpolated: 1 up to recall 1/2, then 2/3:
    // AP = 0.5·1 + 0.5·(2/3) = 5/6. Class 1: one truth, a detection of the wrong place (FP)
    // ranked above nothing else: AP 0. mAP = (5/6 + 0) / 2 = 5/12.
    const dets: Detection[][] = [
      [{ ...box(0.1, 0.1), score: 0.9, cls: 0 }, { ...box(0.11, 0.1), score: 0.8, cls: 0 }, { ...box(0.1, 0.6), score: 0.5, cls: 1 }],
      [{ ...box(0.31, 0.3), score: 0.7, cls: 0 }],
    ];
    const r = meanAveragePrecision(dets, truths, 2);
    expect(r.perClass[0]).toBeCloseTo(5 / 6, 12);
    expect(r.perClass[1]).toBe(0);
    expect(r.map).toBeCloseTo(5 / 12, 12);
  });

  it("counts a box of the wrong class or below IoU 0.5 as a false positive", () => {
    const dets: Detection[][] = [[{ ...box(0.1, 0.1), score: 0.9, cls: 1 }, { ...box(0.6, 0.6, 0.1), score: 0.8, cls: 1 }], []];
    // Class 1: wrong-place (IoU 0 with its truth) then a box with IoU 0.25 -> both false: AP 0.
    expect(meanAveragePrecision(dets, truths, 2).perClass).toEqual([0, 0]);
  });

  it("interpolates precision from the right (all points)", () => {
    // recall 0.5 @ p 0.5, recall 1 @ p 0.667: the envelope is 0.667 everywhere -> AP 0.667.
    expect(averagePrecision([0.5, 1], [0.5, 2 / 3])).toBeCloseTo(2 / 3, 12);
    expect(averagePrecision([], [])).toBe(0);
  });
});
