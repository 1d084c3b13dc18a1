/**
 * The desktop app's windows, one per document. Each window works in one folder (its workspace:
 * the folder of the file it shows), through the same host services as the web host, so paths,
 * atomic saves, conflict checks and backups behave exactly alike. This module owns what only a
 * desktop has: the Open and Save dialogs, reusing an empty window or opening a new one, the
 * guard that asks before a window with unsaved changes closes, and recovery after a crash.
 * Electron itself stays outside: index.ts passes the windows and dialogs in.
 */
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import type { DocumentState, ShellEvent } from "../../renderer/platform/bridge.js";
import { WORKSPACE_EXTENSIONS, parseWorkspacePath } from "../../renderer/platform/paths.js";
import type { RecoverableWorkspace } from "../host/desktop-state.js";
import { writeFileAtomic } from "../host/atomic-write.js";
import { HostError } from "../host/errors.js";
import type { HostServices } from "../host/services.js";
import type { Handlers } from "./ipc-router.js";

export interface ShellWindow {
  /** Its web contents' id: IPC requests name their sender by it. */
  readonly contentsId: number;
  send(event: ShellEvent): void;
  /** Title bar, unsaved mark, and (macOS) the file the window represents. */
  showDocument(state: DocumentState, file: string | null): void;
  focus(): void;
  close(): void;
}

export type SaveChangesAnswer = "save" | "discard" | "cancel";

export interface DocumentsDeps {
  /** Host services for a folder, shared by every window in it (so saves to one file queue up). */
  servicesFor(folder: string): Promise<HostServices>;
  /** Where a new, untitled window works. */
  defaultFolder(): Promise<string>;
  /** Makes a window and starts loading the app's page in it. */
  openWindow(): ShellWindow;
  chooseFilesToOpen(parent: ShellWindow | null, folder: string): Promise<string[]>;
  chooseSavePath(parent: ShellWindow, defaultPath: string): Promise<string | null>;
  /** The Save dialog for an exported file, filtered to its extension ("ts", "py", "csv"...). */
  chooseExportPath(parent: ShellWindow, defaultPath: string, extension: string): Promise<string | null>;
  confirmReplace(parent: ShellWindow, path: string): Promise<boolean>;
  askSaveChanges(parent: ShellWindow, title: string): Promise<SaveChangesAnswer>;
  showError(parent: ShellWindow | null, message: string, detail: string): void;
  /** Adds a file to the recent documents (the File menu and the OS's list). */
  rememberRecent(path: string): Promise<void>;
  log(message: string): void;
  /** Runs fn after the current IPC answer is sent (tests run it at once). */
  later?(fn: () => void): void;
}

export interface DocumentWindow {
  readonly window: ShellWindow;
  /** The workspace the page's paths are relative to. */
  services: HostServices;
  /** As the page last reported it. */
  document: DocumentState;
  /** Where the document's backup lives, to remove it when the changes are saved or discarded. */
  backup: { readonly services: HostServices; readonly key: string } | null;
  /** A Save As into another folder: the next save of `path` goes there, and the window follows. */
  pendingSave: { readonly services: HostServices; readonly path: string } | null;
  /** "saving": the person chose Save when closing; the window closes once that save succeeds. */
  closing: "open" | "saving" | "confirmed";
}

export interface Documents {
  readonly handlers: Handlers<DocumentWindow>;
  contextFor(contentsId: number): DocumentWindow | undefined;
  all(): readonly DocumentWindow[];
  newWindow(folder?: string): Promise<DocumentWindow>;
  /** Opens files (absolute paths), each in its own window unless `from` is empty and can take the first. */
  openFiles(paths: readonly string[], from?: DocumentWindow | null): Promise<void>;
  showOpenDialog(from: DocumentWindow | null): Promise<void>;
  /** Sends a menu command to a window's page. */
  runCommand(target: DocumentWindow, id: string): void;
  /** Whether the window may close at once (nothing unsaved, or the person has decided). */
  mayClose(target: DocumentWindow): boolean;
  /** Asks what to do with unsaved changes; "closing" means the window is closing or will once saved. */
  confirmClose(target: DocumentWindow): Promise<"closing" | "kept">;
  /** The window is gone: forget it, and drop its backup if the changes were saved or discarded. */
  closed(target: DocumentWindow): Promise<void>;
  /** Reopens backed-up edits, one window per document. */
  restore(workspaces: readonly RecoverableWorkspace[]): Promise<void>;
}

const BLANK: DocumentState = { path: null, title: "Untitled", dirty: false, backupKey: null };

export function createDocuments(deps: DocumentsDeps): Documents {
  const windows = new Map<number, DocumentWindow>();
  const later = deps.later ?? ((fn: () => void) => void setTimeout(fn, 0));
  const fileOf = (ctx: DocumentWindow, path: string) => join(ctx.services.workspace.root, path);

  async function remember(services: HostServices, path: string): Promise<void> {
    // The recent list is a convenience: failing to keep it must never fail a save or an open.
    await deps.rememberRecent(join(services.workspace.root, path)).catch((e: unknown) => deps.log(`Could not update the recent files: ${String(e)}`));
  }

  async function dropBackup(ctx: DocumentWindow): Promise<void> {
    const backup = ctx.backup;
    ctx.backup = null;
    if (backup) await backup.services.removeBackup(backup.key).catch((e: unknown) => deps.log(`Could not remove the backup "${backup.key}": ${String(e)}`));
  }

  function show(ctx: DocumentWindow, state: DocumentState): void {
    ctx.document = state;
    ctx.window.showDocument(state, state.path === null ? null : fileOf(ctx, state.path));
  }

  async function newWindow(folder?: string, services?: HostServices): Promise<DocumentWindow> {
    const chosen = services ?? (await deps.servicesFor(folder ?? (await deps.defaultFolder())));
    const window = deps.openWindow();
    const ctx: DocumentWindow = { window, services: chosen, document: BLANK, backup: null, pendingSave: null, closing: "open" };
    windows.set(window.contentsId, ctx);
    return ctx;
  }

  const pristine = (ctx: DocumentWindow) => ctx.document.path === null && !ctx.document.dirty && ctx.closing === "open";

  /** Reads and checks a file before any window is touched; says why not in the person's words. */
  async function admit(file: string): Promise<{ services: HostServices; path: string } | { error: string; detail: string }> {
    const shown = basename(file);
    let real: string;
    try {
      real = await realpath(file);
      if (!(await stat(real)).isFile()) return { error: `"${shown}" cannot be opened.`, detail: `${file} is a folder, not a graph file.` };
    } catch {
      return { error: `"${shown}" cannot be opened.`, detail: `${file} does not exist (it may have been moved or deleted).` };
    }
    const name = basename(real);
    const parsed = parseWorkspacePath(name);
    if (!parsed.ok) {
      const hint = WORKSPACE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) ? "Rename the file and open it again." : "Layerloom opens graph files saved as .json.";
      return { error: `"${shown}" cannot be opened.`, detail: `${parsed.message} ${hint}` };
    }
    try {
      const services = await deps.servicesFor(dirname(real));
      const content = await services.readFile(name);
      const loaded = parseGraphFile(content.text);
      if (!loaded.ok) return { error: `"${shown}" is not a graph Layerloom can open.`, detail: loaded.error.message };
      return { services, path: name };
    } catch (e) {
      if (e instanceof HostError) return { error: `"${shown}" cannot be opened.`, detail: e.message };
      throw e;
    }
  }

  async function openFiles(paths: readonly string[], from: DocumentWindow | null = null): Promise<void> {
    let reusable = from !== null && pristine(from) ? from : null;
    for (const file of paths) {
      const admitted = await admit(file);
      if ("error" in admitted) {
        deps.showError(from?.window ?? null, admitted.error, admitted.detail);
        continue;
      }
      const { services, path } = admitted;
      const open = [...windows.values()].find((w) => w.services.workspace.root === services.workspace.root && w.document.path === path);
      if (open) {
        open.window.focus();
        continue;
      }
      const target = reusable ?? (await newWindow(undefined, services));
      reusable = null;
      target.services = services;
      target.pendingSave = null;
      // Counted as open from now on, so a second file in the same batch gets its own window.
      show(target, { path, title: path, dirty: false, backupKey: null });
      target.window.send({ type: "open-file", path });
      target.window.focus();
      await remember(services, path);
    }
  }

  const handlers: Handlers<DocumentWindow> = {
    listFiles: (ctx) => ctx.services.listFiles(),
    readFile: (ctx, path) => ctx.services.readFile(path),
    readFileIfExists: (ctx, path) => ctx.services.readFileIfExists(path),
    async writeFile(ctx, path, text, options) {
      const pending = ctx.pendingSave?.path === path ? ctx.pendingSave : null;
      if (pending) ctx.pendingSave = null;
      const services = pending?.services ?? ctx.services;
      try {
        const result = await (options === undefined ? services.writeFile(path, text) : services.writeFile(path, text, options));
        if (pending) ctx.services = pending.services;
        await remember(services, path);
        if (ctx.closing === "saving") {
          ctx.closing = "confirmed";
          later(() => ctx.window.close());
        }
        return result;
      } catch (e) {
        if (ctx.closing === "saving") ctx.closing = "open";
        throw e;
      }
    },
    recentFiles: (ctx) => ctx.services.recentFiles(),
    async addRecentFile(ctx, path) {
      const paths = await ctx.services.addRecentFile(path);
      await remember(ctx.services, path);
      return paths;
    },
    listTemplates: (ctx) => ctx.services.listTemplates(),
    readTemplate: (ctx, id, configuration) => ctx.services.readTemplate(id, configuration),
    readTemplateNotebook: (ctx, id) => ctx.services.readTemplateNotebook(id),
    writeBackup: (ctx, key, text) => ctx.services.writeBackup(key, text),
    readBackup: (ctx, key) => ctx.services.readBackup(key),
    listBackups: (ctx) => ctx.services.listBackups(),
    removeBackup: (ctx, key) => ctx.services.removeBackup(key),

    async documentChanged(ctx, state) {
      ctx.backup = state.backupKey === null ? null : { services: ctx.services, key: state.backupKey };
      // The page reports its state again when a menu command has run. Still unsaved after the
      // Save we asked for at close: that save did not happen (cancelled, or the conflict question
      // kept the edits), so a later save must not close the window.
      if (ctx.closing === "saving" && state.dirty) ctx.closing = "open";
      show(ctx, state);
    },

    async chooseSaveTarget(ctx, suggestedName) {
      ctx.pendingSave = null;
      const chosen = await chooseSavePath(ctx, suggestedName);
      if (chosen === null && ctx.closing === "saving") ctx.closing = "open";
      return chosen;
    },

    showOpenDialog: (ctx) => showOpenDialog(ctx),

    // Exports go anywhere the person chooses (the dialog asks before replacing), written the
    // same atomic way as graphs; the window's workspace stays where it is.
    async saveExport(ctx, suggestedName, text) {
      const extension = suggestedName.slice(suggestedName.lastIndexOf(".") + 1).toLowerCase();
      const chosen = await deps.chooseExportPath(ctx.window, join(ctx.services.workspace.root, basename(suggestedName)), extension);
      if (chosen === null) return null;
      const target = chosen.toLowerCase().endsWith(`.${extension}`) ? chosen : `${chosen}.${extension}`;
      if (target !== chosen && (await exists(target)) && !(await deps.confirmReplace(ctx.window, target))) return null;
      await writeFileAtomic(target, text);
      return target;
    },
  };

  async function chooseSavePath(ctx: DocumentWindow, suggestedName: string): Promise<string | null> {
    const root = ctx.services.workspace.root;
    let chosen = await deps.chooseSavePath(ctx.window, join(root, suggestedFileName(suggestedName)));
    if (chosen === null) return null;
    if (!chosen.toLowerCase().endsWith(".json")) {
      // Some Linux dialogs return the name as typed; the extension is ours to add, and then
      // the dialog has not asked about replacing that file.
      chosen += ".json";
      if ((await exists(chosen)) && !(await deps.confirmReplace(ctx.window, chosen))) return null;
    }
    const name = basename(chosen);
    const parsed = parseWorkspacePath(name);
    if (!parsed.ok) throw new HostError("invalid-path", parsed.message);
    const services = await deps.servicesFor(dirname(chosen));
    if (services.workspace.root !== root) ctx.pendingSave = { services, path: name };
    return name;
  }

  async function showOpenDialog(from: DocumentWindow | null): Promise<void> {
    const folder = from?.services.workspace.root ?? (await deps.defaultFolder());
    const chosen = await deps.chooseFilesToOpen(from?.window ?? null, folder);
    if (chosen.length > 0) await openFiles(chosen, from);
  }

  return {
    handlers,
    contextFor: (id) => windows.get(id),
    all: () => [...windows.values()],
    newWindow: (folder) => newWindow(folder),
    openFiles,
    showOpenDialog,
    runCommand: (target, id) => target.window.send({ type: "command", id }),
    mayClose: (target) => target.closing === "confirmed" || !target.document.dirty,

    async confirmClose(target) {
      const answer = await deps.askSaveChanges(target.window, target.document.title);
      if (answer === "cancel") return "kept";
      if (answer === "discard") {
        target.closing = "confirmed";
        await dropBackup(target);
        target.window.close();
        return "closing";
      }
      // The page saves as it always does (asking for a name if the graph has none); the
      // window closes when that save succeeds, and stays if it fails or is cancelled.
      target.closing = "saving";
      target.window.send({ type: "command", id: "file.save" });
      return "closing";
    },

    async closed(target) {
      windows.delete(target.window.contentsId);
      // Saved, or discarded on purpose: the backup is no longer anyone's work.
      if (target.closing === "confirmed" || !target.document.dirty) await dropBackup(target);
    },

    async restore(workspaces) {
      for (const ws of workspaces) {
        let services: HostServices;
        try {
          services = await deps.servicesFor(ws.root);
        } catch (e) {
          deps.showError(null, "Some unsaved changes could not be restored.", `Their folder ${ws.root} is gone (${e instanceof Error ? e.message : String(e)}). The backups stay in ${ws.state}.`);
          continue;
        }
        for (const backup of ws.backups) {
          const ctx = await newWindow(undefined, services);
          const path = parseWorkspacePath(backup.key).ok ? backup.key : null;
          ctx.backup = { services, key: backup.key };
          show(ctx, { path, title: path ?? "Untitled", dirty: true, backupKey: backup.key });
          ctx.window.send({ type: "restore-backup", key: backup.key });
        }
      }
    },
  };
}

/** A plain file name for the Save dialog to start with. */
export function suggestedFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.replace(/[\p{Cc}<>:"|?*]/gu, "").trim() ?? "";
  const stem = base.replace(/\.json$/i, "") || "Untitled";
  return `${stem.slice(0, 120)}.json`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The title bar: "● lenet.json — Layerloom" (macOS shows unsaved changes in the close button). */
export function windowTitle(state: DocumentState, mac: boolean): string {
  return `${state.dirty && !mac ? "● " : ""}${state.title || "Untitled"} — Layerloom`;
}
