/**
 * `layerloom import MODEL.json OUT.layerloom.json [--name NAME] [--force]`: a tfjs or Keras
 * model.json (Layers format) as an editable graph file with an automatic layout. Layers
 * Layerloom has no kind for are listed by name and left out; the rest is written.
 *
 * Exit status: 0 imported completely, 1 written but with layers or wires left out (listed),
 * 2 bad command line, unreadable or refused input, or OUT exists without --force.
 */
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import { serializeGraph } from "../../graph-ir/core/serialize.js";
import { importModelJson } from "../../graph-ir/import/model-json.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Io } from "../io.js";
import { readGraphText } from "./check.js";

const USAGE = "Usage: layerloom import MODEL.json OUT.layerloom.json [--name NAME] [--force]";
const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function runImport(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" }, force: { type: "boolean", default: false } } });
  } catch (e) {
    io.err(`layerloom import: ${(e as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const [input, output, ...extra] = parsed.positionals;
  if (!input || !output || extra.length) {
    io.err(`layerloom import: ${!input ? "name the model.json to import" : !output ? "name the graph file to write" : "one model at a time"}.\n${USAGE}`);
    return EXIT.usage;
  }
  if (!parsed.values.force && (await exists(output))) {
    io.err(`layerloom import: ${output} exists; choose another name or add --force to replace it.`);
    return EXIT.usage;
  }
  // Same size check as graph files: a model.json holds no weights, so it is never large.
  const read = await readGraphText(input);
  if (!read.ok) {
    io.err(`layerloom import: ${read.message}`);
    return EXIT.usage;
  }
  const r = importModelJson(read.text, parsed.values.name !== undefined ? { name: parsed.values.name } : {});
  if (!r.ok) {
    io.err(`layerloom import: ${input}: ${r.error.message} (${r.error.code})`);
    return EXIT.usage;
  }
  try {
    await writeFileAtomic(output, serializeGraph(r.doc));
  } catch (e) {
    io.err(`layerloom import: cannot write ${output}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (e as Error).message}.`);
    return EXIT.usage;
  }
  const a = analyze(r.doc);
  io.out(`${output}: ${r.doc.nodes.length} nodes, ${r.doc.edges.length} wires, ${a.totals.params.toLocaleString("en-US")} params (from ${input})`);
  if (r.unsupported.length) io.out(`not imported (${r.unsupported.length}): ${r.unsupported.join(", ")}`);
  for (const issue of r.issues) io.out(`  ${issue.severity.padEnd(7)} ${issue.code}  ${issue.message}`);
  const graphErrors = a.diagnostics.filter((d) => d.severity === "error").length;
  if (graphErrors) io.out(`The graph has ${graphErrors} problem${graphErrors === 1 ? "" : "s"} to fix by hand: layerloom check ${output} lists them.`);
  return r.unsupported.length || r.issues.some((i) => i.severity === "error") || graphErrors ? EXIT.partial : EXIT.ok;
}
