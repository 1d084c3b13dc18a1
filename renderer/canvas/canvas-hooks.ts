/** Hooks the canvas view uses: level of detail, flashing changed wires, the remembered layout direction. */
import type { useStoreApi } from "@xyflow/react";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import { ringWidth } from "./canvas-look.js";
import { lodFor, nextLod, type Lod } from "./lod.js";
import { changedWires, wireLabels, type FlowDirection, type LayerFlowNode, type WireFlowEdge } from "./to-flow.js";

const DIRECTION_KEY = "layerloom.canvas.direction";
const EMPTY_SET: ReadonlySet<string> = new Set();

/** The level of detail for the current zoom, and the ring width as a CSS variable, without re-rendering per frame. */
export function useLevelOfDetail(storeApi: ReturnType<typeof useStoreApi<LayerFlowNode, WireFlowEdge>>, main: RefObject<HTMLElement | null>): Lod {
  const [lod, setLod] = useState<Lod>(() => lodFor(storeApi.getState().transform[2]));
  useEffect(() => {
    let current: Lod = lodFor(storeApi.getState().transform[2]);
    let ring = -1;
    const apply = (zoom: number) => {
      const next = nextLod(current, zoom);
      if (next !== current) {
        current = next;
        // Redrawing every card at the new level is a big render: let React slice it between
        // frames so the zoom that crossed the threshold keeps moving.
        startTransition(() => setLod(next));
      }
      const r = ringWidth(zoom);
      if (r !== ring) {
        ring = r;
        main.current?.style.setProperty("--ring-width", `${r}px`);
      }
    };
    apply(storeApi.getState().transform[2]);
    setLod(current);
    return storeApi.subscribe((s) => apply(s.transform[2]));
  }, [storeApi, main]);
  return lod;
}

/** Which wires changed shape in the last edit (not on open, not on a move), numbered per edit. */
export function useWireFlash(doc: GraphDocument, analysis: Analysis, opening: boolean): { readonly ids: ReadonlySet<string>; readonly seq: number } {
  const last = useRef<{ doc: GraphDocument; labels: Map<string, string | undefined>; result: { ids: ReadonlySet<string>; seq: number } } | null>(null);
  return useMemo(() => {
    const prev = last.current;
    if (prev && prev.doc === doc) return prev.result;
    // A move changes only the layout: no shape can have changed, keep what flashed last.
    if (prev && prev.doc.nodes === doc.nodes && prev.doc.edges === doc.edges && prev.doc.blocks === doc.blocks) {
      last.current = { ...prev, doc };
      return prev.result;
    }
    const labels = wireLabels(doc, analysis);
    const ids = prev && !opening ? changedWires(prev.labels, labels) : EMPTY_SET;
    const result = { ids, seq: (prev?.result.seq ?? 0) + 1 };
    last.current = { doc, labels, result };
    return result;
  }, [doc, analysis, opening]);
}

/** Left to right or top to bottom, remembered across sessions. */
export function useStoredDirection(): [FlowDirection, (d: FlowDirection) => void] {
  const [direction, set] = useState<FlowDirection>(() => {
    try {
      return window.localStorage.getItem(DIRECTION_KEY) === "DOWN" ? "DOWN" : "RIGHT";
    } catch {
      return "RIGHT";
    }
  });
  const setDirection = useCallback((d: FlowDirection) => {
    set(d);
    try {
      window.localStorage.setItem(DIRECTION_KEY, d);
    } catch {
      // not remembered where storage is refused; the choice still holds for this session
    }
  }, []);
  return [direction, setDirection];
}

