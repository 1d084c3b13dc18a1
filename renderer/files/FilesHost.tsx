/**
 * Puts the app's Files to work while the window is open: it follows the document (backups, the
 * start screen), talks to the desktop shell or, in a browser, guards the tab and titles it, and
 * shows the Save As dialog when a save needs a name.
 */
import { useEffect } from "react";
import { useStore } from "zustand";
import { useCommands } from "../commands/use-commands.js";
import { electronShell } from "../platform/electron.js";
import { linkDesktopShell } from "./desktop-link.js";
import { SaveAsDialog } from "./SaveAsDialog.js";
import type { SaveAsRequest } from "./files.js";
import { linkBrowserTab } from "./web-window.js";

const requestIds = new WeakMap<SaveAsRequest, number>();
let nextId = 0;
/** A fresh dialog (and typed name) for each request. */
const keyOf = (r: SaveAsRequest) => {
  if (!requestIds.has(r)) requestIds.set(r, ++nextId);
  return requestIds.get(r)!;
};

export function FilesHost() {
  const { registry, ctx } = useCommands();
  const files = ctx.files;
  const saveAs = useStore(files.store, (s) => s.saveAs);

  useEffect(() => files.connect(), [files]);

  useEffect(() => {
    const shell = electronShell(window);
    if (!shell) return linkBrowserTab(window, files);
    return linkDesktopShell({
      shell,
      files,
      runCommand: (id) => registry.run(id, ctx),
      hasCommand: (id) => registry.get(id) !== undefined,
      notify: ctx.notify,
    });
  }, [files, registry, ctx]);

  return saveAs ? <SaveAsDialog key={keyOf(saveAs)} request={saveAs} /> : null;
}
