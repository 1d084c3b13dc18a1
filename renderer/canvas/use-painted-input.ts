/**
 * Input on the painted far view (FarCanvas): clicking and dragging boxes makes the same edits as
 * clicking and dragging React Flow's DOM cards: a selection, and a drag that is one undo step.
 */
import { useCallback, useRef, type RefObject } from "react";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import type { AppStore } from "../store/app-store.js";
import { moveStep } from "./move-step.js";
import { fallbackPosition } from "./to-flow.js";

export interface PaintedInputDeps {
  readonly app: AppStore;
  /** The document as of the latest render. */
  readonly live: RefObject<{ readonly doc: GraphDocument }>;
  /** Applies an edit, coalescing steps that share `coalesce` into one undo step. */
  readonly edit: (e: Edit, label: string, coalesce?: string) => boolean;
}

export function usePaintedInput({ app, live, edit }: PaintedInputDeps) {
  const dragStart = useRef<Map<string, readonly [number, number]> | null>(null);
  const selectPainted = useCallback((id: string, additive: boolean) => {
    const current = app.getState().ui.selection;
    app.getState().select(additive ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id]);
  }, [app]);
  const dragPainted = useCallback(
    (ids: readonly string[], dx: number, dy: number, done: boolean) => {
      const d = live.current.doc;
      if (!dragStart.current) {
        const index = new Map(d.nodes.map((n, i) => [n.id, i]));
        dragStart.current = new Map(ids.map((id) => [id, d.layout[id] ?? [fallbackPosition(index.get(id) ?? 0).x, fallbackPosition(index.get(id) ?? 0).y]]));
      }
      const step = moveStep([...dragStart.current].map(([id, [x, y]]) => [id, x + dx, y + dy] as const));
      edit(step.edit, step.label, step.coalesce);
      if (done) {
        dragStart.current = null;
        app.getState().sealHistory();
      }
    },
    [app, live, edit],
  );
  return { selectPainted, dragPainted };
}
