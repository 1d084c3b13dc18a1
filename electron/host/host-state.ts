/**
 * The host's own small state: recent files and backups of unsaved edits. It lives in a state
 * folder (for the web host, ".layerloom" inside the workspace; Electron passes its user-data
 * folder), which workspace paths can never name because they may not start with a dot.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { LIMITS, type Backup, type BackupEntry } from "../../renderer/platform/contract.js";
import { writeFileAtomic } from "./atomic-write.js";
import { HostError, errnoCode } from "./errors.js";

export interface HostState {
  recentFiles(): Promise<string[]>;
  /** Puts path first; returns the new list. */
  addRecentFile(path: string): Promise<string[]>;
  writeBackup(key: string, text: string): Promise<void>;
  readBackup(key: string): Promise<Backup | null>;
  listBackups(): Promise<BackupEntry[]>;
  removeBackup(key: string): Promise<void>;
}

export function openHostState(folder: string, now: () => number = Date.now): HostState {
  const backups = join(folder, "backups");
  // Made on first write, so merely opening a folder leaves no trace in it.
  const ensureFolder = (path: string) => mkdir(path, { recursive: true });
  const recentFile = join(folder, "recent.json");
  const backupFile = (key: string) => join(backups, createHash("sha256").update(key).digest("hex").slice(0, 32) + ".json");

  async function recentFiles(): Promise<string[]> {
    const data = await readJson(recentFile);
    const paths = isRecord(data) && Array.isArray(data.paths) ? data.paths : [];
    return paths.filter((p): p is string => typeof p === "string").slice(0, LIMITS.recentFiles);
  }

  return {
    recentFiles,

    async addRecentFile(path) {
      const paths = [path, ...(await recentFiles()).filter((p) => p !== path)].slice(0, LIMITS.recentFiles);
      await ensureFolder(folder);
      await writeFileAtomic(recentFile, JSON.stringify({ paths }, null, 2));
      return paths;
    },

    async writeBackup(key, text) {
      checkKey(key);
      if (text.length > LIMITS.fileBytes) throw new HostError("too-large", "The unsaved graph is too large to back up.");
      await ensureFolder(backups);
      await writeFileAtomic(backupFile(key), JSON.stringify({ key, savedAt: now(), text }));
    },

    async readBackup(key) {
      checkKey(key);
      return toBackup(await readJson(backupFile(key)), key);
    },

    async listBackups() {
      const names = (await readdir(backups).catch((e: unknown) => {
        if (errnoCode(e) === "ENOENT") return [];
        throw e;
      })).filter((n) => n.endsWith(".json"));
      const entries: BackupEntry[] = [];
      for (const name of names) {
        const backup = toBackup(await readJson(join(backups, name)));
        if (backup) entries.push({ key: backup.key, savedAt: backup.savedAt });
      }
      return entries.sort((a, b) => b.savedAt - a.savedAt);
    },

    async removeBackup(key) {
      checkKey(key);
      await rm(backupFile(key), { force: true });
    },
  };
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > LIMITS.backupKeyLength || /\p{Cc}/u.test(key)) {
    throw new HostError("bad-request", `A backup key must be 1 to ${LIMITS.backupKeyLength} printable characters.`);
  }
}

/** A damaged backup or state file reads as absent: it must never stop the app from starting. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    if (errnoCode(e) === "ENOENT" || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

function toBackup(data: unknown, expectedKey?: string): Backup | null {
  if (!isRecord(data) || typeof data.key !== "string" || typeof data.text !== "string" || typeof data.savedAt !== "number") return null;
  // Two keys sharing a hash prefix is astronomically unlikely, but never hand back someone else's.
  if (expectedKey !== undefined && data.key !== expectedKey) return null;
  return { key: data.key, savedAt: data.savedAt, text: data.text };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
