/**
 * The yolo recipe as exported TypeScript (runtime/detection/yolo.ts, runtime/recipes/yolo.ts):
 * grid targets from the boxes, the responsible predictor chosen by IoU without a gradient, and
 * the paper's sum-squared loss with lambdaCoord, lambdaNoobj and √w, √h, per image.
 */
import type { TrainingSpec } from "../core/document.js";
import type { PlannedNetwork } from "./plan.js";
import { lossOutput, OptionReader, type DetectorOrWarning } from "./ts-training-detection.js";

const PARTS = ["coordinate_loss", "object_loss", "no_object_loss", "class_loss"];

export function yoloDetector(t: TrainingSpec, net: PlannedNetwork): DetectorOrWarning {
  const other = t.losses.find((l) => l.loss !== "yoloV1");
  if (other) return { warning: `computes yoloV1 only, and training.losses also names "${other.loss}" on '${other.output}'` };
  const out = lossOutput(t, net, "yoloV1");
  if (typeof out === "string") return { warning: out };
  const o = new OptionReader(t.options);
  const layout = o.raw("cellLayout") ?? "boxes-then-classes";
  if (layout !== "boxes-then-classes") o.fail(`training.options.cellLayout is ${JSON.stringify(layout)}; only "boxes-then-classes" is read`);
  const S = o.int("gridSize", 7, 1);
  const B = o.int("boxesPerCell", 2, 1);
  const depth = out.shape[2];
  // The runtime takes the dataset's class count by default; the export reads it from the output's depth.
  const C = o.int("classes", typeof depth === "number" ? depth - 5 * B : 20, 1);
  const nonNeg = (v: number) => v >= 0;
  const lambdaCoord = o.number("lambdaCoord", 5, nonNeg, "must be 0 or more (the paper: 5)");
  const lambdaNoobj = o.number("lambdaNoobj", 0.5, nonNeg, "must be 0 or more (the paper: 0.5)");
  const sqrtWidthHeight = o.bool("sqrtWidthHeight", true);
  if (o.problem) return { warning: `cannot read its options (${o.problem})` };
  if (out.shape.length !== 3 || out.shape[0] !== S || out.shape[1] !== S || depth !== 5 * B + C) {
    return { warning: `needs '${out.nodeId}' to give ${S}×${S}×${5 * B + C} per image (gridSize ${S}, 5·${B} box values and ${C} classes per cell), but it gives ${out.shape.join("×")}` };
  }
  const wh = sqrtWidthHeight ? "√w, √h" : "w, h";
  const helpers = [
    `/** Per-batch targets, as the paper assigns them: the cell holding an object's centre is responsible for it. */`,
    `export interface YoloTargets {`,
    `  /** [n, S, S]: 1 where an object's centre falls in the cell. */`,
    `  readonly obj: tf.Tensor;`,
    `  /** [n, S, S, 1, 4]: the centre's x, y offset inside the cell and ${wh}: what the responsible predictor regresses. */`,
    `  readonly coords: tf.Tensor;`,
    `  /** [n, S, S, 1, 4]: the object's corners, for the IoU with each predictor. */`,
    `  readonly corners: tf.Tensor;`,
    `  /** [n, S, S, C]: one-hot class of the cell's object. */`,
    `  readonly classes: tf.Tensor;`,
    "}",
    "",
    `/** Targets for a batch; a later object in a cell replaces an earlier one, as in the paper. */`,
    `export function yoloTargets(boxes: ImageBoxes): YoloTargets {`,
    `  const { gridSize: S, classes: C } = detectorTraining;`,
    `  const n = boxes.length;`,
    `  const obj = new Float32Array(n * S * S);`,
    `  const coords = new Float32Array(n * S * S * 4);`,
    `  const corners = new Float32Array(n * S * S * 4);`,
    `  const classes = new Float32Array(n * S * S * C);`,
    `  boxes.forEach((objects, i) => {`,
    `    for (const b of objects) {`,
    `      if (!(b.cls >= 0 && b.cls < C)) throw new Error(\`a box of class \${b.cls} reached yoloTargets, which knows 0 to \${C - 1}\`);`,
    `      const cx = (b.x0 + b.x1) / 2;`,
    `      const cy = (b.y0 + b.y1) / 2;`,
    `      const col = Math.min(S - 1, Math.floor(cx * S));`,
    `      const row = Math.min(S - 1, Math.floor(cy * S));`,
    `      const cell = (i * S + row) * S + col;`,
    `      const w = b.x1 - b.x0;`,
    `      const h = b.y1 - b.y0;`,
    `      obj[cell] = 1;`,
    `      coords.set([cx * S - col, cy * S - row, ${sqrtWidthHeight ? "Math.sqrt(w), Math.sqrt(h)" : "w, h"}], cell * 4);`,
    `      corners.set([b.x0, b.y0, b.x1, b.y1], cell * 4);`,
    `      classes.fill(0, cell * C, (cell + 1) * C);`,
    `      classes[cell * C + b.cls] = 1;`,
    `    }`,
    `  });`,
    `  return {`,
    `    obj: tf.tensor(obj, [n, S, S]),`,
    `    coords: tf.tensor(coords, [n, S, S, 1, 4]),`,
    `    corners: tf.tensor(corners, [n, S, S, 1, 4]),`,
    `    classes: tf.tensor(classes, [n, S, S, C]),`,
    `  };`,
    "}",
    "",
    `/** IoU of each predicted box [n, S, S, B, 4 as x, y, ${sqrtWidthHeight ? "√w, √h" : "w, h"}] with its cell's object corners [n, S, S, 1, 4]. */`,
    `function predictorIou(xywh: tf.Tensor, corners: tf.Tensor): tf.Tensor {`,
    `  const S = detectorTraining.gridSize;`,
    `  const col = tf.reshape(tf.range(0, S), [1, 1, S, 1]);`,
    `  const row = tf.reshape(tf.range(0, S), [1, S, 1, 1]);`,
    `  const [px, py, pw, ph] = tf.split(xywh, 4, -1).map((x) => tf.squeeze(x, [-1]));`,
    `  const cx = tf.div(tf.add(px!, col), S);`,
    `  const cy = tf.div(tf.add(py!, row), S);`,
    sqrtWidthHeight ? `  const w = tf.square(pw!);` : `  const w = tf.relu(pw!);`,
    sqrtWidthHeight ? `  const h = tf.square(ph!);` : `  const h = tf.relu(ph!);`,
    `  const [tx0, ty0, tx1, ty1] = tf.split(corners, 4, -1).map((x) => tf.squeeze(x, [-1]));`,
    `  const ix = tf.relu(tf.sub(tf.minimum(tf.add(cx, tf.div(w, 2)), tx1!), tf.maximum(tf.sub(cx, tf.div(w, 2)), tx0!)));`,
    `  const iy = tf.relu(tf.sub(tf.minimum(tf.add(cy, tf.div(h, 2)), ty1!), tf.maximum(tf.sub(cy, tf.div(h, 2)), ty0!)));`,
    `  const inter = tf.mul(ix, iy);`,
    `  const union = tf.sub(tf.add(tf.mul(w, h), tf.mul(tf.sub(tx1!, tx0!), tf.sub(ty1!, ty0!))), inter);`,
    `  return tf.div(inter, tf.maximum(union, 1e-9));`,
    "}",
    "",
    `/** The paper's loss and its four parts (coordinates, confidence with and without an object, classes), per image. */`,
    `export interface YoloLoss {`,
    `  readonly loss: tf.Scalar;`,
    `  readonly coord: tf.Scalar;`,
    `  readonly object: tf.Scalar;`,
    `  readonly noObject: tf.Scalar;`,
    `  readonly cls: tf.Scalar;`,
    "}",
    "",
    `/** The loss of a grid of predictions [n, S, S, 5B + C]: B boxes (x, y, ${wh}, confidence) per cell, then the class scores. */`,
    `export function yoloLoss(pred: tf.Tensor, t: YoloTargets): YoloLoss {`,
    `  const { gridSize: S, boxesPerCell: B, classes: C, lambdaCoord, lambdaNoobj } = detectorTraining;`,
    `  const n = pred.shape[0]!;`,
    `  const boxes = tf.reshape(tf.slice(pred, [0, 0, 0, 0], [n, S, S, 5 * B]), [n, S, S, B, 5]);`,
    `  const probs = tf.slice(pred, [0, 0, 0, 5 * B], [n, S, S, C]);`,
    `  const xy = tf.slice(boxes, [0, 0, 0, 0, 0], [n, S, S, B, 2]);`,
    `  const wh = tf.slice(boxes, [0, 0, 0, 0, 2], [n, S, S, B, 2]);`,
    `  const conf = tf.squeeze(tf.slice(boxes, [0, 0, 0, 0, 4], [n, S, S, B, 1]), [-1]);`,
    `  // Of the responsible cell's B predictors, the one overlapping the object most answers for it, with that IoU as its`,
    `  // confidence target; both are constants of this step.`,
    `  const [resp, target] = withoutGradient((b) => {`,
    `    const overlap = predictorIou(tf.slice(b, [0, 0, 0, 0, 0], [n, S, S, B, 4]), t.corners);`,
    `    const mask = tf.mul(tf.oneHot(tf.argMax(overlap, -1), B), tf.expandDims(t.obj, -1));`,
    `    return tf.stack([mask, tf.mul(mask, overlap)]);`,
    `  }, boxes).unstack();`,
    `  const respXY = tf.expandDims(resp!, -1);`,
    `  const sqErr = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(respXY, tf.squaredDifference(a, b)));`,
    `  const targetXY = tf.slice(t.coords, [0, 0, 0, 0, 0], [n, S, S, 1, 2]);`,
    `  const targetWH = tf.slice(t.coords, [0, 0, 0, 0, 2], [n, S, S, 1, 2]);`,
    `  const coord = tf.mul(lambdaCoord, tf.add(sqErr(xy, targetXY), sqErr(wh, targetWH)));`,
    `  const object = tf.sum(tf.mul(resp!, tf.squaredDifference(conf, target!)));`,
    `  const noObject = tf.mul(lambdaNoobj, tf.sum(tf.mul(tf.sub(1, resp!), tf.square(conf))));`,
    `  const cls = tf.sum(tf.mul(tf.expandDims(t.obj, -1), tf.squaredDifference(probs, t.classes)));`,
    `  const perImage = (x: tf.Tensor) => tf.div(x, n) as tf.Scalar;`,
    `  return {`,
    `    loss: perImage(tf.addN([coord, object, noObject, cls])),`,
    `    coord: perImage(coord),`,
    `    object: perImage(object),`,
    `    noObject: perImage(noObject),`,
    `    cls: perImage(cls),`,
    `  };`,
    "}",
  ];
  const weighted = out.weight === 1 ? "l.loss" : `tf.mul(l.loss, ${out.weight}) as tf.Scalar`;
  return {
    about: [
      `YOLO v1 (Redmon et al. 2016): output '${out.nodeId}' is a ${S}×${S} grid; each cell holds ${B} boxes (x, y, ${wh}, confidence),`,
      `then ${C} class scores. The cell holding an object's centre is responsible for it, and of its predictors the one whose`,
      `box overlaps the object most (1ᵒᵇʲ; the others are 1ⁿᵒᵒᵇʲ). Per image, summed over the grid:`,
      `  ${lambdaCoord}·Σ 1ᵒᵇʲ[(x−x̂)² + (y−ŷ)² + (${sqrtWidthHeight ? "√w−√ŵ)² + (√h−√ĥ" : "w−ŵ)² + (h−ĥ"})²] + Σ 1ᵒᵇʲ(IoU−Ĉ)² + ${lambdaNoobj}·Σ 1ⁿᵒᵒᵇʲĈ²`,
      `  + Σ over cells with an object Σ_c (p(c)−p̂(c))²`,
    ],
    settings: { gridSize: S, boxesPerCell: B, classes: C, lambdaCoord, lambdaNoobj, sqrtWidthHeight },
    helpers,
    helperNames: ["YoloTargets", "yoloTargets", "predictorIou", "YoloLoss", "yoloLoss"],
    losses: [
      `const l = yoloLoss(outputs[${out.index}]!, yoloTargets(boxes));`,
      `return { loss: ${weighted}, coordinate_loss: l.coord, object_loss: l.object, no_object_loss: l.noObject, class_loss: l.cls };`,
    ],
    columns: PARTS,
    total: out.weight === 1 ? "YOLO v1's sum-squared loss" : `${out.weight} × YOLO v1's sum-squared loss`,
  };
}
