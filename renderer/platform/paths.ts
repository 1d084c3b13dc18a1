/**
 * Which workspace file names are allowed. Pure (no DOM, no Node) so the host enforces it and the
 * app can check a name while a person types it into a save dialog.
 */

/** A name part: starts with a letter or digit; then letters, digits, spaces and . _ - ( ) + */
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N} ._()+-]*$/u;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_SEGMENT = 200;
const MAX_PATH = 1000;
const MAX_DEPTH = 16;

/** The extensions the workspace opens and saves: graph files are JSON; notebooks are Jupyter's .ipynb. */
export const WORKSPACE_EXTENSIONS: readonly string[] = [".json", ".ipynb"];

/**
 * Splits a workspace path ("nets/lenet.json") into its parts, or says in plain words why the
 * name cannot be used. Paths are relative, "/"-separated, and never leave the workspace.
 */
export function parseWorkspacePath(path: string): { ok: true; segments: string[] } | { ok: false; message: string } {
  const bad = (why: string) => ({ ok: false as const, message: `"${printable(path)}" cannot be used as a file name: ${why}.` });
  if (typeof path !== "string" || path.length === 0) return { ok: false, message: "A file name is needed." };
  if (path.length > MAX_PATH) return bad(`it is longer than ${MAX_PATH} characters`);
  if (path.startsWith("/") || /^[a-z]:/i.test(path) || path.startsWith("\\")) {
    return bad(`it is an absolute path; give a path inside the workspace, such as "nets/lenet.json"`);
  }
  if (path.normalize("NFC") !== path) return bad("its accented letters are not in the standard (NFC) form");
  const segments = path.split("/");
  if (segments.length > MAX_DEPTH) return bad(`it is nested deeper than ${MAX_DEPTH} folders`);
  for (const s of segments) {
    if (s === "") return bad("it has an empty folder name (two slashes in a row, or a slash at an end)");
    if (s === "." || s === "..") return bad(`"${s}" is not allowed: paths must stay inside the workspace`);
    if (s.startsWith(".")) return bad("names starting with a dot are hidden files and are not used");
    if (!SEGMENT.test(s)) return bad("names may hold only letters, digits, spaces and . _ - ( ) +");
    if (s.length > MAX_SEGMENT) return bad(`"${s.slice(0, 20)}…" is longer than ${MAX_SEGMENT} characters`);
    if (/[ .]$/.test(s)) return bad("a name may not end with a space or a dot");
    if (RESERVED.test(s)) return bad(`"${s}" is a device name on Windows`);
  }
  const last = segments[segments.length - 1]!;
  if (!WORKSPACE_EXTENSIONS.some((ext) => last.toLowerCase().endsWith(ext))) {
    return bad(`Layerloom opens and saves only ${WORKSPACE_EXTENSIONS.join(", ")} files`);
  }
  return { ok: true, segments };
}

/** Shows control and invisible characters as \u escapes so an error message never hides them. */
function printable(s: string): string {
  const shown = s.length > 80 ? s.slice(0, 80) + "…" : s;
  return shown.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}
