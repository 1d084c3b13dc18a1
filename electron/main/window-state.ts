/**
 * Where a window opens: where the last one was (size, place, maximized, full screen), as long
 * as that is still on a screen; cascaded from the current window when more are open; centred
 * on the primary screen otherwise.
 */
import { MIN_WINDOW, type WindowPlacement } from "./security.js";

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
const CASCADE = 28;
/** How much of the title bar must be on a screen for the window to be reachable. */
const GRAB = { width: 120, height: 32 } as const;

/** Reads a stored state; anything damaged or implausible reads as none. */
export function parseWindowState(data: unknown): WindowState | null {
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  const b = d.bounds as Record<string, unknown> | undefined;
  const num = (v: unknown) => typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 100_000;
  if (!b || !num(b.x) || !num(b.y) || !num(b.width) || !num(b.height)) return null;
  if ((b.width as number) < 100 || (b.height as number) < 100) return null;
  return {
    bounds: { x: Math.round(b.x as number), y: Math.round(b.y as number), width: Math.round(b.width as number), height: Math.round(b.height as number) },
    maximized: d.maximized === true,
    fullScreen: d.fullScreen === true,
  };
}

export interface Placement {
  readonly placement: WindowPlacement;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

/**
 * `workAreas`: each screen's usable area, the primary first. `cascadeFrom`: the bounds of the
 * window this one is opened from, if any.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], cascadeFrom: Rect | null = null): Placement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fit = (r: Rect, area: Rect): { width: number; height: number } => ({
    width: Math.max(MIN_WINDOW.width, Math.min(r.width, area.width)),
    height: Math.max(MIN_WINDOW.height, Math.min(r.height, area.height)),
  });
  if (cascadeFrom) {
    const moved = { ...cascadeFrom, x: cascadeFrom.x + CASCADE, y: cascadeFrom.y + CASCADE };
    const area = screenOf(moved, workAreas);
    if (area) return { placement: { x: moved.x, y: moved.y, ...fit(moved, area) }, maximized: false, fullScreen: false };
    // Cascaded off the screen: start again at the top left of the screen it was on.
    const home = screenOf(cascadeFrom, workAreas) ?? primary;
    return { placement: { x: home.x + CASCADE, y: home.y + CASCADE, ...fit(cascadeFrom, home) }, maximized: false, fullScreen: false };
  }
  if (saved) {
    const area = screenOf(saved.bounds, workAreas);
    if (area) return { placement: { x: saved.bounds.x, y: saved.bounds.y, ...fit(saved.bounds, area) }, maximized: saved.maximized, fullScreen: saved.fullScreen };
    // Its screen is gone (a laptop off its dock): keep the size, let the system centre it.
    return { placement: fit(saved.bounds, primary), maximized: saved.maximized, fullScreen: false };
  }
  return { placement: fit({ x: 0, y: 0, ...DEFAULT_SIZE }, primary), maximized: false, fullScreen: false };
}

/** The screen holding enough of the window's title bar to grab it, if any. */
function screenOf(bounds: Rect, workAreas: readonly Rect[]): Rect | undefined {
  const bar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRAB.height };
  return workAreas.find((a) => {
    const w = Math.min(bar.x + bar.width, a.x + a.width) - Math.max(bar.x, a.x);
    const h = Math.min(bar.y + bar.height, a.y + a.height) - Math.max(bar.y, a.y);
    return w >= GRAB.width && h >= GRAB.height;
  });
}
