/** The desktop app's own files: per-folder state, recoverable backups, recent documents, window place. */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDesktopState } from "../../../electron/host/desktop-state.js";
import { openHostState } from "../../../electron/host/host-state.js";
import { tempDir } from "../host/temp.js";

describe("desktop state", () => {
  it("gives each workspace folder its own state folder, labelled with the folder", async () => {
    const userData = await tempDir();
    const state = openDesktopState(userData);
    const a = await state.stateFolderFor("/home/ada/nets");
    const b = await state.stateFolderFor("/home/ada/gan");
    expect(a).not.toBe(b);
    expect(await state.stateFolderFor("/home/ada/nets")).toBe(a);
    expect((await readdir(join(userData, "workspaces"))).length).toBe(2);
  });

  it("finds the backups left behind, per folder, newest first, and ignores damaged state", async () => {
    const userData = await tempDir();
    let clock = 1000;
    const state = openDesktopState(userData);
    const nets = await state.stateFolderFor("/home/ada/nets");
    const gan = await state.stateFolderFor("/home/ada/gan");
    await state.stateFolderFor("/home/ada/empty");
    await openHostState(nets, () => clock).writeBackup("lenet.json", "edited");
    clock = 3000;
    await openHostState(gan, () => clock).writeBackup("untitled-1", "draft");
    await mkdir(join(userData, "workspaces", "garbage"));
    await writeFile(join(userData, "workspaces", "garbage", "workspace.json"), "{not json");
    const found = await state.recoverable();
    expect(found.map((f) => [f.root, f.backups.map((b) => b.key)])).toEqual([["/home/ada/gan", ["untitled-1"]], ["/home/ada/nets", ["lenet.json"]]]);
    expect(found[0]!.state).toBe(gan);
    expect(await openDesktopState(await tempDir()).recoverable()).toEqual([]);
  });

  it("keeps recent documents newest first, without repeats or files that are gone, and clears them", async () => {
    const userData = await tempDir();
    const files = await tempDir();
    const state = openDesktopState(userData);
    for (const n of ["a", "b", "c"]) await writeFile(join(files, `${n}.json`), "{}");
    await state.addRecentDocument(join(files, "a.json"));
    await state.addRecentDocument(join(files, "b.json"));
    await state.addRecentDocument(join(files, "c.json"));
    await state.addRecentDocument(join(files, "a.json"));
    await rm(join(files, "b.json"));
    expect(await state.recentDocuments()).toEqual([join(files, "a.json"), join(files, "c.json")]);
    for (let i = 0; i < 20; i++) await state.addRecentDocument(join(files, "a.json") + i);
    expect((await openDesktopState(userData).recentDocuments()).length).toBe(0);
    await state.clearRecentDocuments();
    expect(await state.recentDocuments()).toEqual([]);
  });

  it("remembers the window state, and a damaged file reads as none", async () => {
    const userData = await tempDir();
    const state = openDesktopState(userData);
    expect(await state.readWindowState()).toBeUndefined();
    await state.writeWindowState({ bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false, fullScreen: false });
    expect(await openDesktopState(userData).readWindowState()).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false, fullScreen: false });
    await writeFile(join(userData, "window-state.json"), "{{{");
    expect(await state.readWindowState()).toBeUndefined();
  });
});
