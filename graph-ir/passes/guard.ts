/**
 * The one place the passes catch exceptions: calls into layer and block rules. A rule that
 * throws is a bug, but one buggy rule must become an "internal" diagnostic on its node, not
 * take down the editor. Also small validators for what rules return, for the same reason.
 */
import type { Shape } from "../core/shape.js";

export type Guarded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function guarded<T>(rule: () => T): Guarded<T> {
  try {
    return { ok: true, value: rule() };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return typeof e.message === "string" ? e.message : "unknown error";
  if (typeof e === "string") return e;
  return "a non-Error value was thrown";
}

export function isShape(v: unknown): v is Shape {
  if (!Array.isArray(v)) return false;
  for (const d of v as unknown[]) {
    if (typeof d === "number" ? !Number.isFinite(d) : typeof d !== "string") return false;
  }
  return true;
}

export function isStringList(v: unknown): v is readonly string[] {
  return Array.isArray(v) && (v as unknown[]).every((s) => typeof s === "string");
}

export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What a rule returned, in words, without calling anything on it (its toString could throw too). */
export function valueText(v: unknown): string {
  if (typeof v === "number" || typeof v === "boolean" || v === undefined || v === null) return String(v);
  if (typeof v === "string") return `"${v.slice(0, 40)}"`;
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** A count a rule returned, if it is usable (finite, not negative). */
export function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0;
}
