/**
 * Turning a workspace path into a real path that is certainly inside the workspace. Names are
 * checked by the shared rule (renderer/platform/paths.ts); then every existing folder on the way
 * must be a real folder, not a link, so no symlink can lead outside. Links are never followed,
 * even ones that point inside: one rule is easier to trust than a clever one.
 */
import { lstat, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { parseWorkspacePath } from "../../renderer/platform/paths.js";
import { HostError, errnoCode } from "./errors.js";

export interface Confined {
  /** Absolute path inside the workspace. */
  readonly absolute: string;
  /** Whether a regular file is there now. */
  readonly exists: boolean;
}

/**
 * Checks path against the workspace root (already a realpath). With createFolders, missing
 * folders on the way are made (as real folders), for a save into a new subfolder.
 */
export async function confine(root: string, path: string, { createFolders = false } = {}): Promise<Confined> {
  const parsed = parseWorkspacePath(path);
  if (!parsed.ok) throw new HostError("invalid-path", parsed.message);
  const { segments } = parsed;
  let current = root;
  for (const [i, segment] of segments.entries()) {
    current = join(current, segment);
    const isLast = i === segments.length - 1;
    const info = await lstatOrNull(current);
    if (info === null) {
      if (isLast) return { absolute: current, exists: false };
      if (!createFolders) throw new HostError("not-found", `"${path}" was not found in the workspace.`);
      await mkdir(current).catch((e: unknown) => {
        if (errnoCode(e) !== "EEXIST") throw e; // made meanwhile by another save: checked below
      });
      if (!(await lstat(current)).isDirectory()) throw new HostError("invalid-path", `"${segments.slice(0, i + 1).join("/")}" is not a folder.`);
      continue;
    }
    if (info.isSymbolicLink()) {
      throw new HostError("invalid-path", `"${path}" goes through a link ("${segments.slice(0, i + 1).join("/")}"); Layerloom does not follow links out of caution. Use the real file's path.`);
    }
    if (isLast) {
      if (!info.isFile()) throw new HostError("invalid-path", `"${path}" is a folder or a special file, not a graph file.`);
      return { absolute: current, exists: true };
    }
    if (!info.isDirectory()) throw new HostError("invalid-path", `"${segments.slice(0, i + 1).join("/")}" is a file, so "${path}" cannot be inside it.`);
  }
  // parseWorkspacePath never returns zero segments.
  throw new HostError("invalid-path", "A file name is needed.");
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return null;
    throw e;
  }
}
