/**
 * `layerloom notebook run FILE.ipynb [--out OUT.ipynb] [--timeout S] [--graph FILE]`: runs every
 * code cell in order in Node, stops at the first error, prints one line per cell and writes the
 * outputs back into the notebook (in place unless --out), atomically.
 *
 * Exit status: 0 every cell ran, 1 a cell failed, 2 bad command line or unreadable file.
 */
import { stat, readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../../electron/host/atomic-write.js";
import { NOTEBOOK_LIMITS, parseNotebook, serializeNotebook } from "../../runtime/notebook/format.js";
import type { Io } from "../io.js";
import { NotebookRunError, notebookGraph, parseGraph, runNotebook, type CellReport } from "../notebook/runner.js";

export const NOTEBOOK_EXIT = { ok: 0, cellFailed: 1, usage: 2 } as const;
const USAGE = "Usage: layerloom notebook run FILE.ipynb [--out OUT.ipynb] [--timeout SECONDS] [--graph GRAPH.json]";

async function readText(path: string, limit: number): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotebookRunError(`cannot read ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}.`);
  }
  if (!info.isFile()) throw new NotebookRunError(`${path} is not a file.`);
  if (info.size > limit) throw new NotebookRunError(`${path} is ${(info.size / 2 ** 20).toFixed(0)} MB, over the ${limit / 2 ** 20} MB a notebook or graph may have.`);
  return readFile(path, "utf8");
}

function firstLine(source: string): string {
  const line = source.split("\n").find((l) => l.trim() && !l.trim().startsWith("//")) ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function describe(r: CellReport, source: string): string {
  const time = `${r.seconds.toFixed(1)} s`;
  if (r.result.ok) return `cell ${r.number}: ok (${time})  ${firstLine(source)}`;
  const e = r.result.error!;
  return `cell ${r.number}: ${e.name}${e.line !== undefined ? ` at line ${e.line}` : ""}: ${e.message} (${time})`;
}

export async function runNotebookCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, timeout: { type: "string" }, graph: { type: "string" } } });
  } catch (e) {
    io.err(`layerloom notebook: ${(e as Error).message}\n${USAGE}`);
    return NOTEBOOK_EXIT.usage;
  }
  const [sub, file, ...extra] = parsed.positionals;
  if (sub !== "run" || !file || extra.length) {
    io.err(`layerloom notebook: ${sub !== "run" ? `unknown action "${sub ?? ""}"; the action is "run".` : !file ? "name the notebook to run." : "one notebook at a time."}\n${USAGE}`);
    return NOTEBOOK_EXIT.usage;
  }
  let timeoutSeconds: number | undefined;
  if (parsed.values.timeout !== undefined) {
    timeoutSeconds = Number(parsed.values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 86_400) {
      io.err(`layerloom notebook: --timeout needs a number of seconds from 0 to 86400, not "${parsed.values.timeout}".\n${USAGE}`);
      return NOTEBOOK_EXIT.usage;
    }
  }
  let nb, graph;
  try {
    const loaded = parseNotebook(await readText(file, NOTEBOOK_LIMITS.chars));
    if (!loaded.ok) throw new NotebookRunError(`${file}: ${loaded.error.message}`);
    nb = loaded.notebook;
    graph = parsed.values.graph ? parseGraph(await readText(parsed.values.graph, 32 * 2 ** 20), parsed.values.graph) : await notebookGraph(nb, file);
  } catch (e) {
    if (!(e instanceof NotebookRunError)) throw e;
    io.err(`layerloom notebook: ${e.message}`);
    return NOTEBOOK_EXIT.usage;
  }
  io.out(`${file}: running ${nb.cells.filter((c) => c.cell_type === "code").length} code cells on "${graph.name}"`);
  const run = await runNotebook(nb, {
    graph, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    onCell: (r) => (r.result.ok ? io.out : io.err)(describe(r, nb.cells[r.index]!.source)),
  });
  const out = parsed.values.out ?? file;
  try {
    await writeFileAtomic(out, serializeNotebook(run.notebook));
  } catch (e) {
    io.err(`layerloom notebook: cannot write ${out}: ${(e as Error).message}`);
    return NOTEBOOK_EXIT.usage;
  }
  if (run.failed) {
    io.err(`Stopped at the first failing cell; outputs written to ${out}.`);
    return NOTEBOOK_EXIT.cellFailed;
  }
  io.out(`All ${run.reports.length} code cells ran; outputs written to ${out}.`);
  return NOTEBOOK_EXIT.ok;
}
