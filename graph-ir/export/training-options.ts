/** Reading a recipe's options (training.options) for the exporters, with the runtime's defaults. */
import type { TrainingSpec } from "../core/document.js";

/** A recipe's numeric option, or the runtime's default (the runtime refuses values outside its rule). */
export function numberOption(t: TrainingSpec, key: string, fallback: number): number {
  const v = t.options?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

export function boolOption(t: TrainingSpec, key: string, fallback: boolean): boolean {
  const v = t.options?.[key];
  return typeof v === "boolean" ? v : fallback;
}
