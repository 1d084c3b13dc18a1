/** One palette entry: category dot, title (search matches in bold), one line of summary. */
import { memo, type DragEvent, type ReactNode } from "react";
import { CATEGORY_LABEL, categoryColor } from "../ui/categories.js";
import { PALETTE_DRAG_TYPE, type PaletteDragPayload, type PaletteItem } from "./palette-items.js";
import styles from "./Palette.module.css";

interface Props {
  readonly item: PaletteItem;
  readonly highlight?: readonly number[];
  readonly showCategory?: boolean;
}

export const PaletteEntry = memo(function PaletteEntry({ item, highlight = [], showCategory = false }: Props) {
  const onDragStart = (e: DragEvent<HTMLLIElement>) => {
    const payload: PaletteDragPayload = { kind: item.kind, params: item.params };
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, JSON.stringify(payload));
    e.dataTransfer.setData("text/plain", item.title);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <li className={styles.entry} draggable onDragStart={onDragStart} title={item.summary} data-kind={item.kind}>
      <span className={styles.dot} style={{ background: categoryColor(item.category) }} aria-hidden="true" />
      <span className={styles.text}>
        <span className={styles.titleLine}>
          <span className={styles.title}>{highlighted(item.title, highlight)}</span>
          {showCategory && <span className={styles.category}>{CATEGORY_LABEL[item.category]}</span>}
        </span>
        <span className={styles.summary}>{item.summary}</span>
      </span>
    </li>
  );
});

function highlighted(text: string, positions: readonly number[]) {
  if (positions.length === 0) return text;
  const marks = new Set(positions);
  const parts: ReactNode[] = [];
  let run = "";
  let inMark = false;
  const flush = (i: number) => {
    if (run) parts.push(inMark ? <mark key={i}>{run}</mark> : run);
    run = "";
  };
  [...text].forEach((ch, i) => {
    if (marks.has(i) !== inMark) {
      flush(i);
      inMark = !inMark;
    }
    run += ch;
  });
  flush(text.length);
  return parts;
}
