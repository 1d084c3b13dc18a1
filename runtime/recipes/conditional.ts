/**
 * Conditional GAN (Mirza & Osindero 2014): both networks also see the class label.
 *   G(z, y): inputs are one Latent noise node and one label Input;
 *   D(x, y): inputs are the data Input and one label Input (the same node as G's or its own).
 * Each batch's real labels also label the generated samples, so the labels G is asked for are
 * drawn from the dataset's own class frequencies. Losses as the gan recipe (binary
 * cross-entropy, non-saturating G loss); D ends in a sigmoid. Default schedule: D then G on
 * every batch.
 *
 * A label Input of shape [K] (K = the dataset's classes) gets one-hot rows; one of shape [1]
 * (int32, for an Embedding) or [] gets the class id.
 */
import { formatShape } from "../../graph-ir/core/shape.js";
import type { CompiledPort } from "../../graph-ir/passes/compile.js";
import { toTensor } from "../data/tensors.js";
import type { Batch } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { checkInputFits, fitsShape } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import { LOSSES } from "../train/losses.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { SCHEDULE_OPTIONS, criticOutput, generatorOutput, noiseSampler, prepareGame, readSchedule, run } from "./adversarial.js";

type LabelForm = "one-hot" | "id" | "id-column";

/** How a label input takes the class: from its shape (and dtype). */
function labelForm(net: MaterializedNetwork, port: CompiledPort, classes: number): LabelForm {
  const shape = port.shape.slice(1);
  if (shape.length === 1 && shape[0] === classes) return "one-hot";
  if (shape.length === 1 && shape[0] === 1) return "id-column";
  if (shape.length === 0) return "id";
  throw new TrainingError("data-shape", `The label input '${port.nodeId}' of network '${net.id}' takes ${formatShape(shape)}; a label is a class id (shape [1], int32 for an Embedding) or a one-hot row of the ${classes} classes (shape [${classes}]).`, port.nodeId);
}

function labelTensor(ids: tf.Tensor, form: LabelForm, classes: number, dtype: string): tf.Tensor {
  if (form === "one-hot") return tf.oneHot(tf.cast(ids, "int32") as tf.Tensor1D, classes).toFloat();
  const col = form === "id-column" ? tf.reshape(ids, [-1, 1]) : ids;
  return tf.cast(col, dtype === "int32" ? "int32" : "float32");
}

const dtypeOf = (net: MaterializedNetwork, port: CompiledPort): string => String(net.topology.config.layers.find((l) => l.name === port.layer)?.config["dtype"] ?? "float32");

function prepare(ctx: RecipeContext): PreparedRecipe {
  const recipe = "conditional-gan";
  const g = ctx.networks["generator"]!;
  const d = ctx.networks["discriminator"]!;
  const data = ctx.dataset;
  if (data.target.kind !== "classes" || data.target.shape.length !== 0) {
    throw new TrainingError("data-shape", `The ${recipe} recipe conditions on a class label per sample, but ${data.id} has no class labels; pick a labelled dataset such as synthetic:gaussians or shipped:digits.`);
  }
  const classes = data.target.classes;
  const isNoise = (p: CompiledPort) => ctx.doc.nodes.find((n) => n.id === p.nodeId)?.kind === "LatentInput";
  const noisePorts = g.inputs.filter(isNoise);
  const gLabels = g.inputs.filter((p) => !isNoise(p));
  if (noisePorts.length !== 1 || gLabels.length !== 1) {
    throw new TrainingError("data-shape", `The ${recipe} generator '${g.id}' needs two inputs, one Latent noise node and one label Input, but has ${g.inputs.map((i) => `'${i.nodeId}'`).join(", ")}; add the missing one.`);
  }
  if (d.inputs.length !== 2) {
    throw new TrainingError("data-shape", `The ${recipe} discriminator '${d.id}' needs two inputs, the sample and the label, but has ${d.inputs.length} (${d.inputs.map((i) => i.nodeId).join(", ")}).`);
  }
  // The data input is the one shaped like the samples; the other carries the label.
  const dataIndex = d.inputs.findIndex((p) => fitsShape(data.inputShape, p.shape));
  if (dataIndex < 0) checkInputFits(data, d.inputs[0]!, d.id);
  const dLabel = d.inputs[1 - dataIndex]!;
  const gForm = labelForm(g, gLabels[0]!, classes);
  const dForm = labelForm(d, dLabel, classes);
  const gLabelDtype = dtypeOf(g, gLabels[0]!);
  const dLabelDtype = dtypeOf(d, dLabel);
  const gLabelIndex = g.inputs.indexOf(gLabels[0]!);
  generatorOutput(g, data.inputShape, `the samples of ${data.id}`, recipe);
  criticOutput(d, recipe, "sigmoid");
  const noise = noiseSampler(ctx.doc, noisePorts[0]!, g.id, recipe);
  const bce = LOSSES.binaryCrossentropy.fn;

  const generate = (ids: tf.Tensor, b: number, training: boolean): tf.Tensor => {
    const inputs = [noise(b)];
    inputs.splice(gLabelIndex, 0, labelTensor(ids, gForm, classes, gLabelDtype));
    return run(g, inputs, training);
  };
  const judge = (x: tf.Tensor, ids: tf.Tensor, training: boolean): tf.Tensor => {
    const label = labelTensor(ids, dForm, classes, dLabelDtype);
    return run(d, dataIndex === 0 ? [x, label] : [label, x], training);
  };
  const schedule = readSchedule(ctx.settings, { alternate: false, dSteps: 1 }, recipe);
  return prepareGame(ctx, {
    recipe, g, d, settings: ctx.settings, schedule,
    play: (batch: Batch, training) => {
      const ids = toTensor(batch.y);
      const real = toTensor(batch.x);
      const dReal = judge(real, ids, training);
      const dFake = judge(generate(ids, batch.size, training), ids, training);
      const dLoss = tf.add(bce(tf.onesLike(dReal), dReal), bce(tf.zerosLike(dFake), dFake)) as tf.Scalar;
      return [dLoss, bce(tf.onesLike(dFake), dFake)];
    },
    probe: (batch) => {
      const ids = toTensor(batch.y);
      const label = labelTensor(ids, dForm, classes, dLabelDtype);
      ids.dispose();
      const x = toTensor(batch.x);
      return { network: d, inputs: dataIndex === 0 ? [x, label] : [label, x] };
    },
  });
}

export const conditionalGan: Recipe = {
  id: "conditional-gan",
  title: "Conditional GAN",
  roles: ["generator", "discriminator"],
  options: [...SCHEDULE_OPTIONS],
  prepare,
};
