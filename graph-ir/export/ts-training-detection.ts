/**
 * Exported TypeScript training for the detection recipes (runtime/recipes/yolo.ts and ssd.ts):
 * the skeleton both print (labelled boxes, the optimizer, one step, the batch loop) filled with
 * one recipe's targets and loss from ts-training-detection-yolo.ts or ts-training-detection-ssd.ts.
 * Data is images as a tensor and, per image, its objects as plain boxes (corners as fractions of
 * the image and a class id), the form the runtime reads from a dataset's boxes/boxClasses extras.
 */
import type { TrainingSpec } from "../core/document.js";
import { commentText } from "./literal.js";
import type { PlannedNetwork } from "./plan.js";
import { HELPER_NAMES, helperLines, noTraining, optimizerExpression, optimizerText, propAccess, propKey, settingsLines, updateLines, type TrainingCode } from "./ts-training-common.js";

type OptionValue = number | string | boolean;

/** One detection recipe, as the pieces the shared skeleton prints. */
export interface Detector {
  /** Comment lines under the training header: the paper and the loss. */
  readonly about: readonly string[];
  /** Settings beyond epochs and batchSize, printed in detectorTraining. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Module-level lines after detectorTraining: targets, loss, their helpers. */
  readonly helpers: readonly string[];
  readonly helperNames: readonly string[];
  /** Body of detectionLosses(model, images, boxes, training); `outputs` holds the model's outputs. */
  readonly losses: readonly string[];
  /** Reported columns after "loss", as the runtime names them. */
  readonly columns: readonly string[];
  /** What the total loss is, for the header and doc comments. */
  readonly total: string;
}

export type DetectorOrWarning = Detector | { readonly warning: string };

/** Reads training.options as the runtime's detection/options.ts does: a value, its default, or why it is refused. */
export class OptionReader {
  problem: string | undefined;
  constructor(private readonly options: Readonly<Record<string, OptionValue>> | undefined) {}
  private refuse(key: string, rule: string, v: unknown): void {
    this.problem ??= `training.options.${key} is ${JSON.stringify(v)}; it ${rule}`;
  }
  number(key: string, fallback: number, ok: (v: number) => boolean, rule: string): number {
    const v = this.options?.[key] ?? fallback;
    if (typeof v !== "number" || !ok(v)) { this.refuse(key, rule, v); return fallback; }
    return v;
  }
  int(key: string, fallback: number, min: number): number {
    return this.number(key, fallback, (v) => Number.isInteger(v) && v >= min, `must be a whole number of at least ${min}`);
  }
  bool(key: string, fallback: boolean): boolean {
    const v = this.options?.[key] ?? fallback;
    if (typeof v !== "boolean") { this.refuse(key, "must be true or false", v); return fallback; }
    return v;
  }
  /** "0.1,0.1,0.2,0.2" -> numbers; a single number is a list of one. */
  list(key: string, fallback: string, rule: string): number[] {
    const v = this.options?.[key] ?? fallback;
    const text = typeof v === "number" ? String(v) : v;
    const parts = typeof text === "string" ? text.split(",").map((s) => s.trim()) : [];
    const nums = parts.map(Number);
    if (typeof text !== "string" || parts.some((s) => s === "") || nums.some((n) => !Number.isFinite(n))) { this.refuse(key, rule, v); return []; }
    return nums;
  }
  raw(key: string): OptionValue | undefined {
    return this.options?.[key];
  }
  fail(message: string): void {
    this.problem ??= message;
  }
}

/** The one output a loss name is on, and its weight, or why there is none (as runtime/recipes/detection-data.ts). */
export function lossOutput(t: TrainingSpec, net: PlannedNetwork, loss: string): { index: number; weight: number; nodeId: string; shape: readonly unknown[] } | string {
  const terms = t.losses.filter((l) => l.loss === loss);
  if (terms.length !== 1) return `needs exactly one ${loss} loss in training.losses; it has ${terms.length}`;
  const index = net.outputs.findIndex((o) => o.nodeId === terms[0]!.output);
  if (index < 0) return `has its ${loss} loss on '${terms[0]!.output}', which is not an output of network '${net.id}'`;
  return { index, weight: terms[0]!.weight, nodeId: terms[0]!.output, shape: net.outputs[index]!.shape.slice(1) };
}

/** The skeleton both detection recipes share, filled with one recipe's targets and loss. */
export function printDetector(t: TrainingSpec, net: PlannedNetwork, found: DetectorOrWarning): TrainingCode {
  if ("warning" in found) return noTraining(`the ${t.recipe} recipe ${found.warning}, so the file has no training function`);
  const d = found;
  if (net.inputs.length !== 1) return noTraining(`the ${t.recipe} recipe feeds images to one input, but network '${net.id}' has ${net.inputs.length}, so the file has no training function`);
  const columns = ["loss", ...d.columns];
  const settings = { epochs: t.epochs, batchSize: t.batchSize, ...d.settings };
  const lines: string[] = [
    `// Training as the document sets it up: recipe "${t.recipe}" on network "${net.id}", dataset "${commentText(t.dataset)}"`,
    `// (bring your own images as a tensor and each image's objects as LabelledBox lists), ${optimizerText(t.optimizer)},`,
    `// batches of ${t.batchSize}, ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}${t.clipNorm !== undefined ? `, gradients clipped to global norm ${t.clipNorm}` : ""}. The loss is ${d.total}.`,
    ...d.about.map((a) => `// ${a}`),
    "",
    ...helperLines(t, d.helpers.some((l) => l.includes("EPSILON"))),
    "",
    `/** The training section's settings and the ${t.recipe} recipe's options (training.options, with the app's defaults filled in). */`,
    ...settingsLines("detectorTraining", settings),
    "",
    `export function makeDetectorOptimizer(): tf.Optimizer {`,
    `  return ${optimizerExpression(t.optimizer)};`,
    "}",
    "",
    `/** One object of an image: its box as corners in fractions of the image side (x0, y0 top left) and its class id (from 0). */`,
    `export interface LabelledBox {`,
    `  readonly x0: number;`,
    `  readonly y0: number;`,
    `  readonly x1: number;`,
    `  readonly y1: number;`,
    `  readonly cls: number;`,
    "}",
    "",
    `/** The objects of each image of a batch: boxes[i] lists image i's objects (none, one or several). */`,
    `export type ImageBoxes = readonly (readonly LabelledBox[])[];`,
    "",
    `/**`,
    ` * f(x) as a constant of the step: which predictions a term looks at is a choice, not something to`,
    ` * differentiate. tfjs has no stopGradient, so a custom gradient passes zeros back to x.`,
    ` */`,
    `function withoutGradient(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor): tf.Tensor {`,
    `  const op = tf.customGrad((input) => ({`,
    `    value: f(input as tf.Tensor),`,
    `    gradFunc: () => tf.zerosLike(input as tf.Tensor),`,
    `  })) as (x: tf.Tensor) => tf.Tensor;`,
    `  return op(x);`,
    "}",
    "",
    ...d.helpers,
    "",
    `/** Every loss column of one forward pass, as the app reports them (the parts per image, unweighted). */`,
    `export interface DetectionLossTensors {`,
    ...columns.map((c) => `  readonly ${propKey(c)}: tf.Scalar;`),
    "}",
    "",
    `export type DetectionLosses = { readonly [K in keyof DetectionLossTensors]: number };`,
    "",
    `/** The loss of a batch: images [n, ...] and each image's objects (n lists). */`,
    `export function detectionLosses(model: tf.LayersModel, images: tf.Tensor, boxes: ImageBoxes, training = true): DetectionLossTensors {`,
    `  const outputs = outputsOf(model, [images], training);`,
    ...d.losses.map((l) => `  ${l}`),
    "}",
    "",
    `function keepAll(losses: DetectionLossTensors): DetectionLossTensors {`,
    `  for (const v of Object.values(losses)) tf.keep(v);`,
    `  return losses;`,
    "}",
    "",
    `/** One update on one batch; returns its loss columns. */`,
    `export function detectorTrainStep(model: tf.LayersModel, optimizer: tf.Optimizer, images: tf.Tensor, boxes: ImageBoxes): DetectionLosses {`,
    `  const variables = trainableVariables(model);`,
    `  // Set inside the gradient scope (and kept past it): the columns of the update's forward pass.`,
    `  let parts = undefined as DetectionLossTensors | undefined;`,
    `  tf.tidy(() => {`,
    `    const lossOfBatch = () => {`,
    `      parts = keepAll(detectionLosses(model, images, boxes));`,
    `      return parts.loss;`,
    `    };`,
    ...updateLines(t, "variables", "optimizer", "lossOfBatch()", "    ").map((l) => l.replace("const { value, grads }", "const { grads }")),
    `  });`,
    `  const losses: DetectionLosses = {`,
    ...columns.map((c) => `    ${propKey(c)}: ${propAccess("parts!", c)}.dataSync()[0]!,`),
    `  };`,
    `  tf.dispose(Object.values(parts!));`,
    `  return losses;`,
    "}",
    "",
    `export interface DetectorTrainOptions {`,
    `  readonly epochs?: number;`,
    `  readonly batchSize?: number;`,
    `  readonly optimizer?: tf.Optimizer;`,
    `  /** Called after each epoch with the mean losses of its batches. */`,
    `  readonly onEpochEnd?: (epoch: number, losses: DetectionLosses) => void;`,
    "}",
    "",
    `/**`,
    ` * Trains network "${net.id}" on images (one row each) and their objects (boxes[i] belongs to image i), in shuffled`,
    ` * batches; returns the mean losses per epoch.`,
    ` */`,
    `export async function trainDetector(model: tf.LayersModel, images: tf.Tensor, boxes: ImageBoxes, options: DetectorTrainOptions = {}): Promise<DetectionLosses[]> {`,
    `  const epochs = options.epochs ?? detectorTraining.epochs;`,
    `  const batchSize = options.batchSize ?? detectorTraining.batchSize;`,
    `  const optimizer = options.optimizer ?? makeDetectorOptimizer();`,
    `  const count = images.shape[0]!;`,
    `  if (boxes.length !== count) {`,
    `    throw new Error(\`trainDetector needs one list of boxes per image: \${count} images, \${boxes.length} lists\`);`,
    `  }`,
    `  const history: DetectionLosses[] = [];`,
    `  for (let epoch = 0; epoch < epochs; epoch++) {`,
    `    const order = Array.from({ length: count }, (_, i) => i);`,
    `    tf.util.shuffle(order);`,
    `    const totals: Record<string, number> = {};`,
    `    let batches = 0;`,
    `    for (let start = 0; start < count; start += batchSize) {`,
    `      const picked = order.slice(start, start + batchSize);`,
    `      const rows = tf.tensor1d(picked, "int32");`,
    `      const batch = tf.gather(images, rows);`,
    `      const losses = detectorTrainStep(model, optimizer, batch, picked.map((i) => boxes[i]!));`,
    `      for (const [k, v] of Object.entries(losses)) totals[k] = (totals[k] ?? 0) + v;`,
    `      batches++;`,
    `      tf.dispose([rows, batch]);`,
    `      await tf.nextFrame();`,
    `    }`,
    `    const mean = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / batches])) as DetectionLosses;`,
    `    history.push(mean);`,
    `    options.onEpochEnd?.(epoch, mean);`,
    `  }`,
    `  return history;`,
    "}",
  ];
  return {
    lines,
    names: ["detectorTraining", "makeDetectorOptimizer", "LabelledBox", "ImageBoxes", "withoutGradient", "DetectionLossTensors", "DetectionLosses", "detectionLosses", "keepAll", "detectorTrainStep", "DetectorTrainOptions", "trainDetector", ...d.helperNames, ...HELPER_NAMES],
    summary: `trainDetector()  trains "${net.id}" with the document's recipe "${t.recipe}" (${d.total})`,
    warnings: [],
  };
}
