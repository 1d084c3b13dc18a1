/**
 * The canvas's side of the node context menu: opens it on a right click on a card (selecting
 * that card) or at the selected card for Shift+F10, registers the inspection commands, and
 * renders the menu. Must be called inside React Flow's provider.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from "react";
import { analysisOf } from "../analysis/use-analysis.js";
import { useRegisterCommands } from "../commands/use-commands.js";
import { useServices } from "../store/context.js";
import { inspectCommands } from "./inspect-commands.js";
import { NodeMenu } from "./NodeMenu.js";
import { toolsFor } from "./tools.js";
import { inspectNode } from "./use-inspect.js";

interface Open {
  readonly node: string;
  readonly at: { readonly x: number; readonly y: number };
}

export function useNodeMenu(readOnly: boolean): { onNodeContextMenu: (e: ReactMouseEvent, node: { id: string }) => void; menu: ReactNode } {
  const { app, layout } = useServices();
  const flow = useReactFlow();
  const [open, setOpen] = useState<Open | null>(null);

  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: { id: string }) => {
      e.preventDefault();
      if (readOnly) return;
      app.getState().select([node.id]);
      setOpen({ node: node.id, at: { x: e.clientX, y: e.clientY } });
    },
    [app, readOnly],
  );

  const openAt = useCallback(
    (id: string) => {
      const n = flow.getInternalNode(id);
      if (!n) return;
      const { x, y } = n.internals.positionAbsolute;
      setOpen({ node: id, at: flow.flowToScreenPosition({ x: x + (n.measured.width ?? 200) / 2, y: y + (n.measured.height ?? 40) / 2 }) });
    },
    [flow],
  );
  useRegisterCommands(() => inspectCommands(openAt), [openAt]);

  const close = useCallback(() => setOpen(null), []);
  const tools = useMemo(() => (open ? toolsFor(analysisOf(app.getState().document.doc), open.node) : []), [open, app]);
  const menu = open && (
    <NodeMenu
      node={open.node}
      at={open.at}
      tools={tools}
      onClose={close}
      onPick={(t) => {
        setOpen(null);
        inspectNode(app, layout, t.tool, open.node);
      }}
    />
  );
  return { onNodeContextMenu, menu };
}
