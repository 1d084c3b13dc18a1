/**
 * The file side of the app: new, open, open a template, save, save as, the question before
 * unsaved changes are dropped, backups of unsaved edits and their recovery, and whether the
 * start screen shows. Everything goes through the Platform, so the desktop shell, the web host
 * and the in-memory platform of the tests behave alike; questions go through `ask` (the command
 * palette in the app, a script in tests).
 *
 * Saving writes graph-ir's serializeGraph(doc) with the version last read, so a file changed on
 * disk since is never overwritten without asking: overwrite, reload from disk, or cancel.
 * A template opens as a new, never-saved document: saving it asks for a name, so the template
 * itself is never written.
 */
import { openTemplateNotebook, openWorkspaceNotebook } from "../notebook/notebook-store.js";
import { createStore } from "zustand/vanilla";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile, serializeGraph } from "../../graph-ir/core/load.js";
import { isPlatformError } from "../platform/platform.js";
import { displayName } from "../store/app-store.js";
import { createBackupSessions } from "./backup-sessions.js";
import { baseName, suggestFileName } from "./file-names.js";
import type { Choice, Files, FilesOptions, FilesState, Recoverable, SaveTarget } from "./files-types.js";
import { fileOfKey, newUntitledKey, offerableBackups, whenSaved } from "./recovery.js";

export type { Ask, Choice, Files, FilesOptions, FilesState, Recoverable, SaveAsRequest, SaveTarget } from "./files-types.js";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** How many earlier backups the start screen lists at most. */
const MAX_OFFERED = 8;

export function createFiles(options: FilesOptions): Files {
  const { app, platform, ask, notify } = options;
  const now = options.now ?? Date.now;
  const store = createStore<FilesState>()(() => ({ start: options.startScreen === false ? null : "launch", saveAs: null }));
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  const sessions = createBackupSessions({
    platform,
    read: () => serializeGraph(app.getState().document.doc),
    newKey: options.newKey ?? newUntitledKey,
    locks: options.locks ?? null,
    ...(options.backupDelayMs !== undefined ? { delayMs: options.backupDelayMs } : {}),
    onFailure: (e) => notify(`Unsaved changes could not be backed up: ${message(e)} Save soon; backups are tried again after each edit.`),
  });

  /** The backup key for the next document this controller opens itself (a restored backup's). */
  let nextKey: string | undefined;

  function follow(): () => void {
    return app.subscribe((s, prev) => {
      if (s.document === prev.document) return;
      const replaced = s.document.doc !== prev.document.doc;
      if (replaced && !s.document.dirty) {
        // Opened or new: the old document's edits were saved or dropped on purpose.
        void sessions.replace(nextKey ?? s.document.path);
        nextKey = undefined;
      }
      if (replaced && store.getState().start) store.setState({ start: null });
      if (s.document.dirty && (replaced || !prev.document.dirty)) sessions.edited();
      changed();
    });
  }

  /** Replaces the document; `key` is what its edits are backed up under (default: its path). */
  function show(doc: GraphDocument, source?: { readonly path: string; readonly version: string }, key?: string): void {
    nextKey = key;
    app.getState().openDocument(doc, source);
    nextKey = undefined;
    store.setState({ start: null });
  }

  async function confirmUnsaved(doing: string): Promise<boolean> {
    const d = app.getState().document;
    if (!d.dirty) return true;
    const name = displayName(d);
    const answer = await ask(`${name} has unsaved changes. Save them before you ${doing}?`, [
      { id: "save", title: d.path ? `Save ${name}, then ${doing}` : `Save ${name} as a file, then ${doing}` },
      { id: "discard", title: `Discard the changes and ${doing}` },
      { id: "cancel", title: "Keep editing" },
    ]);
    if (answer === "save") return save();
    return answer === "discard";
  }

  // ----- saving -----

  let queue: Promise<unknown> = Promise.resolve();
  /** Saves run one after another: a second Ctrl+S waits for the first, then saves what is new. */
  function serial(task: () => Promise<boolean>): Promise<boolean> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Records a successful write of `doc`; edits made while it was being written stay unsaved. */
  async function saved(path: string, version: string, doc: GraphDocument): Promise<void> {
    const current = app.getState().document.doc;
    // The saved edits' backup goes; later edits are backed up under the file's path.
    void sessions.replace(path);
    app.getState().markSaved(path, version);
    if (current !== doc) app.getState().updateDocument(current);
    changed();
    // The recent list is a convenience; a host that cannot keep it must not fail a save.
    await platform.addRecentFile(path).catch(() => undefined);
  }

  async function write(path: string, text: string, ifVersion: string | null | undefined): Promise<string> {
    return (await platform.writeFile(path, text, ifVersion === undefined ? {} : { ifVersion })).version;
  }

  /** Writes doc to path; on a conflict asks whether to overwrite, reload from disk, or cancel. */
  async function writeChecked(path: string, doc: GraphDocument, ifVersion: string | null | undefined): Promise<boolean> {
    const text = serializeGraph(doc);
    try {
      await saved(path, await write(path, text, ifVersion), doc);
      return true;
    } catch (e) {
      if (!isPlatformError(e, "conflict")) {
        notify(`${baseName(path)} could not be saved: ${message(e)}`);
        return false;
      }
    }
    // The file may have been deleted since it was opened: absent, not a failure.
    const onDisk = await platform.readFileIfExists(path).catch(() => null);
    const name = baseName(path);
    const question = ifVersion === null
      ? `${name} already exists in the workspace. Replace it?`
      : onDisk ? `${name} changed on disk since you opened it. What should happen to your changes?` : `${name} was deleted or moved since you opened it.`;
    const choices: Choice[] = [
      { id: "overwrite", title: onDisk ? `Overwrite ${name} with your version` : `Save your version as ${path} again` },
      ...(onDisk && ifVersion !== null ? [{ id: "reload", title: `Reload ${name} from disk and discard your changes` }] : []),
      { id: "cancel", title: "Cancel: keep editing, save nothing" },
    ];
    const answer = await ask(question, choices);
    if (answer === "overwrite") {
      try {
        await saved(path, await write(path, text, undefined), doc);
        return true;
      } catch (e) {
        notify(`${name} could not be saved: ${message(e)}`);
        return false;
      }
    }
    if (answer === "reload" && onDisk) {
      const r = parseGraphFile(onDisk.text);
      if (!r.ok) {
        notify(`${name} on disk cannot be opened: ${r.error.message} Your changes are kept.`);
        return false;
      }
      show(r.doc, { path: onDisk.path, version: onDisk.version });
      return false;
    }
    return false;
  }

  function save(): Promise<boolean> {
    return serial(async () => {
      const d = app.getState().document;
      if (d.path === null) return saveAsNow();
      if (!d.dirty) return true;
      return writeChecked(d.path, d.doc, d.version);
    });
  }

  async function chooseTarget(): Promise<SaveTarget | null> {
    const d = app.getState().document;
    if (options.chooseSaveTarget) return options.chooseSaveTarget(d.path ?? d.doc.name);
    const existing = await platform.listFiles().then((fs) => fs.map((f) => f.path), () => []);
    const suggested = d.path ?? suggestFileName(d.doc.name || "Untitled", existing);
    return new Promise((resolve) => {
      store.getState().saveAs?.resolve(null);
      store.setState({
        saveAs: {
          suggested,
          resolve(target) {
            if (store.getState().saveAs === this) store.setState({ saveAs: null });
            resolve(target);
          },
        },
      });
    });
  }

  async function saveAsNow(): Promise<boolean> {
    let target: SaveTarget | null;
    try {
      target = await chooseTarget();
    } catch (e) {
      notify(`Cannot save: ${message(e)}`);
      return false;
    }
    if (!target) return false;
    return writeChecked(target.path, app.getState().document.doc, target.replace ? undefined : null);
  }

  // ----- opening -----

  async function offerBackupOf(path: string): Promise<"restore" | "open" | "cancel"> {
    if (path === sessions.activeKey()) return "open";
    const backup = await platform.readBackup(path).catch(() => null);
    if (!backup) return "open";
    if ((await options.locks?.held().catch(() => null))?.has(path)) return "open";
    const file = (await platform.listFiles().catch(() => [])).find((f) => f.path === path);
    if (offerableBackups([backup], file ? [file] : [], new Set()).length === 0) return "open";
    const answer = await ask(`${baseName(path)} has changes from ${whenSaved(backup.savedAt, now())} that were never saved.`, [
      { id: "restore", title: "Restore the unsaved changes" },
      { id: "open", title: "Open the saved file and discard those changes" },
    ]);
    if (answer === "open") await platform.removeBackup(path).catch(() => undefined);
    return answer === "restore" || answer === "open" ? answer : "cancel";
  }

  async function open(path: string): Promise<boolean> {
    // A notebook opens beside the graph, which stays as it is.
    if (path.toLowerCase().endsWith(".ipynb")) return openWorkspaceNotebook(platform, path);
    if (!(await confirmUnsaved(`open ${path}`))) return false;
    const offer = await offerBackupOf(path);
    if (offer === "restore") return restore(path);
    if (offer === "cancel") return false;
    let file;
    try {
      file = await platform.readFile(path);
    } catch (e) {
      notify(`${path} cannot be opened: ${message(e)}`);
      return false;
    }
    const r = parseGraphFile(file.text);
    if (!r.ok) {
      notify(`${path} cannot be opened: ${r.error.message}`);
      return false;
    }
    show(r.doc, { path: file.path, version: file.version });
    if (r.warnings.length > 0) notify(`${path}: ${r.warnings.join(" ")}`);
    await platform.addRecentFile(file.path).catch(() => undefined);
    return true;
  }

  async function openTemplate(id: string, configuration?: string): Promise<boolean> {
    let text: string;
    try {
      text = await (configuration === undefined ? platform.readTemplate(id) : platform.readTemplate(id, configuration));
    } catch (e) {
      notify(`The template cannot be opened: ${message(e)}`);
      return false;
    }
    const r = parseGraphFile(text);
    if (!r.ok) {
      notify(`The template "${id}" cannot be opened: ${r.error.message}`);
      return false;
    }
    if (!(await confirmUnsaved(`open the ${r.doc.name || id} template`))) return false;
    // No path: the first save asks for a name, so the template is never overwritten.
    show(r.doc);
    void openTemplateNotebook(platform, id, r.doc.name || id);
    return true;
  }

  /** Opens a backup's edits as unsaved; the caller has asked about the open document's changes. */
  async function restore(key: string): Promise<boolean> {
    let backup;
    try {
      backup = await platform.readBackup(key);
    } catch (e) {
      notify(`The unsaved changes cannot be restored: ${message(e)}`);
      return false;
    }
    if (!backup) {
      notify("Those unsaved changes are no longer kept: another window may have saved or discarded them.");
      return false;
    }
    const r = parseGraphFile(backup.text);
    if (!r.ok) {
      notify(`The unsaved changes cannot be restored: ${r.error.message}`);
      return false;
    }
    const path = fileOfKey(key);
    // Saving goes on from the file as it is now; if it is gone, the first save asks for a name.
    const file = path === null ? null : await platform.readFileIfExists(path).catch(() => null);
    show(r.doc, file ? { path: file.path, version: file.version } : undefined, key);
    app.getState().updateDocument(r.doc);
    return true;
  }

  const files: Files = {
    store,
    connect: follow,
    async newDocument() {
      if (!(await confirmUnsaved("start a new graph"))) return false;
      app.getState().newDocument();
      store.setState({ start: null });
      return true;
    },
    open,
    openTemplate,
    save,
    saveAs: () => serial(saveAsNow),
    confirmUnsaved,

    async recoverable() {
      const [backups, fileList, held] = await Promise.all([
        platform.listBackups(),
        platform.listFiles().catch(() => []),
        options.locks?.held().catch(() => new Set<string>()) ?? new Set<string>(),
      ]);
      const live = new Set(held);
      const own = sessions.activeKey();
      if (own) live.add(own);
      const found: Recoverable[] = [];
      for (const b of offerableBackups(backups, fileList, live).slice(0, MAX_OFFERED)) {
        const backup = await platform.readBackup(b.key).catch(() => null);
        const r = backup && parseGraphFile(backup.text);
        if (!r?.ok) continue;
        const path = fileOfKey(b.key);
        found.push({ key: b.key, path, name: path ? baseName(path) : r.doc.name || "Untitled", layers: r.doc.nodes.length, savedAt: b.savedAt, when: whenSaved(b.savedAt, now()) });
      }
      return found;
    },

    async restoreBackup(key) {
      const path = fileOfKey(key);
      if (!(await confirmUnsaved(`restore the unsaved changes${path ? ` to ${baseName(path)}` : ""}`))) return false;
      return restore(key);
    },

    async discardBackup(key) {
      await platform.removeBackup(key);
    },

    showStart: () => store.setState({ start: "asked" }),
    hideStart: () => store.setState({ start: null }),

    documentState() {
      const d = app.getState().document;
      return { path: d.path, title: displayName(d), dirty: d.dirty, backupKey: d.dirty ? sessions.activeKey() : null };
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    flushBackup: () => sessions.flush(),
  };
  return files;
}
