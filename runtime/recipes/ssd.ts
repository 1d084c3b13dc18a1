/**
 * SSD training: the multibox loss (runtime/detection/ssd-loss.ts) with the confidence part on
 * the output that carries ssdConfidence (softmax probabilities, one row per default box) and the
 * localization part on the one that carries ssdLocalization (4 offsets per default box), each
 * times its loss weight (the paper's α on localization). Default boxes come from featureMaps,
 * aspectRatios and minScale/maxScale (or scales); matching from iouThreshold and boxVariances;
 * hard negative mining from negativesPerPositive.
 */
import { oneNetworkRecipe } from "./one-network.js";
import { SSD_CONFIDENCE_LOSS, SSD_LOCALIZATION_LOSS } from "../detection/detect.js";
import { fromCenter } from "../detection/boxes.js";
import { defaultBoxes, SSD_OPTIONS, ssdConfig, ssdTargets } from "../detection/ssd.js";
import { ssdLoss } from "../detection/ssd-loss.js";
import type { Batch } from "../data/types.js";
import * as tf from "../tf.js";
import { TrainingError } from "../train/errors.js";
import { makeOptimizer } from "../train/optimizers.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import type { UpdateGroup } from "../train/update.js";
import { detectionSetup, expectShape, extras, lossOutput, onlyLosses } from "./detection-data.js";

function prepare(ctx: RecipeContext): PreparedRecipe {
  const setup = detectionSetup(ctx, "ssd");
  onlyLosses(ctx, [SSD_CONFIDENCE_LOSS, SSD_LOCALIZATION_LOSS], "ssd");
  const conf = lossOutput(ctx, SSD_CONFIDENCE_LOSS, "ssd");
  const loc = lossOutput(ctx, SSD_LOCALIZATION_LOSS, "ssd");
  const config = ssdConfig(ctx.settings.options, setup.datasetClasses);
  if (config.classes !== setup.datasetClasses) {
    throw new TrainingError("bad-settings", `training.options.classes is ${config.classes}, but ${ctx.dataset.id} has ${setup.datasetClasses} classes; set classes to ${setup.datasetClasses}.`);
  }
  const anchors = defaultBoxes(config);
  const corners = anchors.map(fromCenter);
  const N = anchors.length;
  const from = `featureMaps "${config.featureMaps.join(",")}" and aspectRatios (${N} default boxes)`;
  expectShape(conf.port, [N, config.classes + 1], `${from} and ${config.classes} classes plus background`);
  expectShape(loc.port, [N, 4], from);
  const model = setup.net.model;
  const group: UpdateGroup = { name: "model", optimizer: makeOptimizer(ctx.settings.optimizer), variables: model.trainableWeights };

  const forward = (batch: Batch, training: boolean) => {
    const outs = ([] as tf.Tensor[]).concat(model.apply(setup.inputs(batch), { training }) as tf.Tensor | tf.Tensor[]);
    const e = extras(batch);
    const targets = ssdTargets(e.boxes, e.classes, batch.size, setup.maxObjects, anchors, corners, config);
    const l = ssdLoss(outs[conf.index]!, outs[loc.index]!, targets, config);
    const total = tf.add(tf.mul(l.confidence, conf.weight), tf.mul(l.localization, loc.weight)) as tf.Scalar;
    return { loss: total, report: [l.confidence, l.localization] };
  };
  return oneNetworkRecipe({
    columns: [
      { name: "loss", kind: "loss", better: "lower" },
      { name: `${conf.port.nodeId}_loss`, kind: "loss", better: "lower" },
      { name: `${loc.port.nodeId}_loss`, kind: "loss", better: "lower" },
    ],
    group, network: setup.net, forward,
    probeInputs: (batch) => [setup.inputs(batch)],
  });
}

export const ssd: Recipe = {
  id: "ssd",
  title: "SSD detection",
  roles: ["model"],
  options: SSD_OPTIONS,
  prepare,
};
