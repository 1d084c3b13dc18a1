/**
 * What the yolo and ssd recipes check and read alike: one image input, a dataset with boxes
 * (the `boxes` and `boxClasses` extras, as synthetic:shapes-detect-64 gives), no augmentation
 * that moves pixels (the boxes would not follow), and the batch's boxes as plain arrays.
 */
import { formatShape } from "../../graph-ir/core/shape.js";
import type { CompiledPort } from "../../graph-ir/passes/compile.js";
import { toTensor } from "../data/tensors.js";
import type { Batch } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { checkInputFits } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import type { RecipeContext } from "../train/recipe.js";

export interface DetectionSetup {
  readonly net: MaterializedNetwork;
  readonly maxObjects: number;
  readonly datasetClasses: number;
  inputs(batch: Batch): tf.Tensor;
}

export function detectionSetup(ctx: RecipeContext, recipe: string): DetectionSetup {
  const net = ctx.networks["model"]!;
  const { dataset, settings } = ctx;
  if (net.inputs.length !== 1) {
    throw new TrainingError("data-shape", `The ${recipe} recipe feeds images to one input, but network '${net.id}' has ${net.inputs.length} (${net.inputs.map((i) => i.nodeId).join(", ")}); give it a single Input node.`);
  }
  checkInputFits(dataset, net.inputs[0]!, net.id);
  const boxes = dataset.extras.find((e) => e.name === "boxes");
  const classes = dataset.extras.find((e) => e.name === "boxClasses");
  if (!boxes || !classes || boxes.shape.length !== 2 || boxes.shape[1] !== 4 || dataset.target.kind !== "classes") {
    throw new TrainingError("data-shape", `The ${recipe} recipe trains on bounding boxes, and ${dataset.id} has none; choose a detection dataset such as synthetic:shapes-detect-64.`);
  }
  const a = settings.augment;
  if (a && (a.flip || a.cropPadding !== undefined || a.scaleTranslate)) {
    throw new TrainingError("bad-settings", `The ${recipe} recipe cannot use flips, crops, scaling or translation (training.options.augment, augmentFlip, augmentCropPadding, augmentScale, augmentTranslate): they move the objects but not their boxes. Remove them; colour changes (augmentHue, augmentSaturation, augmentValue) are fine.`);
  }
  return {
    net,
    maxObjects: boxes.shape[0]!,
    datasetClasses: dataset.target.classes,
    inputs: (batch) => toTensor(batch.x),
  };
}

/** The one output a loss name is on, or an error naming what to add. */
export function lossOutput(ctx: RecipeContext, loss: string, recipe: string): { port: CompiledPort; index: number; weight: number } {
  const net = ctx.networks["model"]!;
  const terms = ctx.training.losses.filter((l) => l.loss === loss);
  if (terms.length !== 1) {
    throw new TrainingError("bad-settings", `The ${recipe} recipe needs exactly one ${loss} loss in training.losses, on one of ${net.outputs.map((o) => `'${o.nodeId}'`).join(", ")}; it has ${terms.length}.`);
  }
  const term = terms[0]!;
  const index = net.outputs.findIndex((o) => o.nodeId === term.output);
  if (index < 0) throw new TrainingError("bad-settings", `The ${loss} loss is on '${term.output}', which is not an output of network '${net.id}'; pick one of ${net.outputs.map((o) => o.nodeId).join(", ")}.`, term.output);
  if (!(term.weight >= 0)) throw new TrainingError("bad-settings", `The ${loss} loss on '${term.output}' has weight ${term.weight}; loss weights must be 0 or more.`, term.output);
  return { port: net.outputs[index]!, index, weight: term.weight };
}

/** Refuses losses the recipe does not compute. */
export function onlyLosses(ctx: RecipeContext, allowed: readonly string[], recipe: string): void {
  for (const t of ctx.training.losses) {
    if (!allowed.includes(t.loss)) throw new TrainingError("bad-settings", `The ${recipe} recipe computes ${allowed.join(" and ")}; training.losses also names "${t.loss}" on '${t.output}'. Remove it.`, t.output);
  }
}

/** Checks an output's per-sample shape; `what` explains where the expected sizes come from. */
export function expectShape(port: CompiledPort, want: readonly number[], what: string): void {
  const got = port.shape.slice(1);
  if (got.length !== want.length || got.some((d, i) => d !== want[i])) {
    throw new TrainingError("data-shape", `'${port.nodeId}' gives ${formatShape(got)} per image, but ${what} need ${want.join("×")}; change its size or the options.`, port.nodeId);
  }
}

export function extras(batch: Batch): { boxes: Float32Array | Int32Array; classes: Float32Array | Int32Array } {
  const b = batch.extras["boxes"];
  const c = batch.extras["boxClasses"];
  if (!b || !c) throw new TrainingError("data-shape", "A batch reached a detection recipe without its boxes; the dataset must give the boxes and boxClasses extras.");
  return { boxes: b.data, classes: c.data };
}
