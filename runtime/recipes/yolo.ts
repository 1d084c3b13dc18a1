/**
 * YOLO v1 training: the paper's sum-squared loss on the grid output (runtime/detection/yolo.ts),
 * boxes from the dataset's `boxes` extra. Options: gridSize, boxesPerCell, classes, cellLayout,
 * lambdaCoord, lambdaNoobj, sqrtWidthHeight, and for reading boxes back scoreThreshold and
 * nmsIouThreshold. The reported parts are per image, unweighted by the loss weight.
 */
import { oneNetworkRecipe } from "./one-network.js";
import { YOLO_LOSS } from "../detection/detect.js";
import { cellDepth, YOLO_OPTIONS, yoloConfig, yoloLoss, yoloTargets } from "../detection/yolo.js";
import * as tf from "../tf.js";
import { makeOptimizer } from "../train/optimizers.js";
import type { Column, PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import type { UpdateGroup } from "../train/update.js";
import { detectionSetup, expectShape, extras, lossOutput, onlyLosses } from "./detection-data.js";
import type { Batch } from "../data/types.js";
import { TrainingError } from "../train/errors.js";

const PARTS = ["coordinate_loss", "object_loss", "no_object_loss", "class_loss"];

function prepare(ctx: RecipeContext): PreparedRecipe {
  const setup = detectionSetup(ctx, "yolo");
  onlyLosses(ctx, [YOLO_LOSS], "yolo");
  const out = lossOutput(ctx, YOLO_LOSS, "yolo");
  const config = yoloConfig(ctx.settings.options, setup.datasetClasses);
  if (config.classes !== setup.datasetClasses) {
    throw new TrainingError("bad-settings", `training.options.classes is ${config.classes}, but ${ctx.dataset.id} has ${setup.datasetClasses} classes; set classes to ${setup.datasetClasses} (and the cell depth of '${out.port.nodeId}' to ${5 * config.boxesPerCell + setup.datasetClasses}).`);
  }
  const S = config.gridSize;
  expectShape(out.port, [S, S, cellDepth(config)], `gridSize ${S}, boxesPerCell ${config.boxesPerCell} and ${config.classes} classes (5·B + C values per cell)`);
  const model = setup.net.model;
  const group: UpdateGroup = { name: "model", optimizer: makeOptimizer(ctx.settings.optimizer), variables: model.trainableWeights };
  const columns: Column[] = [{ name: "loss", kind: "loss", better: "lower" }, ...PARTS.map((name): Column => ({ name, kind: "loss", better: "lower" }))];

  const forward = (batch: Batch, training: boolean) => {
    const outs = ([] as tf.Tensor[]).concat(model.apply(setup.inputs(batch), { training }) as tf.Tensor | tf.Tensor[]);
    const e = extras(batch);
    const l = yoloLoss(outs[out.index]!, yoloTargets(e.boxes, e.classes, batch.size, setup.maxObjects, config), config);
    const total = (out.weight === 1 ? l.loss : tf.mul(l.loss, out.weight)) as tf.Scalar;
    return { loss: total, report: [l.coord, l.object, l.noObject, l.cls] };
  };
  return oneNetworkRecipe({ columns, group, network: setup.net, forward, probeInputs: (batch) => [setup.inputs(batch)] });
}

export const yolo: Recipe = {
  id: "yolo",
  title: "YOLO v1 detection",
  roles: ["model"],
  options: YOLO_OPTIONS,
  prepare,
};
