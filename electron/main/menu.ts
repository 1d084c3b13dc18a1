/**
 * The application menu: File, Edit, View, Train, Help (and the app and Window menus on macOS),
 * with each OS's usual shortcuts. Items that are app commands send the command's id to the
 * focused window, where the command registry runs it, the same as the command palette; their
 * shortcuts are shown but left to the page's own keyboard handler (registerAccelerator: false),
 * which knows when a text field has the focus. The shell's own items (New Window, Open, Open
 * Recent, Close, zoom, full screen) are handled here.
 */
import type { MenuItemConstructorOptions } from "electron";
import { basename } from "node:path";

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  /** Absolute paths, newest first. */
  readonly recent: readonly string[];
  readonly devTools: boolean;
}

export interface MenuActions {
  newWindow(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Runs an app command in the focused window. */
  command(id: string): void;
  openExternal(url: string): void;
}

/** A menu item that runs an app command; `shortcut` is written as the command registry writes it. */
export interface CommandItem {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
}

export const DOCS = {
  tfjs: "https://js.tensorflow.org/api/latest/",
  keras: "https://keras.io/api/layers/",
} as const;

/** "Mod+Shift+Z" (the command registry's notation) as an Electron accelerator. */
export function toAccelerator(shortcut: string): string {
  return shortcut.split("+").map((part) => (part === "Mod" ? "CmdOrCtrl" : part.length === 1 ? part.toUpperCase() : part)).join("+");
}

export function menuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === "darwin";
  const windows = context.platform === "win32";
  const label = (text: string, mnemonic: string) => (mac ? text : text.replace(mnemonic, `&${mnemonic}`));
  const command = ({ id, label: text, shortcut }: CommandItem): MenuItemConstructorOptions => ({
    id,
    label: text,
    ...(shortcut ? { accelerator: toAccelerator(shortcut), registerAccelerator: false } : {}),
    click: () => actions.command(id),
  });
  const sep: MenuItemConstructorOptions = { type: "separator" };

  const recent: MenuItemConstructorOptions[] = context.recent.length === 0
    ? [{ label: "No Recent Files", enabled: false }]
    : context.recent.map((path) => ({ label: basename(path), sublabel: path, toolTip: path, click: () => actions.openRecent(path) }));

  const file: MenuItemConstructorOptions = {
    label: label("File", "F"),
    submenu: [
      { id: "shell.newWindow", label: "New Window", accelerator: "CmdOrCtrl+N", click: () => actions.newWindow() },
      { id: "shell.open", label: "Open…", accelerator: "CmdOrCtrl+O", click: () => actions.open() },
      { id: "shell.openRecent", label: "Open Recent", submenu: [...recent, sep, { label: "Clear Recent Files", enabled: context.recent.length > 0, click: () => actions.clearRecent() }] },
      sep,
      command({ id: "file.save", label: "Save", shortcut: "Mod+S" }),
      command({ id: "file.saveAs", label: "Save As…", shortcut: "Mod+Shift+S" }),
      sep,
      { role: "close", label: "Close Window", accelerator: "CmdOrCtrl+W" },
      // Windows closes windows with Alt+F4 and has no quit shortcut; Linux apps use Ctrl+Q.
      ...(mac ? [] : [sep, (windows ? { role: "quit", label: "Exit" } : { role: "quit", label: "Quit", accelerator: "Ctrl+Q" }) as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: label("Edit", "E"),
    submenu: [
      command({ id: "edit.undo", label: "Undo", shortcut: "Mod+Z" }),
      command({ id: "edit.redo", label: "Redo", shortcut: windows ? "Mod+Y" : "Mod+Shift+Z" }),
      sep,
      // Native clipboard actions: they fire the page's copy, cut and paste events, which work in
      // text fields and on the canvas alike and need no clipboard permission.
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      command({ id: "edit.duplicate", label: "Duplicate", shortcut: "Mod+D" }),
      command({ id: "edit.delete", label: "Delete", shortcut: mac ? "Backspace" : "Delete" }),
      command({ id: "edit.selectAll", label: "Select All", shortcut: "Mod+A" }),
      sep,
      command({ id: "edit.group", label: "Group into Block", shortcut: "Mod+G" }),
      command({ id: "edit.ungroup", label: "Ungroup Block", shortcut: "Mod+Shift+G" }),
      sep,
      command({ id: "palette.show", label: "Command Palette…", shortcut: "Mod+K" }),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: label("View", "V"),
    submenu: [
      command({ id: "canvas.fitView", label: "Fit Graph in View", shortcut: "F" }),
      command({ id: "canvas.autoLayout", label: "Auto-Layout", shortcut: "L" }),
      command({ id: "view.problems", label: "Problems", shortcut: "Mod+Shift+M" }),
      command({ id: "view.toggleTheme", label: "Light/Dark Theme" }),
      sep,
      { role: "resetZoom", label: "Actual Size" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      sep,
      { role: "togglefullscreen" },
      ...(context.devTools ? [sep, { role: "toggleDevTools" } as MenuItemConstructorOptions] : []),
    ],
  };

  const train: MenuItemConstructorOptions = {
    label: label("Train", "T"),
    submenu: [
      command({ id: "train.toggle", label: "Start or Stop Training", shortcut: "Mod+Enter" }),
      command({ id: "view.train", label: "Training Panel" }),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: "help",
    label: label("Help", "H"),
    submenu: [
      { id: "help.commands", label: "All Commands and Shortcuts", click: () => actions.command("palette.show") },
      sep,
      { label: "TensorFlow.js API Reference", click: () => actions.openExternal(DOCS.tfjs) },
      { label: "Keras Layers Reference", click: () => actions.openExternal(DOCS.keras) },
      ...(mac ? [] : [sep, { role: "about", label: "About Layerloom" } as MenuItemConstructorOptions]),
    ],
  };

  return [
    ...(mac ? [{ role: "appMenu" } as MenuItemConstructorOptions] : []),
    file,
    edit,
    view,
    train,
    ...(mac ? [{ role: "windowMenu" } as MenuItemConstructorOptions] : []),
    help,
  ];
}

/** Shortcuts main must act on before the page sees them (the page binds Mod+O to its own list). */
export type ShellShortcut = "open" | "new-window";

export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

export function shellShortcut(input: KeyInput, mac: boolean): ShellShortcut | null {
  if (input.type !== "keyDown" || input.shift || input.alt) return null;
  const mod = mac ? input.meta && !input.control : input.control && !input.meta;
  if (!mod) return null;
  const key = input.key.toLowerCase();
  return key === "o" ? "open" : key === "n" ? "new-window" : null;
}
