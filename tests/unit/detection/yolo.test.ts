import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yoloConfig, yoloLoss, yoloTargets, decodeYolo, cellDepth } from "../../../runtime/detection/yolo.js";
import * as tf from "../../../runtime/tf.js";

// S = 2, B = 2, C = 2: 12 values per cell.
const config = yoloConfig({ gridSize: 2, boxesPerCell: 2, classes: 2, lambdaCoord: 5, lambdaNoobj: 0.5 });

/** One object: corners (0.1, 0.2)-(0.5, 0.6), class 1: centre (0.3, 0.4), so cell row 0, col 0. */
const boxes = [0.1, 0.2, 0.5, 0.6];
const classes = [1];

/** Cell (0,0): box 0 at (0.5, 0.5) with √w = √h = 0.5, confidence 0.8; box 1 tiny, confidence 0.3; classes (0.2, 0.7). Cell (1,1) box 0 confidence 0.4. */
function prediction(): Float32Array {
  const p = new Float32Array(2 * 2 * 12);
  p.set([0.5, 0.5, 0.5, 0.5, 0.8, 0.5, 0.5, 0.1, 0.1, 0.3, 0.2, 0.7], 0);
  p[3 * 12 + 4] = 0.4;
  return p;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});
afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});

describe("YOLO v1 targets", () => {
  it("puts the object in the cell holding its centre, with cell offsets and √w, √h", () => {
    const t = yoloTargets(boxes, classes, 1, 1, config);
    expect(Array.from(t.obj)).toEqual([1, 0, 0, 0]);
    expect(Array.from(t.coords.slice(0, 4)).map((v) => Number(v.toFixed(6)))).toEqual([0.6, 0.8, Number(Math.sqrt(0.4).toFixed(6)), Number(Math.sqrt(0.4).toFixed(6))]);
    expect(Array.from(t.classes.slice(0, 2))).toEqual([0, 1]);
  });
});

describe("YOLO v1 loss", () => {
  it("equals the paper's sum computed by hand for one object", () => {
    // Box 0 in image terms: centre (0.25, 0.25), w = h = 0.25 -> (0.125..0.375)². Against the
    // truth (0.1..0.5 × 0.2..0.6): intersection 0.25 × 0.175, union 0.0625 + 0.16 − that.
    const inter = 0.25 * 0.175;
    const iou0 = inter / (0.0625 + 0.16 - inter); // ≈ 0.2448; box 1 (w = 0.01) overlaps far less, so box 0 is responsible
    const s = Math.sqrt(0.4);
    const coord = 5 * ((0.5 - 0.6) ** 2 + (0.5 - 0.8) ** 2 + (0.5 - s) ** 2 + (0.5 - s) ** 2);
    const object = (0.8 - iou0) ** 2;
    const noObject = 0.5 * (0.3 ** 2 + 0.4 ** 2); // box 1 of the object's cell and box 0 of cell (1,1)
    const cls = 0.2 ** 2 + (0.7 - 1) ** 2;
    const got = tf.tidy(() => {
      const l = yoloLoss(tf.tensor(prediction(), [1, 2, 2, 12]), yoloTargets(boxes, classes, 1, 1, config), config);
      return [l.loss, l.coord, l.object, l.noObject, l.cls].map((t) => t.dataSync()[0]!);
    });
    expect(got[1]).toBeCloseTo(coord, 5);
    expect(got[2]).toBeCloseTo(object, 5);
    expect(got[3]).toBeCloseTo(noObject, 5);
    expect(got[4]).toBeCloseTo(cls, 5);
    expect(got[0]).toBeCloseTo(coord + object + noObject + cls, 5);
  });

  it("averages over the batch and has gradients only where the paper's terms reach", () => {
    const t = yoloTargets([...boxes, ...boxes], [1, 1], 2, 1, config);
    const one = yoloTargets(boxes, classes, 1, 1, config);
    const pair = new Float32Array([...prediction(), ...prediction()]);
    const [l2, l1] = tf.tidy(() => [yoloLoss(tf.tensor(pair, [2, 2, 2, 12]), t, config).loss.dataSync()[0]!, yoloLoss(tf.tensor(prediction(), [1, 2, 2, 12]), one, config).loss.dataSync()[0]!]);
    expect(l2).toBeCloseTo(l1, 5);
    const grad = tf.tidy(() => {
      const x = tf.variable(tf.tensor(prediction(), [1, 2, 2, 12]));
      const g = tf.grad((p: tf.Tensor) => yoloLoss(p, one, config).loss)(x);
      const out = g.dataSync().slice();
      x.dispose();
      return out;
    });
    // Cell (0,1) box 0's x, y, w, h and the class values of empty cells get no gradient; its confidence does (λnoobj · 2 · 0 = 0 here, since it predicts 0).
    expect(Array.from(grad.slice(12, 16))).toEqual([0, 0, 0, 0]);
    expect(Array.from(grad.slice(22, 24))).toEqual([0, 0]);
    // Responsible box 0: d/dx of 5 (x − 0.6)² at 0.5 is −1; its confidence: 2 (0.8 − IoU).
    expect(grad[0]).toBeCloseTo(-1, 4);
    expect(grad[4]! > 1).toBe(true);
    // Cell (1,1) box 0 confidence 0.4 without an object: 0.5 · 2 · 0.4 = 0.4.
    expect(grad[36 + 4]).toBeCloseTo(0.4, 5);
  });
});

describe("YOLO v1 decoding", () => {
  it("turns a cell's box and class probabilities into a scored box, thresholded and suppressed", () => {
    const p = prediction();
    const [dets] = decodeYolo(p, 1, config, { scoreThreshold: 0.2 });
    // Box 0, class 1: 0.8 · 0.7 = 0.56 at centre (0.25, 0.25) size 0.25; class 0: 0.16 < 0.2. Box 1: 0.21 (class 1) overlaps box 0 little.
    expect(dets!.length).toBe(2);
    const top = dets![0]!;
    expect(top.cls).toBe(1);
    expect(top.score).toBeCloseTo(0.56, 6);
    expect([top.x0, top.y0, top.x1, top.y1].map((v) => Number(v.toFixed(6)))).toEqual([0.125, 0.125, 0.375, 0.375]);
    expect(cellDepth(config)).toBe(12);
  });
});
