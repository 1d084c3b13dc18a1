/**
 * The menu a wire dropped on empty canvas opens: the layers that can take the wire's tensor,
 * with a filter box. Arrow keys move, Enter adds the highlighted layer (added and wired as one
 * undo step), Escape or a click elsewhere closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { CATEGORY_LABEL, categoryColor } from "../ui/categories.js";
import { searchPalette, type PaletteItem } from "../palette/palette-items.js";
import styles from "./DropMenu.module.css";

interface Props {
  /** Top-left corner in px, relative to the canvas. */
  readonly at: { readonly x: number; readonly y: number };
  /** "After c1 · B×28×28×6" */
  readonly title: string;
  readonly items: readonly PaletteItem[];
  onPick(item: PaletteItem): void;
  onClose(): void;
}

export function DropMenu({ at, title, items, onPick, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const box = useRef<HTMLDivElement>(null);
  const filter = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => (query.trim() ? searchPalette(items, query).map((r) => r.item) : items), [items, query]);
  const current = Math.min(active, shown.length - 1);

  // Focused without scrolling: a scroll would move the canvas under the menu.
  useEffect(() => filter.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose]);

  // Keep the highlighted item in view by scrolling the list alone: scrollIntoView would also
  // scroll the canvas's own containers and shift the whole graph.
  useEffect(() => {
    const list = box.current?.querySelector("ul");
    const item = list?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (!list || !item) return;
    if (item.offsetTop < list.scrollTop) list.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = item.offsetTop + item.offsetHeight - list.clientHeight;
  }, [current]);

  return (
    <div ref={box} className={styles.menu} style={{ left: at.x, top: at.y }} role="dialog" aria-label={`Add a layer ${title}`}>
      <div className={styles.title}>Add a layer <span className="mono">{title}</span></div>
      <input
        className={styles.filter}
        ref={filter}
        type="search"
        value={query}
        placeholder="Filter layers"
        aria-label="Filter layers"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown.length ? `${listId}-${current}` : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((current + step + shown.length) % Math.max(1, shown.length));
          } else if (e.key === "Enter") {
            e.preventDefault();
            const item = shown[current];
            if (item) onPick(item);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      {shown.length === 0 ? (
        <p className={styles.empty}>{items.length === 0 ? "No layer can take this tensor." : `No layer matches “${query.trim()}”.`}</p>
      ) : (
        <ul id={listId} className={styles.list} role="listbox" aria-label="Layers that can take this wire">
          {shown.map((item, i) => (
            <li
              key={item.id}
              id={`${listId}-${i}`}
              data-index={i}
              data-kind={item.kind}
              role="option"
              aria-selected={i === current}
              className={styles.item}
              onPointerEnter={() => setActive(i)}
              onClick={() => onPick(item)}
            >
              <span className={styles.dot} style={{ background: categoryColor(item.category) }} aria-hidden="true" />
              <span className={styles.name}>{item.title}</span>
              <span className={styles.category}>{CATEGORY_LABEL[item.category]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
