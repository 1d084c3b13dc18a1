/**
 * Numbers as the inspector's fields show, read and step them: ints whole, floats to six
 * significant digits, steps sized to the param's range so a scrub or an arrow key moves a
 * dropout rate by 0.01 and a learning rate of 0.001 by 0.0001.
 */
import type { FloatSpec, IntSpec } from "../../graph-ir/core/params.js";

export function formatNumber(value: number, spec: IntSpec | FloatSpec): string {
  if (spec.type === "int") return String(value);
  return String(Number(value.toPrecision(6)));
}

/** The typed text as a number: NaN for text that is not one (the spec check then says why). */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/,/g, "");
  return t === "" ? Number.NaN : Number(t);
}

export function stepOf(spec: IntSpec | FloatSpec, value: number): number {
  if (spec.type === "int") return 1;
  if (spec.min !== undefined && spec.max !== undefined && spec.max > spec.min) return 10 ** Math.floor(Math.log10(spec.max - spec.min)) / 100;
  return value === 0 ? 0.1 : 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
}

/** value moved by `steps` steps, rounded to the step so floats do not drift (0.30000000000000004). */
export function stepped(spec: IntSpec | FloatSpec, value: number, steps: number): number {
  const step = stepOf(spec, value);
  if (spec.type === "int") return Math.round(value) + steps;
  return Number((Math.round(value / step + steps) * step).toPrecision(12));
}
