/**
 * Jupyter nbformat 4 files: text in, a checked Notebook or a typed error out (never throws), and
 * back to text the way Jupyter writes it (keys sorted, one-space indent, sources as lists of
 * lines, a final newline), so a notebook saved here and one saved by Jupyter diff only where
 * they differ. Fields we do not know (cell and notebook metadata, other tools' keys) are kept.
 */
import { z } from "zod";
import { excessiveNesting } from "../../graph-ir/core/load.js";
import { findUnsafeKey, formatPath } from "../../graph-ir/core/schema.js";

export const NOTEBOOK_LIMITS = { chars: 32 * 1024 * 1024, depth: 64, cells: 5000 } as const;

export type NotebookErrorCode = "too-large" | "not-json" | "too-deep" | "unsafe-key" | "unsupported-version" | "invalid";

export interface NotebookError {
  readonly code: NotebookErrorCode;
  readonly message: string;
}

const text = z.union([z.string(), z.array(z.string())]);
const metadata = z.record(z.string(), z.unknown());
const mimeBundle = z.record(z.string(), z.unknown());

const output = z.union([
  z.looseObject({ output_type: z.literal("stream"), name: z.enum(["stdout", "stderr"]), text }),
  z.looseObject({ output_type: z.literal("display_data"), data: mimeBundle, metadata: metadata.optional() }),
  z.looseObject({ output_type: z.literal("execute_result"), data: mimeBundle, metadata: metadata.optional(), execution_count: z.number().int().nullable() }),
  z.looseObject({ output_type: z.literal("error"), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
]);

const cell = z.union([
  z.looseObject({ cell_type: z.literal("code"), id: z.string().max(64).optional(), metadata: metadata.optional(), source: text, outputs: z.array(output).optional(), execution_count: z.number().int().nullable().optional() }),
  z.looseObject({ cell_type: z.enum(["markdown", "raw"]), id: z.string().max(64).optional(), metadata: metadata.optional(), source: text }),
]);

const notebookSchema = z.looseObject({
  nbformat: z.literal(4),
  nbformat_minor: z.number().int().min(0),
  metadata: metadata.optional(),
  cells: z.array(cell).max(NOTEBOOK_LIMITS.cells),
});

export type NotebookOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown> }
  | { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** A cell with its source as one string; `extra` keeps the keys we do not interpret. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  metadata: Record<string, unknown>;
  source: string;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  extra?: Record<string, unknown>;
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
  extra?: Record<string, unknown>;
}

export type NotebookResult = { readonly ok: true; readonly notebook: Notebook } | { readonly ok: false; readonly error: NotebookError };

const refuse = (code: NotebookErrorCode, message: string): NotebookResult => ({ ok: false, error: { code, message } });
const joined = (t: string | string[]): string => (Array.isArray(t) ? t.join("") : t);

const CELL_KEYS = new Set(["cell_type", "id", "metadata", "source", "outputs", "execution_count"]);
const NOTEBOOK_KEYS = new Set(["nbformat", "nbformat_minor", "metadata", "cells"]);

function rest(obj: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!known.has(k)) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function readOutput(o: z.infer<typeof output>): NotebookOutput {
  switch (o.output_type) {
    case "stream": return { ...o, text: joined(o.text) };
    case "display_data": return { ...o, data: joinBundle(o.data), metadata: o.metadata ?? {} };
    case "execute_result": return { ...o, data: joinBundle(o.data), metadata: o.metadata ?? {} };
    case "error": return { ...o };
  }
}

/** Multiline mime values are stored as lists of lines; read them as one string. */
function joinBundle(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = Array.isArray(v) && v.every((s) => typeof s === "string") ? v.join("") : v;
  return out;
}

export function parseNotebook(source: string): NotebookResult {
  if (source.length > NOTEBOOK_LIMITS.chars) return refuse("too-large", `This notebook is ${(source.length / 1048576).toFixed(1)} MB; notebooks over ${NOTEBOOK_LIMITS.chars / 1048576} MB are not opened (clear large outputs in Jupyter first).`);
  if (excessiveNesting(source, NOTEBOOK_LIMITS.depth) !== -1) return refuse("too-deep", `This notebook nests lists or objects deeper than ${NOTEBOOK_LIMITS.depth} levels, which no real notebook does; it was not opened.`);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return refuse("not-json", `This is not a notebook: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const unsafe = findUnsafeKey(data);
  if (unsafe) return refuse("unsafe-key", `This notebook uses the key "${String(unsafe[unsafe.length - 1])}" at ${formatPath(unsafe)}, which is never allowed; it was not opened.`);
  if (typeof data !== "object" || data === null || Array.isArray(data) || !("nbformat" in data)) return refuse("invalid", "This is not a Jupyter notebook: it has no nbformat field.");
  const version = (data as { nbformat: unknown }).nbformat;
  if (version !== 4) return refuse("unsupported-version", `This notebook is nbformat ${JSON.stringify(version)}; Layerloom reads nbformat 4 (save it from a current Jupyter to convert it).`);
  const parsed = notebookSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse("invalid", `This notebook does not fit nbformat 4 at ${formatPath(issue.path as (string | number)[]) || "the top"}: ${issue.message}.`);
  }
  const nb = parsed.data;
  const extra = rest(nb as Record<string, unknown>, NOTEBOOK_KEYS);
  return {
    ok: true,
    notebook: {
      nbformat: 4, nbformat_minor: nb.nbformat_minor, metadata: nb.metadata ?? {},
      cells: nb.cells.map((c): NotebookCell => {
        const cellExtra = rest(c as Record<string, unknown>, CELL_KEYS);
        const base: NotebookCell = { cell_type: c.cell_type, metadata: c.metadata ?? {}, source: joined(c.source), ...(c.id !== undefined ? { id: c.id } : {}), ...(cellExtra ? { extra: cellExtra } : {}) };
        if (c.cell_type !== "code") return base;
        return { ...base, outputs: (c.outputs ?? []).map(readOutput), execution_count: c.execution_count ?? null };
      }),
      ...(extra ? { extra } : {}),
    },
  };
}

/** "a\nb\n" -> ["a\n", "b\n"]: Jupyter's multiline form. */
export function splitLines(s: string): string[] {
  if (s === "") return [];
  const lines = s.split("\n").map((l) => l + "\n");
  const last = lines.pop()!.slice(0, -1);
  if (last !== "") lines.push(last);
  return lines;
}

function writeBundle(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === "string" && k.startsWith("text/") ? splitLines(v) : v;
  return out;
}

function writeOutput(o: NotebookOutput): Record<string, unknown> {
  switch (o.output_type) {
    case "stream": return { ...o, text: splitLines(o.text) };
    case "display_data":
    case "execute_result": return { ...o, data: writeBundle(o.data) };
    case "error": return { ...o };
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out;
}

export function serializeNotebook(nb: Notebook): string {
  const plain = {
    ...nb.extra,
    nbformat: 4, nbformat_minor: nb.nbformat_minor, metadata: nb.metadata,
    cells: nb.cells.map((c) => ({
      ...c.extra,
      cell_type: c.cell_type, metadata: c.metadata, source: splitLines(c.source),
      ...(c.id !== undefined ? { id: c.id } : {}),
      ...(c.cell_type === "code" ? { outputs: (c.outputs ?? []).map(writeOutput), execution_count: c.execution_count ?? null } : {}),
    })),
  };
  return JSON.stringify(sortKeys(plain), null, 1) + "\n";
}

/** The notebook's template and configuration (metadata.layerloom), when it names them. */
export function notebookTemplate(nb: Notebook): { template: string; configuration: string } | undefined {
  const ll = nb.metadata.layerloom;
  if (typeof ll !== "object" || ll === null) return undefined;
  const { template, configuration } = ll as Record<string, unknown>;
  if (typeof template !== "string" || !/^[a-z0-9][a-z0-9_-]{0,99}$/i.test(template)) return undefined;
  return { template, configuration: typeof configuration === "string" && /^[a-z0-9][a-z0-9_-]{0,99}$/i.test(configuration) ? configuration : "mini" };
}
