/**
 * Auto-layout on the canvas: ELK in a worker lays out the document as it was when asked, and the
 * result is applied to the document as it is by then, as one undo step; the view fits after.
 */
import { useCallback, type RefObject } from "react";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import { plural } from "../commands/edit-ops.js";
import type { AppStore } from "../store/app-store.js";
import { layoutEdit } from "./auto-layout.js";
import { layoutInWorker } from "./elk-layout.js";
import { nodeData, type FlowDirection } from "./to-flow.js";

export interface AutoLayoutDeps {
  readonly app: AppStore;
  readonly live: RefObject<{ readonly doc: GraphDocument; readonly analysis: Analysis; readonly readOnly: boolean; readonly direction: FlowDirection }>;
  readonly main: RefObject<HTMLElement | null>;
  readonly edit: (e: Edit, label: string) => boolean;
  readonly setDirection: (d: FlowDirection) => void;
  /** What the canvas shows while the worker lays out ("Laying out 12 layers…"), or null. */
  readonly setBusy: (message: string | null) => void;
  readonly fitSoon: () => void;
  readonly notify: (message: string) => void;
}

export function useAutoLayout({ app, live, main, edit, setDirection, setBusy, fitSoon, notify }: AutoLayoutDeps) {
  return useCallback(
    async (to?: FlowDirection) => {
      const { doc: d, analysis: a, readOnly: ro } = live.current;
      if (ro || d.nodes.length === 0) return;
      const dir = to ?? live.current.direction;
      if (to) setDirection(to);
      const box = main.current?.getBoundingClientRect();
      setBusy(`Laying out ${plural(d.nodes.length, "layer")}…`);
      try {
        const positions = await layoutInWorker({
          nodes: d.nodes.map((n) => ({ id: n.id, data: nodeData(n, a.nodes.get(n.id)) })),
          edges: d.edges,
          direction: dir,
          aspectRatio: box && box.height > 0 ? box.width / box.height : 1.6,
        });
        // Laid out from the document as it was; apply to the document as it is now.
        const change = layoutEdit(app.getState().document.doc, positions, `Auto-layout ${dir === "RIGHT" ? "left to right" : "top to bottom"}`);
        if (change && edit(change, change.op === "batch" ? change.label : "Auto-layout")) fitSoon();
      } catch (e) {
        notify(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(null);
      }
    },
    [app, live, main, edit, setDirection, setBusy, fitSoon, notify],
  );
}
