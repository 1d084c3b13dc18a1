/**
 * The command palette (Ctrl/Cmd+K): every command by name, ranked by fuzzy match, with its
 * shortcut; and, when a command asks a question (which file to open), the answers to pick from.
 * Arrow keys move, Enter runs, Escape closes and gives focus back where it was.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { useStore } from "zustand";
import { isMac } from "../ui/shortcut.js";
import { useCommands } from "./use-commands.js";
import { shortcutText } from "./keys.js";
import type { PaletteMode } from "./palette-store.js";
import { isEnabled, type PickItem } from "./registry.js";
import { rankItems } from "./search.js";
import styles from "./CommandPalette.module.css";

interface Row {
  readonly key: string;
  readonly title: string;
  readonly positions: readonly number[];
  readonly category?: string;
  readonly detail?: string;
  readonly shortcut?: string;
  readonly disabled: boolean;
  choose(): void;
}

const modeIds = new WeakMap<PaletteMode, number>();
let nextModeId = 0;
const modeKey = (mode: PaletteMode) => {
  if (!modeIds.has(mode)) modeIds.set(mode, ++nextModeId);
  return modeIds.get(mode)!;
};

export function CommandPalette() {
  const { palette } = useCommands();
  const mode = useStore(palette, (s) => s.mode);
  return mode ? <PaletteDialog key={modeKey(mode)} mode={mode} /> : null;
}

type Loaded = { readonly state: "loading" } | { readonly state: "ready"; readonly items: readonly PickItem[] } | { readonly state: "failed"; readonly message: string };

function usePickItems(mode: PaletteMode): Loaded {
  const source = mode.kind === "pick" ? mode.request.items : undefined;
  const [loaded, setLoaded] = useState<Loaded>(() => (Array.isArray(source) ? { state: "ready", items: source } : { state: "loading" }));
  useEffect(() => {
    if (typeof source !== "function") return;
    let live = true;
    source().then(
      (items) => live && setLoaded({ state: "ready", items }),
      (e: unknown) => live && setLoaded({ state: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [source]);
  return loaded;
}

function PaletteDialog({ mode }: { mode: PaletteMode }) {
  const { palette, registry, ctx } = useCommands();
  const commands = useSyncExternalStore(registry.subscribe, registry.list);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const loaded = usePickItems(mode);

  // Focus goes back where it was when the palette closes (unless a command moved it).
  useLayoutEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => {
      if (before?.isConnected && (document.activeElement === document.body || document.activeElement === null)) before.focus();
    };
  }, []);

  const rows: Row[] = useMemo(() => {
    if (mode.kind === "commands") {
      return rankItems(commands, query, (c) => isEnabled(c, ctx)).map(({ item: c, positions }) => {
        const detail = c.detail?.(ctx);
        const shortcut = c.shortcuts?.[0];
        return {
          key: c.id, title: c.title, positions, category: c.category, disabled: !isEnabled(c, ctx),
          ...(detail ? { detail } : {}),
          ...(shortcut ? { shortcut: shortcutText(shortcut, isMac) } : {}),
          choose() {
            palette.getState().close();
            void registry.run(c.id, ctx);
          },
        };
      });
    }
    if (loaded.state !== "ready") return [];
    return rankItems(loaded.items.map((i) => ({ ...i, keywords: i.detail })), query).map(({ item, positions }) => ({
      key: item.id, title: item.title, positions, disabled: false,
      ...(item.detail && item.detail !== item.title ? { detail: item.detail } : {}),
      choose: () => palette.getState().close({ id: item.id, title: item.title, ...(item.detail ? { detail: item.detail } : {}) }),
    }));
  }, [mode, commands, query, loaded, ctx, palette, registry]);

  const current = Math.min(active, Math.max(0, rows.length - 1));
  useEffect(() => {
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(rows.length - 1, to)));
    };
    if (e.key === "ArrowDown") move(current + 1);
    else if (e.key === "ArrowUp") move(current - 1);
    else if (e.key === "PageDown") move(current + 8);
    else if (e.key === "PageUp") move(current - 8);
    else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      palette.getState().close();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const row = rows[current];
      if (row && !row.disabled) row.choose();
    } else if (e.key === "Tab") e.preventDefault(); // focus stays in the dialog
  };

  const label = mode.kind === "commands" ? "Command palette" : mode.request.placeholder;
  const empty =
    mode.kind === "pick" && loaded.state === "loading" ? "Loading…"
    : mode.kind === "pick" && loaded.state === "failed" ? `Could not list the choices: ${loaded.message}`
    : mode.kind === "pick" && loaded.state === "ready" && loaded.items.length === 0 ? (mode.request.empty ?? "Nothing to choose from.")
    : query.trim() ? `Nothing matches “${query.trim()}”.` : "No commands.";

  return (
    <div className={styles.overlay} onMouseDown={(e) => e.target === e.currentTarget && palette.getState().close()}>
      <div className={styles.dialog} role="dialog" aria-modal="true" aria-label={label}>
        <input
          ref={input}
          className={styles.input}
          role="combobox"
          aria-expanded="true"
          aria-controls="command-palette-list"
          aria-activedescendant={rows[current] ? `command-palette-${current}` : undefined}
          aria-autocomplete="list"
          aria-label={label}
          placeholder={mode.kind === "commands" ? "Type a command" : mode.request.placeholder}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <ul ref={list} id="command-palette-list" className={styles.list} role="listbox" aria-label={mode.kind === "commands" ? "Commands" : "Choices"}>
          {rows.map((row, i) => (
            <li
              key={row.key}
              id={`command-palette-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === current}
              aria-disabled={row.disabled || undefined}
              className={styles.row}
              onMouseMove={() => i !== current && setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => !row.disabled && row.choose()}
            >
              <span className={styles.text}>
                {row.category && <span className={styles.category}>{row.category}: </span>}
                <span className={styles.title}>{highlighted(row.title, row.positions)}</span>
                {row.detail && <span className={styles.detail}>{row.detail}</span>}
              </span>
              {row.shortcut && <kbd className={styles.kbd}>{row.shortcut}</kbd>}
            </li>
          ))}
        </ul>
        {rows.length === 0 && <p className={styles.empty}>{empty}</p>}
      </div>
    </div>
  );
}

function highlighted(text: string, positions: readonly number[]): ReactNode {
  if (positions.length === 0) return text;
  const marks = new Set(positions);
  const parts: ReactNode[] = [];
  let run = "";
  let inMark = false;
  [...text].forEach((ch, i) => {
    if (marks.has(i) !== inMark) {
      if (run) parts.push(inMark ? <mark key={i}>{run}</mark> : run);
      run = "";
      inMark = !inMark;
    }
    run += ch;
  });
  if (run) parts.push(inMark ? <mark key="end">{run}</mark> : run);
  return parts;
}
