/**
 * What the Electron preload exposes as window.layerloom: one function per Platform method, the
 * few things only a desktop window does (native dialogs, the window's title and close guard), and
 * one subscription for what the shell asks of the page (menu commands, files the OS opened).
 * These types are the contract; electron/contract checks its zod schemas against them, so the
 * preload, main and this file cannot drift apart.
 * Failures come back as values, not rejections, because Electron's IPC turns a thrown error into
 * a bare message and loses its code.
 */
import type { PlatformErrorCode } from "./contract.js";
import type { Platform } from "./platform.js";

export type BridgeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: PlatformErrorCode; readonly message: string } };

/** What the page tells the shell about its document, whenever any of it changes. */
export interface DocumentState {
  /** Workspace path of the file, or null for a graph never saved. */
  readonly path: string | null;
  /** The name to show in the title bar ("lenet.json", or the graph's name when untitled). */
  readonly title: string;
  /** Unsaved changes: the title shows it, and closing the window asks first. */
  readonly dirty: boolean;
  /** The key its unsaved edits are backed up under; the shell removes it when a person discards them. */
  readonly backupKey: string | null;
}

/** Desktop-only requests; the web host has no equivalent. */
export interface DesktopShell {
  documentChanged(state: DocumentState): Promise<void>;
  /**
   * Asks where to save with the system's Save dialog. Returns the workspace path to pass to
   * writeFile (without ifVersion: the dialog already asked before replacing), or null if the
   * person cancelled. A folder other than the window's becomes its folder once that save succeeds.
   */
  chooseSaveTarget(suggestedName: string): Promise<string | null>;
  /** Shows the system's Open dialog; the chosen file arrives as an "open-file" event. */
  showOpenDialog(): Promise<void>;
  /**
   * Saves an exported file (TypeScript, a Keras script, CSV) where the person chooses with the
   * system's Save dialog, anywhere on disk (the workspace takes only graphs and notebooks), with
   * the same atomic write as graphs. Returns the path written, or null if they cancelled.
   */
  saveExport(suggestedName: string, text: string): Promise<string | null>;
}

/** What the shell asks of the page. */
export type ShellEvent =
  /** A menu item: run the command with this id (the same ids as the command palette). */
  | { readonly type: "command"; readonly id: string }
  /** Open this workspace file (chosen in the Open dialog, Open Recent, or by the OS). */
  | { readonly type: "open-file"; readonly path: string }
  /** Reopen the unsaved edits kept under this backup key, after a crash. */
  | { readonly type: "restore-backup"; readonly key: string };

type PlatformMethods = Omit<Platform, "kind">;

/** Every request the page can make of the shell, as plain async methods. */
export type InvokeApi = PlatformMethods & DesktopShell;
export type InvokeMethod = keyof InvokeApi;

export type InvokeBridge = {
  readonly [K in InvokeMethod]: (...args: Parameters<InvokeApi[K]>) => Promise<BridgeResult<Awaited<ReturnType<InvokeApi[K]>>>>;
};

export type LayerloomBridge = InvokeBridge & {
  /**
   * Calls listener for each shell event; events sent before the first listener are kept and
   * delivered to it. Returns the function that stops listening.
   */
  readonly onShellEvent: (listener: (event: ShellEvent) => void) => () => void;
};
