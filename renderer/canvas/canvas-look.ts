/**
 * How the canvas draws right now: the level of detail and the flow direction. Shared through
 * context because every node and wire reads it; it changes only when the zoom crosses the
 * level-of-detail threshold or the direction is switched, so those rare changes are the only
 * ones that re-render every card.
 */
import { createContext } from "react";
import type { Shape } from "../../graph-ir/core/shape.js";
import type { Lod } from "./lod.js";
import type { FlowDirection } from "./to-flow.js";

export interface CanvasLook {
  readonly lod: Lod;
  readonly direction: FlowDirection;
  /** Inside an opened block: nothing can be dragged, wired or deleted. */
  readonly readOnly: boolean;
}

export const CanvasLookContext = createContext<CanvasLook>({ lod: "full", direction: "RIGHT", readOnly: false });

/**
 * The width of the error and selection rings in flow units, so that on screen they stay about
 * 2px wide at every zoom (a 2px ring at zoom 0.05 would be a tenth of a pixel). Quantised to
 * powers of two so zooming changes it a handful of times, not on every frame.
 */
export function ringWidth(zoom: number): number {
  if (!(zoom > 0)) return 2;
  const step = Math.min(1, 2 ** Math.floor(Math.log2(zoom)));
  return Math.min(64, 2 / step);
}

/** What a wire's hover card shows about the tensor leaving `source` on `port`. */
export type WireInfo = (source: string, port: string) => { readonly shape: Shape; readonly maths: readonly string[] } | undefined;

/** Looked up only by the hover card, so an edit re-renders no wire that is not hovered. */
export const WireInfoContext = createContext<WireInfo>(() => undefined);
