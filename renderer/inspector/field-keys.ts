/**
 * Undo and redo pressed in an inspector field. A field with no uncommitted typing has no text
 * of its own to undo, so the keys go to the document, as they do in Figma and Blender.
 */
import type { KeyboardEvent } from "react";
import { matchesChord, parseShortcut } from "../commands/keys.js";
import { isMac } from "../ui/shortcut.js";

const UNDO = [parseShortcut("Mod+Z")];
const REDO = [parseShortcut("Mod+Shift+Z"), parseShortcut("Mod+Y")];

export function historyCommandFor(e: KeyboardEvent): "edit.undo" | "edit.redo" | undefined {
  const native = e.nativeEvent;
  if (UNDO.some((c) => matchesChord(c, native, isMac))) return "edit.undo";
  if (REDO.some((c) => matchesChord(c, native, isMac))) return "edit.redo";
  return undefined;
}
