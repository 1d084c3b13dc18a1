import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";
import { parseNotebook } from "../../../runtime/notebook/format.js";

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => { io.stdout += t + "\n"; }, err: (t: string) => { io.stderr += t + "\n"; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "layerloom-notebook-"));
const notebookOf = (sources: string[]) => JSON.stringify({
  nbformat: 4, nbformat_minor: 5, metadata: {},
  cells: sources.map((source) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null })),
});

describe("layerloom notebook run", () => {
  it("runs every cell with the graph beside the notebook, writes the outputs back in place and exits 0", async () => {
    copyFileSync("tests/fixtures/lenet5.ipynb", join(dir, "lenet5.ipynb"));
    copyFileSync("tests/fixtures/lenet5.layerloom.json", join(dir, "lenet5.layerloom.json"));
    const io = capture();
    const code = await main(["notebook", "run", join(dir, "lenet5.ipynb"), "--timeout", "120"], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout.match(/^cell \d+: ok/gm)).toHaveLength(5);
    const r = parseNotebook(readFileSync(join(dir, "lenet5.ipynb"), "utf8"));
    if (!r.ok) throw new Error(r.error.message);
    const code0 = r.notebook.cells.filter((c) => c.cell_type === "code");
    expect(code0.map((c) => c.execution_count)).toEqual([1, 2, 3, 4, 5]);
    expect(code0[0]!.outputs![0]).toMatchObject({ output_type: "execute_result", data: { "text/html": expect.stringContaining("<table>") } });
    const images = code0.flatMap((c) => c.outputs!).flatMap((o) => ("data" in o && typeof o.data["image/png"] === "string" ? [o.data["image/png"]] : []));
    expect(images.length).toBe(3);
    for (const b64 of images) expect(PNG.sync.read(Buffer.from(b64, "base64")).width).toBeGreaterThan(100);
  }, 120_000);

  it("stops at the first failing cell, names its line, writes to --out and exits 1", async () => {
    const file = join(dir, "fails.ipynb");
    writeFileSync(file, notebookOf(["const a = 1", "const b = a +\n  (undefined as any).nope", "console.log('never')"]));
    const out = join(dir, "fails-out.ipynb");
    const io = capture();
    expect(await main(["notebook", "run", file, "--out", out, "--graph", "tests/fixtures/lenet5.layerloom.json"], io)).toBe(1);
    expect(io.stderr).toMatch(/cell 2: TypeError at line 2: Cannot read properties of undefined/);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.cells[1].outputs[0]).toMatchObject({ output_type: "error", ename: "TypeError" });
    expect(written.cells[2].outputs).toEqual([]);
    expect(JSON.parse(readFileSync(file, "utf8")).cells[1].outputs).toEqual([]); // the original is untouched
  });

  it("stops a cell that runs past --timeout and exits 1", async () => {
    const file = join(dir, "slow.ipynb");
    writeFileSync(file, notebookOf(["await new Promise((ok) => setTimeout(ok, 60_000))"]));
    const io = capture();
    expect(await main(["notebook", "run", file, "--timeout", "0.2", "--graph", "tests/fixtures/lenet5.layerloom.json"], io)).toBe(1);
    expect(io.stderr).toMatch(/longer than 0.2 s/);
  });

  it("stops a synchronous endless loop at --timeout, keeps the earlier cells' outputs and exits 1", async () => {
    const file = join(dir, "loop.ipynb");
    writeFileSync(file, notebookOf(["console.log('first cell')", "while (true) {}", "console.log('never')"]));
    const out = join(dir, "loop-out.ipynb");
    const io = capture();
    expect(await main(["notebook", "run", file, "--out", out, "--timeout", "0.2", "--graph", "tests/fixtures/lenet5.layerloom.json"], io)).toBe(1);
    expect(io.stderr).toMatch(/cell 2: Timeout: The cell ran longer than 0.2 s/);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.cells[0].outputs).toMatchObject([{ output_type: "stream", name: "stdout" }]);
    expect([written.cells[0].outputs[0].text].flat().join("")).toBe("first cell\n");
    expect(written.cells[1].outputs[0]).toMatchObject({ output_type: "error", ename: "Timeout" });
    expect(written.cells[2].outputs).toEqual([]);
  });

  it.each([
    [["notebook"], /the action is "run"/],
    [["notebook", "run"], /name the notebook/],
    [["notebook", "run", "nope.ipynb"], /no such file/],
    [["notebook", "run", "tests/fixtures/lenet5.layerloom.json"], /no nbformat field/],
    [["notebook", "run", "tests/fixtures/lenet5.ipynb", "--timeout", "soon"], /--timeout needs a number/],
  ])("exits 2 for a bad command line or unreadable file: %j", async (args, message) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  it("exits 2 when the notebook names no graph and none is given", async () => {
    const file = join(dir, "nograph.ipynb");
    writeFileSync(file, notebookOf(["1"]));
    const io = capture();
    expect(await main(["notebook", "run", file], io)).toBe(2);
    expect(io.stderr).toMatch(/--graph FILE/);
  });
});
