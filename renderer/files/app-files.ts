/**
 * The app's Files, set up for where it runs: in the desktop shell, Save As uses the system's
 * Save dialog (which asks before replacing) and the shell itself offers crash recovery at launch;
 * in a browser, the app's own Save As dialog asks, and Web Locks keep another tab's live
 * backups from being offered. The start screen shows at launch unless the address opens a file.
 */
import { pathFromAddress } from "../canvas/open-from-address.js";
import { electronShell } from "../platform/electron.js";
import type { Platform } from "../platform/platform.js";
import type { AppStore } from "../store/app-store.js";
import { createFiles, type Ask, type Files } from "./files.js";
import { webKeyLocks } from "./key-locks.js";

export interface AppFilesOptions {
  readonly app: AppStore;
  readonly platform: Platform;
  readonly ask: Ask;
  readonly notify: (message: string) => void;
}

export function createAppFiles(win: Window | undefined, options: AppFilesOptions): Files {
  const shell = win ? electronShell(win) : null;
  return createFiles({
    ...options,
    ...(shell
      ? {
          async chooseSaveTarget(name: string) {
            const path = await shell.chooseSaveTarget(name);
            return path === null ? null : { path, replace: true };
          },
        }
      : { locks: win ? webKeyLocks(win.navigator.locks) : null }),
    startScreen: !(win && pathFromAddress(win.location.search)),
  });
}
