/**
 * The Keras training of the detection recipes, following runtime/detection:
 *   yolo  YOLO v1's targets (yolo_targets, numpy, once for the whole dataset) and the paper's
 *         sum-squared loss per image (yolo_losses);
 *   ssd   default boxes, the paper's matching and encoding (numpy, once), and the multibox
 *         loss with hard negative mining, normalised by the positives of the whole global batch.
 * Settings come from training.options with the runtime's defaults; the printed functions are
 * in keras-training-detection-py.ts.
 */
import type { TrainingSpec } from "../core/document.js";
import { pyLiteral, pyString } from "./literal.js";
import type { PlannedNetwork } from "./plan.js";
import { INDENT, OUTPUTS_OF_LINES, TRAIN_STEP_LINES, listOption, noTraining, oneNetworkMain, type PyTraining } from "./keras-training-common.js";
import { boolOption, numberOption } from "./training-options.js";
import { SSD_LINES, YOLO_LINES } from "./keras-training-detection-py.js";

const I2 = INDENT + INDENT;
const COMMON = ["outputs_of", "distributed_train_step"];
const BOXES_HELP = "boxes (n x M x 4: x0, y0, x1, y1 as fractions of the image side) and box_classes (n x M: class ids, -1 for an empty row)";

/** The one output a detection loss is on, with its index and weight. */
function lossOn(t: TrainingSpec, net: PlannedNetwork, loss: string): { index: number; nodeId: string; weight: number } | undefined {
  const terms = t.losses.filter((l) => l.loss === loss);
  const index = terms.length === 1 ? net.outputs.findIndex((o) => o.nodeId === terms[0]!.output) : -1;
  return index < 0 ? undefined : { index, nodeId: terms[0]!.output, weight: terms[0]!.weight };
}

const classesOf = (t: TrainingSpec): number => numberOption(t, "classes", 20);

export function yoloPy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const out = lossOn(t, net, "yoloV1");
  if (net.inputs.length !== 1 || !out) return noTraining(`the yolo recipe needs network '${net.id}' to take one image and exactly one yoloV1 loss on one of its outputs, so the script has no training`);
  if (t.options?.["cellLayout"] !== undefined && t.options["cellLayout"] !== "boxes-then-classes") return noTraining(`the yolo recipe reads cells as "boxes-then-classes", not ${JSON.stringify(t.options["cellLayout"])}, so the script has no training`);
  const image = net.inputs[0]!.nodeId;
  const lines = [
    "# The yolo recipe's settings (training.options; the runtime's defaults where unset).",
    `GRID_SIZE = ${pyLiteral(numberOption(t, "gridSize", 7))}  # S: the output is an S×S grid`,
    `BOXES_PER_CELL = ${pyLiteral(numberOption(t, "boxesPerCell", 2))}  # B: each cell holds B × (x, y, w, h, confidence), then the class probabilities`,
    `CLASSES = ${pyLiteral(classesOf(t))}`,
    `LAMBDA_COORD = ${pyLiteral(numberOption(t, "lambdaCoord", 5))}`,
    `LAMBDA_NOOBJ = ${pyLiteral(numberOption(t, "lambdaNoobj", 0.5))}`,
    `SQRT_WIDTH_HEIGHT = ${pyLiteral(boolOption(t, "sqrtWidthHeight", true))}  # the network regresses √w, √h`,
    `LOSS_WEIGHT = ${pyLiteral(out.weight)}  # the yoloV1 loss's weight on '${out.nodeId}'`,
    "",
    "",
    ...OUTPUTS_OF_LINES,
    "",
    "",
    ...YOLO_LINES,
    "",
    "",
    "def yolo_step_losses(model, batch, training=False):",
    `${INDENT}"""This replica's share of the batch's losses: per image, averaged over the global batch."""`,
    `${INDENT}images, obj, coords, corners, classes = batch`,
    `${INDENT}parts = yolo_losses(outputs_of(model, images, training)[${out.index}], obj, coords, corners, classes)`,
    `${INDENT}losses = {"loss": LOSS_WEIGHT * tf.nn.compute_average_loss(tf.add_n(list(parts.values())))}`,
    `${INDENT}losses.update({name: tf.nn.compute_average_loss(value) for name, value in parts.items()})`,
    `${INDENT}return losses`,
    "",
    "",
    ...TRAIN_STEP_LINES,
  ];
  const prepare = ["data = np.load(args.data)", `examples = (data[${pyString(image)}].astype(np.float32), *yolo_targets(data["boxes"], data["box_classes"]))`];
  return {
    lines, main: oneNetworkMain(t, net.id, prepare, "yolo_step_losses"), warnings: [],
    names: ["GRID_SIZE", "BOXES_PER_CELL", "CLASSES", "LAMBDA_COORD", "LAMBDA_NOOBJ", "SQRT_WIDTH_HEIGHT", "LOSS_WEIGHT", "yolo_targets", "predictor_iou", "per_image_sum", "yolo_losses", "yolo_step_losses", ...COMMON],
    dataHelp: `an .npz file with arrays named ${image} (images), ${BOXES_HELP}`,
  };
}

/** Extra aspect ratios per feature map, as ssdConfig reads them ("2|2,3|2,3|2"); undefined when they do not parse. */
function ratios(t: TrainingSpec, maps: number): number[][] | undefined {
  const v = t.options?.["aspectRatios"];
  if (v === undefined) return Array.from({ length: maps }, () => [2]);
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
  const groups = text.split("|").map((g) => (g.trim() === "" ? [] : g.split(",").map((s) => Number(s.trim()))));
  return groups.length === maps && groups.every((g) => g.every((r) => Number.isFinite(r) && r > 0)) ? groups : undefined;
}

export function ssdPy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const conf = lossOn(t, net, "ssdConfidence");
  const loc = lossOn(t, net, "ssdLocalization");
  if (net.inputs.length !== 1 || !conf || !loc) return noTraining(`the ssd recipe needs network '${net.id}' to take one image, with one ssdConfidence and one ssdLocalization loss on its outputs, so the script has no training`);
  const maps = listOption(t, "featureMaps", "");
  const aspect = maps && ratios(t, maps.length);
  const scales = t.options?.["scales"] !== undefined ? listOption(t, "scales", "") : undefined;
  const variances = listOption(t, "boxVariances", "0.1,0.1,0.2,0.2");
  if (!maps || !aspect || variances?.length !== 4 || (scales && scales.length !== maps.length && scales.length !== maps.length + 1)) {
    return noTraining(`the ssd recipe's training.options (featureMaps, aspectRatios, scales, boxVariances) do not describe default boxes the export can write, so the script has no training`);
  }
  const scaleLines = scales
    ? [`SCALES = ${pyLiteral(scales.length === maps.length ? [...scales, 1] : scales, false)}  # training.options.scales: one per map, and one for the last map's second square box`]
    : [
      `MIN_SCALE, MAX_SCALE = ${pyLiteral(numberOption(t, "minScale", 0.2))}, ${pyLiteral(numberOption(t, "maxScale", 0.9))}`,
      "# One scale per map, evenly from MIN_SCALE to MAX_SCALE, and 1 for the last map's second square box.",
      `SCALES = [MIN_SCALE + (MAX_SCALE - MIN_SCALE) * k / max(1, len(FEATURE_MAPS) - 1) for k in range(len(FEATURE_MAPS))] + [1.0]`,
    ];
  const image = net.inputs[0]!.nodeId;
  const lines = [
    "# The ssd recipe's settings (training.options; the runtime's defaults where unset).",
    `CLASSES = ${pyLiteral(classesOf(t))}  # object classes; the class output has one more column, the background`,
    `BACKGROUND_CLASS = ${pyLiteral(numberOption(t, "backgroundClass", 0))}  # the background's column; object class c sits in column c, or c + 1 from it on`,
    `FEATURE_MAPS = ${pyLiteral(maps, false)}  # the side of each feature map the heads read, in head order`,
    `ASPECT_RATIOS = ${pyLiteral(aspect, false)}  # extra ratios per map (1 is always there)`,
    ...scaleLines,
    `IOU_THRESHOLD = ${pyLiteral(numberOption(t, "iouThreshold", 0.5))}`,
    `NEGATIVES_PER_POSITIVE = ${pyLiteral(numberOption(t, "negativesPerPositive", 3))}`,
    `BOX_VARIANCES = ${pyLiteral(variances, false)}`,
    `CONFIDENCE_WEIGHT = ${pyLiteral(conf.weight)}  # the ssdConfidence loss's weight on '${conf.nodeId}'`,
    `LOCALIZATION_WEIGHT = ${pyLiteral(loc.weight)}  # the ssdLocalization loss's weight on '${loc.nodeId}' (the paper's α)`,
    "",
    "",
    ...OUTPUTS_OF_LINES,
    "",
    "",
    ...SSD_LINES,
    "",
    "",
    "def ssd_step_losses(model, batch, training=False):",
    `${INDENT}"""This replica's share of the batch's losses. N_pos counts the positives of the whole global batch, so every`,
    `${INDENT}replica divides by the same count and the shares add up to the batch's loss."""`,
    `${INDENT}images, labels, target_offsets = batch`,
    `${INDENT}outputs = outputs_of(model, images, training)`,
    `${INDENT}confidence, localization, positives = multibox_losses(outputs[${conf.index}], outputs[${loc.index}], labels, target_offsets)`,
    `${INDENT}all_positives = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, positives)`,
    `${INDENT}count = tf.maximum(all_positives, 1.0)`,
    `${INDENT}confidence, localization = tf.reduce_sum(confidence) / count, tf.reduce_sum(localization) / count`,
    `${INDENT}return {`,
    `${I2}"loss": CONFIDENCE_WEIGHT * confidence + LOCALIZATION_WEIGHT * localization,`,
    `${I2}${pyString(`${conf.nodeId}_loss`)}: confidence,`,
    `${I2}${pyString(`${loc.nodeId}_loss`)}: localization,`,
    `${INDENT}}`,
    "",
    "",
    ...TRAIN_STEP_LINES,
  ];
  const prepare = [
    "data = np.load(args.data)",
    `examples = (data[${pyString(image)}].astype(np.float32), *ssd_targets(data["boxes"], data["box_classes"], default_boxes()))`,
  ];
  return {
    lines, main: oneNetworkMain(t, net.id, prepare, "ssd_step_losses"), warnings: [],
    names: [
      "CLASSES", "BACKGROUND_CLASS", "FEATURE_MAPS", "ASPECT_RATIOS", "MIN_SCALE", "MAX_SCALE", "SCALES", "IOU_THRESHOLD", "NEGATIVES_PER_POSITIVE", "BOX_VARIANCES",
      "CONFIDENCE_WEIGHT", "LOCALIZATION_WEIGHT", "default_boxes", "corners_of", "box_iou", "ssd_encode", "ssd_match", "ssd_targets", "mine_negatives", "multibox_losses", "ssd_step_losses", ...COMMON,
    ],
    dataHelp: `an .npz file with arrays named ${image} (images), ${BOXES_HELP}`,
  };
}
