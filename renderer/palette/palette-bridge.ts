/**
 * Lets the canvas hand typing to the palette's search box: "/" or any letter typed on the canvas
 * opens the palette if it is hidden and focuses the search with that letter in it. Kept per app
 * store; a request made while the palette is not mounted waits for it to mount.
 */
import type { AppStore } from "../store/app-store.js";

export interface PaletteSearchHandle {
  focusSearch(text: string): void;
}

const handles = new WeakMap<AppStore, PaletteSearchHandle>();
const pending = new WeakMap<AppStore, string>();

export function providePaletteSearch(app: AppStore, handle: PaletteSearchHandle): () => void {
  handles.set(app, handle);
  const waiting = pending.get(app);
  if (waiting !== undefined) {
    pending.delete(app);
    handle.focusSearch(waiting);
  }
  return () => {
    if (handles.get(app) === handle) handles.delete(app);
  };
}

/** Focuses the search with `text` typed in; returns false when the palette is not mounted (yet). */
export function focusPaletteSearch(app: AppStore, text: string): boolean {
  const handle = handles.get(app);
  if (handle) {
    handle.focusSearch(text);
    return true;
  }
  pending.set(app, text);
  return false;
}
