/**
 * Saves an exported file (TypeScript, CSV, ...) the way the host allows: the desktop app asks
 * where with the system's Save dialog (it refuses browser downloads), a browser downloads it.
 * Returns what to tell the person; a failure is worded, never thrown.
 */
import { electronShell } from "../platform/electron.js";
import { isPlatformError } from "../platform/platform.js";
import { downloadText } from "./download-text.js";

/** A name any file system takes: characters Windows or the shell's contract refuse become "-". */
export function exportFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/[/\\:*?"<>|\u0000-\u001f]+/g, "-").slice(0, 200) || "export";
  return dot > 0 ? `${stem}${name.slice(dot)}` : stem;
}

export async function saveExport(name: string, text: string, type: string): Promise<string> {
  const fileName = exportFileName(name);
  const shell = typeof window === "undefined" ? null : electronShell(window);
  if (!shell) {
    downloadText(fileName, text, type);
    return `Saved as ${fileName} (to your downloads).`;
  }
  try {
    const path = await shell.saveExport(fileName, text);
    return path === null ? `${fileName} was not saved.` : `Saved as ${path}.`;
  } catch (e) {
    return `${fileName} could not be saved: ${isPlatformError(e) ? e.message : String(e)}`;
  }
}
