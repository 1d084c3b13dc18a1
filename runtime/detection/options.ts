/**
 * Reading a detection recipe's settings from training.options, with messages that name the
 * option, what is wrong and a typical value. Shared by the recipes and by detect(), so a trained
 * model is decoded with the settings it was trained with.
 */
import { TrainingError } from "../train/errors.js";
import type { OptionValue } from "../train/settings.js";

export type Options = Readonly<Record<string, OptionValue | undefined>>;

const fail = (key: string, rule: string, got: unknown): never => {
  throw new TrainingError("bad-settings", `training.options.${key} is ${JSON.stringify(got)}; it ${rule}.`);
};

export function numberOption(o: Options, key: string, fallback: number, ok: (v: number) => boolean, rule: string): number {
  const v = o[key] ?? fallback;
  if (typeof v !== "number" || !ok(v)) fail(key, rule, v);
  return v as number;
}

export const intOption = (o: Options, key: string, fallback: number, min: number, typical: string): number =>
  numberOption(o, key, fallback, (v) => Number.isInteger(v) && v >= min, `must be a whole number of at least ${min} (typical: ${typical})`);

export function boolOption(o: Options, key: string, fallback: boolean): boolean {
  const v = o[key] ?? fallback;
  if (typeof v !== "boolean") fail(key, "must be true or false", v);
  return v as boolean;
}

/** "0.1,0.1,0.2,0.2" -> numbers; a single number is a list of one. */
export function listOption(o: Options, key: string, fallback: string, rule: string): number[] {
  const v = o[key] ?? fallback;
  const text = typeof v === "number" ? String(v) : v;
  if (typeof text !== "string") return fail(key, rule, v);
  const parts = text.split(",").map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.some((s) => s === "") || nums.some((n) => !Number.isFinite(n))) fail(key, rule, v);
  return nums;
}
