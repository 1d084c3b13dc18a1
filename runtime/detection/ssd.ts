/**
 * SSD (Liu et al. 2016): default boxes on several feature maps, matching to ground truth, and
 * decoding. Default boxes are laid out in the order the multibox heads' reshaped rows come in:
 * map by map, row by row, column by column, and at each position: the square box of the map's
 * scale s_k, the square box of scale √(s_k·s_k+1), then for each extra aspect ratio r the boxes
 * (s_k√r × s_k/√r) and (s_k/√r × s_k√r). Scales spread evenly from minScale to maxScale over the
 * maps (s_m+1 = 1), or are given outright by `scales`.
 *
 * The class output has one column per object class plus background (`backgroundClass`, 0 by
 * default); object class c sits in column c, or c + 1 from the background column on.
 */
import { TrainingError } from "../train/errors.js";
import { decode, encode, fromCenter, iou, truthsOf, type Box, type CenterBox, type TruthBox, type Variances } from "./boxes.js";
import { nms, type Detection } from "./nms.js";
import { intOption, listOption, numberOption, type Options } from "./options.js";

export interface SsdConfig {
  readonly classes: number;
  readonly backgroundClass: number;
  readonly featureMaps: readonly number[];
  /** Extra ratios per map (1 is always there). */
  readonly aspectRatios: readonly (readonly number[])[];
  /** One scale per map and one more for the last map's second square box. */
  readonly scales: readonly number[];
  readonly iouThreshold: number;
  readonly negativesPerPositive: number;
  readonly variances: Variances;
  readonly scoreThreshold: number;
  readonly nmsIouThreshold: number;
}

export const SSD_OPTIONS = [
  "classes", "backgroundClass", "featureMaps", "aspectRatios", "minScale", "maxScale", "scales",
  "iouThreshold", "negativesPerPositive", "boxVariances", "scoreThreshold", "nmsIouThreshold",
] as const;

const bad = (key: string, message: string): never => {
  throw new TrainingError("bad-settings", `training.options.${key} ${message}.`);
};

function parseRatios(o: Options, maps: number): number[][] {
  const v = o["aspectRatios"];
  if (v === undefined) return Array.from({ length: maps }, () => [2]);
  const text = typeof v === "number" ? String(v) : v;
  if (typeof text !== "string") return bad("aspectRatios", `is ${JSON.stringify(v)}; write the extra ratios of each map separated by "|", and ratios within a map by ",", e.g. "2|2,3|2,3|2"`);
  const groups = text.split("|").map((g) => (g.trim() === "" ? [] : g.split(",").map((s) => Number(s.trim()))));
  if (groups.length !== maps) bad("aspectRatios", `has ${groups.length} groups but featureMaps lists ${maps} maps; give one group per map, separated by "|"`);
  if (groups.some((g) => g.some((r) => !Number.isFinite(r) || r <= 0))) bad("aspectRatios", `is "${text}"; every ratio must be a number above 0 (typical: 2 and 3)`);
  return groups;
}

export function ssdConfig(o: Options, datasetClasses?: number): SsdConfig {
  const classes = intOption(o, "classes", datasetClasses ?? 20, 1, "the dataset's number of classes");
  const backgroundClass = intOption(o, "backgroundClass", 0, 0, "0");
  if (backgroundClass > classes) bad("backgroundClass", `is ${backgroundClass}, but the class output has only ${classes + 1} columns (classes + background); use 0`);
  const featureMaps = listOption(o, "featureMaps", "", 'must list the side of each feature map the heads read, in head order, e.g. "8,4,2,1"');
  if (featureMaps.some((f) => !Number.isInteger(f) || f < 1)) bad("featureMaps", "must list whole numbers of at least 1");
  const m = featureMaps.length;
  let scales: number[];
  if (o["scales"] !== undefined) {
    scales = listOption(o, "scales", "", `must list ${m} or ${m + 1} scales, e.g. "0.2,0.4,0.6,0.8"`);
    if (scales.length === m) scales.push(1);
    if (scales.length !== m + 1 || scales.some((s) => !(s > 0))) bad("scales", `must list ${m} (or ${m + 1}) scales above 0, one per feature map`);
  } else {
    const unit = (v: number) => v > 0 && v <= 1;
    const lo = numberOption(o, "minScale", 0.2, unit, "must be above 0 and at most 1 (the paper: 0.2)");
    const hi = numberOption(o, "maxScale", 0.9, (v) => unit(v) && v >= lo, `must be from minScale (${lo}) to 1 (the paper: 0.9)`);
    scales = Array.from({ length: m }, (_, k) => (m === 1 ? lo : lo + ((hi - lo) * k) / (m - 1)));
    scales.push(1);
  }
  const variances = listOption(o, "boxVariances", "0.1,0.1,0.2,0.2", 'must be four numbers above 0, e.g. "0.1,0.1,0.2,0.2"');
  if (variances.length !== 4 || variances.some((v) => !(v > 0))) bad("boxVariances", 'must be four numbers above 0, e.g. "0.1,0.1,0.2,0.2"');
  const unit = (v: number) => v >= 0 && v <= 1;
  return {
    classes, backgroundClass, featureMaps, scales,
    aspectRatios: parseRatios(o, m),
    iouThreshold: numberOption(o, "iouThreshold", 0.5, unit, "must be from 0 to 1 (the paper: 0.5)"),
    negativesPerPositive: numberOption(o, "negativesPerPositive", 3, (v) => v >= 0, "must be 0 or more (the paper: 3)"),
    variances: variances as unknown as Variances,
    scoreThreshold: numberOption(o, "scoreThreshold", 0.01, unit, "must be from 0 to 1 (typical: 0.01)"),
    nmsIouThreshold: numberOption(o, "nmsIouThreshold", 0.45, unit, "must be from 0 to 1 (the paper: 0.45)"),
  };
}

export const boxesPerPosition = (c: SsdConfig, map: number): number => 2 + 2 * c.aspectRatios[map]!.length;

/** Every default box, in the heads' row order. */
export function defaultBoxes(c: SsdConfig): CenterBox[] {
  const out: CenterBox[] = [];
  c.featureMaps.forEach((f, k) => {
    const s = c.scales[k]!;
    const shapes: [number, number][] = [[s, s], [Math.sqrt(s * c.scales[k + 1]!), Math.sqrt(s * c.scales[k + 1]!)]];
    for (const r of c.aspectRatios[k]!) shapes.push([s * Math.sqrt(r), s / Math.sqrt(r)], [s / Math.sqrt(r), s * Math.sqrt(r)]);
    for (let y = 0; y < f; y++) for (let x = 0; x < f; x++) for (const [w, h] of shapes) out.push({ cx: (x + 0.5) / f, cy: (y + 0.5) / f, w, h });
  });
  return out;
}

/** The column of the class output that holds object class `cls`. */
export const columnOf = (c: SsdConfig, cls: number): number => (cls >= c.backgroundClass ? cls + 1 : cls);
export const classOfColumn = (c: SsdConfig, col: number): number => (col > c.backgroundClass ? col - 1 : col);

export interface Match {
  /** Column of the class output each default box should predict (background where unmatched). */
  readonly labels: Int32Array;
  /** Encoded offsets to the matched box (zeros where unmatched). */
  readonly offsets: Float32Array;
  readonly positives: number;
}

/**
 * The paper's matching: each ground-truth box takes the default box that overlaps it most, then
 * every default box whose best overlap is at least the threshold takes that ground truth.
 */
export function matchBoxes(anchors: readonly CenterBox[], truths: readonly TruthBox[], c: SsdConfig, corners: readonly Box[] = anchors.map(fromCenter)): Match {
  const N = anchors.length;
  const best = new Int32Array(N).fill(-1);
  const bestIou = new Float32Array(N);
  truths.forEach((t, j) => {
    for (let a = 0; a < N; a++) {
      const o = iou(corners[a]!, t);
      if (o > bestIou[a]!) {
        bestIou[a] = o;
        best[a] = j;
      }
    }
  });
  const forced = new Set<number>();
  truths.forEach((t, j) => {
    let arg = -1;
    let top = -1;
    for (let a = 0; a < N; a++) {
      const o = iou(corners[a]!, t);
      if (o > top && !forced.has(a)) {
        top = o;
        arg = a;
      }
    }
    if (arg >= 0) {
      forced.add(arg);
      best[arg] = j;
      bestIou[arg] = 1;
    }
  });
  const labels = new Int32Array(N).fill(c.backgroundClass);
  const offsets = new Float32Array(N * 4);
  let positives = 0;
  for (let a = 0; a < N; a++) {
    if (best[a]! < 0 || bestIou[a]! < c.iouThreshold) continue;
    const t = truths[best[a]!]!;
    labels[a] = columnOf(c, t.cls);
    offsets.set(encode(t, anchors[a]!, c.variances), a * 4);
    positives++;
  }
  return { labels, offsets, positives };
}

export interface SsdTargets {
  readonly n: number;
  readonly labels: Int32Array;
  readonly offsets: Float32Array;
  readonly positive: Float32Array;
}

export function ssdTargets(boxes: ArrayLike<number>, boxClasses: ArrayLike<number>, n: number, maxObjects: number, anchors: readonly CenterBox[], corners: readonly Box[], c: SsdConfig): SsdTargets {
  const N = anchors.length;
  const t = { n, labels: new Int32Array(n * N), offsets: new Float32Array(n * N * 4), positive: new Float32Array(n * N) };
  for (let i = 0; i < n; i++) {
    const truths = truthsOf(boxes, boxClasses, i, maxObjects);
    for (const b of truths) if (b.cls >= c.classes) throw new TrainingError("data-shape", `A box of class ${b.cls} reached the ssd recipe, which has training.options.classes ${c.classes}; set classes to the dataset's number of classes.`);
    const m = matchBoxes(anchors, truths, c, corners);
    t.labels.set(m.labels, i * N);
    t.offsets.set(m.offsets, i * N * 4);
    for (let a = 0; a < N; a++) t.positive[i * N + a] = m.labels[a] === c.backgroundClass ? 0 : 1;
  }
  return t;
}

/** Boxes from class probabilities [n, N, K] and offsets [n, N, 4] (plain numbers): score threshold, then per-class NMS. */
export function decodeSsd(probs: ArrayLike<number>, offsets: ArrayLike<number>, n: number, anchors: readonly CenterBox[], c: SsdConfig, overrides: { scoreThreshold?: number; iouThreshold?: number; maxDetections?: number } = {}): Detection[][] {
  const N = anchors.length;
  const K = c.classes + 1;
  const threshold = overrides.scoreThreshold ?? c.scoreThreshold;
  const out: Detection[][] = [];
  for (let i = 0; i < n; i++) {
    const found: Detection[] = [];
    for (let a = 0; a < N; a++) {
      let box: Box | undefined;
      for (let col = 0; col < K; col++) {
        if (col === c.backgroundClass) continue;
        const score = probs[(i * N + a) * K + col]!;
        if (!(score > threshold)) continue;
        box ??= decode([offsets[(i * N + a) * 4]!, offsets[(i * N + a) * 4 + 1]!, offsets[(i * N + a) * 4 + 2]!, offsets[(i * N + a) * 4 + 3]!], anchors[a]!, c.variances);
        found.push({ ...box, score, cls: classOfColumn(c, col) });
      }
    }
    out.push(nms(found, { iouThreshold: overrides.iouThreshold ?? c.nmsIouThreshold, topKPerClass: 200, maxDetections: overrides.maxDetections ?? 100 }));
  }
  return out;
}
