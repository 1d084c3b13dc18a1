/**
 * Supervised training: one network, the dataset's inputs in, one loss per bound output, all
 * against the dataset's target, summed with their weights. tfjs's own compile() ignores
 * lossWeights; here the optimiser minimises Σ wᵢ·lossᵢ computed by us, so GoogLeNet's
 * auxiliary classifiers train at weight 0.3 as in the paper.
 *
 * Options: labelSmoothing (0 to below 1) for categoricalCrossentropy targets.
 */
import { formatShape } from "../../graph-ir/core/shape.js";
import type { CompiledPort } from "../../graph-ir/passes/compile.js";
import { toTensor } from "../data/tensors.js";
import type { Batch, TargetSpec } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { checkInputFits } from "../train/data-check.js";
import { TrainingError } from "../train/errors.js";
import { LOSS_NAMES, lossDef, type LossDef, type TargetForm } from "../train/losses.js";
import { METRIC_NAMES, metricDef, type MetricDef } from "../train/metrics.js";
import { disposeOptimizer, makeOptimizer } from "../train/optimizers.js";
import type { Column, PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { applyUpdate, type UpdateGroup } from "../train/update.js";

/** How the dataset's target becomes what one loss compares with. */
type TargetPrep = "ids" | "one-hot" | "binary" | "values";

interface Term {
  readonly output: string;
  readonly index: number;
  readonly loss: LossDef;
  readonly weight: number;
  readonly prep: TargetPrep;
}

interface MetricTerm {
  readonly term: Term;
  readonly metric: MetricDef;
}

const ACTIVATION_FOR: Partial<Record<string, string>> = { categoricalCrossentropy: "softmax", sparseCategoricalCrossentropy: "softmax", binaryCrossentropy: "sigmoid" };

function known(shape: readonly (number | string)[]): readonly number[] | undefined {
  return shape.every((d): d is number => typeof d === "number") ? (shape as readonly number[]) : undefined;
}

/** Decides how the target feeds one loss, or says why it cannot. */
function targetPrep(form: TargetForm, target: TargetSpec, out: CompiledPort, lossName: string, datasetId: string): TargetPrep {
  const outShape = out.shape.slice(1);
  const units = outShape[outShape.length - 1];
  const lead = outShape.slice(0, -1);
  const sameLead = (s: readonly number[]) => lead.length === s.length && lead.every((d, i) => typeof d !== "number" || d === s[i]);
  const fail = (why: string): never => {
    throw new TrainingError("data-shape", `The ${lossName} loss on '${out.nodeId}' cannot use the targets of ${datasetId}: ${why}.`, out.nodeId);
  };
  if (target.kind === "classes") {
    const k = target.classes;
    if (form === "distribution" || form === "ids") {
      if (units !== k || !sameLead(target.shape)) fail(`the dataset has ${k} classes${target.shape.length ? ` per step (${target.shape.join("×")} steps)` : ""}, so '${out.nodeId}' must give ${[...target.shape, k].join("×")} values per sample, but it gives ${formatShape(outShape)}; set its units to ${k}`);
      return form === "ids" ? "ids" : "one-hot";
    }
    if (units === k && sameLead(target.shape) && k > 1) return "one-hot";
    if (units === 1 && k === 2 && sameLead(target.shape)) return "binary";
    return fail(`the dataset has ${k} classes; give '${out.nodeId}' ${k} units (one per class)${k === 2 ? " or 1 unit (the probability of class 1)" : ""}`);
  }
  if (form === "ids") fail(`it needs class ids, and the dataset's targets are real values of shape ${target.shape.join("×")}; use meanSquaredError or another value loss`);
  const want = known(outShape);
  if (!want || want.length !== target.shape.length || want.some((d, i) => d !== target.shape[i])) {
    fail(`the targets have shape ${target.shape.join("×")} per sample, but '${out.nodeId}' gives ${formatShape(outShape)}`);
  }
  return "values";
}

function outputActivation(net: MaterializedNetwork, out: CompiledPort): string | undefined {
  const layer = net.topology.config.layers.find((l) => l.name === out.layer);
  const a = layer?.config["activation"];
  return typeof a === "string" ? a : undefined;
}

function prepare(ctx: RecipeContext): PreparedRecipe {
  const net = ctx.networks["model"]!;
  const { training, settings, dataset } = ctx;
  const warnings: string[] = [];
  if (net.inputs.length !== 1) {
    throw new TrainingError("data-shape", `The supervised recipe feeds the dataset's samples to one input, but network '${net.id}' has ${net.inputs.length} (${net.inputs.map((i) => i.nodeId).join(", ")}); give it a single Input node.`);
  }
  const input = net.inputs[0]!;
  checkInputFits(dataset, input, net.id);
  const inputLayer = net.topology.config.layers.find((l) => l.name === input.layer);
  const inputDtype = inputLayer?.config["dtype"] === "int32" ? "int32" : "float32";

  if (training.losses.length === 0) throw new TrainingError("bad-settings", `training.losses is empty: name at least one output of network '${net.id}' (${net.outputs.map((o) => o.nodeId).join(", ")}) and its loss.`);
  const terms: Term[] = training.losses.map((t, i) => {
    const loss = lossDef(t.loss);
    if (!loss) throw new TrainingError("bad-settings", `training.losses[${i}] names the loss "${t.loss}", which Layerloom does not have; use one of ${LOSS_NAMES.join(", ")}.`, t.output);
    const index = net.outputs.findIndex((o) => o.nodeId === t.output);
    if (index < 0) throw new TrainingError("bad-settings", `training.losses[${i}] is on '${t.output}', which is not an output of network '${net.id}'; add it to the network's outputs or pick one of ${net.outputs.map((o) => o.nodeId).join(", ")}.`, t.output);
    if (!(t.weight >= 0)) throw new TrainingError("bad-settings", `training.losses[${i}] (on '${t.output}') has weight ${t.weight}; loss weights must be 0 or more.`, t.output);
    const out = net.outputs[index]!;
    const prep = targetPrep(loss.target, dataset.target, out, t.loss, dataset.id);
    const want = ACTIVATION_FOR[loss.id];
    const act = outputActivation(net, out);
    if (want && act !== undefined && act !== want) warnings.push(`The ${t.loss} loss on '${t.output}' expects probabilities, but its activation is ${act}; set it to ${want}.`);
    return { output: t.output, index, loss, weight: t.weight, prep };
  });

  const metrics: MetricTerm[] = [];
  for (const name of training.metrics ?? []) {
    const metric = metricDef(name);
    if (!metric) throw new TrainingError("bad-settings", `training.metrics names "${name}", which Layerloom does not compute; use ${METRIC_NAMES.join(", ")}.`);
    for (const term of terms) metrics.push({ term, metric });
  }
  const labelSmoothing = settings.options["labelSmoothing"] ?? 0;
  if (typeof labelSmoothing !== "number" || !(labelSmoothing >= 0 && labelSmoothing < 1)) {
    throw new TrainingError("bad-settings", `training.options.labelSmoothing is ${JSON.stringify(labelSmoothing)}; it must be a number from 0 to below 1 (typical: 0.1).`);
  }

  const multi = terms.length > 1;
  const columns: Column[] = [
    { name: "loss", kind: "loss", better: "lower" },
    ...(multi ? terms.map((t): Column => ({ name: `${t.output}_loss`, kind: "loss", better: "lower" })) : []),
    ...metrics.map((m): Column => ({ name: multi ? `${m.term.output}_${m.metric.column}` : m.metric.column, kind: "metric", better: m.metric.better })),
  ];
  const model = net.model;
  const group: UpdateGroup = { name: "model", optimizer: makeOptimizer(settings.optimizer), variables: model.trainableWeights };
  const classes = dataset.target.kind === "classes" ? dataset.target.classes : 0;

  const inputs = (batch: Batch): tf.Tensor => {
    const x = toTensor(batch.x);
    return x.dtype === inputDtype ? x : tf.cast(x, inputDtype);
  };
  /** One tensor per target form in use, made once per batch. */
  const targets = (batch: Batch): Map<TargetPrep, tf.Tensor> => {
    const y = toTensor(batch.y);
    const out = new Map<TargetPrep, tf.Tensor>();
    for (const { prep } of terms) {
      if (out.has(prep)) continue;
      if (prep === "one-hot") {
        const hot = tf.cast(tf.oneHot(tf.cast(y, "int32"), classes), "float32");
        out.set(prep, labelSmoothing ? tf.add(tf.mul(hot, 1 - labelSmoothing), labelSmoothing / classes) : hot);
      } else if (prep === "binary") out.set(prep, tf.expandDims(tf.cast(y, "float32"), -1));
      else out.set(prep, y);
    }
    return out;
  };
  const forward = (batch: Batch, training: boolean) => {
    const outs = ([] as tf.Tensor[]).concat(model.apply(inputs(batch), { training }) as tf.Tensor | tf.Tensor[]);
    const ys = targets(batch);
    const losses = terms.map((t) => t.loss.fn(ys.get(t.prep)!, outs[t.index]!));
    const weighted = losses.map((l, i) => (terms[i]!.weight === 1 ? l : tf.mul(l, terms[i]!.weight)));
    const total = (weighted.length === 1 ? weighted[0]! : tf.addN(weighted)) as tf.Scalar;
    const reported = metrics.map((m) => m.metric.fn(ys.get(m.term.prep)!, outs[m.term.index]!, m.term.prep === "ids"));
    return { loss: total, report: [...(multi ? losses : []), ...reported] };
  };

  return {
    columns,
    groups: [group],
    warnings,
    step: (batch, ctx) => applyUpdate(group, () => forward(batch, true), ctx.rules),
    evaluate: (batch) => {
      const r = forward(batch, false);
      return tf.stack([r.loss, ...r.report]) as tf.Tensor1D;
    },
    probe: (batch) => ({ network: net, inputs: [inputs(batch)] }),
    dispose: () => disposeOptimizer(group.optimizer),
  };
}

export const supervised: Recipe = {
  id: "supervised",
  title: "Supervised",
  roles: ["model"],
  options: ["labelSmoothing"],
  prepare,
};

