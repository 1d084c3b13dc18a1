/** Dropping a layer dragged from the palette onto the canvas: it is added where it lands, selected, as one undo step. */
import type { ReactFlowInstance } from "@xyflow/react";
import { useCallback, type DragEvent, type RefObject } from "react";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import { PALETTE_DRAG_TYPE } from "../palette/palette-items.js";
import type { AppStore } from "../store/app-store.js";
import { cardPositionAt, planAddLayer, readPayload } from "./add-layer.js";
import type { LayerFlowNode, WireFlowEdge } from "./to-flow.js";

export interface PaletteDropDeps {
  /** The document and mode as of the latest render. */
  readonly live: RefObject<{ readonly doc: GraphDocument; readonly readOnly: boolean }>;
  readonly flow: Pick<ReactFlowInstance<LayerFlowNode, WireFlowEdge>, "screenToFlowPosition">;
  /** Applies an edit as one undo step; false (and the person told why) when refused. */
  readonly edit: (e: Edit, label: string) => boolean;
  readonly app: AppStore;
  readonly main: RefObject<HTMLElement | null>;
}

export function usePaletteDrop({ live, flow, edit, app, main }: PaletteDropDeps) {
  const onDragOver = useCallback((e: DragEvent) => {
    if (live.current.readOnly || !e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, [live]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (live.current.readOnly) return;
      const payload = readPayload(e.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!payload) return;
      e.preventDefault();
      const plan = planAddLayer(live.current.doc, payload, cardPositionAt(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })));
      if (edit(plan.edit, plan.label)) app.getState().select([plan.id]);
      main.current?.focus();
    },
    [live, flow, edit, app, main],
  );

  return { onDragOver, onDrop };
}
