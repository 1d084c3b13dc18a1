import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOTEBOOK_LIMITS, parseNotebook, serializeNotebook, splitLines } from "../../../runtime/notebook/format.js";

const fixture = readFileSync("tests/fixtures/lenet5.ipynb", "utf8");

function parsed(text: string) {
  const r = parseNotebook(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.notebook;
}

describe("notebook format", () => {
  it("writes a notebook back byte for byte as Jupyter would (sorted keys, one-space indent, line lists)", () => {
    expect(serializeNotebook(parsed(fixture))).toBe(fixture);
  });

  it("keeps metadata and fields it does not know, in the notebook and in cells", () => {
    const nb = JSON.parse(fixture);
    nb.metadata.widgets = { state: { a: [1, 2] } };
    nb.cells[1].metadata.tags = ["hide"];
    nb.cells[1].attachments = { "x.png": { "image/png": "AAAA" } };
    nb.future_field = 3;
    const again = JSON.parse(serializeNotebook(parsed(JSON.stringify(nb))));
    expect(again.metadata.widgets).toEqual({ state: { a: [1, 2] } });
    expect(again.cells[1].metadata.tags).toEqual(["hide"]);
    expect(again.cells[1].attachments).toEqual({ "x.png": { "image/png": "AAAA" } });
    expect(again.future_field).toBe(3);
  });

  it("round-trips any cell source exactly (property, seeded)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "b", "\n", " ", "é", "$", "\\") })), (sources) => {
        const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: sources.map((s, i) => ({ cell_type: i % 2 ? ("code" as const) : ("markdown" as const), metadata: {}, source: s, ...(i % 2 ? { outputs: [], execution_count: null } : {}) })) };
        const text = serializeNotebook(nb);
        const back = parsed(text);
        expect(back.cells.map((c) => c.source)).toEqual(sources);
        expect(serializeNotebook(back)).toBe(text);
      }),
      { seed: 20261129, numRuns: 200 },
    );
  });

  it("splits text into Jupyter's line lists", () => {
    expect(splitLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(splitLines("a\nb")).toEqual(["a\n", "b"]);
    expect(splitLines("")).toEqual([]);
  });

  it.each([
    ["not-json", "{ nope"],
    ["unsupported-version", JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [] })],
    ["invalid", JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", source: 5 }] })],
    ["invalid", JSON.stringify([1, 2])],
    ["unsafe-key", '{"nbformat":4,"nbformat_minor":5,"metadata":{"__proto__":{"x":1}},"cells":[]}'],
    ["too-deep", `{"nbformat":4,"nbformat_minor":5,"metadata":${"[".repeat(5000)}${"]".repeat(5000)},"cells":[]}`],
  ])("refuses a hostile or broken file with a typed error: %s", (code, text) => {
    const r = parseNotebook(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(20);
    }
  });

  it("refuses a file over the size limit before parsing it, quickly", () => {
    const huge = " ".repeat(NOTEBOOK_LIMITS.chars + 1);
    const t = performance.now();
    const r = parseNotebook(huge);
    expect(r.ok ? "" : r.error.code).toBe("too-large");
    expect(performance.now() - t).toBeLessThan(1000); // generous: hostile files are refused fast
  });
});
