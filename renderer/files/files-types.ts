/**
 * What the file side of the app (files.ts) offers and needs: its state, its options and the
 * Files controller's methods, kept apart from the implementation so callers read the contract
 * in one place.
 */
import type { StoreApi } from "zustand/vanilla";
import type { DocumentState } from "../platform/bridge.js";
import type { Platform } from "../platform/platform.js";
import type { AppStore } from "../store/app-store.js";
import type { KeyLocks } from "./key-locks.js";

export interface Choice {
  readonly id: string;
  readonly title: string;
  readonly detail?: string;
}

/** Asks the person to choose; undefined when they dismiss the question. */
export type Ask = (question: string, choices: readonly Choice[]) => Promise<string | undefined>;

/** Where to save: a workspace path, and whether the person agreed to replace a file there. */
export interface SaveTarget {
  readonly path: string;
  readonly replace: boolean;
}

export interface SaveAsRequest {
  /** The name to start from. */
  readonly suggested: string;
  /** The answer; null when cancelled. */
  resolve(target: SaveTarget | null): void;
}

export interface FilesState {
  /** The start screen: shown at launch, or when asked for; null once a document is open. */
  readonly start: "launch" | "asked" | null;
  /** The Save As dialog's open question (hosts without a system dialog); null when none. */
  readonly saveAs: SaveAsRequest | null;
}

/** A backup worth offering back, with what the person needs to recognise it. */
export interface Recoverable {
  readonly key: string;
  /** The file it belongs to; null for a graph never saved. */
  readonly path: string | null;
  readonly name: string;
  readonly layers: number;
  readonly savedAt: number;
  /** "at 14:05", "on 3 Mar at 14:05". */
  readonly when: string;
}

export interface FilesOptions {
  readonly app: AppStore;
  readonly platform: Platform;
  readonly ask: Ask;
  readonly notify: (message: string) => void;
  /**
   * Where to Save As, from the host's own dialog (the desktop's Save dialog, which asks before
   * replacing). Without it the app's Save As dialog asks (FilesState.saveAs).
   */
  readonly chooseSaveTarget?: (suggestedName: string) => Promise<SaveTarget | null>;
  /** Another tab's live backups are not offered (key-locks.ts). */
  readonly locks?: KeyLocks | null;
  readonly newKey?: () => string;
  readonly backupDelayMs?: number;
  /** Show the start screen at launch (false when the address names a file to open). */
  readonly startScreen?: boolean;
  readonly now?: () => number;
}

export interface Files {
  readonly store: StoreApi<FilesState>;
  /** Starts following the document (backups, the start screen, state reports); returns the stop. */
  connect(): () => void;
  /** A blank graph, after the unsaved-changes question. */
  newDocument(): Promise<boolean>;
  open(path: string): Promise<boolean>;
  openTemplate(id: string, configuration?: string): Promise<boolean>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Asks what to do with unsaved changes before `doing` ("open lenet.json"); true: go ahead. */
  confirmUnsaved(doing: string): Promise<boolean>;
  /** Backups of unsaved edits from an earlier session, newest first. */
  recoverable(): Promise<Recoverable[]>;
  /** Opens the edits kept under `key` as an unsaved document. */
  restoreBackup(key: string): Promise<boolean>;
  discardBackup(key: string): Promise<void>;
  showStart(): void;
  hideStart(): void;
  /** What the desktop shell is told (bridge.ts DocumentState). */
  documentState(): DocumentState;
  /** Called after every change to documentState's inputs. */
  onStateChange(listener: () => void): () => void;
  flushBackup(): Promise<void>;
}
