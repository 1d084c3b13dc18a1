/** Which end of a dragged wire is the output, whichever end the drag started from. Pure. */
import type { PortRef } from "../../graph-ir/core/document.js";

/** The wire being dragged, as output → input whichever end it was started from. */
export function connectionEnds(
  fromNode: string, fromHandle: { id?: string | null; type: string },
  toNode: string | undefined, toHandle: { id?: string | null; type: string } | null | undefined,
): { from: PortRef | undefined; to: PortRef | undefined; sameSide: boolean } {
  const start: PortRef = [fromNode, fromHandle.id ?? ""];
  const end: PortRef | undefined = toNode !== undefined && toHandle ? [toNode, toHandle.id ?? ""] : undefined;
  const sameSide = end !== undefined && toHandle!.type === fromHandle.type;
  return fromHandle.type === "source" ? { from: start, to: end, sameSide } : { from: end, to: start, sameSide };
}

