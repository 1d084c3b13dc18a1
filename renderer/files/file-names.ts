/**
 * File names the app suggests and accepts when saving: a graph's name made into a workspace
 * file name ("ResNeXt-50 (32×4d)" -> "ResNeXt-50 (32x4d).json"), kept clear of files that exist,
 * and what a person typed completed with the extension. Pure, so the rules are tested directly.
 */
import { WORKSPACE_EXTENSIONS, parseWorkspacePath } from "../platform/paths.js";

const EXTENSION = WORKSPACE_EXTENSIONS[0] ?? ".json";
const LONGEST_STEM = 120;

/** A graph's name as a file name stem: only the characters workspace names allow. */
function stemOf(name: string): string {
  const stem = name
    .normalize("NFC")
    .replace(/[×✕]/g, "x")
    .replace(/[^\p{L}\p{N} ._()+-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .slice(0, LONGEST_STEM)
    .replace(/[ .-]+$/u, "");
  return stem && parseWorkspacePath(stem + EXTENSION).ok ? stem : "Untitled";
}

/**
 * The name to offer for saving a graph called `name`: its own name as a file, or with " (2)",
 * " (3)" … when that file exists already, so accepting the suggestion never replaces a file.
 */
export function suggestFileName(name: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((p) => p.toLowerCase()));
  const stem = stemOf(name.replace(/\.json$/i, ""));
  for (let n = 1; ; n++) {
    const candidate = `${n === 1 ? stem : `${stem} (${n})`}${EXTENSION}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** What a person typed as a file name, trimmed and given the extension if they left it off. */
export function completeFileName(typed: string): string {
  const path = typed.trim().replace(/\\/g, "/");
  if (path === "" || path.endsWith("/")) return path;
  return WORKSPACE_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)) ? path : path + EXTENSION;
}

/** The last part of a workspace path: "nets/lenet.json" -> "lenet.json". */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
