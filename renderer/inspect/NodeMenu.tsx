/**
 * The node context menu (right click on a card, or Shift+F10 on the selected node): the
 * inspection tools. A tool that does not apply to the node stays in the menu, dimmed, with the
 * reason as its description; choosing it shows that reason in the Inspect tab. Arrow keys move,
 * Enter chooses, Escape or a click elsewhere closes.
 */
import { useEffect, useRef, useState } from "react";
import type { ToolChoice } from "./tools.js";
import styles from "./NodeMenu.module.css";

interface Props {
  readonly node: string;
  /** Where the pointer was, in viewport px. */
  readonly at: { readonly x: number; readonly y: number };
  readonly tools: readonly ToolChoice[];
  onPick(choice: ToolChoice): void;
  onClose(): void;
}

export function NodeMenu({ node, at, tools, onPick, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    box.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus({ preventScroll: true });
  }, [active]);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose]);

  // Kept inside the window: a menu opened near the right or bottom edge opens the other way.
  const left = Math.max(4, Math.min(at.x, window.innerWidth - 280));
  const top = Math.max(4, Math.min(at.y, window.innerHeight - 40 - tools.length * 30));
  return (
    <div
      ref={box}
      className={styles.menu}
      style={{ left, top }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          setActive((active + (e.key === "ArrowDown" ? 1 : -1) + tools.length) % tools.length);
        } else if (e.key === "Home" || e.key === "End") {
          e.preventDefault();
          setActive(e.key === "Home" ? 0 : tools.length - 1);
        } else if (e.key === "Escape" || e.key === "Tab") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className={styles.title} aria-hidden="true">Inspect <span className="mono">{node}</span></div>
      <div role="menu" aria-label={`Inspect ${node}`}>
        {tools.map((t, i) => (
          <button
            key={t.tool}
            type="button"
            role="menuitem"
            data-index={i}
            tabIndex={i === active ? 0 : -1}
            className={styles.item}
            data-unavailable={!t.available || undefined}
            title={t.reason}
            aria-description={t.reason}
            onPointerEnter={() => setActive(i)}
            onClick={() => onPick(t)}
          >
            {t.title}
          </button>
        ))}
      </div>
    </div>
  );
}
