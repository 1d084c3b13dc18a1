/**
 * The layer palette: a search box over every layer in the registry, grouped by category when
 * the box is empty and ranked by match when it is not. Entries drag onto the canvas; Enter in
 * the search adds the top match to the canvas (at the pointer, else mid-view), so a layer can be
 * added without the mouse: type on the canvas, Enter.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { LAYERS } from "../../graph-ir/layers/registry.js";
import { addLayerToCanvas, canvasHandle } from "../canvas/add-layer.js";
import { useServices } from "../store/context.js";
import { SearchIcon } from "../ui/icons.js";
import { providePaletteSearch } from "./palette-bridge.js";
import { groupByCategory, paletteItems, searchPalette } from "./palette-items.js";
import { PaletteEntry } from "./PaletteEntry.js";
import styles from "./Palette.module.css";

const ITEMS = paletteItems(LAYERS);
const GROUPS = groupByCategory(ITEMS);

export function Palette() {
  const { app } = useServices();
  const [query, setQuery] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const ranked = useMemo(() => searchPalette(ITEMS, deferred), [deferred]);
  const searching = deferred.trim().length > 0;
  const input = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      providePaletteSearch(app, {
        focusSearch(text) {
          setQuery(text);
          setProblem(null);
          input.current?.focus();
        },
      }),
    [app],
  );

  /** Enter: the best match for what is typed now (not the deferred list, which may lag a key). */
  const addTopMatch = () => {
    const top = searchPalette(ITEMS, query)[0];
    if (!top) return;
    const r = addLayerToCanvas(app, { kind: top.item.kind, params: top.item.params });
    if (!r.ok) {
      setProblem(r.error);
      return;
    }
    setQuery("");
    setProblem(null);
    canvasHandle(app)?.focus();
  };

  return (
    <aside className={styles.palette} aria-label="Layer palette">
      <div className={styles.search}>
        <SearchIcon />
        <input
          type="search"
          ref={input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addTopMatch();
            } else if (e.key === "Escape") {
              // First Escape clears the search; the next one gives the keyboard back to the canvas.
              if (query) setQuery("");
              else canvasHandle(app)?.focus();
            }
          }}
          placeholder="Search layers"
          aria-label="Search layers"
          aria-describedby="palette-search-hint"
          title="Type to search; Enter adds the top match to the canvas"
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <p id="palette-search-hint" className={problem ? styles.problem : styles.hint} role={problem ? "alert" : undefined}>
        {problem ?? (searching ? "Enter adds the top match to the canvas" : "Type on the canvas or press / to search")}
      </p>
      {/* Focusable so the list scrolls from the keyboard too. */}
      <div className={styles.list} tabIndex={0} aria-label="Layers">
        {searching ? (
          ranked.length > 0 ? (
            <ul className={styles.items} aria-label={`${ranked.length} matching layers`}>
              {ranked.map((r) => (
                <PaletteEntry key={r.item.id} item={r.item} highlight={r.titleMatches} showCategory />
              ))}
            </ul>
          ) : (
            <p className={styles.empty}>No layer matches “{deferred.trim()}”.</p>
          )
        ) : (
          GROUPS.map((group) => (
            <section key={group.category} className={styles.group} aria-labelledby={`palette-${group.category}`}>
              <h2 id={`palette-${group.category}`} className={styles.heading}>
                {group.label}
              </h2>
              <ul className={styles.items}>
                {group.items.map((item) => (
                  <PaletteEntry key={item.id} item={item} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </aside>
  );
}
