/**
 * A drag of cards as one edit: a `move` per card (positions rounded to whole pixels), batched when
 * several move, with a coalescing key per gesture and card set so a whole drag is one undo step.
 * DOM cards and the painted far view drag through it alike.
 */
import type { Edit } from "../../graph-ir/core/edits.js";
import { plural } from "../commands/edit-ops.js";

export function moveStep(positions: readonly (readonly [id: string, x: number, y: number])[]): { edit: Edit; label: string; coalesce: string } {
  const moves: Edit[] = positions.map(([id, x, y]) => ({ op: "move", id, position: [Math.round(x), Math.round(y)] }));
  const ids = positions.map(([id]) => id);
  const label = ids.length === 1 ? `Move ${ids[0]}` : `Move ${plural(ids.length, "layer")}`;
  return { edit: moves.length === 1 ? moves[0]! : { op: "batch", label, edits: moves }, label, coalesce: `drag:${[...ids].sort().join(",")}` };
}
