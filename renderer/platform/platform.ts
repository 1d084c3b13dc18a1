/**
 * The one door between the app and its host. The renderer never imports electron or node:*;
 * it asks a Platform, and main.tsx picks the implementation (electron.ts, web.ts, memory.ts).
 */
import type { Backup, BackupEntry, FileContent, FileEntry, PlatformErrorCode, SaveOptions, SaveResult, TemplateInfo } from "./contract.js";

export type { Backup, BackupEntry, FileContent, FileEntry, PlatformErrorCode, SaveOptions, SaveResult, TemplateConfiguration, TemplateInfo } from "./contract.js";

export interface Platform {
  /** Which host this is; the UI words some things differently (no "reveal in folder" on the web). */
  readonly kind: "electron" | "web" | "memory";

  /** Every file in the workspace the app can open, sorted by path. */
  listFiles(): Promise<readonly FileEntry[]>;
  readFile(path: string): Promise<FileContent>;
  /**
   * Like readFile, but a file that is not there is null rather than a not-found error: for files
   * whose absence is normal (a graph's runs file). Other refusals (a bad name, too large, not
   * text) still throw. The web host answers 200 with null, so the browser logs no failed request.
   */
  readFileIfExists(path: string): Promise<FileContent | null>;
  /** Atomic on real hosts: a crash mid-save leaves the old file or the new one, never half. */
  writeFile(path: string, text: string, options?: SaveOptions): Promise<SaveResult>;

  /** Recently opened files, newest first; files that no longer exist are left out. */
  recentFiles(): Promise<readonly string[]>;
  /** Puts path at the front of the recent files. */
  addRecentFile(path: string): Promise<readonly string[]>;

  listTemplates(): Promise<readonly TemplateInfo[]>;
  /**
   * A template configuration's graph file, as text (the app parses and validates it like any
   * file); without a configuration, the template's default one.
   */
  readTemplate(id: string, configuration?: string): Promise<string>;
  /** The template's notebook (templates/<id>/notebook.ipynb) as text, or null when it has none. Read-only. */
  readTemplateNotebook(id: string): Promise<string | null>;

  /** Keeps unsaved edits under key (a file path or an id for an untitled document). */
  writeBackup(key: string, text: string): Promise<void>;
  /** null when there is no backup under key, the normal case (no 404 on the web host either). */
  readBackup(key: string): Promise<Backup | null>;
  listBackups(): Promise<readonly BackupEntry[]>;
  removeBackup(key: string): Promise<void>;
}

/** A host failure the UI can word for a person; `code` says what kind. */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(readonly code: PlatformErrorCode, message: string) {
    super(message);
  }
}

export function isPlatformError(e: unknown, code?: PlatformErrorCode): e is PlatformError {
  return e instanceof PlatformError && (code === undefined || e.code === code);
}
