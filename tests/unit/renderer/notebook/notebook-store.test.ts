import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { parseNotebook } from "../../../../runtime/notebook/format.js";
import { createMemoryPlatform } from "../../../../renderer/platform/memory.js";
import { editCell, notebookStore, notebookText, openTemplateNotebook, openWorkspaceNotebook, save, saveCopy } from "../../../../renderer/notebook/notebook-store.js";

const NOTEBOOK = readFileSync("tests/fixtures/lenet5.ipynb", "utf8");
const platform = () => createMemoryPlatform({ templates: [{ id: "lenet", name: "LeNet", text: "{}", notebook: NOTEBOOK }, { id: "plain", name: "Plain", text: "{}" }] });

describe("notebook store", () => {
  beforeEach(() => notebookStore.setState({ origin: null, base: null, cells: [], dirty: false, notice: null }));

  it("opens a template's notebook read-only and asks the workbench to show it", async () => {
    const before = notebookStore.getState().openRequest;
    expect(await openTemplateNotebook(platform(), "lenet", "LeNet")).toBe(true);
    const s = notebookStore.getState();
    expect(s.origin).toEqual({ kind: "template", id: "lenet" });
    expect(s.title).toBe("LeNet notebook");
    expect(s.cells.map((c) => c.cell.cell_type)).toEqual(["markdown", "code", "code", "code", "code", "code"]);
    expect(s.openRequest).toBe(before + 1);
    expect(notebookText()).toBe(NOTEBOOK); // untouched, it serialises back byte for byte
  });

  it("closes the notebook for a template without one", async () => {
    await openTemplateNotebook(platform(), "lenet");
    expect(await openTemplateNotebook(platform(), "plain")).toBe(false);
    expect(notebookStore.getState().base).toBeNull();
  });

  it("marks edits as changes, saves a copy into the workspace, then saves in place with the version check", async () => {
    const p = platform();
    await openTemplateNotebook(p, "lenet");
    const code = notebookStore.getState().cells.find((c) => c.cell.cell_type === "code")!;
    editCell(code.key, "1 + 1");
    expect(notebookStore.getState().dirty).toBe(true);
    expect(await save(p)).toBe(false); // a template is read-only
    expect(await saveCopy(p, "mine.ipynb")).toBe(true);
    expect(notebookStore.getState()).toMatchObject({ origin: { kind: "file", path: "mine.ipynb" }, dirty: false });
    const copy = parseNotebook(p.snapshot()["mine.ipynb"]!);
    expect(copy.ok && copy.notebook.cells[1]!.source).toBe("1 + 1");
    expect(await saveCopy(p, "mine.ipynb")).toBe(false); // never over an existing file
    expect(notebookStore.getState().notice).toMatch(/Not saved: .*already exists/);

    editCell(code.key, "2 + 2");
    expect(await save(p)).toBe(true);
    p.changeOutside("mine.ipynb", NOTEBOOK);
    editCell(code.key, "3 + 3");
    expect(await save(p)).toBe(false); // changed on disk since: refused, not overwritten
    expect(p.snapshot()["mine.ipynb"]).toBe(NOTEBOOK);
  });

  it("opens a workspace notebook and refuses a broken one with the reason", async () => {
    const p = createMemoryPlatform({ files: { "a.ipynb": NOTEBOOK, "bad.ipynb": '{"nbformat": 3}' } });
    expect(await openWorkspaceNotebook(p, "a.ipynb")).toBe(true);
    expect(notebookStore.getState().origin).toMatchObject({ kind: "file", path: "a.ipynb" });
    expect(await openWorkspaceNotebook(p, "bad.ipynb")).toBe(false);
    expect(notebookStore.getState().notice).toMatch(/nbformat 3/);
  });
});
