/**
 * Level of detail: how much of each node and wire the canvas draws at a zoom. Far out, a card's
 * text and port dots are too small to read but still cost paint time on every frame, so nodes
 * become plain coloured boxes with the title and wire labels go. Pure, so the thresholds are
 * tested without a browser.
 */

export type Lod = "full" | "far";

/** Below this zoom nodes draw as boxes (UX.md: "far out, zoom < ~0.35"). */
export const FAR_BELOW = 0.35;

/**
 * A band around the threshold where the current level stays: a wheel zoom that wobbles across
 * 0.35 would otherwise redraw every node twice per notch.
 */
const BAND = 0.02;

export function nextLod(current: Lod, zoom: number): Lod {
  if (current === "full") return zoom < FAR_BELOW - BAND ? "far" : "full";
  return zoom > FAR_BELOW + BAND ? "full" : "far";
}

/** The level for a zoom with no history (first render, bench pages). */
export function lodFor(zoom: number): Lod {
  return zoom < FAR_BELOW ? "far" : "full";
}

/** Graphs up to this size draw every node; culling costs more than it saves on small graphs. */
export const CULL_FROM_NODES = 300;

/**
 * Whether to draw only what is on screen (React Flow's onlyRenderVisibleElements). It pays off
 * when zoomed in on a big graph, where most nodes are off screen. Far out, nearly every node is
 * on screen anyway, and culling would recompute the visible set on every frame for nothing.
 */
export function cullOffscreen(nodeCount: number, lod: Lod): boolean {
  return lod === "full" && nodeCount >= CULL_FROM_NODES;
}
