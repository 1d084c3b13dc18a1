/**
 * What every adversarial recipe (gan, hinge, wgan-clip, wgan-gp, conditional-gan, pix2pix)
 * shares: the D/G update schedule, the two update groups, the columns and one step function.
 * A recipe describes its game as one forward pass (`play`) that returns every column's value;
 * the step differentiates that pass for D, for G, or both, as the schedule says.
 *
 * Schedule (options `alternate`, `dSteps`):
 *   alternate true   each batch updates ONE network: dSteps batches update D, then one batch
 *                    updates G (the course's toy GAN: dSteps 1, D and G on alternate batches);
 *   alternate false  every batch updates D, and every dSteps-th batch also updates G right
 *                    after (Goodfellow et al.'s k, the WGAN papers' n_critic).
 * The phase follows the run's step count, which checkpoints hold, so a resumed run continues
 * the cycle exactly without state of its own.
 *
 * Columns: loss, d_loss, g_loss, then the recipe's own. "loss" (the total the loop needs) is
 * d_loss + g_loss: the sum of what the two optimisers minimise. A GAN has no single objective
 * that falls while it learns (the players pull against each other), so read d_loss and g_loss
 * apart and do not early-stop on "loss". D-side columns come from the step's D update and
 * G-side ones from its G update; a column whose network did not update this step comes from the
 * same forward pass as the update that did run.
 *
 * Learning rates: both groups use training.optimizer; options dLearningRate / gLearningRate
 * replace its rate for one network (the schedule scales them in proportion).
 */
import type { GraphDocument, OptimizerSpec } from "../../graph-ir/core/document.js";
import type { CompiledPort } from "../../graph-ir/passes/compile.js";
import type { Batch } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { TrainingError } from "../train/errors.js";
import { disposeOptimizer, makeOptimizer, setLearningRate } from "../train/optimizers.js";
import type { Column, PreparedRecipe, RecipeContext, StepContext } from "../train/recipe.js";
import type { OptionValue, TrainSettings } from "../train/settings.js";
import { applyUpdate, type UpdateGroup, type UpdateRules } from "../train/update.js";

export const SCHEDULE_OPTIONS = ["alternate", "dSteps", "dLearningRate", "gLearningRate"] as const;

export interface UpdateSchedule {
  readonly alternate: boolean;
  readonly dSteps: number;
}

/** Which networks the step with this run-wide index updates. */
export function phaseOf(step: number, s: UpdateSchedule): { readonly d: boolean; readonly g: boolean } {
  if (s.alternate) {
    const d = step % (s.dSteps + 1) < s.dSteps;
    return { d, g: !d };
  }
  return { d: true, g: step % s.dSteps === s.dSteps - 1 };
}

/** A recipe's own option, checked: a number within a rule, a boolean, or the default. */
export function numberOption(options: Readonly<Record<string, OptionValue>>, key: string, fallback: number, ok: (v: number) => boolean, rule: string, recipe: string): number {
  const v = options[key];
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !ok(v)) throw new TrainingError("bad-settings", `training.options.${key} is ${JSON.stringify(v)}; for the ${recipe} recipe it must be ${rule}.`);
  return v;
}

export function booleanOption(options: Readonly<Record<string, OptionValue>>, key: string, fallback: boolean, recipe: string): boolean {
  const v = options[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new TrainingError("bad-settings", `training.options.${key} is ${JSON.stringify(v)}; for the ${recipe} recipe it must be true or false.`);
  return v;
}

export function readSchedule(settings: TrainSettings, defaults: UpdateSchedule, recipe: string): UpdateSchedule {
  return {
    alternate: booleanOption(settings.options, "alternate", defaults.alternate, recipe),
    dSteps: numberOption(settings.options, "dSteps", defaults.dSteps, (v) => Number.isInteger(v) && v >= 1 && v <= 100, "a whole number of discriminator steps per generator step, from 1 to 100", recipe),
  };
}

/** The layer that sets an output's activation, looking through Flatten and Reshape. */
export function outputActivation(net: MaterializedNetwork, out: CompiledPort): string | undefined {
  const layers = net.topology.config.layers;
  let layer = layers.find((l) => l.name === out.layer);
  for (let hops = 0; layer && (layer.class_name === "Flatten" || layer.class_name === "Reshape") && hops < 8; hops++) {
    const from = layer.inbound_nodes[0]?.[0]?.[0];
    layer = layers.find((l) => l.name === from);
  }
  if (!layer) return undefined;
  const inner = layer.config["layer"] as { config?: Record<string, unknown> } | undefined;
  const a = layer.config["activation"] ?? inner?.config?.["activation"];
  return typeof a === "string" ? a : undefined;
}

/** The discriminator's one output; `want` says which activation the recipe's loss needs. */
export function criticOutput(d: MaterializedNetwork, recipe: string, want: "sigmoid" | "unbounded"): CompiledPort {
  if (d.outputs.length !== 1) {
    throw new TrainingError("data-shape", `The ${recipe} recipe reads one score per sample from the discriminator, but network '${d.id}' has ${d.outputs.length} outputs (${d.outputs.map((o) => o.nodeId).join(", ")}); keep one.`);
  }
  const out = d.outputs[0]!;
  const act = outputActivation(d, out);
  if (want === "sigmoid" && act !== undefined && act !== "sigmoid") {
    throw new TrainingError("data-shape", `The ${recipe} recipe's cross-entropy needs the probability that a sample is real, but the discriminator's output '${out.nodeId}' has activation ${act}; set it to sigmoid.`, out.nodeId);
  }
  if (want === "unbounded" && (act === "sigmoid" || act === "softmax" || act === "tanh")) {
    throw new TrainingError("data-shape", `The ${recipe} recipe needs an unbounded score from the critic, but its output '${out.nodeId}' has activation ${act}; set it to linear.`, out.nodeId);
  }
  return out;
}

const dims = (shape: readonly (number | string)[]): string => shape.join("×");

/** The generator's single output must give samples of the data's shape. */
export function generatorOutput(g: MaterializedNetwork, want: readonly number[], what: string, recipe: string): CompiledPort {
  if (g.outputs.length !== 1) {
    throw new TrainingError("data-shape", `The ${recipe} recipe takes one generated sample per input from the generator, but network '${g.id}' has ${g.outputs.length} outputs (${g.outputs.map((o) => o.nodeId).join(", ")}); keep one.`);
  }
  const out = g.outputs[0]!;
  const shape = out.shape.slice(1);
  if (shape.length !== want.length || shape.some((d, i) => d !== want[i])) {
    throw new TrainingError("data-shape", `The generator's output '${out.nodeId}' gives ${dims(shape)} per sample, but ${what} are ${dims(want)}; change the generator's last layers so it ends in ${dims(want)}.`, out.nodeId);
  }
  return out;
}

/** How a generator input is sampled: the LatentInput node's distribution. */
export function noiseSampler(doc: GraphDocument, port: CompiledPort, netId: string, recipe: string): (batch: number) => tf.Tensor {
  const node = doc.nodes.find((n) => n.id === port.nodeId);
  if (node?.kind !== "LatentInput") {
    throw new TrainingError("data-shape", `The ${recipe} recipe feeds the generator '${netId}' random noise, but its input '${port.nodeId}' is ${node?.kind ?? "not a top-level node"}; make it a Latent noise node.`, port.nodeId);
  }
  const size = port.shape.slice(1).map((d) => (typeof d === "number" ? d : 1));
  return node.params["distribution"] === "uniform" ? (b) => tf.randomUniform([b, ...size], -1, 1) : (b) => tf.randomNormal([b, ...size]);
}

/** The generator's and discriminator's update groups, with their own learning rates. */
export function playerGroups(settings: TrainSettings, g: MaterializedNetwork, d: MaterializedNetwork, recipe: string): { g: UpdateGroup; d: UpdateGroup; gScale: number; dScale: number } {
  if (g === d) throw new TrainingError("bad-settings", `The ${recipe} recipe trains two networks against each other, but training.networks binds "generator" and "discriminator" to the same network '${g.id}'; bind two.`);
  const base = settings.optimizer.learningRate;
  const rate = (key: string) => numberOption(settings.options, key, base, (v) => v > 0 && v < 10, "a learning rate above 0 (typical: 1e-4 to 1e-3)", recipe);
  const spec = (lr: number): OptimizerSpec => ({ ...settings.optimizer, learningRate: lr });
  const gRate = rate("gLearningRate");
  const dRate = rate("dLearningRate");
  return {
    g: { name: "generator", optimizer: makeOptimizer(spec(gRate)), variables: g.model.trainableWeights },
    d: { name: "discriminator", optimizer: makeOptimizer(spec(dRate)), variables: d.model.trainableWeights },
    gScale: gRate / base,
    dScale: dRate / base,
  };
}

/** One model call, as a list of outputs. */
export function run(net: MaterializedNetwork, inputs: tf.Tensor | tf.Tensor[], training: boolean): tf.Tensor {
  const out = net.model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out[0]! : out;
}

/** One forward pass of the game: every column after "loss", in order. */
export type Play = (batch: Batch, training: boolean) => readonly tf.Scalar[];

export interface Game {
  readonly recipe: string;
  readonly g: MaterializedNetwork;
  readonly d: MaterializedNetwork;
  readonly settings: TrainSettings;
  readonly schedule: UpdateSchedule;
  /** Columns after d_loss and g_loss, and which network's update reports each. */
  readonly extra?: readonly { readonly name: string; readonly side: "d" | "g" }[];
  readonly play: Play;
  /** Runs after every D update (WGAN's weight clipping). */
  readonly afterD?: () => void;
  readonly warnings?: readonly string[];
  /** What the loop replays to find where a NaN starts. */
  readonly probe: PreparedRecipe["probe"];
}

const scaled = (r: UpdateRules, scale: number): UpdateRules => (scale === 1 ? r : { ...r, learningRate: r.learningRate * scale });

export function prepareGame(ctx: RecipeContext, game: Game): PreparedRecipe {
  const extra = game.extra ?? [];
  const columns: Column[] = [
    { name: "loss", kind: "loss", better: "lower" },
    { name: "d_loss", kind: "loss", better: "lower" },
    { name: "g_loss", kind: "loss", better: "lower" },
    ...extra.map((e): Column => ({ name: e.name, kind: "loss", better: "lower" })),
  ];
  const sides: ("d" | "g")[] = ["d", "g", ...extra.map((e) => e.side)];
  const groups = playerGroups(game.settings, game.g, game.d, game.recipe);
  const warnings = [...(game.warnings ?? [])];
  const es = ctx.settings.earlyStopping;
  if (es && (es.monitor === undefined || es.monitor === "loss" || es.monitor === "val_loss")) {
    warnings.push(`early stopping watches "${es.monitor ?? "loss"}", the sum of the ${game.recipe} recipe's D and G losses, which does not fall steadily for a GAN; watch g_loss or another column instead`);
  }

  const update = (group: UpdateGroup, scale: number, index: number, rules: UpdateRules, batch: Batch): tf.Scalar[] => {
    setLearningRate(group.optimizer, rules.learningRate * scale);
    const values = applyUpdate(group, () => {
      const v = game.play(batch, true);
      return { loss: v[index]!, report: v };
    }, scaled(rules, scale));
    return tf.unstack(values).slice(1) as tf.Scalar[];
  };

  return {
    columns,
    groups: [groups.g, groups.d],
    warnings,
    step: (batch: Batch, step: StepContext) => {
      const phase = phaseOf(step.step, game.schedule);
      let fromD: tf.Scalar[] | undefined;
      let fromG: tf.Scalar[] | undefined;
      if (phase.d) {
        fromD = update(groups.d, groups.dScale, 0, step.rules, batch);
        game.afterD?.();
      }
      if (phase.g) fromG = update(groups.g, groups.gScale, 1, step.rules, batch);
      const values = sides.map((side, i) => ((side === "d" ? fromD ?? fromG : fromG ?? fromD)!)[i]!);
      return tf.stack([tf.add(values[0]!, values[1]!), ...values]) as tf.Tensor1D;
    },
    evaluate: (batch) => {
      const v = game.play(batch, false);
      return tf.stack([tf.add(v[0]!, v[1]!), ...v]) as tf.Tensor1D;
    },
    probe: game.probe,
    dispose: () => {
      disposeOptimizer(groups.g.optimizer);
      disposeOptimizer(groups.d.optimizer);
    },
  };
}
