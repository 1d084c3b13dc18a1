/**
 * The seam between the training loop and a recipe. The loop owns epochs, batches, the data
 * order, augmentation, learning-rate schedules, reading values back, NaN/Inf checks, validation,
 * early stopping, checkpoints and progress. A recipe owns what one step computes: its losses,
 * which networks run, which variables each optimiser updates (through applyUpdate, so clipping,
 * weight decay and the non-finite guard are the same for every recipe). Supervised training is
 * one recipe; GAN, WGAN, sequence, word2vec and detection recipes plug in the same way.
 */
import type { GraphDocument, TrainingSpec } from "../../graph-ir/core/document.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import type { Batch, Dataset } from "../data/types.js";
import type * as tf from "../tf.js";
import type { TrainSettings, OptionValue } from "./settings.js";
import type { UpdateGroup, UpdateRules } from "./update.js";

/** One value a step reports; a step's vector holds them in this order. */
export interface Column {
  /** "loss", "aux1_loss", "accuracy", "logits_accuracy": Keras's naming. */
  readonly name: string;
  readonly kind: "loss" | "metric";
  readonly better: "higher" | "lower";
}

export interface RecipeContext {
  readonly doc: GraphDocument;
  readonly training: TrainingSpec;
  readonly settings: TrainSettings;
  /** The networks training binds, by role ("model"; "generator" and "discriminator"). */
  readonly networks: Readonly<Record<string, MaterializedNetwork>>;
  readonly dataset: Dataset;
}

export interface StepContext {
  /** Steps done before this one, over the whole run. */
  readonly step: number;
  readonly epoch: number;
  /** The update rules of this step (the schedule's learning rate is already set on every group's optimiser). */
  readonly rules: UpdateRules;
}

/** What to run to find where a non-finite value starts: a network and its inputs for a batch. */
export interface Probe {
  readonly network: MaterializedNetwork;
  readonly inputs: readonly tf.Tensor[];
}

export interface PreparedRecipe {
  /** The values step() and evaluate() return, in order; the first is the total loss. */
  readonly columns: readonly Column[];
  /** Optimisers and the variables each updates; the loop sets their learning rate and saves their state. */
  readonly groups: readonly UpdateGroup[];
  /** Things the person should know before training (a loss that does not suit an output, ...). */
  readonly warnings: readonly string[];
  /**
   * One training step: updates through applyUpdate and returns the step's values as a vector,
   * not read back. Runs synchronously inside the loop's tf.tidy and seeded random stream.
   */
  step(batch: Batch, ctx: StepContext): tf.Tensor1D;
  /** The same values on held-out data, without updating anything. */
  evaluate(batch: Batch): tf.Tensor1D;
  /** The forward pass that produced a batch's loss, for locating a non-finite value (tensors freed by the caller). */
  probe(batch: Batch): Probe;
  /** Recipe state beyond weights and optimisers (step counters, ...), for checkpoints. */
  state?(): Readonly<Record<string, OptionValue>>;
  restore?(state: Readonly<Record<string, OptionValue>>): void;
  /** Frees the recipe's own tensors and optimisers (not the networks). */
  dispose(): void;
}

export interface Recipe {
  readonly id: string;
  readonly title: string;
  /** Network roles training.networks must bind. */
  readonly roles: readonly string[];
  /** Names in training.options this recipe reads. */
  readonly options: readonly string[];
  /** Checks the bound networks, losses and dataset, and sets up the step; throws TrainingError naming what does not fit. */
  prepare(ctx: RecipeContext): PreparedRecipe;
}
