/**
 * Runs a notebook's code cells in Node, in order, stopping at the first error (as Jupyter's
 * "run all" does), with a time limit per cell that holds even for a synchronous endless loop
 * (the kernel runs in a worker thread, kernel-client.ts). The graph comes from the notebook's
 * metadata.layerloom (the template configuration beside it, or in the shipped templates) or is
 * given. Used by `layerloom notebook run` and the template notebook tests.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { userCacheDir } from "../../electron/host/train/cache-dir.js";
import { openTemplates } from "../../electron/host/templates.js";
import { notebookTemplate, type Notebook, type NotebookCell } from "../../runtime/notebook/format.js";
import type { CellResult } from "../../runtime/notebook/kernel.js";
import { KernelThread } from "./kernel-client.js";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

export class NotebookRunError extends Error {
  override readonly name = "NotebookRunError";
}

/** The notebook's graph: `<configuration>.layerloom.json` beside it, else the shipped template's configuration. */
export async function notebookGraph(nb: Notebook, notebookPath: string, templatesDir = TEMPLATES_DIR): Promise<GraphDocument> {
  const ref = notebookTemplate(nb);
  if (!ref) throw new NotebookRunError('the notebook names no graph: its metadata has no "layerloom": {"template", "configuration"}; pass one with --graph FILE.');
  let text: string | undefined;
  try {
    text = await readFile(join(dirname(notebookPath), `${ref.configuration}.layerloom.json`), "utf8");
  } catch {
    try {
      text = await openTemplates(templatesDir).read(ref.template, ref.configuration);
    } catch (e) {
      throw new NotebookRunError(`the notebook's graph (template "${ref.template}", configuration "${ref.configuration}") cannot be read: ${e instanceof Error ? e.message : String(e)} Pass one with --graph FILE.`);
    }
  }
  return parseGraph(text, `template "${ref.template}" (${ref.configuration})`);
}

export function parseGraph(text: string, what: string): GraphDocument {
  const loaded = parseGraphFile(text);
  if (!loaded.ok) throw new NotebookRunError(`${what} is not a readable graph: ${loaded.error.message}`);
  return loaded.doc;
}

export interface CellReport {
  /** Index among all cells, 0-based. */
  readonly index: number;
  /** 1-based among code cells. */
  readonly number: number;
  readonly result: CellResult;
  readonly seconds: number;
}

export interface RunOptions {
  readonly graph: GraphDocument;
  /** Seconds per cell before it is interrupted. */
  readonly timeoutSeconds?: number;
  readonly cacheDir?: string;
  readonly onCell?: (report: CellReport) => void;
}

/** Runs the code cells and returns the notebook with their outputs (cells after a failure keep theirs cleared). */
export async function runNotebook(nb: Notebook, options: RunOptions): Promise<{ notebook: Notebook; reports: CellReport[]; failed: boolean }> {
  const kernel = new KernelThread(options.graph, options.cacheDir ?? userCacheDir());
  const cells: NotebookCell[] = nb.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c));
  const reports: CellReport[] = [];
  let failed = false;
  let number = 0;
  try {
    for (let i = 0; i < cells.length && !failed; i++) {
      const cell = cells[i]!;
      if (cell.cell_type !== "code") continue;
      number++;
      const started = performance.now();
      const run = await kernel.run(cell.source, options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000);
      let result = run.result;
      if (!result.ok && run.timedOut) {
        const message = `The cell ran longer than ${options.timeoutSeconds} s and was stopped (raise --timeout to give it longer).`;
        result = { ...result, error: { name: "Timeout", message }, outputs: [...result.outputs.slice(0, -1), { output_type: "error", ename: "Timeout", evalue: message, traceback: [`Timeout: ${message}`] }] };
      }
      cells[i] = { ...cell, outputs: result.outputs, execution_count: run.count };
      const report = { index: i, number, result, seconds: (performance.now() - started) / 1000 };
      reports.push(report);
      options.onCell?.(report);
      failed = !result.ok;
    }
  } finally {
    await kernel.dispose();
  }
  return { notebook: { ...nb, cells }, reports, failed };
}
