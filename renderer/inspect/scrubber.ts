/**
 * Which statistics snapshot the canvas bars show: the newest while following the run, or one
 * chosen on the scrubber. Dragging to the end follows again, as a video player's live edge does.
 */
export interface ScrubState {
  /** Follow the newest snapshot as new ones arrive. */
  readonly follow: boolean;
  /** The chosen snapshot when not following. */
  readonly index: number;
}

export const FOLLOW: ScrubState = { follow: true, index: 0 };

/** The snapshot shown, or undefined when there are none. */
export function shownIndex(s: ScrubState, count: number): number | undefined {
  if (count <= 0) return undefined;
  return s.follow ? count - 1 : Math.min(Math.max(0, s.index), count - 1);
}

/** Choosing a snapshot; the last one means follow the run again. */
export function scrubTo(index: number, count: number): ScrubState {
  if (count <= 0 || index >= count - 1) return FOLLOW;
  return { follow: false, index: Math.max(0, Math.floor(index)) };
}

/** Arrow keys and buttons: one snapshot back or forward from the shown one. */
export function stepBy(s: ScrubState, delta: number, count: number): ScrubState {
  const at = shownIndex(s, count);
  return at === undefined ? FOLLOW : scrubTo(at + delta, count);
}

/**
 * Keeps a long run's snapshots within `limit` by dropping every other old one (the newest stays),
 * so memory is bounded and the scrubber still spans the whole run. Returns the kept list and how
 * a chosen index moves.
 */
export function thin<T>(list: readonly T[], limit: number): { list: T[]; map: (index: number) => number } {
  if (list.length <= limit) return { list: [...list], map: (i) => i };
  const kept = list.filter((_, i) => i % 2 === 0 || i === list.length - 1);
  return { list: kept, map: (i) => Math.floor(i / 2) };
}
