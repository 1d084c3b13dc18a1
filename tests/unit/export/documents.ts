/**
 * The documents every export round trip runs over: the fixtures, every template graph found
 * under templates/ (however many exist when the test runs), and the coverage documents.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { COVERAGE_DOCS } from "./coverage-docs.js";

export interface Case {
  /** A short unique name for file names and test titles. */
  readonly name: string;
  readonly source: string;
  readonly doc: GraphDocument;
}

const ROOT = new URL("../../../", import.meta.url).pathname;

/** Graph files below a folder (files whose JSON says "format": "layerloom-graph"). */
function graphFiles(dir: string, depth = 0): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort()) {
    const path = join(dir, e);
    const st = statSync(path);
    if (st.isDirectory() && depth < 3 && e !== "node_modules") out.push(...graphFiles(path, depth + 1));
    else if (st.isFile() && e.endsWith(".json") && st.size < 4 << 20 && readFileSync(path, "utf8").includes('"layerloom-graph"')) out.push(path);
  }
  return out;
}

function load(path: string): GraphDocument {
  const r = parseGraphFile(readFileSync(path, "utf8"));
  if (!r.ok) throw new Error(`${path}: ${r.error.code}: ${r.error.message}`);
  return r.doc;
}

const slug = (s: string): string => s.replace(/\.layerloom\.json$|\.json$/, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

export function exportCases(): Case[] {
  const files = [...graphFiles(join(ROOT, "tests/fixtures")), ...graphFiles(join(ROOT, "templates"))];
  const cases: Case[] = files.map((f) => {
    const rel = relative(ROOT, f);
    return { name: slug(rel.replace(/^tests\/fixtures\//, "fixture-").replace(/^templates\//, "template-")), source: rel, doc: load(f) };
  });
  for (const [name, make] of Object.entries(COVERAGE_DOCS)) cases.push({ name: `coverage-${name}`, source: `tests/unit/export/coverage-docs.ts (${name})`, doc: make() });
  return cases;
}

/** How many template graphs exist now (the round trip reports it, so an empty folder is visible). */
export function templateCount(): number {
  return graphFiles(join(ROOT, "templates")).length;
}

/** Up to these sizes (per network) the round trip compares outputs and trains; full-size-outputs.test.ts takes every larger one. */
export const OUTPUT_PARAMS = 3e6;
export const OUTPUT_FLOPS = 2.5e8;
