/**
 * YOLO v1 (Redmon et al. 2016): the output is an S×S grid; each cell holds B boxes
 * (x, y, √w, √h, confidence) then C class probabilities ("boxes-then-classes"). x, y are the
 * box centre's offset inside the cell (0..1), w, h fractions of the image; the network regresses
 * √w, √h directly (sqrtWidthHeight) so the output never needs a square root of a negative.
 *
 * Loss, as in the paper, summed over the grid and averaged over the batch:
 *   λcoord Σ 1ᵒᵇʲᵢⱼ [(x−x̂)² + (y−ŷ)²] + λcoord Σ 1ᵒᵇʲᵢⱼ [(√w−√ŵ)² + (√h−√ĥ)²]
 *   + Σ 1ᵒᵇʲᵢⱼ (C−Ĉ)² + λnoobj Σ 1ⁿᵒᵒᵇʲᵢⱼ (C−Ĉ)² + Σᵢ 1ᵒᵇʲᵢ Σ_c (p(c)−p̂(c))²
 * where the cell holding an object's centre is responsible for it, and of its B predictors the
 * one whose box overlaps the object most (IoU) is 1ᵒᵇʲᵢⱼ; its confidence target is that IoU.
 */
import * as tf from "../tf.js";
import { truthsOf } from "./boxes.js";
import { constant } from "./constant.js";
import { nms, type Detection } from "./nms.js";
import { boolOption, intOption, numberOption, type Options } from "./options.js";
import { TrainingError } from "../train/errors.js";

export interface YoloConfig {
  readonly gridSize: number;
  readonly boxesPerCell: number;
  readonly classes: number;
  readonly lambdaCoord: number;
  readonly lambdaNoobj: number;
  readonly sqrtWidthHeight: boolean;
  readonly scoreThreshold: number;
  readonly nmsIouThreshold: number;
}

export const YOLO_OPTIONS = ["gridSize", "boxesPerCell", "classes", "cellLayout", "lambdaCoord", "lambdaNoobj", "sqrtWidthHeight", "scoreThreshold", "nmsIouThreshold"] as const;

export function yoloConfig(o: Options, datasetClasses?: number): YoloConfig {
  const layout = o["cellLayout"] ?? "boxes-then-classes";
  if (layout !== "boxes-then-classes") throw new TrainingError("bad-settings", `training.options.cellLayout is ${JSON.stringify(layout)}; the yolo recipe reads cells as "boxes-then-classes" (B × (x, y, w, h, confidence), then the class probabilities).`);
  const nonNeg = (v: number) => v >= 0;
  const unit = (v: number) => v >= 0 && v <= 1;
  return {
    gridSize: intOption(o, "gridSize", 7, 1, "7"),
    boxesPerCell: intOption(o, "boxesPerCell", 2, 1, "2"),
    classes: intOption(o, "classes", datasetClasses ?? 20, 1, "the dataset's number of classes"),
    lambdaCoord: numberOption(o, "lambdaCoord", 5, nonNeg, "must be 0 or more (the paper: 5)"),
    lambdaNoobj: numberOption(o, "lambdaNoobj", 0.5, nonNeg, "must be 0 or more (the paper: 0.5)"),
    sqrtWidthHeight: boolOption(o, "sqrtWidthHeight", true),
    scoreThreshold: numberOption(o, "scoreThreshold", 0.2, unit, "must be from 0 to 1 (typical: 0.2)"),
    nmsIouThreshold: numberOption(o, "nmsIouThreshold", 0.5, unit, "must be from 0 to 1 (typical: 0.5)"),
  };
}

export const cellDepth = (c: YoloConfig): number => 5 * c.boxesPerCell + c.classes;

/** Per-batch targets as plain arrays: [n, S, S] and [n, S, S, k] row-major. */
export interface YoloTargets {
  readonly n: number;
  /** 1 where an object's centre falls in the cell. */
  readonly obj: Float32Array;
  /** x, y offset in the cell and w, h (or √w, √h): what the responsible predictor regresses. */
  readonly coords: Float32Array;
  /** The object's corners, for the IoU with each predictor. */
  readonly corners: Float32Array;
  /** One-hot class of the cell's object. */
  readonly classes: Float32Array;
}

/** Targets for a batch from its boxes [n, M, 4] and classes [n, M]; a later object in a cell replaces an earlier one, as in the paper. */
export function yoloTargets(boxes: ArrayLike<number>, boxClasses: ArrayLike<number>, n: number, maxObjects: number, c: YoloConfig): YoloTargets {
  const S = c.gridSize;
  const cells = n * S * S;
  const t = { n, obj: new Float32Array(cells), coords: new Float32Array(cells * 4), corners: new Float32Array(cells * 4), classes: new Float32Array(cells * c.classes) };
  for (let i = 0; i < n; i++) {
    for (const b of truthsOf(boxes, boxClasses, i, maxObjects)) {
      if (b.cls >= c.classes) throw new TrainingError("data-shape", `A box of class ${b.cls} reached the yolo recipe, which has training.options.classes ${c.classes}; set classes to the dataset's number of classes.`);
      const cx = (b.x0 + b.x1) / 2;
      const cy = (b.y0 + b.y1) / 2;
      const col = Math.min(S - 1, Math.floor(cx * S));
      const row = Math.min(S - 1, Math.floor(cy * S));
      const cell = (i * S + row) * S + col;
      const w = b.x1 - b.x0;
      const h = b.y1 - b.y0;
      t.obj[cell] = 1;
      t.coords.set([cx * S - col, cy * S - row, c.sqrtWidthHeight ? Math.sqrt(w) : w, c.sqrtWidthHeight ? Math.sqrt(h) : h], cell * 4);
      t.corners.set([b.x0, b.y0, b.x1, b.y1], cell * 4);
      t.classes.fill(0, cell * c.classes, (cell + 1) * c.classes);
      t.classes[cell * c.classes + b.cls] = 1;
    }
  }
  return t;
}

export interface YoloLoss {
  /** The paper's total, per image. */
  readonly loss: tf.Scalar;
  readonly coord: tf.Scalar;
  readonly object: tf.Scalar;
  readonly noObject: tf.Scalar;
  readonly cls: tf.Scalar;
}

/** IoU of each predicted box [n,S,S,B,4 as x,y,w',h'] with the cell's object corners [n,S,S,1,4]. */
function predictorIou(xywh: tf.Tensor, corners: tf.Tensor, c: YoloConfig): tf.Tensor {
  const S = c.gridSize;
  const col = tf.reshape(tf.range(0, S), [1, 1, S, 1]);
  const row = tf.reshape(tf.range(0, S), [1, S, 1, 1]);
  const [px, py, pw, ph] = tf.split(xywh, 4, -1).map((t) => tf.squeeze(t, [-1]));
  const cx = tf.div(tf.add(px!, col), S);
  const cy = tf.div(tf.add(py!, row), S);
  const w = c.sqrtWidthHeight ? tf.square(pw!) : tf.relu(pw!);
  const h = c.sqrtWidthHeight ? tf.square(ph!) : tf.relu(ph!);
  const [tx0, ty0, tx1, ty1] = tf.split(corners, 4, -1).map((t) => tf.squeeze(t, [-1]));
  const ix = tf.relu(tf.sub(tf.minimum(tf.add(cx, tf.div(w, 2)), tx1!), tf.maximum(tf.sub(cx, tf.div(w, 2)), tx0!)));
  const iy = tf.relu(tf.sub(tf.minimum(tf.add(cy, tf.div(h, 2)), ty1!), tf.maximum(tf.sub(cy, tf.div(h, 2)), ty0!)));
  const inter = tf.mul(ix, iy);
  const union = tf.sub(tf.add(tf.mul(w, h), tf.mul(tf.sub(tx1!, tx0!), tf.sub(ty1!, ty0!))), inter);
  return tf.div(inter, tf.maximum(union, 1e-9));
}

/** The paper's loss for predictions [n, S, S, 5B + C]. */
export function yoloLoss(pred: tf.Tensor, t: YoloTargets, c: YoloConfig): YoloLoss {
  const S = c.gridSize;
  const B = c.boxesPerCell;
  const n = t.n;
  const boxes = tf.reshape(tf.slice(pred, [0, 0, 0, 0], [n, S, S, 5 * B]), [n, S, S, B, 5]);
  const probs = tf.slice(pred, [0, 0, 0, 5 * B], [n, S, S, c.classes]);
  const xy = tf.slice(boxes, [0, 0, 0, 0, 0], [n, S, S, B, 2]);
  const wh = tf.slice(boxes, [0, 0, 0, 0, 2], [n, S, S, B, 2]);
  const conf = tf.squeeze(tf.slice(boxes, [0, 0, 0, 0, 4], [n, S, S, B, 1]), [-1]);
  const obj = tf.tensor(t.obj, [n, S, S]);
  const coords = tf.tensor(t.coords, [n, S, S, 1, 4]);
  const corners = tf.tensor(t.corners, [n, S, S, 1, 4]);
  // Which predictor is responsible, and its confidence target, are constants of this step.
  const [resp, target] = constant((b: tf.Tensor) => {
    const overlap = predictorIou(tf.slice(b, [0, 0, 0, 0, 0], [n, S, S, B, 4]), corners, c);
    const mask = tf.mul(tf.oneHot(tf.argMax(overlap, -1), B), tf.expandDims(obj, -1));
    return tf.stack([mask, tf.mul(mask, overlap)]);
  }, boxes).unstack();
  const respXY = tf.expandDims(resp!, -1);
  const sqErr = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(respXY, tf.squaredDifference(a, b)));
  const coord = tf.mul(c.lambdaCoord, tf.add(sqErr(xy, tf.slice(coords, [0, 0, 0, 0, 0], [n, S, S, 1, 2])), sqErr(wh, tf.slice(coords, [0, 0, 0, 0, 2], [n, S, S, 1, 2]))));
  const object = tf.sum(tf.mul(resp!, tf.squaredDifference(conf, target!)));
  const noObject = tf.mul(c.lambdaNoobj, tf.sum(tf.mul(tf.sub(1, resp!), tf.square(conf))));
  const cls = tf.sum(tf.mul(tf.expandDims(obj, -1), tf.squaredDifference(probs, tf.tensor(t.classes, [n, S, S, c.classes]))));
  const perImage = (x: tf.Tensor) => tf.div(x, n) as tf.Scalar;
  return { loss: perImage(tf.addN([coord, object, noObject, cls])), coord: perImage(coord), object: perImage(object), noObject: perImage(noObject), cls: perImage(cls) };
}

/**
 * Boxes from a grid of predictions (plain numbers, [n, S, S, 5B + C] row-major): each box's
 * class-specific confidence Ĉ·p̂(c) for every class, kept above the score threshold, then
 * per-class non-maximum suppression.
 */
export function decodeYolo(data: ArrayLike<number>, n: number, c: YoloConfig, overrides: { scoreThreshold?: number; iouThreshold?: number; maxDetections?: number } = {}): Detection[][] {
  const S = c.gridSize;
  const D = cellDepth(c);
  const threshold = overrides.scoreThreshold ?? c.scoreThreshold;
  const out: Detection[][] = [];
  for (let i = 0; i < n; i++) {
    const found: Detection[] = [];
    for (let row = 0; row < S; row++) {
      for (let col = 0; col < S; col++) {
        const o = ((i * S + row) * S + col) * D;
        for (let b = 0; b < c.boxesPerCell; b++) {
          const p = o + 5 * b;
          const cx = (col + data[p]!) / S;
          const cy = (row + data[p + 1]!) / S;
          const w = c.sqrtWidthHeight ? data[p + 2]! ** 2 : Math.max(0, data[p + 2]!);
          const h = c.sqrtWidthHeight ? data[p + 3]! ** 2 : Math.max(0, data[p + 3]!);
          for (let k = 0; k < c.classes; k++) {
            const score = data[p + 4]! * data[o + 5 * c.boxesPerCell + k]!;
            if (score > threshold) found.push({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2, score, cls: k });
          }
        }
      }
    }
    out.push(nms(found, { iouThreshold: overrides.iouThreshold ?? c.nmsIouThreshold, topKPerClass: 200, maxDetections: overrides.maxDetections ?? 100 }));
  }
  return out;
}
