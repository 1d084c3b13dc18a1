/**
 * One window per document: opening files (reusing an empty window, never the same file twice),
 * refusing hostile files before any window is touched, Save As into another folder, the guard
 * that asks before closing unsaved changes, and restoring backups after a crash. Real host
 * services on temporary folders; fake windows and scripted dialogs.
 */
import { mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDocuments, suggestedFileName, windowTitle } from "../../../electron/main/documents.js";
import { HostError } from "../../../electron/host/errors.js";
import { tempDir } from "../host/temp.js";
import { scriptedShell } from "./support.js";

const LENET = await readFile(new URL("../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8");

async function setup() {
  const home = await tempDir();
  const nets = join(home, "nets");
  const other = join(home, "other");
  await mkdir(nets);
  await mkdir(other);
  await writeFile(join(nets, "lenet.json"), LENET);
  await writeFile(join(nets, "copy.json"), LENET);
  const shell = scriptedShell({ defaultFolder: home, stateRoot: await tempDir() });
  const documents = createDocuments(shell.deps);
  return { home, nets, other, shell, documents };
}

describe("opening files", () => {
  it("opens the first file in an empty window, the next in new windows, and focuses a file already open", async () => {
    const { nets, shell, documents } = await setup();
    const first = await documents.newWindow();
    await documents.openFiles([join(nets, "lenet.json"), join(nets, "copy.json")], first);
    expect(shell.windows).toHaveLength(2);
    expect(shell.windows[0]!.events).toEqual([{ type: "open-file", path: "lenet.json" }]);
    expect(shell.windows[1]!.events).toEqual([{ type: "open-file", path: "copy.json" }]);
    // The window now works in the file's folder, so the page's relative paths mean that folder.
    expect(first.services.workspace.root).toBe(await import("node:fs/promises").then((f) => f.realpath(nets)));
    expect((await documents.handlers.readFile(first, "lenet.json")).text).toBe(LENET);
    expect(shell.recent.slice(0, 2).map((p) => p.split(/[\\/]/).pop())).toEqual(["copy.json", "lenet.json"]);

    await documents.openFiles([join(nets, "lenet.json")], documents.all()[1]!);
    expect(shell.windows).toHaveLength(2);
    expect(shell.windows[0]!.focused).toBeGreaterThan(1);
  });

  it("does not reuse a window whose document has unsaved changes", async () => {
    const { nets, shell, documents } = await setup();
    const first = await documents.newWindow();
    await documents.handlers.documentChanged(first, { path: null, title: "Untitled", dirty: true, backupKey: "untitled-1" });
    await documents.openFiles([join(nets, "lenet.json")], first);
    expect(shell.windows).toHaveLength(2);
    expect(shell.windows[0]!.events).toEqual([]);
  });

  it("opens what the Open dialog returns, starting in the window's folder", async () => {
    const { nets, shell, documents } = await setup();
    const first = await documents.newWindow(nets);
    shell.answers.open.push([join(nets, "copy.json")]);
    await documents.handlers.showOpenDialog(first);
    expect(shell.asked.openFolders).toEqual([first.services.workspace.root]);
    expect(shell.windows[0]!.events).toEqual([{ type: "open-file", path: "copy.json" }]);
    shell.answers.open.push([]); // cancelled
    await documents.showOpenDialog(first);
    expect(shell.windows).toHaveLength(1);
  });

  it("refuses hostile and broken files with a clear error, touching no window", async () => {
    const { home, nets, shell, documents } = await setup();
    const files: Record<string, string> = {
      "notjson.json": "{ nodes: [",
      "deep.json": "[".repeat(5000) + "]".repeat(5000),
      "proto.json": '{"format":"layerloom-graph","version":1,"name":"x","__proto__":{"polluted":true},"nodes":[],"edges":[]}',
      "future.json": '{"format":"layerloom-graph","version":99,"name":"x","nodes":[],"edges":[]}',
      "latin1.json": "",
      "notes.txt": "hello",
      ".hidden.json": LENET,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(nets, name), text);
    await writeFile(join(nets, "latin1.json"), Buffer.from([0x7b, 0xe9, 0x7d]));
    await writeFile(join(home, "huge.json"), Buffer.alloc(33 * 1024 * 1024, 0x20));
    await symlink(join(nets, "lenet.json"), join(home, "link-target-kept.json"));
    const first = await documents.newWindow();
    await documents.handlers.documentChanged(first, { path: null, title: "Untitled", dirty: false, backupKey: null });
    const tries = [...Object.keys(files).map((n) => join(nets, n)), join(home, "huge.json"), join(home, "missing.json"), nets];
    await documents.openFiles(tries, first);
    expect(shell.windows).toHaveLength(1);
    expect(shell.windows[0]!.events).toEqual([]);
    expect(first.document.path).toBeNull();
    expect(shell.errors).toHaveLength(tries.length);
    const details = shell.errors.map((e) => `${e.message} ${e.detail}`);
    expect(details[0]).toMatch(/notjson\.json" is not a graph Layerloom can open.*not valid JSON/);
    expect(details[1]).toMatch(/nest more than 64 levels/);
    expect(details[2]).toMatch(/__proto__/);
    expect(details[3]).toMatch(/version/);
    expect(details[4]).toMatch(/not valid UTF-8/);
    expect(details[5]).toMatch(/notes\.txt.*opens graph files saved as \.json/);
    expect(details[6]).toMatch(/hidden files/);
    expect(details[7]).toMatch(/huge\.json.*33\.0 MB; Layerloom opens graph files up to 32\.0 MB/);
    expect(details[8]).toMatch(/does not exist/);
    expect(details[9]).toMatch(/is a folder/);
    // A link is opened as the file it points to, in that file's folder.
    await documents.openFiles([join(home, "link-target-kept.json")], first);
    expect(shell.windows[0]!.events).toEqual([{ type: "open-file", path: "lenet.json" }]);
  });
});

describe("saving", () => {
  it("Save As into another folder writes there once, and the window follows only when that save succeeds", async () => {
    const { nets, other, shell, documents } = await setup();
    const w = await documents.newWindow(nets);
    shell.answers.save.push(join(other, "mine.json"));
    expect(await documents.handlers.chooseSaveTarget(w, "My net")).toBe("mine.json");
    expect(shell.asked.savePathDefaults).toEqual([join(w.services.workspace.root, "My net.json")]);
    expect(w.services.workspace.root).not.toContain("other");
    const saved = await documents.handlers.writeFile(w, "mine.json", LENET);
    expect(await readFile(join(other, "mine.json"), "utf8")).toBe(LENET);
    expect(await readdir(nets)).not.toContain("mine.json");
    expect(w.services.workspace.root).toContain("other");
    // Later saves go to the same folder with the usual conflict check.
    await writeFile(join(other, "mine.json"), "changed by another program");
    await expect(documents.handlers.writeFile(w, "mine.json", LENET, { ifVersion: saved.version })).rejects.toMatchObject({ code: "conflict" });
  });

  it("saves an exported file where the person chooses, atomically, adding the extension and asking before replacing", async () => {
    const { nets, other, shell, documents } = await setup();
    const w = await documents.newWindow(nets);
    shell.answers.save.push(join(other, "lenet.ts"));
    expect(await documents.handlers.saveExport(w, "lenet.ts", "export const x = 1;\n")).toBe(join(other, "lenet.ts"));
    expect(shell.asked.exportPaths).toEqual([[join(nets, "lenet.ts"), "ts"]]);
    expect(await readFile(join(other, "lenet.ts"), "utf8")).toBe("export const x = 1;\n");
    expect(w.services.workspace.root).not.toContain("other"); // an export does not move the window
    // A bare name gets the extension; a file the dialog did not ask about is only replaced after asking.
    shell.answers.save.push(join(other, "lenet"));
    shell.answers.replace.push(false);
    expect(await documents.handlers.saveExport(w, "lenet.ts", "changed")).toBeNull();
    expect(shell.asked.replace).toEqual([join(other, "lenet.ts")]);
    expect(await readFile(join(other, "lenet.ts"), "utf8")).toBe("export const x = 1;\n");
    shell.answers.save.push(null);
    expect(await documents.handlers.saveExport(w, "run.csv", "step,loss\n")).toBeNull();
  });

  it("a failed Save As leaves the window in its folder", async () => {
    const { nets, other, shell, documents } = await setup();
    const w = await documents.newWindow(nets);
    await writeFile(join(other, "taken.json"), "x");
    shell.answers.save.push(join(other, "taken.json"));
    await documents.handlers.chooseSaveTarget(w, "taken");
    await expect(documents.handlers.writeFile(w, "taken.json", LENET, { ifVersion: null })).rejects.toBeInstanceOf(HostError);
    expect(w.services.workspace.root).not.toContain("other");
    // The redirect was used up: a later save of that name stays in the window's own folder.
    await documents.handlers.writeFile(w, "taken.json", LENET);
    expect(await readFile(join(nets, "taken.json"), "utf8")).toBe(LENET);
    expect(await readFile(join(other, "taken.json"), "utf8")).toBe("x");
  });

  it("adds .json when a dialog returns the bare name, asking before it replaces a file the dialog did not ask about", async () => {
    const { nets, shell, documents } = await setup();
    const w = await documents.newWindow(nets);
    shell.answers.save.push(join(nets, "fresh"));
    expect(await documents.handlers.chooseSaveTarget(w, "x")).toBe("fresh.json");
    expect(shell.asked.replace).toEqual([]);
    shell.answers.save.push(join(nets, "lenet"));
    shell.answers.replace.push(false);
    expect(await documents.handlers.chooseSaveTarget(w, "x")).toBeNull();
    expect(shell.asked.replace).toEqual([join(nets, "lenet.json")]);
    shell.answers.save.push(join(nets, ".secret.json"));
    await expect(documents.handlers.chooseSaveTarget(w, "x")).rejects.toMatchObject({ code: "invalid-path", message: expect.stringMatching(/hidden files/) });
    shell.answers.save.push(null);
    expect(await documents.handlers.chooseSaveTarget(w, "x")).toBeNull();
  });

  it("suggests a plain file name and shows the document in the title", () => {
    expect(suggestedFileName("../../etc/passwd")).toBe("passwd.json");
    expect(suggestedFileName("GoogLeNet (mini).json")).toBe("GoogLeNet (mini).json");
    expect(suggestedFileName("a\u0000b:c?")).toBe("abc.json");
    expect(suggestedFileName("")).toBe("Untitled.json");
    const state = { path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" };
    expect(windowTitle(state, false)).toBe("● lenet.json — Layerloom");
    expect(windowTitle(state, true)).toBe("lenet.json — Layerloom");
    expect(windowTitle({ ...state, dirty: false }, false)).toBe("lenet.json — Layerloom");
  });

  it("reports each document change to the window with the file's full path", async () => {
    const { nets, shell, documents } = await setup();
    const w = await documents.newWindow(nets);
    await documents.handlers.documentChanged(w, { path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" });
    expect(shell.windows[0]!.titles.at(-1)).toEqual({ state: { path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" }, file: join(w.services.workspace.root, "lenet.json") });
  });
});

describe("closing with unsaved changes", () => {
  async function dirtyWindow() {
    const s = await setup();
    const w = await s.documents.newWindow(s.nets);
    await s.documents.handlers.writeBackup(w, "lenet.json", "unsaved edits");
    await s.documents.handlers.documentChanged(w, { path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" });
    return { ...s, w };
  }

  it("closes at once when nothing is unsaved, and drops a leftover backup", async () => {
    const { documents, w } = await dirtyWindow();
    await documents.handlers.documentChanged(w, { path: "lenet.json", title: "lenet.json", dirty: false, backupKey: "lenet.json" });
    expect(documents.mayClose(w)).toBe(true);
    await documents.closed(w);
    expect(await w.services.readBackup("lenet.json")).toBeNull();
    expect(documents.all()).toEqual([]);
  });

  it("Cancel keeps the window and its backup", async () => {
    const { shell, documents, w } = await dirtyWindow();
    expect(documents.mayClose(w)).toBe(false);
    shell.answers.saveChanges.push("cancel");
    expect(await documents.confirmClose(w)).toBe("kept");
    expect(shell.asked.saveChanges).toEqual(["lenet.json"]);
    expect(shell.windows[0]!.closed).toBe(false);
    expect((await w.services.readBackup("lenet.json"))?.text).toBe("unsaved edits");
  });

  it("Don't Save closes the window and deletes the backup", async () => {
    const { shell, documents, w } = await dirtyWindow();
    shell.answers.saveChanges.push("discard");
    expect(await documents.confirmClose(w)).toBe("closing");
    expect(shell.windows[0]!.closed).toBe(true);
    expect(documents.mayClose(w)).toBe(true);
    expect(await w.services.readBackup("lenet.json")).toBeNull();
  });

  it("Save asks the page to save and closes only after that save succeeds", async () => {
    const { shell, documents, w } = await dirtyWindow();
    shell.answers.saveChanges.push("save");
    expect(await documents.confirmClose(w)).toBe("closing");
    expect(shell.windows[0]!.events.at(-1)).toEqual({ type: "command", id: "file.save" });
    expect(shell.windows[0]!.closed).toBe(false);
    // The page's save fails (the file changed on disk): the window stays open.
    await expect(documents.handlers.writeFile(w, "lenet.json", "mine", { ifVersion: "stale" })).rejects.toMatchObject({ code: "conflict" });
    expect(shell.windows[0]!.closed).toBe(false);
    expect(documents.mayClose(w)).toBe(false);
    // Asked again, and this time the save goes through.
    shell.answers.saveChanges.push("save");
    await documents.confirmClose(w);
    await documents.handlers.writeFile(w, "lenet.json", "mine");
    expect(shell.windows[0]!.closed).toBe(true);
    await documents.closed(w);
    expect(await w.services.readBackup("lenet.json")).toBeNull();
  });

  it("a Save that the page did not carry out does not close the window at a later save", async () => {
    const { shell, documents, w } = await dirtyWindow();
    shell.answers.saveChanges.push("save");
    await documents.confirmClose(w);
    // The page ran file.save but the person kept their edits at the conflict question: it reports still unsaved.
    await documents.handlers.documentChanged(w, { path: "lenet.json", title: "lenet.json", dirty: true, backupKey: "lenet.json" });
    await documents.handlers.writeFile(w, "lenet.json", "later, ordinary save");
    expect(shell.windows[0]!.closed).toBe(false);
  });

  it("a Save that turns into a cancelled Save As keeps the window", async () => {
    const { shell, documents, w } = await dirtyWindow();
    shell.answers.saveChanges.push("save");
    await documents.confirmClose(w);
    shell.answers.save.push(null);
    await documents.handlers.chooseSaveTarget(w, "Untitled");
    await documents.handlers.writeFile(w, "unrelated.json", "{}").catch(() => undefined);
    expect(shell.windows[0]!.closed).toBe(false);
  });
});

describe("recovery", () => {
  it("reopens each backed-up document in its own window of its folder, marked unsaved", async () => {
    const { nets, shell, documents } = await setup();
    const services = await shell.deps.servicesFor(nets);
    await services.writeBackup("lenet.json", "edited");
    await services.writeBackup("untitled-7", "draft");
    await documents.restore([{ root: services.workspace.root, state: "unused", backups: await services.listBackups() }]);
    expect(shell.windows).toHaveLength(2);
    const events = shell.windows.flatMap((w) => w.events);
    expect(events).toEqual(expect.arrayContaining([{ type: "restore-backup", key: "lenet.json" }, { type: "restore-backup", key: "untitled-7" }]));
    const restored = documents.all();
    expect(restored.every((d) => d.document.dirty && !documents.mayClose(d))).toBe(true);
    expect(restored.map((d) => d.document.path).sort()).toEqual(["lenet.json", null].sort());
  });

  it("says so when a backup's folder is gone, and opens nothing for it", async () => {
    const { home, shell, documents } = await setup();
    await documents.restore([{ root: join(home, "vanished"), state: "/state/x", backups: [{ key: "a.json", savedAt: 1 }] }]);
    expect(shell.windows).toHaveLength(0);
    expect(shell.errors[0]!.detail).toMatch(/vanished is gone.*backups stay in \/state\/x/);
  });
});
