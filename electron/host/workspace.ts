/**
 * The workspace: one folder whose graph files the app may list, read and save. Everything goes
 * through confine(), so no request can reach a file outside the folder.
 */
import { createHash } from "node:crypto";
import { constants, type Dirent } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { LIMITS, type FileContent, type FileEntry, type SaveOptions, type SaveResult } from "../../renderer/platform/contract.js";
import { parseWorkspacePath } from "../../renderer/platform/paths.js";
import { writeFileAtomic } from "./atomic-write.js";
import { confine } from "./confined-path.js";
import { HostError, errnoCode } from "./errors.js";

/** Folders a listing never walks into: dependencies and build output hold no graphs of ours. */
const SKIPPED_FOLDERS = new Set(["node_modules"]);
const MAX_LIST_DEPTH = 8;
const MAX_LIST_FILES = 5000;

export interface Workspace {
  /** The folder's real path. */
  readonly root: string;
  list(): Promise<FileEntry[]>;
  exists(path: string): Promise<boolean>;
  read(path: string): Promise<FileContent>;
  /** read, with null for a file that is not there; every other refusal is read's. */
  readIfExists(path: string): Promise<FileContent | null>;
  write(path: string, text: string, options?: SaveOptions): Promise<SaveResult>;
}

/** A file's version: a hash of its bytes, so a touch without a change is no conflict. */
export function versionOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 22);
}

export async function openWorkspace(folder: string): Promise<Workspace> {
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    throw new HostError("not-found", `The workspace folder "${folder}" does not exist. Create it, or pass another with --workspace.`);
  }
  if (!(await stat(root)).isDirectory()) throw new HostError("invalid-path", `The workspace "${folder}" is a file, not a folder.`);

  // Saves to one file run one after another, so a conflict check and its write cannot interleave.
  const queues = new Map<string, Promise<unknown>>();
  function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }

  async function readBytes(absolute: string, path: string): Promise<Uint8Array> {
    // O_NOFOLLOW: should the file be swapped for a link after confine() looked, the open fails.
    const handle = await open(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((e: unknown) => {
      throw errnoCode(e) === "ENOENT" ? new HostError("not-found", `"${path}" was not found in the workspace.`) : e;
    });
    try {
      const { size } = await handle.stat();
      if (size > LIMITS.fileBytes) throw new HostError("too-large", `"${path}" is ${megabytes(size)}; Layerloom opens graph files up to ${megabytes(LIMITS.fileBytes)}.`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  async function read(path: string): Promise<FileContent> {
    const target = await confine(root, path);
    if (!target.exists) throw new HostError("not-found", `"${path}" was not found in the workspace.`);
    const bytes = await readBytes(target.absolute, path);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new HostError("bad-request", `"${path}" is not a text file (it is not valid UTF-8), so it cannot be a Layerloom graph.`);
    }
    return { path, text, version: versionOf(bytes) };
  }

  return {
    root,

    async list() {
      const files: FileEntry[] = [];
      async function walk(folder: string, prefix: string, depth: number): Promise<void> {
        let entries: Dirent[];
        try {
          entries = await readdir(folder, { withFileTypes: true });
        } catch {
          return; // an unreadable subfolder hides its files rather than failing the whole list
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          if (files.length >= MAX_LIST_FILES) return;
          const path = prefix + entry.name;
          // Dirent types come from lstat: links are neither files nor folders here, so never followed.
          if (entry.isDirectory()) {
            if (depth < MAX_LIST_DEPTH && !entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) {
              await walk(join(folder, entry.name), path + "/", depth + 1);
            }
          } else if (entry.isFile() && parseWorkspacePath(path).ok) {
            const info = await stat(join(folder, entry.name)).catch(() => null);
            if (info) files.push({ path, size: info.size, modified: Math.round(info.mtimeMs) });
          }
        }
      }
      await walk(root, "", 0);
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },

    async exists(path) {
      try {
        return (await confine(root, path)).exists;
      } catch {
        return false;
      }
    },

    read,

    async readIfExists(path) {
      try {
        return await read(path);
      } catch (e) {
        // not-found only ever means nothing is there: no file, a missing folder on the way, or a
        // file deleted between the look and the open. Names and links are still refused.
        if (e instanceof HostError && e.code === "not-found") return null;
        throw e;
      }
    },

    write(path, text, options = {}) {
      return serially(path, async () => {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > LIMITS.fileBytes) throw new HostError("too-large", `The graph is ${megabytes(bytes.length)}; Layerloom saves graph files up to ${megabytes(LIMITS.fileBytes)}.`);
        const target = await confine(root, path, { createFolders: true });
        if (options.ifVersion !== undefined) {
          const current = target.exists ? versionOf(await readBytes(target.absolute, path)) : null;
          if (options.ifVersion === null && current !== null) {
            throw new HostError("conflict", `"${path}" already exists. Choose another name, or open it and save over it.`);
          }
          if (options.ifVersion !== null && current !== options.ifVersion) {
            throw new HostError("conflict", current === null
              ? `"${path}" was deleted or moved since it was opened. Save again to put it back.`
              : `"${path}" changed on disk since it was opened. Reload it, or save under another name to keep both.`);
          }
        }
        await writeFileAtomic(target.absolute, bytes);
        return { version: versionOf(bytes) };
      });
    },
  };
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
