/**
 * Paints a big graph seen from far out on one <canvas> (see far-scene.ts), redrawn on the next
 * animation frame after the view or the graph changes. Pointer input on the boxes still works:
 * a press on a box selects it and drags the selection (one undo step), a double click opens a
 * block; a press on the background pans as usual.
 */
import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef, type RefObject } from "react";
import type { Category } from "../../graph-ir/layers/types.js";
import { CATEGORY_ORDER } from "../ui/categories.js";
import { TITLE_FONT, nodeAt, titlesReadable, visibleRect, type FarNode, type FarScene } from "./far-scene.js";
import { ringWidth } from "./canvas-look.js";
import styles from "./Canvas.module.css";

interface Props {
  readonly scene: FarScene;
  /** The element whose mouse input the canvas takes over on boxes (the canvas region). */
  readonly host: RefObject<HTMLElement | null>;
  onSelect(id: string, additive: boolean): void;
  /** Moves the given nodes by a flow offset; `done` ends the gesture. */
  onDrag(ids: readonly string[], dx: number, dy: number, done: boolean): void;
  onOpen(id: string): void;
}

interface Colours {
  readonly key: string;
  readonly category: ReadonlyMap<Category | undefined, string>;
  readonly wire: string;
  readonly text: string;
  readonly surface: string;
  readonly danger: string;
  readonly accent: string;
  readonly font: string;
}

function readColours(el: Element): Colours {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim() || "#888";
  const category = new Map<Category | undefined, string>(CATEGORY_ORDER.map((c) => [c, v(`--cat-${c}`)]));
  category.set(undefined, v("--cat-unknown"));
  return {
    key: document.documentElement.dataset.theme ?? "", category, wire: v("--border-strong"), text: v("--text"), surface: v("--surface-raised"),
    danger: v("--danger"), accent: v("--accent"), font: css.getPropertyValue("--font-ui").trim() || "sans-serif",
  };
}

function paint(canvas: HTMLCanvasElement, scene: FarScene, transform: readonly [number, number, number], colours: Colours): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.width / dpr, height = canvas.height / dpr;
  const [tx, ty, k] = transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * tx, dpr * ty);
  const view = visibleRect(transform, width, height);
  const onScreen = (x0: number, y0: number, x1: number, y1: number) => x1 >= view.x0 && x0 <= view.x1 && y1 >= view.y0 && y0 <= view.y1;

  // Wires: one path, one stroke.
  ctx.beginPath();
  for (const w of scene.wires) {
    if (!onScreen(Math.min(w.x1, w.x2), Math.min(w.y1, w.y2), Math.max(w.x1, w.x2), Math.max(w.y1, w.y2))) continue;
    ctx.moveTo(w.x1, w.y1);
    if (scene.direction === "RIGHT") {
      const c = Math.max(Math.abs(w.x2 - w.x1) / 2, 25);
      ctx.bezierCurveTo(w.x1 + c, w.y1, w.x2 - c, w.y2, w.x2, w.y2);
    } else {
      const c = Math.max(Math.abs(w.y2 - w.y1) / 2, 25);
      ctx.bezierCurveTo(w.x1, w.y1 + c, w.x2, w.y2 - c, w.x2, w.y2);
    }
  }
  ctx.strokeStyle = colours.wire;
  ctx.lineWidth = 1.5 / k;
  ctx.stroke();

  // Boxes: a flat card, then its category colour over it, one path per colour.
  const visible = scene.nodes.filter((n) => onScreen(n.x, n.y, n.x + n.width, n.y + n.height));
  ctx.fillStyle = colours.surface;
  ctx.beginPath();
  for (const n of visible) ctx.rect(n.x, n.y, n.width, n.height);
  ctx.fill();
  const byColour = new Map<string, FarNode[]>();
  for (const n of visible) {
    const c = colours.category.get(n.category) ?? colours.wire;
    (byColour.get(c) ?? byColour.set(c, []).get(c)!).push(n);
  }
  ctx.globalAlpha = 0.45;
  for (const [colour, list] of byColour) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const n of list) ctx.rect(n.x, n.y, n.width, n.height);
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  // Rings stay about 2px wide on screen at every zoom, as the DOM cards' do.
  const ring = ringWidth(k);
  const rings = (pick: (n: FarNode) => boolean, colour: string, grow: (n: FarNode) => number) => {
    ctx.beginPath();
    for (const n of visible) {
      if (!pick(n)) continue;
      const g = grow(n);
      ctx.rect(n.x - g, n.y - g, n.width + 2 * g, n.height + 2 * g);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = ring;
    ctx.stroke();
  };
  rings((n) => n.error, colours.danger, () => ring / 2);
  // A selected node with an error gets its accent ring outside the red one.
  rings((n) => n.selected, colours.accent, (n) => ring / 2 + (n.error ? ring : 0));

  if (titlesReadable(k)) {
    ctx.fillStyle = colours.text;
    ctx.font = `${TITLE_FONT}px ${colours.font}`;
    ctx.textBaseline = "middle";
    for (const n of visible) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(n.x, n.y, n.width - 8, n.height);
      ctx.clip();
      ctx.fillText(n.title, n.x + 12, n.y + 17);
      ctx.restore();
    }
  }
}

export function FarCanvas({ scene, host, onSelect, onDrag, onOpen }: Props) {
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef({ scene, onSelect, onDrag, onOpen });
  latest.current = { scene, onSelect, onDrag, onOpen };
  const redraw = useRef<() => void>(() => undefined);

  // Draw on the next frame after any change of view, size or graph; at most once per frame.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let frame = 0;
    let colours: Colours | undefined;
    const draw = () => {
      frame = 0;
      const box = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(box.width * dpr), h = Math.round(box.height * dpr);
      if (el.width !== w || el.height !== h) {
        el.width = w;
        el.height = h;
      }
      if (!colours || colours.key !== (document.documentElement.dataset.theme ?? "")) colours = readColours(el);
      paint(el, latest.current.scene, store.getState().transform, colours);
      // For scripts (the benchmark): how many nodes the last paint covered.
      el.dataset.nodes = String(latest.current.scene.nodes.length);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    redraw.current = schedule;
    schedule();
    let last = store.getState().transform;
    const off = store.subscribe((s) => {
      if (s.transform !== last) {
        last = s.transform;
        schedule();
      }
    });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      off();
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store]);

  useEffect(() => redraw.current(), [scene]);

  // Presses on boxes: select and drag. Captured before React Flow's pane, which would pan.
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const toFlow = (e: MouseEvent) => {
      const box = canvas.current!.getBoundingClientRect();
      const [tx, ty, k] = store.getState().transform;
      return { x: (e.clientX - box.left - tx) / k, y: (e.clientY - box.top - ty) / k, k };
    };
    const onPane = (e: MouseEvent) => e.target instanceof Element && e.target.closest(".react-flow__pane") !== null;
    // The click that ends a press on a box is the box's: the pane would take it as "deselect all".
    let ownClick = false;
    const click = (e: MouseEvent) => {
      if (!ownClick) return;
      ownClick = false;
      e.stopPropagation();
    };
    const down = (e: MouseEvent) => {
      ownClick = false;
      if (e.button !== 0 || !onPane(e)) return;
      const p = toFlow(e);
      const hit = nodeAt(latest.current.scene, p.x, p.y, 2 / p.k);
      if (!hit) return;
      ownClick = true;
      e.stopPropagation();
      e.preventDefault();
      const additive = e.shiftKey || e.metaKey || e.ctrlKey;
      if (additive || !hit.selected) latest.current.onSelect(hit.id, additive);
      const ids = additive ? [hit.id] : hit.selected ? latest.current.scene.nodes.filter((n) => n.selected).map((n) => n.id) : [hit.id];
      let moved = false;
      const move = (m: MouseEvent) => {
        const q = toFlow(m);
        if (!moved && Math.hypot(m.clientX - e.clientX, m.clientY - e.clientY) < 3) return;
        moved = true;
        latest.current.onDrag(ids, q.x - p.x, q.y - p.y, false);
      };
      const up = (u: MouseEvent) => {
        window.removeEventListener("mousemove", move, true);
        window.removeEventListener("mouseup", up, true);
        if (moved) {
          const q = toFlow(u);
          latest.current.onDrag(ids, q.x - p.x, q.y - p.y, true);
        }
      };
      window.addEventListener("mousemove", move, true);
      window.addEventListener("mouseup", up, true);
    };
    const dbl = (e: MouseEvent) => {
      if (!onPane(e)) return;
      const p = toFlow(e);
      const hit = nodeAt(latest.current.scene, p.x, p.y, 2 / p.k);
      if (hit?.block) {
        e.stopPropagation();
        latest.current.onOpen(hit.id);
      }
    };
    el.addEventListener("mousedown", down, true);
    el.addEventListener("click", click, true);
    el.addEventListener("dblclick", dbl, true);
    return () => {
      el.removeEventListener("mousedown", down, true);
      el.removeEventListener("click", click, true);
      el.removeEventListener("dblclick", dbl, true);
    };
  }, [host, store]);

  return <canvas ref={canvas} className={styles.far} aria-hidden="true" />;
}
