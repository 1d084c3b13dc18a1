/**
 * The desktop app's own files in its user-data folder: one state folder per workspace folder it
 * has opened (recent files and backups, as host-state.ts keeps them), the recent documents of
 * the File menu, and the remembered window state. Plain Node, no Electron: main passes the folder.
 *
 *   <userData>/workspaces/<id>/workspace.json   { "root": "/home/ada/nets" }
 *   <userData>/workspaces/<id>/recent.json, backups/
 *   <userData>/recent-documents.json            { "paths": ["/home/ada/nets/lenet.json", ...] }
 *   <userData>/window-state.json
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { LIMITS, type BackupEntry } from "../../renderer/platform/contract.js";
import { writeFileAtomic } from "./atomic-write.js";
import { errnoCode } from "./errors.js";
import { openHostState } from "./host-state.js";

export interface RecoverableWorkspace {
  /** The workspace folder the backups belong to. */
  readonly root: string;
  /** Its state folder (pass to createHostServices as `state`). */
  readonly state: string;
  readonly backups: readonly BackupEntry[];
}

export interface DesktopState {
  /** The state folder for a workspace folder (a real path), made and labelled on first use. */
  stateFolderFor(root: string): Promise<string>;
  /** Workspaces with backups of unsaved edits, newest backup first. */
  recoverable(): Promise<RecoverableWorkspace[]>;
  /** Absolute paths, newest first, leaving out files that are gone. */
  recentDocuments(): Promise<string[]>;
  addRecentDocument(path: string): Promise<string[]>;
  clearRecentDocuments(): Promise<void>;
  readWindowState(): Promise<unknown>;
  writeWindowState(state: unknown): Promise<void>;
}

export function openDesktopState(userData: string): DesktopState {
  const workspaces = join(userData, "workspaces");
  const recentFile = join(userData, "recent-documents.json");
  const windowFile = join(userData, "window-state.json");
  const folderOf = (root: string) => join(workspaces, createHash("sha256").update(root).digest("hex").slice(0, 24));

  async function storedRecent(): Promise<string[]> {
    const data = await readJson(recentFile);
    const paths = isRecord(data) && Array.isArray(data.paths) ? data.paths : [];
    return paths.filter((p): p is string => typeof p === "string").slice(0, LIMITS.recentFiles);
  }

  return {
    async stateFolderFor(root) {
      const folder = folderOf(root);
      const label = join(folder, "workspace.json");
      const known = await readJson(label);
      if (!isRecord(known) || known.root !== root) {
        await mkdir(folder, { recursive: true });
        await writeFileAtomic(label, JSON.stringify({ root }));
      }
      return folder;
    },

    async recoverable() {
      const names = await readdir(workspaces).catch((e: unknown) => {
        if (errnoCode(e) === "ENOENT") return [] as string[];
        throw e;
      });
      const found: RecoverableWorkspace[] = [];
      for (const name of names.sort()) {
        const state = join(workspaces, name);
        const label = await readJson(join(state, "workspace.json"));
        if (!isRecord(label) || typeof label.root !== "string") continue;
        const backups = await openHostState(state).listBackups();
        if (backups.length > 0) found.push({ root: label.root, state, backups });
      }
      return found.sort((a, b) => (b.backups[0]?.savedAt ?? 0) - (a.backups[0]?.savedAt ?? 0));
    },

    async recentDocuments() {
      const kept: string[] = [];
      for (const p of await storedRecent()) if (await isFile(p)) kept.push(p);
      return kept;
    },

    async addRecentDocument(path) {
      const paths = [path, ...(await storedRecent()).filter((p) => p !== path)].slice(0, LIMITS.recentFiles);
      await mkdir(userData, { recursive: true });
      await writeFileAtomic(recentFile, JSON.stringify({ paths }, null, 2));
      return paths;
    },

    async clearRecentDocuments() {
      await mkdir(userData, { recursive: true });
      await writeFileAtomic(recentFile, JSON.stringify({ paths: [] }));
    },

    readWindowState: () => readJson(windowFile),

    async writeWindowState(state) {
      await mkdir(userData, { recursive: true });
      await writeFileAtomic(windowFile, JSON.stringify(state));
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A damaged state file reads as absent: it must never stop the app from starting. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    if (errnoCode(e) === "ENOENT" || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
