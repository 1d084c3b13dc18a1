/**
 * The page's half of the desktop contract, against a scripted shell: menu commands run through
 * the registry (the same ids as the palette), files and backups the shell names are opened, and
 * the shell hears the document's state on every change, once per change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FILE_COMMANDS, fileCommands } from "../../../../renderer/commands/file-commands.js";
import { editCommands } from "../../../../renderer/commands/edit-commands.js";
import { createCommandRegistry } from "../../../../renderer/commands/registry.js";
import { linkDesktopShell } from "../../../../renderer/files/desktop-link.js";
import type { DocumentState, ShellEvent } from "../../../../renderer/platform/bridge.js";
import { memoryClipboard } from "../../../../renderer/commands/clipboard-port.js";
import { createLayoutStore } from "../../../../renderer/store/layout-store.js";
import { memoryStorage } from "../command-context.js";
import { LENET, rename, rig } from "./support.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Everything a desktop window's page runs: Files, the registry with the file and edit commands, the link. */
function desktopPage() {
  const r = rig({ seed: { files: { "g.json": LENET } } });
  const registry = createCommandRegistry();
  registry.register([...fileCommands(), ...editCommands()]);
  const ctx = {
    app: r.app, layout: createLayoutStore(memoryStorage()), platform: r.platform, clipboard: memoryClipboard(), files: r.files,
    notify: (m: string) => void r.notices.push(m),
    pick: async () => undefined,
  };
  let send: (event: ShellEvent) => void = () => undefined;
  const told: DocumentState[] = [];
  const stop = linkDesktopShell({
    shell: {
      onEvent(listener) {
        send = listener;
        return () => (send = () => undefined);
      },
      documentChanged: async (state) => void told.push(state),
    },
    files: r.files,
    runCommand: (id) => registry.run(id, ctx),
    hasCommand: (id) => registry.get(id) !== undefined,
    notify: ctx.notify,
  });
  return { r, told, stop, send: (e: ShellEvent) => send(e) };
}

describe("the desktop shell's events", () => {
  it("open a file the shell names", async () => {
    const page = desktopPage();
    page.send({ type: "open-file", path: "g.json" });
    await vi.waitFor(() => expect(page.r.app.getState().document.path).toBe("g.json"));
  });

  it("run menu commands by id, as the command palette does", async () => {
    const page = desktopPage();
    await page.r.files.open("g.json");
    rename(page.r.app, "c1", "renamed");
    page.send({ type: "command", id: FILE_COMMANDS.save });
    await vi.waitFor(() => expect(page.r.app.getState().document.dirty).toBe(false));
    expect(page.r.platform.snapshot()["g.json"]).toContain('"renamed"');
    page.send({ type: "command", id: "edit.undo" });
    await vi.waitFor(() => expect(page.r.app.getState().document.doc.nodes.find((n) => n.id === "c1")!.label).toBe("C1"));
  });

  it("report the state again after each menu command, even when nothing changed", async () => {
    const page = desktopPage();
    await page.r.files.open("g.json");
    rename(page.r.app, "c1", "renamed");
    await vi.waitFor(() => expect(page.told.at(-1)?.dirty).toBe(true));
    const before = page.told.length;
    page.send({ type: "command", id: "edit.selectAll" }); // changes nothing the shell tracks
    await vi.waitFor(() => expect(page.told.length).toBe(before + 1));
    expect(page.told.at(-1)).toEqual(page.told.at(-2));
  });

  it("say plainly when a menu item has no command yet (training)", async () => {
    const page = desktopPage();
    page.send({ type: "command", id: "train.toggle" });
    expect(page.r.notices).toEqual(["That menu item (train.toggle) is not available in this version of Layerloom yet."]);
  });

  it("reopen a backup after a crash as an unsaved document", async () => {
    const page = desktopPage();
    await page.r.platform.writeBackup("g.json", LENET.replace('"C1"', '"from the backup"'));
    page.send({ type: "restore-backup", key: "g.json" });
    await vi.waitFor(() => expect(page.r.app.getState().document).toMatchObject({ path: "g.json", dirty: true }));
    expect(page.r.app.getState().document.doc.nodes.find((n) => n.id === "c1")!.label).toBe("from the backup");
  });
});

describe("what the shell is told", () => {
  it("is the document's state after every change, each state once", async () => {
    const page = desktopPage();
    await page.r.files.open("g.json");
    rename(page.r.app, "c1", "a");
    rename(page.r.app, "c1", "b");
    await page.r.files.save();
    expect(page.told).toEqual([
      { path: null, title: "Untitled", dirty: false, backupKey: null },
      { path: "g.json", title: "g.json", dirty: false, backupKey: null },
      { path: "g.json", title: "g.json", dirty: true, backupKey: "g.json" },
      { path: "g.json", title: "g.json", dirty: false, backupKey: null },
    ]);
    page.stop();
    rename(page.r.app, "c1", "after");
    expect(page.told).toHaveLength(4);
  });
});
