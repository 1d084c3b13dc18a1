/**
 * The ssd recipe as exported TypeScript (runtime/detection/ssd.ts, boxes.ts, ssd-loss.ts and
 * runtime/recipes/ssd.ts): default boxes in the heads' row order, the paper's matching at the IoU
 * threshold, offsets encoded with the box variances, and the multibox loss with hard negative
 * mining. The exporter resolves the options (scales from minScale/maxScale, aspect ratios per
 * map) into plain numbers, so the file holds the values the runtime trains with.
 */
import type { TrainingSpec } from "../core/document.js";
import type { PlannedNetwork } from "./plan.js";
import { propKey } from "./ts-training-common.js";
import { lossOutput, OptionReader, type DetectorOrWarning } from "./ts-training-detection.js";

/** Extra aspect ratios per map, as ssdConfig reads them ("2|2,3|2"); the default is [2] on every map. */
function ratios(o: OptionReader, maps: number): number[][] {
  const v = o.raw("aspectRatios");
  if (v === undefined) return Array.from({ length: maps }, () => [2]);
  const text = typeof v === "number" ? String(v) : v;
  if (typeof text !== "string") { o.fail(`training.options.aspectRatios is ${JSON.stringify(v)}`); return []; }
  const groups = text.split("|").map((g) => (g.trim() === "" ? [] : g.split(",").map((s) => Number(s.trim()))));
  if (groups.length !== maps) o.fail(`training.options.aspectRatios has ${groups.length} groups but featureMaps lists ${maps} maps`);
  if (groups.some((g) => g.some((r) => !Number.isFinite(r) || r <= 0))) o.fail(`training.options.aspectRatios is "${text}"; every ratio must be above 0`);
  return groups;
}

/** One scale per map and 1 after the last (for its second square box), as ssdConfig computes them. */
function scales(o: OptionReader, m: number): number[] {
  if (o.raw("scales") !== undefined) {
    const s = o.list("scales", "", `must list ${m} or ${m + 1} scales`);
    if (s.length === m) s.push(1);
    if (s.length !== m + 1 || s.some((x) => !(x > 0))) o.fail(`training.options.scales must list ${m} (or ${m + 1}) scales above 0`);
    return s;
  }
  const unit = (v: number) => v > 0 && v <= 1;
  const lo = o.number("minScale", 0.2, unit, "must be above 0 and at most 1");
  const hi = o.number("maxScale", 0.9, (v) => unit(v) && v >= lo, "must be from minScale to 1");
  return [...Array.from({ length: m }, (_, k) => (m === 1 ? lo : lo + ((hi - lo) * k) / (m - 1))), 1];
}

export function ssdDetector(t: TrainingSpec, net: PlannedNetwork): DetectorOrWarning {
  const other = t.losses.find((l) => l.loss !== "ssdConfidence" && l.loss !== "ssdLocalization");
  if (other) return { warning: `computes ssdConfidence and ssdLocalization only, and training.losses also names "${other.loss}" on '${other.output}'` };
  const conf = lossOutput(t, net, "ssdConfidence");
  if (typeof conf === "string") return { warning: conf };
  const loc = lossOutput(t, net, "ssdLocalization");
  if (typeof loc === "string") return { warning: loc };
  const o = new OptionReader(t.options);
  const K = conf.shape[1];
  // The runtime takes the dataset's class count by default; the export reads it from the class output.
  const classes = o.int("classes", typeof K === "number" ? K - 1 : 20, 1);
  const backgroundClass = o.int("backgroundClass", 0, 0);
  if (backgroundClass > classes) o.fail(`training.options.backgroundClass is ${backgroundClass}, past the ${classes + 1} columns`);
  const featureMaps = o.list("featureMaps", "", 'must list the side of each feature map, e.g. "8,4,2,1"');
  if (featureMaps.some((f) => !Number.isInteger(f) || f < 1)) o.fail("training.options.featureMaps must list whole numbers of at least 1");
  const m = featureMaps.length;
  const scaleList = scales(o, m);
  const aspectRatios = ratios(o, m);
  const unit = (v: number) => v >= 0 && v <= 1;
  const variances = o.list("boxVariances", "0.1,0.1,0.2,0.2", "must be four numbers above 0");
  if (variances.length !== 4 || variances.some((v) => !(v > 0))) o.fail("training.options.boxVariances must be four numbers above 0");
  const iouThreshold = o.number("iouThreshold", 0.5, unit, "must be from 0 to 1 (the paper: 0.5)");
  const negativesPerPositive = o.number("negativesPerPositive", 3, (v) => v >= 0, "must be 0 or more (the paper: 3)");
  if (o.problem) return { warning: `cannot read its options (${o.problem})` };
  const N = featureMaps.reduce((sum, f, k) => sum + f * f * (2 + 2 * aspectRatios[k]!.length), 0);
  if (conf.shape.length !== 2 || conf.shape[0] !== N || K !== classes + 1) return { warning: `needs '${conf.nodeId}' to give ${N}×${classes + 1} per image (${N} default boxes, ${classes} classes and background), but it gives ${conf.shape.join("×")}` };
  if (loc.shape.length !== 2 || loc.shape[0] !== N || loc.shape[1] !== 4) return { warning: `needs '${loc.nodeId}' to give ${N}×4 per image (${N} default boxes), but it gives ${loc.shape.join("×")}` };
  const confColumn = `${conf.nodeId}_loss`;
  const locColumn = `${loc.nodeId}_loss`;
  const helpers = [
    `/** A box in centre form: centre and full width and height, as fractions of the image. */`,
    `export interface CenterBox {`,
    `  readonly cx: number;`,
    `  readonly cy: number;`,
    `  readonly w: number;`,
    `  readonly h: number;`,
    "}",
    "",
    `/**`,
    ` * Every default box, in the order the heads' reshaped rows come in: map by map, row by row, column by column, and at`,
    ` * each position the square box of the map's scale s_k, the square box of scale √(s_k·s_k+1), then for each extra`,
    ` * aspect ratio r the boxes (s_k√r × s_k/√r) and (s_k/√r × s_k√r).`,
    ` */`,
    `export function defaultBoxes(): CenterBox[] {`,
    `  const { featureMaps, scales, aspectRatios } = detectorTraining;`,
    `  const out: CenterBox[] = [];`,
    `  featureMaps.forEach((f, k) => {`,
    `    const s = scales[k]!;`,
    `    const between = Math.sqrt(s * scales[k + 1]!);`,
    `    const shapes: [number, number][] = [[s, s], [between, between]];`,
    `    for (const r of aspectRatios[k]!) shapes.push([s * Math.sqrt(r), s / Math.sqrt(r)], [s / Math.sqrt(r), s * Math.sqrt(r)]);`,
    `    for (let y = 0; y < f; y++) {`,
    `      for (let x = 0; x < f; x++) for (const [w, h] of shapes) out.push({ cx: (x + 0.5) / f, cy: (y + 0.5) / f, w, h });`,
    `    }`,
    `  });`,
    `  return out;`,
    "}",
    "",
    `type Corners = Omit<LabelledBox, "cls">;`,
    "",
    `const DEFAULT_BOXES = defaultBoxes();`,
    `/** The default boxes as corners, for the IoU with objects. */`,
    `const DEFAULT_CORNERS: Corners[] = DEFAULT_BOXES.map((a) => ({ x0: a.cx - a.w / 2, y0: a.cy - a.h / 2, x1: a.cx + a.w / 2, y1: a.cy + a.h / 2 }));`,
    "",
    `/** Intersection over union of two boxes given by corners; 0 when they do not overlap. */`,
    `function iou(a: Corners, b: Corners): number {`,
    `  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);`,
    `  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);`,
    `  if (w <= 0 || h <= 0) return 0;`,
    `  const inter = w * h;`,
    `  const area = (c: Corners) => Math.max(0, c.x1 - c.x0) * Math.max(0, c.y1 - c.y0);`,
    `  const union = area(a) + area(b) - inter;`,
    `  return union > 0 ? inter / union : 0;`,
    "}",
    "",
    `/**`,
    ` * The regression target of a box against a default box: the centre shift in units of the default box's size and the`,
    ` * log of the size ratio, each divided by its variance.`,
    ` */`,
    `export function encodeBox(box: LabelledBox, anchor: CenterBox): number[] {`,
    `  const [v0, v1, v2, v3] = detectorTraining.boxVariances;`,
    `  const cx = (box.x0 + box.x1) / 2;`,
    `  const cy = (box.y0 + box.y1) / 2;`,
    `  const w = box.x1 - box.x0;`,
    `  const h = box.y1 - box.y0;`,
    `  return [(cx - anchor.cx) / anchor.w / v0, (cy - anchor.cy) / anchor.h / v1, Math.log(w / anchor.w) / v2, Math.log(h / anchor.h) / v3];`,
    "}",
    "",
    `/**`,
    ` * The paper's matching for one image: each object takes the default box that overlaps it most, then every default box`,
    ` * whose best overlap is at least iouThreshold takes that object. Labels are columns of the class output (object class c`,
    ` * sits in column c, or c + 1 from the background column on); unmatched boxes are background with zero offsets.`,
    ` */`,
    `export function matchBoxes(objects: readonly LabelledBox[]): { labels: Int32Array; offsets: Float32Array } {`,
    `  const { backgroundClass, iouThreshold, classes } = detectorTraining;`,
    `  const N = DEFAULT_BOXES.length;`,
    `  const best = new Int32Array(N).fill(-1);`,
    `  const bestIou = new Float32Array(N);`,
    `  objects.forEach((b, j) => {`,
    `    if (!(b.cls >= 0 && b.cls < classes)) throw new Error(\`a box of class \${b.cls} reached matchBoxes, which knows 0 to \${classes - 1}\`);`,
    `    for (let a = 0; a < N; a++) {`,
    `      const o = iou(DEFAULT_CORNERS[a]!, b);`,
    `      if (o > bestIou[a]!) { bestIou[a] = o; best[a] = j; }`,
    `    }`,
    `  });`,
    `  // Every object keeps at least its best default box (one object per default box).`,
    `  const forced = new Set<number>();`,
    `  objects.forEach((b, j) => {`,
    `    let arg = -1;`,
    `    let top = -1;`,
    `    for (let a = 0; a < N; a++) {`,
    `      const o = iou(DEFAULT_CORNERS[a]!, b);`,
    `      if (o > top && !forced.has(a)) { top = o; arg = a; }`,
    `    }`,
    `    if (arg >= 0) { forced.add(arg); best[arg] = j; bestIou[arg] = 1; }`,
    `  });`,
    `  const labels = new Int32Array(N).fill(backgroundClass);`,
    `  const offsets = new Float32Array(N * 4);`,
    `  for (let a = 0; a < N; a++) {`,
    `    if (best[a]! < 0 || bestIou[a]! < iouThreshold) continue;`,
    `    const b = objects[best[a]!]!;`,
    `    labels[a] = b.cls >= backgroundClass ? b.cls + 1 : b.cls;`,
    `    offsets.set(encodeBox(b, DEFAULT_BOXES[a]!), a * 4);`,
    `  }`,
    `  return { labels, offsets };`,
    "}",
    "",
    `export interface SsdTargets {`,
    `  /** [n, N]: the column of the class output each default box should predict. */`,
    `  readonly labels: tf.Tensor;`,
    `  /** [n, N, 4]: encoded offsets to the matched object (zeros where unmatched). */`,
    `  readonly offsets: tf.Tensor;`,
    `  /** [n, N]: 1 where the default box matched an object. */`,
    `  readonly positive: tf.Tensor2D;`,
    "}",
    "",
    `export function ssdTargets(boxes: ImageBoxes): SsdTargets {`,
    `  const n = boxes.length;`,
    `  const N = DEFAULT_BOXES.length;`,
    `  const labels = new Int32Array(n * N);`,
    `  const offsets = new Float32Array(n * N * 4);`,
    `  const positive = new Float32Array(n * N);`,
    `  boxes.forEach((objects, i) => {`,
    `    const m = matchBoxes(objects);`,
    `    labels.set(m.labels, i * N);`,
    `    offsets.set(m.offsets, i * N * 4);`,
    `    for (let a = 0; a < N; a++) positive[i * N + a] = m.labels[a] === detectorTraining.backgroundClass ? 0 : 1;`,
    `  });`,
    `  return {`,
    `    labels: tf.tensor(labels, [n, N], "int32"),`,
    `    offsets: tf.tensor(offsets, [n, N, 4]),`,
    `    positive: tf.tensor2d(positive, [n, N]),`,
    `  };`,
    "}",
    "",
    `/**`,
    ` * Hard negative mining: 1 for the background boxes kept, per image the negativesPerPositive × positives with the`,
    ` * largest loss (ties by order). Ranks come from two top-k passes: one sorts the losses, the other inverts that order.`,
    ` */`,
    `function mineNegatives(loss: tf.Tensor2D, positive: tf.Tensor2D): tf.Tensor {`,
    `  return withoutGradient((l) => {`,
    `    const N = l.shape[1]!;`,
    `    const negLoss = tf.sub(tf.mul(l, tf.sub(1, positive)), positive); // positives rank last`,
    `    const order = tf.topk(negLoss, N).indices;`,
    `    const rank = tf.topk(tf.neg(tf.cast(order, "float32")), N).indices;`,
    `    const pos = tf.sum(positive, 1, true);`,
    `    const quota = tf.minimum(tf.mul(pos, detectorTraining.negativesPerPositive), tf.sub(N, pos));`,
    `    return tf.mul(tf.cast(tf.less(tf.cast(rank, "float32"), quota), "float32"), tf.sub(1, positive));`,
    `  }, loss);`,
    "}",
    "",
    `/**`,
    ` * The multibox loss (Liu et al. 2016, eq. 1 to 3) for class probabilities [n, N, K] and offsets [n, N, 4]:`,
    ` *   confidence = (Σ_pos −log p(label) + Σ_mined −log p(background)) / N_pos`,
    ` *   localization = Σ_pos smoothL1(offsets − encoded target) / N_pos        (N_pos over the whole batch, at least 1)`,
    ` */`,
    `export function ssdLoss(probs: tf.Tensor, offsets: tf.Tensor, boxes: ImageBoxes): { confidence: tf.Scalar; localization: tf.Scalar } {`,
    `  const t = ssdTargets(boxes);`,
    `  const p = tf.clipByValue(tf.sum(tf.mul(probs, tf.oneHot(t.labels, probs.shape[2]!)), -1), EPSILON, 1);`,
    `  const ce = tf.neg(tf.log(p)) as tf.Tensor2D;`,
    `  const mined = mineNegatives(ce, t.positive);`,
    `  const count = tf.maximum(tf.sum(t.positive), 1);`,
    `  const confidence = tf.div(tf.sum(tf.mul(tf.add(t.positive, mined), ce)), count) as tf.Scalar;`,
    `  const err = tf.abs(tf.sub(offsets, t.offsets));`,
    `  const quad = tf.minimum(err, 1);`,
    `  const smoothL1 = tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(err, quad));`,
    `  const localization = tf.div(tf.sum(tf.mul(tf.expandDims(t.positive, -1), smoothL1)), count) as tf.Scalar;`,
    `  return { confidence, localization };`,
    "}",
  ];
  const term = (x: string, w: number) => (w === 1 ? x : `tf.mul(${x}, ${w})`);
  return {
    about: [
      `SSD (Liu et al. 2016): ${N} default boxes on feature maps ${featureMaps.join(", ")}; '${conf.nodeId}' gives each box's probabilities over`,
      `${classes} classes and background (column ${backgroundClass}), '${loc.nodeId}' its 4 offsets. Boxes overlapping an object by IoU ≥ ${iouThreshold}`,
      `are positives; the ${negativesPerPositive} hardest negatives per positive join the confidence loss.`,
    ],
    settings: { classes, backgroundClass, featureMaps, scales: scaleList, aspectRatios, iouThreshold, negativesPerPositive, boxVariances: variances },
    helpers,
    helperNames: ["CenterBox", "defaultBoxes", "Corners", "DEFAULT_BOXES", "DEFAULT_CORNERS", "iou", "encodeBox", "matchBoxes", "SsdTargets", "ssdTargets", "mineNegatives", "ssdLoss"],
    losses: [
      `const l = ssdLoss(outputs[${conf.index}]!, outputs[${loc.index}]!, boxes);`,
      `const loss = tf.add(${term("l.confidence", conf.weight)}, ${term("l.localization", loc.weight)}) as tf.Scalar;`,
      `return { loss, ${propKey(confColumn)}: l.confidence, ${propKey(locColumn)}: l.localization };`,
    ],
    columns: [confColumn, locColumn],
    total: `${conf.weight} × confidence + ${loc.weight} × localization`,
  };
}
