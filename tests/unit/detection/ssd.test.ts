import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSsd, defaultBoxes, matchBoxes, ssdConfig, ssdTargets } from "../../../runtime/detection/ssd.js";
import { mineNegatives, ssdLoss } from "../../../runtime/detection/ssd-loss.js";
import { fromCenter, encode } from "../../../runtime/detection/boxes.js";
import * as tf from "../../../runtime/tf.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});
afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});

describe("SSD default boxes", () => {
  it("counts 4 or 6 boxes per position: 380 for the mini's maps 8, 4, 2, 1", () => {
    const c = ssdConfig({ classes: 3, featureMaps: "8,4,2,1", aspectRatios: "2|2,3|2,3|2" });
    expect(defaultBoxes(c)).toHaveLength(8 * 8 * 4 + 4 * 4 * 6 + 2 * 2 * 6 + 1 * 4);
    // SSD300's six maps give the paper's 8,732.
    const full = ssdConfig({ classes: 20, featureMaps: "38,19,10,5,3,1", aspectRatios: "2|2,3|2,3|2,3|2|2" });
    expect(defaultBoxes(full)).toHaveLength(8732);
  });

  it("lays boxes out position by position with the scales spread from minScale to maxScale", () => {
    const c = ssdConfig({ classes: 1, featureMaps: "2,1", aspectRatios: "2|", minScale: 0.2, maxScale: 0.8 });
    const boxes = defaultBoxes(c);
    expect(boxes).toHaveLength(2 * 2 * 4 + 2);
    const r = Math.sqrt(2);
    const first = boxes.slice(0, 4).map((b) => [b.cx, b.cy, b.w, b.h].map((v) => Number(v.toFixed(6))));
    expect(first).toEqual([
      [0.25, 0.25, 0.2, 0.2],
      [0.25, 0.25, Number(Math.sqrt(0.2 * 0.8).toFixed(6)), Number(Math.sqrt(0.2 * 0.8).toFixed(6))],
      [0.25, 0.25, Number((0.2 * r).toFixed(6)), Number((0.2 / r).toFixed(6))],
      [0.25, 0.25, Number((0.2 / r).toFixed(6)), Number((0.2 * r).toFixed(6))],
    ]);
    expect(boxes[4]!.cx).toBe(0.75); // next position along the row
    expect(boxes[16]).toEqual({ cx: 0.5, cy: 0.5, w: 0.8, h: 0.8 }); // last map, scale maxScale
    expect(boxes[17]!.w).toBeCloseTo(Math.sqrt(0.8 * 1), 12); // s_{m+1} = 1
  });

  it("refuses options that do not describe the maps, naming the option", () => {
    expect(() => ssdConfig({ featureMaps: "8,4", aspectRatios: "2|2|2" })).toThrow(/aspectRatios has 3 groups but featureMaps lists 2 maps/);
    expect(() => ssdConfig({ featureMaps: "8,x" })).toThrow(/training.options.featureMaps/);
  });
});

describe("SSD matching", () => {
  const c = ssdConfig({ classes: 3, featureMaps: "2", aspectRatios: "", minScale: 0.5, iouThreshold: 0.5 });
  const anchors = defaultBoxes(c); // 2 squares per position of a 2×2 map: side 0.5 and √0.5

  it("matches default boxes above the IoU threshold and labels the rest background", () => {
    const truth = { x0: 0, y0: 0, x1: 0.5, y1: 0.5, cls: 2 };
    const m = matchBoxes(anchors, [truth], c);
    // Anchor 0 is exactly the truth (IoU 1); anchor 1 (side 0.707 at the same centre): IoU 0.25/0.5 = 0.5, matched too.
    expect(Array.from(m.labels)).toEqual([3, 3, 0, 0, 0, 0, 0, 0]);
    expect(m.positives).toBe(2);
    expect(Array.from(m.offsets.slice(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(m.offsets.slice(4, 8)).map((v) => Number(v.toFixed(5)))).toEqual(encode(truth, anchors[1]!).map((v) => Number(v.toFixed(5))));
  });

  it("gives every truth its best default box even below the threshold", () => {
    const small = { x0: 0.6, y0: 0.6, x1: 0.7, y1: 0.7, cls: 0 }; // IoU with anchor 6 (0.5..1 square) is 0.04
    const m = matchBoxes(anchors, [small], c);
    expect(m.positives).toBe(1);
    expect(m.labels[6]).toBe(1);
  });
});

describe("SSD multibox loss", () => {
  it("mines negatives at 3 per positive per image, the hardest first", () => {
    const loss = tf.tensor2d([
      [0.1, 0.9, 0.5, 0.3, 0.8, 0.2, 0.7, 0.4, 0.6, 0.05],
      [0.1, 0.9, 0.5, 0.3, 0.8, 0.2, 0.7, 0.4, 0.6, 0.05],
    ]);
    const positive = tf.tensor2d([
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], // one positive: the 3 largest negative losses (0.9, 0.8, 0.7)
      [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], // three positives: 9 wanted, only 7 negatives exist
    ]);
    const mined = tf.tidy(() => mineNegatives(loss, positive, 3).arraySync());
    expect(mined[0]).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 0, 0]);
    expect(mined[1]).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    tf.dispose([loss, positive]);
  });

  it("sums cross-entropy over positives and mined negatives and smooth L1 over positives, per positive", () => {
    const c = ssdConfig({ classes: 1, featureMaps: "2", aspectRatios: "", minScale: 0.5, negativesPerPositive: 1 });
    const anchors = defaultBoxes(c);
    const t = ssdTargets([0, 0, 0.5, 0.5], [0], 1, 1, anchors, anchors.map(fromCenter), c); // anchors 0 and 1 match
    const probs = new Float32Array(8 * 2);
    for (let a = 0; a < 8; a++) probs.set(a === 0 ? [0.2, 0.8] : a === 1 ? [0.5, 0.5] : a === 5 ? [0.1, 0.9] : a === 7 ? [0.4, 0.6] : [0.9, 0.1], a * 2);
    const offsets = new Float32Array(8 * 4);
    offsets.set([0.5, -2, 0, 0], 0); // anchor 0's target is 0: smooth L1 = 0.125 + 1.5
    const target1 = Array.from(t.offsets.slice(4, 8));
    offsets.set(target1, 4); // anchor 1 exact
    const [conf, loc] = tf.tidy(() => {
      const l = ssdLoss(tf.tensor(probs, [1, 8, 2]), tf.tensor(offsets, [1, 8, 4]), t, c);
      return [l.confidence.dataSync()[0]!, l.localization.dataSync()[0]!];
    });
    // Positives: −ln 0.8 − ln 0.5; 2 negatives mined: anchors 5 (−ln 0.1) and 7 (−ln 0.4). Over 2 positives.
    expect(conf).toBeCloseTo((-Math.log(0.8) - Math.log(0.5) - Math.log(0.1) - Math.log(0.4)) / 2, 5);
    expect(loc).toBeCloseTo((0.125 + 1.5) / 2, 5);
  });
});

describe("SSD decoding", () => {
  it("decodes offsets against the default boxes, drops background and suppresses duplicates", () => {
    const c = ssdConfig({ classes: 2, featureMaps: "1", aspectRatios: "", minScale: 0.5 });
    const anchors = defaultBoxes(c); // two squares at the centre: 0.5 and √0.5
    const probs = [0.1, 0.8, 0.1, /* anchor 1 */ 0.3, 0.6, 0.1];
    const offsets = [0, 0, 0, 0, 0, 0, 0, 0];
    const [dets] = decodeSsd(probs, offsets, 1, anchors, c, { scoreThreshold: 0.2, iouThreshold: 0.45 });
    // Class 0 (column 1): anchor 0 at 0.8 kept; anchor 1 (IoU 0.5 with it) suppressed. Class 1 never above 0.2.
    expect(dets).toEqual([{ x0: 0.25, y0: 0.25, x1: 0.75, y1: 0.75, score: expect.closeTo(0.8, 6), cls: 0 }]);
  });
});
