/**
 * Stand-ins for the Electron objects main's plain modules are given: windows that record what
 * they were told, dialogs that answer from a script, and IPC events from a chosen frame.
 */
import type { DocumentState, ShellEvent } from "../../../renderer/platform/bridge.js";
import { APP_ENTRY_URL } from "../../../electron/main/app-protocol.js";
import type { DocumentsDeps, SaveChangesAnswer, ShellWindow } from "../../../electron/main/documents.js";
import type { InvokeEventLike } from "../../../electron/main/ipc-router.js";
import type { HostServices } from "../../../electron/host/services.js";
import { createHostServices } from "../../../electron/host/services.js";
import { realpath } from "node:fs/promises";
import { join } from "node:path";

export class FakeWindow implements ShellWindow {
  readonly events: ShellEvent[] = [];
  readonly titles: { state: DocumentState; file: string | null }[] = [];
  focused = 0;
  closed = false;
  constructor(readonly contentsId: number) {}
  send(event: ShellEvent) {
    this.events.push(event);
  }
  showDocument(state: DocumentState, file: string | null) {
    this.titles.push({ state, file });
  }
  focus() {
    this.focused++;
  }
  close() {
    this.closed = true;
  }
}

/** An IPC event as the top frame of window `contentsId` showing `url` would send it. */
export function eventFrom(contentsId: number, url = APP_ENTRY_URL, options: { subframe?: boolean; noFrame?: boolean } = {}): InvokeEventLike {
  const top = { url, parent: null };
  if (options.noFrame) return { sender: { id: contentsId }, senderFrame: null };
  if (options.subframe) return { sender: { id: contentsId }, senderFrame: { url, parent: top } };
  return { sender: { id: contentsId }, senderFrame: top };
}

export interface ScriptedShell {
  readonly deps: DocumentsDeps;
  readonly windows: FakeWindow[];
  readonly errors: { message: string; detail: string }[];
  readonly recent: string[];
  readonly log: string[];
  /** Answers the next dialogs will give, taken in order. */
  readonly answers: {
    open: string[][];
    save: (string | null)[];
    replace: boolean[];
    saveChanges: SaveChangesAnswer[];
  };
  readonly asked: { saveChanges: string[]; replace: string[]; savePathDefaults: string[]; openFolders: string[]; exportPaths: [string, string][] };
}

/** Host services per folder, with their state in `stateRoot`, as main makes them. */
export function scriptedShell(options: { defaultFolder: string; stateRoot: string; templates?: string }): ScriptedShell {
  const windows: FakeWindow[] = [];
  const services = new Map<string, Promise<HostServices>>();
  const errors: { message: string; detail: string }[] = [];
  const recent: string[] = [];
  const log: string[] = [];
  const answers = { open: [] as string[][], save: [] as (string | null)[], replace: [] as boolean[], saveChanges: [] as SaveChangesAnswer[] };
  const asked = { saveChanges: [] as string[], replace: [] as string[], savePathDefaults: [] as string[], openFolders: [] as string[], exportPaths: [] as [string, string][] };
  let nextId = 100;
  const take = <T>(list: T[], what: string): T => {
    if (list.length === 0) throw new Error(`The test gave no answer for the ${what} dialog.`);
    return list.shift()!;
  };
  const deps: DocumentsDeps = {
    async servicesFor(folder) {
      const root = await realpath(folder);
      let made = services.get(root);
      if (!made) {
        made = createHostServices({ workspace: root, state: join(options.stateRoot, encodeURIComponent(root)), templates: options.templates ?? join(options.stateRoot, "no-templates") });
        services.set(root, made);
      }
      return made;
    },
    defaultFolder: async () => options.defaultFolder,
    openWindow() {
      const w = new FakeWindow(nextId++);
      windows.push(w);
      return w;
    },
    async chooseFilesToOpen(_parent, folder) {
      asked.openFolders.push(folder);
      return take(answers.open, "Open");
    },
    async chooseSavePath(_parent, defaultPath) {
      asked.savePathDefaults.push(defaultPath);
      return take(answers.save, "Save");
    },
    async chooseExportPath(_parent, defaultPath, extension) {
      asked.exportPaths.push([defaultPath, extension]);
      return take(answers.save, "Save export");
    },
    async confirmReplace(_parent, path) {
      asked.replace.push(path);
      return take(answers.replace, "Replace");
    },
    async askSaveChanges(_parent, title) {
      asked.saveChanges.push(title);
      return take(answers.saveChanges, "Save changes");
    },
    showError(_parent, message, detail) {
      errors.push({ message, detail });
    },
    async rememberRecent(path) {
      recent.unshift(path);
    },
    log: (m) => void log.push(m),
    later: (fn) => fn(),
  };
  return { deps, windows, errors, recent, log, answers, asked };
}
