/**
 * A sash between panels: drag it, or focus it and use the arrow keys (Home/End for the limits).
 * Double-click puts the panel back to its initial size.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { useLayout, useServices } from "../store/context.js";
import { PANEL_LIMITS, type PanelId } from "../store/layout-store.js";
import styles from "./ResizeHandle.module.css";

interface Props {
  readonly panel: PanelId;
  readonly label: string;
  /** +1 when dragging right/down grows the panel (a panel on the left or top), -1 otherwise. */
  readonly direction: 1 | -1;
}

const STEP = 16;

export function ResizeHandle({ panel, label, direction }: Props) {
  const size = useLayout((s) => s.panels[panel].size);
  const { layout } = useServices();
  const drag = useRef<{ start: number; size: number } | null>(null);
  const vertical = panel !== "bottom"; // a vertical bar between side-by-side panels
  const limits = PANEL_LIMITS[panel];
  const setSize = (px: number) => layout.getState().setSize(panel, px);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: vertical ? e.clientX : e.clientY, size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const delta = (vertical ? e.clientX : e.clientY) - drag.current.start;
    setSize(drag.current.size + direction * delta);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = vertical ? (direction === 1 ? "ArrowRight" : "ArrowLeft") : direction === 1 ? "ArrowDown" : "ArrowUp";
    const shrink = vertical ? (direction === 1 ? "ArrowLeft" : "ArrowRight") : direction === 1 ? "ArrowUp" : "ArrowDown";
    const next = e.key === grow ? size + STEP : e.key === shrink ? size - STEP : e.key === "Home" ? limits.min : e.key === "End" ? limits.max : null;
    if (next === null) return;
    e.preventDefault();
    setSize(next);
  };

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={vertical ? "vertical" : "horizontal"}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      aria-valuenow={size}
      tabIndex={0}
      className={vertical ? styles.vertical : styles.horizontal}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setSize(limits.initial)}
      onKeyDown={onKeyDown}
    />
  );
}
