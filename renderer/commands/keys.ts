/**
 * Shortcut text ("Mod+Z", "Mod+Shift+Z", "Delete", "/") parsed into chords, matched against key
 * events and shown the way each platform writes them. Mod is Cmd on macOS and Ctrl elsewhere.
 * Pure: tests pass plain objects for events and say which platform they mean.
 */

/** The fields of a KeyboardEvent that matching reads. */
export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export interface Chord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** A letter or digit (lower case), a punctuation character, or a named key ("Delete"). */
  readonly key: string;
}

const MODIFIERS = new Set(["Mod", "Shift", "Alt"]);

/** Parses "Mod+Shift+Z" (and "+" or "Mod++" for the plus key). Throws on an unknown modifier: a typo in a command table is a bug. */
export function parseShortcut(text: string): Chord {
  const plus = text === "+" || text.endsWith("++");
  const parts = (plus ? text.slice(0, -1) : text).split("+");
  const last = parts.pop();
  const key = plus ? "+" : last;
  if (!key || (plus && last !== "")) throw new Error(`Shortcut "${text}" names no key.`);
  for (const m of parts) if (!MODIFIERS.has(m)) throw new Error(`Shortcut "${text}": "${m}" is not Mod, Shift or Alt.`);
  return { mod: parts.includes("Mod"), shift: parts.includes("Shift"), alt: parts.includes("Alt"), key: key.length === 1 ? key.toLowerCase() : key };
}

/**
 * The letter a key event means. The character when it is a Latin letter (so AZERTY's Z is Z);
 * else the physical key, because Alt on macOS turns B into ∫ and a Cyrillic layout types я.
 */
function letterOf(e: KeyLike): string | undefined {
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  const m = /^Key([A-Z])$/.exec(e.code);
  return m ? m[1]!.toLowerCase() : undefined;
}

export function matchesChord(chord: Chord, e: KeyLike, mac: boolean): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const foreign = mac ? e.ctrlKey : e.metaKey;
  if (foreign || mod !== chord.mod || e.altKey !== chord.alt) return false;
  if (/^[a-z]$/.test(chord.key)) return e.shiftKey === chord.shift && letterOf(e) === chord.key;
  if (/^[0-9]$/.test(chord.key)) return e.shiftKey === chord.shift && e.code === `Digit${chord.key}`;
  // Punctuation: layouts differ on whether it needs Shift ("/" is Shift+7 in German), so the
  // character decides and Shift only counts when the chord asks for it.
  if (chord.key.length === 1) return e.key === chord.key && (!chord.shift || e.shiftKey);
  return e.shiftKey === chord.shift && e.key === chord.key;
}

const MAC_KEYS: Readonly<Record<string, string>> = { Delete: "⌦", Backspace: "⌫", Enter: "↩", Escape: "⎋", ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };
const PC_KEYS: Readonly<Record<string, string>> = { Delete: "Del", Escape: "Esc", ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };

/** "Mod+Shift+Z" as macOS writes it (⇧⌘Z) or as Windows and Linux do (Ctrl+Shift+Z). */
export function shortcutText(text: string, mac: boolean): string {
  const c = parseShortcut(text);
  const key = c.key.length === 1 ? c.key.toUpperCase() : ((mac ? MAC_KEYS : PC_KEYS)[c.key] ?? c.key);
  if (mac) return `${c.alt ? "⌥" : ""}${c.shift ? "⇧" : ""}${c.mod ? "⌘" : ""}${key}`;
  return [c.mod ? "Ctrl" : "", c.alt ? "Alt" : "", c.shift ? "Shift" : "", key].filter(Boolean).join("+");
}

/**
 * Whether keys pressed in this element are typing: text fields, selects and editable content
 * keep their own keys (Backspace deletes a character there, not a layer).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
  return false;
}
