/**
 * Every shipped template's notebook runs headless without a cell error, through the real
 * `layerloom notebook run` (two at a time: the notebooks are CPU-bound and the machine has two
 * cores). A template folder without a notebook fails.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../../runtime/notebook/format.js";

const TEMPLATES = "templates";
const ids = readdirSync(TEMPLATES).filter((d) => statSync(join(TEMPLATES, d)).isDirectory()).sort();
const withNotebook = ids.filter((id) => existsSync(join(TEMPLATES, id, "notebook.ipynb")));
const out = mkdtempSync(join(tmpdir(), "layerloom-template-notebooks-"));

interface Run { code: number; stdout: string; stderr: string; file: string }
const CONCURRENCY = 2;
let active = 0;
const queue: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= CONCURRENCY) await new Promise<void>((go) => queue.push(go));
  active++;
  try {
    return await work();
  } finally {
    active--;
    queue.shift()?.();
  }
}

function runNotebook(id: string): Promise<Run> {
  const file = join(out, `${id}.ipynb`);
  return slot(() => new Promise<Run>((done) => {
    execFile(process.execPath, ["bin/layerloom.mjs", "notebook", "run", join(TEMPLATES, id, "notebook.ipynb"), "--out", file, "--timeout", "120"], { timeout: 300_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr, file });
    });
  }));
}

// Started at once so the pool stays busy while vitest awaits them one test at a time.
const runs = new Map(withNotebook.map((id) => [id, runNotebook(id)]));

describe("template notebooks", () => {
  it("every template folder has a notebook.ipynb", () => {
    const missing = ids.filter((id) => !withNotebook.includes(id));
    expect(missing, `templates without notebook.ipynb: ${missing.join(", ")}`).toEqual([]);
  });

  for (const id of withNotebook) {
    it(`${id}: the notebook follows the contract and every cell runs without an error`, async () => {
      const nb = parseNotebook(readFileSync(join(TEMPLATES, id, "notebook.ipynb"), "utf8"));
      expect(nb.ok && nb.notebook.nbformat_minor).toBe(5);
      if (nb.ok) expect(nb.notebook.metadata.layerloom).toMatchObject({ template: id });
      const run = await runs.get(id)!;
      // stderr may hold tfjs's own notes (orthogonal initialiser sizes); a failing cell's line is there too.
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/All \d+ code cells ran/);
      const written = parseNotebook(readFileSync(run.file, "utf8"));
      expect(written.ok && written.notebook.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error")).toEqual([]);
    }, 300_000);
  }
});
