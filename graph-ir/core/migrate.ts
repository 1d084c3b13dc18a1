/**
 * Forward migration of graph files. Each step lifts a raw file (parsed JSON, already checked for
 * unsafe keys, not yet schema-checked) from one version to the next; opening a file runs every
 * step from its version up to CURRENT_VERSION, then the schema checks the result. Steps work on
 * plain JSON data, never on GraphDocument, because an old file does not have today's shape.
 */
import { CURRENT_VERSION } from "./document.js";

export type JsonObject = { readonly [key: string]: unknown };

export interface MigrationStep {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number;
  /** What changed, for the note shown after opening ("Dropout's param rate was renamed ..."). */
  readonly summary: string;
  /** Returns the upgraded file. Must not change its input; `version` is set by the caller. */
  up(file: JsonObject): JsonObject;
}

/** Every known step, oldest first. Add a step here whenever CURRENT_VERSION goes up. */
export const MIGRATIONS: readonly MigrationStep[] = [];

export type MigrateResult =
  | { readonly ok: true; readonly file: JsonObject; readonly applied: readonly MigrationStep[] }
  | { readonly ok: false; readonly error: { readonly code: "unsupported-version" | "migration-failed"; readonly message: string; readonly path?: string } };

/** Lifts `file`, whose format version is `version`, to `target` through `steps`. Never throws. */
export function migrate(file: JsonObject, version: number, steps: readonly MigrationStep[] = MIGRATIONS, target: number = CURRENT_VERSION): MigrateResult {
  if (version > target) {
    return {
      ok: false,
      error: {
        code: "unsupported-version",
        path: "version",
        message: `This graph was saved by a newer Layerloom (file format version ${version}; this Layerloom reads versions up to ${target}). Update Layerloom to open it.`,
      },
    };
  }
  let cur = file;
  const applied: MigrationStep[] = [];
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return {
        ok: false,
        error: { code: "unsupported-version", path: "version", message: `This graph uses file format version ${version}, which this Layerloom cannot upgrade (nothing reads version ${v}). Open it in the Layerloom release that saved it and save it again there, or check that "version" is right.` },
      };
    }
    let next: unknown;
    try {
      next = step.up(cur);
    } catch (e) {
      next = e instanceof Error ? e : new Error(String(e));
    }
    if (next === null || typeof next !== "object" || Array.isArray(next) || next instanceof Error) {
      const why = next instanceof Error ? `: ${next.message}` : "";
      return { ok: false, error: { code: "migration-failed", message: `Upgrading this graph from file format version ${v} to ${v + 1} failed${why}. The file was not changed; please report this with the file attached.` } };
    }
    cur = { ...(next as JsonObject), version: v + 1 };
    applied.push(step);
  }
  return { ok: true, file: cur, applied };
}
