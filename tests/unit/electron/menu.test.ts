/**
 * The application menu on each OS: the five menus (plus macOS's app and Window menus), the usual
 * shortcuts, command items that defer keys to the page, and the shell's own items.
 */
import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { DOCS, menuTemplate, shellShortcut, toAccelerator, type MenuActions } from "../../../electron/main/menu.js";

function build(platform: NodeJS.Platform, recent: string[] = [], devTools = false) {
  const calls: string[] = [];
  const actions: MenuActions = {
    newWindow: () => void calls.push("newWindow"),
    open: () => void calls.push("open"),
    openRecent: (p) => void calls.push(`openRecent ${p}`),
    clearRecent: () => void calls.push("clearRecent"),
    command: (id) => void calls.push(`command ${id}`),
    openExternal: (url) => void calls.push(`openExternal ${url}`),
  };
  return { template: menuTemplate({ platform, recent, devTools }, actions), calls };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe("application menu", () => {
  it("has File, Edit, View, Train and Help everywhere; macOS adds its app and Window menus", () => {
    expect(build("win32").template.map((m) => m.label ?? m.role)).toEqual(["&File", "&Edit", "&View", "&Train", "&Help"]);
    expect(build("linux").template.map((m) => m.label ?? m.role)).toEqual(["&File", "&Edit", "&View", "&Train", "&Help"]);
    expect(build("darwin").template.map((m) => m.label ?? m.role)).toEqual(["appMenu", "File", "Edit", "View", "Train", "windowMenu", "Help"]);
  });

  it("uses each OS's usual shortcuts", () => {
    const accel = (platform: NodeJS.Platform, menu: string, label: string) => find(submenu(find(build(platform).template, menu)), label)?.accelerator;
    for (const [menu, label, key] of [
      ["File", "New Window", "CmdOrCtrl+N"], ["File", "Open…", "CmdOrCtrl+O"], ["File", "Save", "CmdOrCtrl+S"],
      ["File", "Save As…", "CmdOrCtrl+Shift+S"], ["File", "Close Window", "CmdOrCtrl+W"], ["Edit", "Undo", "CmdOrCtrl+Z"],
      ["Edit", "Select All", "CmdOrCtrl+A"], ["Edit", "Command Palette…", "CmdOrCtrl+K"], ["Train", "Start or Stop Training", "CmdOrCtrl+Enter"],
    ] as const) {
      expect(accel("darwin", menu, label), label).toBe(key);
      expect(accel("linux", `&${menu}`, label), label).toBe(key);
    }
    expect(accel("win32", "&Edit", "Redo")).toBe("CmdOrCtrl+Y");
    expect(accel("darwin", "Edit", "Redo")).toBe("CmdOrCtrl+Shift+Z");
    expect(accel("linux", "&Edit", "Redo")).toBe("CmdOrCtrl+Shift+Z");
    expect(accel("darwin", "Edit", "Delete")).toBe("Backspace");
    // Quit: Linux Ctrl+Q; Windows has "Exit" without a shortcut (Alt+F4 closes a window); macOS in the app menu.
    expect(find(submenu(build("linux").template[0]), "Quit")).toMatchObject({ role: "quit", accelerator: "Ctrl+Q" });
    expect(find(submenu(build("win32").template[0]), "Exit")).toEqual({ role: "quit", label: "Exit" });
    expect(submenu(build("darwin").template[1]).some((i) => i.role === "quit")).toBe(false);
  });

  it("sends app commands to the page and leaves their keys to the page's own handler", () => {
    const { template, calls } = build("linux");
    const commands = template.flatMap(submenu).filter((i) => i.id && /^(file|edit|view|canvas|train|palette)\./.test(i.id));
    expect(commands.map((i) => i.id)).toEqual([
      "file.save", "file.saveAs", "edit.undo", "edit.redo", "edit.duplicate", "edit.delete", "edit.selectAll", "edit.group", "edit.ungroup",
      "palette.show", "canvas.fitView", "canvas.autoLayout", "view.problems", "view.toggleTheme", "train.toggle", "view.train",
    ]);
    for (const item of commands) {
      if (item.accelerator) expect(item.registerAccelerator, item.id).toBe(false);
      click(item);
    }
    expect(calls).toEqual(commands.map((i) => `command ${i.id}`));
  });

  it("does the shell's own items itself: new window, open, recent files, docs", () => {
    const { template, calls } = build("win32", ["/home/ada/nets/lenet.json", "/home/ada/gan.json"]);
    const file = submenu(template[0]);
    click(find(file, "New Window"));
    click(find(file, "Open…"));
    const recent = submenu(find(file, "Open Recent"));
    expect(recent.map((i) => i.label ?? i.type)).toEqual(["lenet.json", "gan.json", "separator", "Clear Recent Files"]);
    click(recent[0]);
    click(recent[3]);
    const help = submenu(template[4]);
    click(find(help, "Keras Layers Reference"));
    click(find(help, "TensorFlow.js API Reference"));
    click(find(help, "All Commands and Shortcuts"));
    expect(calls).toEqual(["newWindow", "open", "openRecent /home/ada/nets/lenet.json", "clearRecent", `openExternal ${DOCS.keras}`, `openExternal ${DOCS.tfjs}`, "command palette.show"]);
    const none = submenu(find(submenu(build("win32").template[0]), "Open Recent"));
    expect(none[0]).toMatchObject({ label: "No Recent Files", enabled: false });
    expect(none.at(-1)).toMatchObject({ enabled: false });
  });

  it("shows developer tools only when running from source", () => {
    const roles = (devTools: boolean) => submenu(build("linux", [], devTools).template[2]).map((i) => i.role);
    expect(roles(false)).not.toContain("toggleDevTools");
    expect(roles(true)).toContain("toggleDevTools");
  });

  it("writes the command registry's shortcuts as Electron accelerators", () => {
    expect(toAccelerator("Mod+Shift+z")).toBe("CmdOrCtrl+Shift+Z");
    expect(toAccelerator("Delete")).toBe("Delete");
    expect(toAccelerator("/")).toBe("/");
  });
});

describe("shortcuts main takes before the page", () => {
  const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }>, type = "keyDown") =>
    ({ type, key: k, control: false, meta: false, shift: false, alt: false, ...mods });

  it("Mod+O opens the system dialog and Mod+N a new window, with Cmd on macOS and Ctrl elsewhere", () => {
    expect(shellShortcut(key("o", { control: true }), false)).toBe("open");
    expect(shellShortcut(key("O", { meta: true }), true)).toBe("open");
    expect(shellShortcut(key("n", { control: true }), false)).toBe("new-window");
    expect(shellShortcut(key("o", { meta: true }), false)).toBeNull();
    expect(shellShortcut(key("o", { control: true }), true)).toBeNull();
    expect(shellShortcut(key("o", { control: true, shift: true }), false)).toBeNull();
    expect(shellShortcut(key("o", { control: true }, "keyUp"), false)).toBeNull();
    expect(shellShortcut(key("s", { control: true }), false)).toBeNull();
  });
});
