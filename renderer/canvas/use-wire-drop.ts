/**
 * A wire dragged from an output and let go on empty canvas: a menu of only the layers that can
 * take its shape, and the chosen one added and wired in one undo step.
 */
import type { FinalConnectionState, ReactFlowInstance } from "@xyflow/react";
import { useCallback, useMemo, useState, type RefObject } from "react";
import type { GraphDocument, PortRef } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import type { Shape } from "../../graph-ir/core/shape.js";
import { LAYERS } from "../../graph-ir/layers/registry.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { PaletteItem } from "../palette/palette-items.js";
import type { AppStore } from "../store/app-store.js";
import { cardPositionAt, planAddConnected } from "./add-layer.js";
import { acceptingItems } from "./drop-menu.js";
import type { LayerFlowNode, WireFlowEdge } from "./to-flow.js";

export interface WireDrop {
  /** Where the menu opens, relative to the canvas. */
  readonly at: { readonly x: number; readonly y: number };
  /** Where the new layer goes, in flow coordinates. */
  readonly point: { readonly x: number; readonly y: number };
  readonly from: PortRef;
  readonly shape: Shape | undefined;
}

export interface WireDropDeps {
  readonly live: RefObject<{ readonly doc: GraphDocument; readonly analysis: Analysis; readonly readOnly: boolean }>;
  readonly flow: Pick<ReactFlowInstance<LayerFlowNode, WireFlowEdge>, "screenToFlowPosition">;
  readonly edit: (e: Edit, label: string) => boolean;
  readonly app: AppStore;
  readonly main: RefObject<HTMLElement | null>;
  /** Every palette entry; the menu offers those that accept the wire's shape. */
  readonly items: readonly PaletteItem[];
}

export function useWireDrop({ live, flow, edit, app, main, items }: WireDropDeps) {
  const [drop, setDrop] = useState<WireDrop | null>(null);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (live.current.readOnly || state.isValid || state.toNode || !state.fromNode || state.fromHandle?.type !== "source") return;
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      const box = main.current?.getBoundingClientRect();
      if (!point || !box) return;
      const from: PortRef = [state.fromNode.id, state.fromHandle.id ?? ""];
      const shape = live.current.analysis.nodes.get(from[0])?.outputs[from[1]];
      const at = { x: Math.min(point.clientX - box.left, box.width - 290), y: Math.min(point.clientY - box.top, box.height - 350) };
      setDrop({ at: { x: Math.max(8, at.x), y: Math.max(8, at.y) }, point: flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }), from, shape });
    },
    [live, main, flow],
  );

  const dropItems = useMemo(() => (drop ? acceptingItems(items, LAYERS, drop.shape) : []), [drop, items]);
  const pickDropped = useCallback(
    (item: PaletteItem) => {
      if (!drop) return;
      const plan = planAddConnected(live.current.doc, { kind: item.kind, params: item.params }, cardPositionAt(drop.point), drop.from);
      setDrop(null);
      if (plan && edit(plan.edit, plan.label)) app.getState().select([plan.id]);
      main.current?.focus();
    },
    [drop, live, edit, app, main],
  );
  const closeDrop = useCallback(() => {
    setDrop(null);
    main.current?.focus();
  }, [main]);

  return { drop, setDrop, onConnectEnd, dropItems, pickDropped, closeDrop };
}
