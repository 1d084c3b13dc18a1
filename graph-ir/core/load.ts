/**
 * Opening a graph file: text in, a GraphDocument or a typed error out. Never throws and never
 * executes anything from the file. The cheap checks run first so a hostile file is refused in
 * milliseconds: size before parsing, nesting depth on the raw text before JSON.parse (deep
 * nesting would overflow the stack of any recursive reader), unsafe keys before any code reads
 * the data by key, then migration and the schema.
 *
 * Small structural faults that have one obvious repair are repaired with a warning instead of
 * refusing the whole file: unknown fields are dropped, and so are positions of nodes that do
 * not exist, edges naming a node that does not exist, and repeated edges.
 */
import type { z } from "zod";
import type { GraphDocument, GraphEdge } from "./document.js";
import { BLOCK_IN, BLOCK_OUT, CURRENT_VERSION, FORMAT } from "./document.js";
import { migrate, type JsonObject, type MigrationStep } from "./migrate.js";
import { LIMITS, describeIssue, findUnsafeKey, formatPath, graphFileSchema, valueAt } from "./schema.js";

export { serializeGraph } from "./serialize.js";

/** Stable codes; tools, tests and help text refer to them. */
export type LoadErrorCode =
  | "too-large" // over LIMITS.fileChars
  | "not-json" // not valid JSON text
  | "too-deep" // lists/objects nested deeper than LIMITS.depth
  | "not-a-graph" // JSON, but not a Layerloom graph file
  | "unsupported-version" // newer than this Layerloom, or too old to upgrade
  | "migration-failed" // an upgrade step failed
  | "unsafe-key" // "__proto__", "constructor" or "prototype" used as a key
  | "invalid"; // a graph file whose content does not fit the format

export interface LoadError {
  readonly code: LoadErrorCode;
  /** What is wrong, where, and what to do, in one or two sentences. */
  readonly message: string;
  /** JSON path of the offending value, e.g. nodes[3].params.units. */
  readonly path?: string;
}

export type LoadResult =
  | { readonly ok: true; readonly doc: GraphDocument; readonly warnings: string[] }
  | { readonly ok: false; readonly error: LoadError };

export interface LoadOptions {
  /** Migration steps to use instead of the built-in ones (tests inject fakes here). */
  readonly migrations?: readonly MigrationStep[];
}

const refuse = (code: LoadErrorCode, message: string, path?: string): LoadResult => ({ ok: false, error: path === undefined ? { code, message } : { code, message, path } });

function lineCol(text: string, index: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${index - last}`;
}

/** Index of the first bracket deeper than `max`, or -1. Skips brackets inside strings. */
export function excessiveNesting(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}

function notJson(text: string, e: unknown): LoadResult {
  const raw = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(raw);
  const where = pos ? ` at ${lineCol(text, Number(pos[1]))}` : "";
  const ended = /end of JSON input|Unterminated/i.test(raw);
  const detail = ended ? "the text ends before the data is complete (the file may be cut short)" : raw.replace(/ in JSON at position \d+.*$/s, "").slice(0, 160);
  return refuse("not-json", `This file is not valid JSON${where}: ${detail}. If it was edited by hand, fix the syntax there (a missing comma, quote or bracket is the usual cause); NaN and Infinity are not allowed in JSON.`);
}

/** Adds the node id to a path into a node list, so a message names the node as the canvas shows it. */
function describePath(root: unknown, path: readonly PropertyKey[]): string {
  const at = formatPath(path);
  for (let i = path.length - 2; i >= 0; i--) {
    const list = path[i];
    if ((list === "nodes" || list === "networks") && typeof path[i + 1] === "number") {
      const id = valueAt(root, [...path.slice(0, i + 2), "id"]);
      if (typeof id === "string" && id.length <= LIMITS.idLength) return `${at} (${list === "nodes" ? "node" : "network"} "${id}")`;
      break;
    }
  }
  return at;
}

/** A copy of the data without the keys zod reported as unknown, and a warning for each. */
function dropUnknownKeys(root: JsonObject, issues: readonly z.core.$ZodIssue[]): { file: JsonObject; warnings: string[] } {
  // A JSON round trip copies the data (its depth is bounded), so a migration's output is never changed in place.
  const file = JSON.parse(JSON.stringify(root)) as JsonObject;
  const warnings: string[] = [];
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const holder = valueAt(file, issue.path) as Record<string, unknown>;
    for (const key of issue.keys) {
      delete holder[key];
      const where = issue.path.length ? `in ${formatPath(issue.path)}` : "at the top of the file";
      warnings.push(`Ignored the unknown field "${key}" ${where}; saving will leave it out.`);
    }
  }
  return { file, warnings };
}

/** Keeps edges whose ends exist and that are not repeats; warns about the others. */
function repairEdges(edges: readonly GraphEdge[], has: (id: string, side: "from" | "to") => boolean, where: string, warnings: string[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e, i) => {
    const missing = !has(e.from[0], "from") ? e.from[0] : !has(e.to[0], "to") ? e.to[0] : undefined;
    if (missing !== undefined) {
      warnings.push(`Dropped ${where}[${i}] (${e.from[0]}.${e.from[1]} → ${e.to[0]}.${e.to[1]}): there is no node "${missing}".`);
      return false;
    }
    const key = JSON.stringify([e.from, e.to]);
    if (seen.has(key)) {
      warnings.push(`Dropped ${where}[${i}]: it repeats an earlier edge.`);
      return false;
    }
    seen.add(key);
    return true;
  });
}

function repair(doc: GraphDocument, warnings: string[]): GraphDocument {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const edges = repairEdges(doc.edges, (id) => ids.has(id), "edges", warnings);
  const blocks = Object.fromEntries(
    Object.entries(doc.blocks).map(([name, b]) => {
      const inner = new Set(b.nodes.map((n) => n.id));
      const has = (id: string, side: "from" | "to") => inner.has(id) || id === (side === "from" ? BLOCK_IN : BLOCK_OUT);
      return [name, { ...b, edges: repairEdges(b.edges, has, `blocks.${name}.edges`, warnings) }];
    }),
  );
  const layout = Object.fromEntries(
    Object.entries(doc.layout).filter(([id]) => {
      if (ids.has(id)) return true;
      warnings.push(`Ignored the position of "${id}": there is no such node.`);
      return false;
    }),
  );
  return { ...doc, edges, blocks, layout };
}

function load(text: string, options: LoadOptions): LoadResult {
  if (typeof text !== "string") return refuse("not-json", "Expected the text of a graph file.");
  if (text.length > LIMITS.fileChars) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return refuse("too-large", `This file is ${mb(text.length)}; graph files are at most ${mb(LIMITS.fileChars)}. Check that you chose a Layerloom graph, not a dataset or weights file.`);
  }
  if (text.trim() === "") return refuse("not-json", "The file is empty. Choose a graph file saved by Layerloom.");
  const deep = excessiveNesting(text, LIMITS.depth);
  if (deep >= 0) {
    return refuse("too-deep", `Lists and objects nest more than ${LIMITS.depth} levels deep at ${lineCol(text, deep)}; graph files never do. This is not a Layerloom graph, or it is damaged.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return notJson(text, e);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || (data as JsonObject)["format"] !== FORMAT) {
    return refuse("not-a-graph", `This JSON file is not a Layerloom graph: it lacks "format": "${FORMAT}". Open a graph saved by Layerloom, or start from a template.`, "format");
  }
  const raw = data as JsonObject;
  const version = raw["version"];
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    return refuse("invalid", `version must be a whole number (the file format version, ${CURRENT_VERSION} for files saved by this Layerloom). Fix it in the file, then open it again.`, "version");
  }
  const unsafe = findUnsafeKey(raw);
  if (unsafe) {
    const path = formatPath(unsafe);
    return refuse("unsafe-key", `${path}: the key "${String(unsafe[unsafe.length - 1])}" is not allowed in graph files (it can be used to attack programs that read them). Remove it, then open the file again.`, path);
  }

  const migrated = migrate(raw, version, options.migrations);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const warnings = migrated.applied.map((s) => `Upgraded from file format version ${s.from} to ${s.from + 1}: ${s.summary}. Saving writes the new version.`);

  let file = migrated.file;
  let parsed = graphFileSchema.safeParse(file);
  const issues = parsed.success ? [] : parsed.error.issues;
  if (issues.length > 0 && issues.every((i) => i.code === "unrecognized_keys")) {
    const stripped = dropUnknownKeys(file, issues);
    file = stripped.file;
    warnings.push(...stripped.warnings);
    parsed = graphFileSchema.safeParse(file);
  }
  if (!parsed.success) {
    const all = parsed.error.issues;
    const issue = all.find((i) => i.code !== "unrecognized_keys") ?? all[0]!;
    const path = issue.path.length ? formatPath(issue.path) : undefined;
    const more = all.length > 1 ? ` (${all.length - 1} more problem${all.length > 2 ? "s" : ""} may follow)` : "";
    const what = describeIssue(issue, valueAt(file, issue.path));
    return refuse("invalid", `${describePath(file, issue.path)} ${what}${more}. Fix this in the file (or restore a backup), then open it again.`, path);
  }
  const doc: GraphDocument = parsed.data;
  return { ok: true, doc: repair(doc, warnings), warnings };
}

/**
 * Parses graph file text. Returns the document with warnings about anything repaired or
 * upgraded, or a typed error saying where the problem is and what to do. Never throws.
 */
export function parseGraphFile(text: string, options: LoadOptions = {}): LoadResult {
  try {
    return load(text, options);
  } catch (e) {
    // Only a bug of ours can get here; the file must still not take the app down.
    return refuse("invalid", `This file could not be read because of an internal error (${e instanceof Error ? e.message : String(e)}). Please report it with the file attached.`);
  }
}
