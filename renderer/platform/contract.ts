/**
 * The host contract: what the app asks of whatever hosts it (Electron main, the web host, or an
 * in-memory stand-in for tests). Plain data only, so the same types describe the HTTP API, the
 * preload bridge and the in-memory store. No DOM and no Node here: electron/host reads it too.
 */

/** A file in the workspace, by its path relative to the workspace root ("nets/lenet.json"). */
export interface FileEntry {
  readonly path: string;
  readonly size: number;
  /** Last modification time, ms since the epoch. */
  readonly modified: number;
}

/**
 * A file's text and its version. The version is opaque: pass it back when saving so the host can
 * refuse to overwrite a file that changed on disk since it was read.
 */
export interface FileContent {
  readonly path: string;
  readonly text: string;
  readonly version: string;
}

export interface SaveOptions {
  /**
   * The version the caller last read. A string: save only if the file is still at that version.
   * null: save only if the file does not exist yet. Omitted: overwrite whatever is there.
   */
  readonly ifVersion?: string | null;
}

export interface SaveResult {
  readonly version: string;
}

/** One graph file a template comes in: the paper's sizes, or a mini version that trains in seconds. */
export interface TemplateConfiguration {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** A ready-made architecture the start screen offers. */
export interface TemplateInfo {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** At least one. */
  readonly configurations: readonly TemplateConfiguration[];
  /** The id of the configuration opened when none is named. */
  readonly defaultConfiguration: string;
}

/** An unsaved document kept so a crash loses nothing; key names the document it belongs to. */
export interface BackupEntry {
  readonly key: string;
  /** ms since the epoch. */
  readonly savedAt: number;
}

export interface Backup extends BackupEntry {
  readonly text: string;
}

export type PlatformErrorCode =
  | "invalid-path" // the name is not allowed (outside the workspace, odd characters, ...)
  | "not-found"
  | "conflict" // the file changed on disk since it was read, or exists when it should not
  | "too-large"
  | "bad-request"
  | "forbidden" // the host refused the caller (web host: missing or wrong token)
  | "unavailable"; // the host could not be reached or failed

/** How the HTTP API and the preload bridge report a failure. */
export interface ErrorBody {
  readonly error: { readonly code: PlatformErrorCode; readonly message: string };
}

/** Limits both sides agree on. */
export const LIMITS = {
  /** Largest file the workspace reads or writes, in bytes. */
  fileBytes: 32 * 1024 * 1024,
  /** Longest backup key. */
  backupKeyLength: 512,
  /** How many recent files are remembered. */
  recentFiles: 12,
} as const;
