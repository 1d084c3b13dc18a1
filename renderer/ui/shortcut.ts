/** Keyboard shortcut text for tooltips and menus: Cmd on macOS, Ctrl elsewhere. */
export const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod+B" -> "⌘B" on macOS, "Ctrl+B" elsewhere. */
export function shortcutLabel(keys: string): string {
  if (!isMac) return keys.replace("Mod", "Ctrl");
  return keys.replace("Mod+", "⌘").replace("Alt+", "⌥").replace("Shift+", "⇧");
}

/** Whether a keyboard event is Mod (+ the given modifiers) + key. */
export function isShortcut(e: KeyboardEvent, key: string, { alt = false, shift = false } = {}): boolean {
  const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  // e.code, not e.key: with Alt held, macOS turns B into ∫.
  return mod && e.altKey === alt && e.shiftKey === shift && e.code === `Key${key.toUpperCase()}`;
}
