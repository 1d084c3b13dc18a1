/**
 * The code targets of `layerloom export`: --ts OUT.ts (self-contained TypeScript) and
 * --keras OUT.py [--strategy none|mirrored|multiworker] (a Keras script). export.ts parses them
 * with its own options and calls writeCode; each file is written atomically.
 */
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { exportKeras, STRATEGIES, type Strategy } from "../../graph-ir/export/keras.js";
import { exportTypeScript, type CodeExportResult } from "../../graph-ir/export/typescript.js";
import type { PassDiagnostic } from "../../graph-ir/passes/types.js";
import type { Io } from "../io.js";

export const CODE_OPTIONS = {
  ts: { type: "string" },
  keras: { type: "string" },
  strategy: { type: "string" },
} as const;

export interface CodeTargets {
  readonly ts?: string;
  readonly keras?: string;
  readonly strategy: Strategy;
  readonly any: boolean;
  /** What is wrong with the options, in the words of the command line. */
  readonly problem?: string;
}

export function codeTargets(values: { ts?: string; keras?: string; strategy?: string }): CodeTargets {
  const any = values.ts !== undefined || values.keras !== undefined;
  const strategy = values.strategy ?? "none";
  const base = { ...(values.ts !== undefined ? { ts: values.ts } : {}), ...(values.keras !== undefined ? { keras: values.keras } : {}), any };
  if (!(STRATEGIES as readonly string[]).includes(strategy)) {
    return { ...base, strategy: "none", problem: `--strategy must be one of ${STRATEGIES.join(", ")}, not "${strategy}".` };
  }
  if (values.strategy !== undefined && values.keras === undefined) return { ...base, strategy: strategy as Strategy, problem: "--strategy applies to the Keras script; add --keras OUT.py." };
  return { ...base, strategy: strategy as Strategy };
}

function problems(file: string, diagnostics: readonly PassDiagnostic[]): string {
  const lines = diagnostics.slice(0, 8).map((d) => `  - ${d.nodeId ? `'${d.nodeId}'${d.inner?.length ? ` › ${d.inner.join(" › ")}` : ""}: ` : ""}${d.message}`);
  const more = diagnostics.length > 8 ? `\n  (and ${diagnostics.length - 8} more)` : "";
  return `${file} cannot be exported until these problems are fixed (layerloom check ${file} lists them all):\n${lines.join("\n")}${more}`;
}

/** Writes the code targets; returns the exit status (0 written, 1 graph errors, 2 unwritable). */
export async function writeCode(doc: GraphDocument, file: string, targets: CodeTargets, io: Io): Promise<number> {
  const jobs: { out: string; what: string; make: () => CodeExportResult }[] = [];
  if (targets.ts !== undefined) jobs.push({ out: targets.ts, what: "TypeScript", make: () => exportTypeScript(doc) });
  if (targets.keras !== undefined) jobs.push({ out: targets.keras, what: `Keras script (strategy ${targets.strategy})`, make: () => exportKeras(doc, { strategy: targets.strategy }) });
  for (const job of jobs) {
    const r = job.make();
    if (!r.ok) {
      io.err(`layerloom export: ${problems(file, r.diagnostics)}`);
      return 1;
    }
    try {
      await writeFileAtomic(job.out, r.text);
    } catch (e) {
      io.err(`layerloom export: cannot write ${job.out}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (e as Error).message}.`);
      return 2;
    }
    io.out(`${job.what}: ${job.out} (${r.text.split("\n").length - 1} lines)`);
    for (const w of r.warnings) io.out(`note: ${w}`);
  }
  return 0;
}
