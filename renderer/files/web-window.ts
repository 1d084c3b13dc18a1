/**
 * What a browser tab does for the open document that the desktop shell does in a desktop
 * window: ask before leaving the page with unsaved changes (the browser words the question), and
 * show the file name and the unsaved mark in the tab's title.
 */
import type { DocumentState } from "../platform/bridge.js";
import type { Files } from "./files.js";

/** "● lenet.json — Layerloom", as the desktop shell titles its windows. */
export function tabTitle(state: DocumentState): string {
  return `${state.dirty ? "● " : ""}${state.title || "Untitled"} — Layerloom`;
}

export function linkBrowserTab(win: Window, files: Files): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!files.documentState().dirty) return;
    e.preventDefault();
    // Older engines show the question only when returnValue is set.
    e.returnValue = "";
  };
  const retitle = () => {
    const title = tabTitle(files.documentState());
    if (win.document.title !== title) win.document.title = title;
  };
  win.addEventListener("beforeunload", onBeforeUnload);
  const stop = files.onStateChange(retitle);
  retitle();
  return () => {
    win.removeEventListener("beforeunload", onBeforeUnload);
    stop();
  };
}
