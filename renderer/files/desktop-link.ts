/**
 * The page's half of the desktop shell's contract (platform/bridge.ts): menu items arrive as
 * command ids and run through the command registry, as from the command palette; files chosen
 * in the Open dialog, Open Recent or the OS arrive as paths to open; after a crash, backup keys
 * arrive to reopen as unsaved documents. The other way, the shell hears the document's state
 * (path, title, unsaved, backup key) whenever it changes, for the title bar and the close guard.
 */
import type { DocumentState, ShellEvent } from "../platform/bridge.js";
import type { Files } from "./files.js";

export interface ShellLike {
  onEvent(listener: (event: ShellEvent) => void): () => void;
  documentChanged(state: DocumentState): Promise<void>;
}

export interface DesktopLinkOptions {
  readonly shell: ShellLike;
  readonly files: Files;
  /** Runs a registered command; says why not when it did not run. */
  readonly runCommand: (id: string) => Promise<{ readonly ran: true } | { readonly ran: false; readonly reason: string }>;
  /** Whether a command with this id is registered. */
  readonly hasCommand: (id: string) => boolean;
  readonly notify: (message: string) => void;
}

export function linkDesktopShell({ shell, files, runCommand, hasCommand, notify }: DesktopLinkOptions): () => void {
  const onEvent = (event: ShellEvent) => {
    if (event.type === "command") {
      if (!hasCommand(event.id)) {
        // Menu items for features still to come (training) reach a page that has no command for them.
        notify(`That menu item (${event.id}) is not available in this version of Layerloom yet.`);
        return;
      }
      void runCommand(event.id).then((outcome) => {
        if (!outcome.ran) notify(outcome.reason);
        // Tell the shell where things stand even if nothing changed: after a Save asked for at
        // close, "still unsaved" is how the shell learns that the save did not happen.
        forceReport();
      });
    } else if (event.type === "open-file") {
      void files.open(event.path);
    } else {
      void files.restoreBackup(event.key);
    }
  };

  let last = "";
  const forceReport = () => {
    last = "";
    report();
  };
  const report = () => {
    const state = files.documentState();
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    shell.documentChanged(state).catch(() => {
      last = ""; // told again at the next change
    });
  };

  const stopEvents = shell.onEvent(onEvent);
  const stopState = files.onStateChange(report);
  report();
  return () => {
    stopEvents();
    stopState();
  };
}
