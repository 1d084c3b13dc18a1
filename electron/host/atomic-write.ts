/**
 * Atomic file replacement: write a temp file beside the target, fsync it, rename it over the
 * target, then fsync the folder so the rename itself survives a power cut. A crash at any point
 * leaves either the old file or the new one, never a torn mix.
 * (write-file-atomic does the first three steps but not the folder fsync, and its current major
 * needs Node 22; this is the whole of what we need.)
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { errnoCode } from "./errors.js";

export interface AtomicWriteOptions {
  /** For tests: the rename to use, and whether to behave as on Windows. */
  readonly rename?: (from: string, to: string) => Promise<void>;
  readonly windows?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * On Windows a virus scanner, the search indexer or a sync client briefly holding the target
 * makes rename fail with EPERM, EBUSY or EACCES. Retrying for about two seconds rides that out;
 * a real permission problem still fails, just later.
 */
const WINDOWS_TRANSIENT = new Set(["EPERM", "EBUSY", "EACCES"]);
const RETRY_DELAYS_MS = [10, 20, 40, 80, 120, 160, 200, 250, 300, 400, 400];

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  // Dot-prefixed so workspace listings (which skip hidden files) never show a half-written temp.
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = await existingMode(target);
  const handle = await open(temp, "wx", mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target, options);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dir);
}

async function renameWithRetry(from: string, to: string, options: AtomicWriteOptions): Promise<void> {
  const doRename = options.rename ?? rename;
  const windows = options.windows ?? process.platform === "win32";
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await doRename(from, to);
    } catch (e) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!windows || delay === undefined || !WINDOWS_TRANSIENT.has(errnoCode(e) ?? "")) throw e;
      await sleep(delay);
    }
  }
}

/** Keeps the permissions of the file being replaced; new files get rw-r--r--. */
async function existingMode(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o644;
  }
}

async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (e) {
    // Windows cannot open or fsync a folder; its rename is already durable enough there.
    if (!["EISDIR", "EPERM", "EINVAL", "EBADF", "EACCES"].includes(errnoCode(e) ?? "")) throw e;
  } finally {
    await handle?.close();
  }
}
