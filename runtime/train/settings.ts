/**
 * The training section of a graph file, checked and completed: what the loop and the shared
 * update rules need. Settings that are not fields of the section live in `training.options`
 * (flat names, numbers, text or true/false) so the file format stays small:
 *
 *   schedule              "constant" | "step" | "exponential" | "cosine"   (default constant)
 *   scheduleStepEpochs    step: epochs between drops (default 1)
 *   scheduleGamma         step, exponential: factor per drop / per epoch (default 0.1 / 0.95)
 *   scheduleMinLearningRate  cosine: the rate it ends at (default 0)
 *   warmupEpochs          linear warmup at the start, in epochs (default 0)
 *   validationSplit       fraction of the training split held out for validation (default 0)
 *   earlyStoppingPatience stop after this many epochs without improvement (default off)
 *   earlyStoppingMonitor  the value watched (default val_loss with validation, else loss)
 *   earlyStoppingMinDelta smallest change that counts as improvement (default 0)
 *   checkpointEvery       epochs between checkpoints (default 1)
 *   augment               true: random crop (padding 1/8 of the side) and horizontal flips
 *   augmentFlip, augmentCropPadding, augmentScale, augmentTranslate,
 *   augmentHue, augmentSaturation, augmentValue   one augmentation each (runtime/data/augment.ts)
 *
 * Weight decay (optimizer.weightDecay) is decoupled, as in AdamW and SGDW (Loshchilov & Hutter
 * 2019): after each update every kernel (weights of rank 2 or more; not biases or normalisation
 * scales) is multiplied by 1 − lr·weightDecay. It is not added to the loss.
 */
import type { OptimizerSpec, TrainingSpec } from "../../graph-ir/core/document.js";
import type { AugmentOptions } from "../data/augment.js";
import { TrainingError } from "./errors.js";
import { CONSTANT, SCHEDULE_KINDS, type Schedule, type ScheduleKind } from "./schedule.js";

export type OptionValue = number | string | boolean;

export interface EarlyStopping {
  readonly patience: number;
  /** A column name such as "val_loss"; undefined: val_loss with validation, else loss. */
  readonly monitor?: string;
  readonly minDelta: number;
}

export interface TrainSettings {
  readonly recipe: string;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly optimizer: OptimizerSpec;
  readonly clipNorm?: number;
  readonly weightDecay: number;
  readonly schedule: Schedule;
  readonly validationSplit: number;
  readonly earlyStopping?: EarlyStopping;
  readonly checkpointEvery: number;
  readonly augment?: AugmentSettings;
  /** training.options as written, for the recipe's own settings. */
  readonly options: Readonly<Record<string, OptionValue>>;
}

/** Option names the loop reads; recipes add their own. */
export const LOOP_OPTIONS = [
  "schedule", "scheduleStepEpochs", "scheduleGamma", "scheduleMinLearningRate", "warmupEpochs",
  "validationSplit", "earlyStoppingPatience", "earlyStoppingMonitor", "earlyStoppingMinDelta", "checkpointEvery",
  "augment", "augmentFlip", "augmentCropPadding", "augmentScale", "augmentTranslate", "augmentHue", "augmentSaturation", "augmentValue",
] as const;

export interface SettingsOverrides {
  readonly epochs?: number;
  readonly seed?: number;
  readonly batchSize?: number;
}

/** Collects every problem before failing, so one run of `layerloom train` lists them all. */
class Problems {
  readonly list: string[] = [];
  add(text: string): void {
    this.list.push(text);
  }
}

function readOption<T extends OptionValue>(
  options: Readonly<Record<string, OptionValue>>, key: string, type: "number" | "string" | "boolean", problems: Problems,
): T | undefined {
  const v = options[key];
  if (v === undefined) return undefined;
  if (typeof v !== type) {
    problems.add(`training.options.${key} must be ${type === "number" ? "a number" : type === "string" ? "a text" : "true or false"}, not ${JSON.stringify(v)}`);
    return undefined;
  }
  return v as T;
}

function checkRange(value: number | undefined, what: string, ok: (v: number) => boolean, rule: string, problems: Problems): void {
  if (value !== undefined && !ok(value)) problems.add(`${what} is ${value}; it ${rule}`);
}

export function parseSettings(training: TrainingSpec, recipeOptions: readonly string[], overrides: SettingsOverrides = {}): { settings: TrainSettings; warnings: string[] } {
  const p = new Problems();
  const warnings: string[] = [];
  const options = training.options ?? {};
  const num = (k: string) => readOption<number>(options, k, "number", p);

  const epochs = overrides.epochs ?? training.epochs;
  const batchSize = overrides.batchSize ?? training.batchSize;
  const seed = overrides.seed ?? 0;
  checkRange(epochs, overrides.epochs !== undefined ? "--epochs" : "training.epochs", (v) => Number.isInteger(v) && v >= 1, "must be a whole number of at least 1", p);
  checkRange(batchSize, "training.batchSize", (v) => Number.isInteger(v) && v >= 1, "must be a whole number of at least 1", p);
  checkRange(seed, "the seed", (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff, "must be a whole number from 0 to 4294967295", p);

  const o = training.optimizer;
  checkRange(o.learningRate, "training.optimizer.learningRate", (v) => v > 0, "must be above 0 (typical: 0.001 for adam, 0.01 to 0.1 for sgd)", p);
  checkRange(o.momentum, "training.optimizer.momentum", (v) => v >= 0 && v < 1, "must be at least 0 and below 1 (typical: 0.9)", p);
  checkRange(o.beta1, "training.optimizer.beta1", (v) => v >= 0 && v < 1, "must be at least 0 and below 1 (typical: 0.9)", p);
  checkRange(o.beta2, "training.optimizer.beta2", (v) => v >= 0 && v < 1, "must be at least 0 and below 1 (typical: 0.999)", p);
  checkRange(o.weightDecay, "training.optimizer.weightDecay", (v) => v >= 0 && v < 1, "must be at least 0 and below 1 (typical: 1e-4 to 5e-4)", p);
  if (o.kind !== "adam" && (o.beta1 !== undefined || o.beta2 !== undefined)) warnings.push(`training.optimizer.beta1/beta2 apply to adam only; ${o.kind} ignores them`);
  if (o.kind === "adam" && o.momentum !== undefined) warnings.push("training.optimizer.momentum does not apply to adam (use beta1); it is ignored");
  checkRange(training.clipNorm, "training.clipNorm", (v) => v > 0, "must be above 0 (typical: 1 to 5); leave it out for no clipping", p);

  const kind = readOption<string>(options, "schedule", "string", p) ?? "constant";
  if (!(SCHEDULE_KINDS as readonly string[]).includes(kind)) p.add(`training.options.schedule is "${kind}"; it must be one of ${SCHEDULE_KINDS.join(", ")}`);
  const stepEpochs = num("scheduleStepEpochs");
  const gamma = num("scheduleGamma");
  const minLearningRate = num("scheduleMinLearningRate");
  const warmupEpochs = num("warmupEpochs");
  checkRange(stepEpochs, "training.options.scheduleStepEpochs", (v) => v > 0, "must be above 0", p);
  checkRange(gamma, "training.options.scheduleGamma", (v) => v > 0 && v <= 1, "must be above 0 and at most 1", p);
  checkRange(minLearningRate, "training.options.scheduleMinLearningRate", (v) => v >= 0 && v <= o.learningRate, `must be from 0 to the learning rate (${o.learningRate})`, p);
  checkRange(warmupEpochs, "training.options.warmupEpochs", (v) => v >= 0 && v < epochs, `must be at least 0 and below the number of epochs (${epochs})`, p);
  const schedule: Schedule = {
    ...CONSTANT,
    kind: kind as ScheduleKind,
    stepEpochs: stepEpochs ?? 1,
    gamma: gamma ?? (kind === "step" ? 0.1 : kind === "exponential" ? 0.95 : 1),
    minLearningRate: minLearningRate ?? 0,
    warmupEpochs: warmupEpochs ?? 0,
  };

  const validationSplit = num("validationSplit") ?? 0;
  checkRange(validationSplit, "training.options.validationSplit", (v) => v >= 0 && v < 1, "must be at least 0 and below 1 (typical: 0.1 or 0.2)", p);

  const patience = num("earlyStoppingPatience");
  checkRange(patience, "training.options.earlyStoppingPatience", (v) => Number.isInteger(v) && v >= 1, "must be a whole number of epochs, at least 1", p);
  const monitor = readOption<string>(options, "earlyStoppingMonitor", "string", p);
  const minDelta = num("earlyStoppingMinDelta") ?? 0;
  checkRange(minDelta, "training.options.earlyStoppingMinDelta", (v) => v >= 0, "must be at least 0", p);
  if (patience === undefined && (monitor !== undefined || options.earlyStoppingMinDelta !== undefined)) warnings.push("early stopping is off until training.options.earlyStoppingPatience is set");

  const checkpointEvery = num("checkpointEvery") ?? 1;
  checkRange(checkpointEvery, "training.options.checkpointEvery", (v) => Number.isInteger(v) && v >= 1, "must be a whole number of epochs, at least 1", p);

  const augment = parseAugment(options, p);

  const known = new Set<string>([...LOOP_OPTIONS, ...recipeOptions]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) warnings.push(`training.options.${key} is not a setting of the ${training.recipe} recipe or the training loop; it is ignored`);
  }

  if (p.list.length) throw new TrainingError("bad-settings", `The training settings need fixing:\n${p.list.map((l) => `  - ${l}`).join("\n")}`);
  const settings: TrainSettings = {
    recipe: training.recipe,
    epochs, batchSize, seed,
    optimizer: o,
    ...(training.clipNorm !== undefined ? { clipNorm: training.clipNorm } : {}),
    weightDecay: o.weightDecay ?? 0,
    schedule,
    validationSplit,
    ...(patience !== undefined ? { earlyStopping: { patience, minDelta, ...(monitor !== undefined ? { monitor } : {}) } } : {}),
    checkpointEvery,
    ...(augment ? { augment } : {}),
    options,
  };
  return { settings, warnings };
}

/** Augmentation as written; the crop of "augment: true" is sized once the image side is known. */
export interface AugmentSettings {
  readonly flip?: boolean;
  /** Pixels, or "auto" for an eighth of the image side. */
  readonly cropPadding?: number | "auto";
  readonly scaleTranslate?: { readonly scale: number; readonly translate: number };
  readonly hsv?: { readonly hue: number; readonly saturation: number; readonly value: number };
}

function parseAugment(options: Readonly<Record<string, OptionValue>>, p: Problems): AugmentSettings | undefined {
  const num = (k: string) => readOption<number>(options, k, "number", p);
  const all = readOption<boolean>(options, "augment", "boolean", p) ?? false;
  const flip = readOption<boolean>(options, "augmentFlip", "boolean", p);
  const padding = num("augmentCropPadding");
  const scale = num("augmentScale");
  const translate = num("augmentTranslate");
  const hue = num("augmentHue");
  const saturation = num("augmentSaturation");
  const value = num("augmentValue");
  checkRange(padding, "training.options.augmentCropPadding", (v) => Number.isInteger(v) && v >= 0, "must be a whole number of pixels, at least 0", p);
  for (const [k, v] of [["augmentScale", scale], ["augmentTranslate", translate], ["augmentHue", hue], ["augmentSaturation", saturation], ["augmentValue", value]] as const) {
    checkRange(v, `training.options.${k}`, (x) => x >= 0 && x <= 1, "must be from 0 to 1", p);
  }
  const a = {
    flip: flip ?? (all ? true : undefined),
    cropPadding: padding ?? (all ? ("auto" as const) : undefined),
    scaleTranslate: scale !== undefined || translate !== undefined ? { scale: scale ?? 0, translate: translate ?? 0 } : undefined,
    hsv: hue !== undefined || saturation !== undefined || value !== undefined ? { hue: hue ?? 0, saturation: saturation ?? 0, value: value ?? 0 } : undefined,
  };
  const defined = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as AugmentSettings;
  return Object.keys(defined).length ? defined : undefined;
}

/** The augmentation for images of this side. */
export function resolveAugment(a: AugmentSettings, imageSide: number): AugmentOptions {
  const padding = a.cropPadding === "auto" ? Math.max(1, Math.round(imageSide / 8)) : a.cropPadding;
  return {
    ...(a.flip ? { flip: true } : {}),
    ...(padding ? { crop: { padding } } : {}),
    ...(a.scaleTranslate ? { scaleTranslate: a.scaleTranslate } : {}),
    ...(a.hsv ? { hsv: a.hsv } : {}),
  };
}
