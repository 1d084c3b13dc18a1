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

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
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
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dir);
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
