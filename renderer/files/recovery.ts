/**
 * Which backups of unsaved edits are worth offering back. A document saved in a file is backed
 * up under its workspace path; one never saved under an "untitled-…" key (which is not a file
 * name, so the desktop shell tells the two apart the same way). A backup is offered when it is
 * newer than its file (or the file is gone, or there never was one) and no open window or tab
 * is still writing it.
 */
import type { BackupEntry, FileEntry } from "../platform/contract.js";
import { parseWorkspacePath } from "../platform/paths.js";

const UNTITLED_PREFIX = "untitled-";

/** A key for a document not saved yet; `random` is any short unique text. */
export function untitledKey(random: string): string {
  return `${UNTITLED_PREFIX}${random}`;
}

/** The workspace file a backup key belongs to, or null for an untitled document. */
export function fileOfKey(key: string): string | null {
  return parseWorkspacePath(key).ok ? key : null;
}

/** A fresh untitled key, unique enough to never meet another tab's or window's. */
export function newUntitledKey(): string {
  const c = globalThis.crypto;
  const random = typeof c?.randomUUID === "function" ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return untitledKey(random);
}

/**
 * The backups to offer, newest first: not `live` (being written by a document open now), and
 * newer than the file they belong to, if that file still exists.
 */
export function offerableBackups(backups: readonly BackupEntry[], files: readonly FileEntry[], live: ReadonlySet<string>): BackupEntry[] {
  const modified = new Map(files.map((f) => [f.path, f.modified]));
  return backups
    .filter((b) => {
      if (live.has(b.key)) return false;
      const path = fileOfKey(b.key);
      const changed = path === null ? undefined : modified.get(path);
      return changed === undefined || b.savedAt > changed;
    })
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** When a backup was taken, as a person says it: "at 14:05" today, else "on 3 Mar at 14:05". */
export function whenSaved(savedAt: number, now: number): string {
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (at.toDateString() === new Date(now).toDateString()) return `at ${time}`;
  return `on ${at.toLocaleDateString("en-GB", { day: "numeric", month: "short" })} at ${time}`;
}
