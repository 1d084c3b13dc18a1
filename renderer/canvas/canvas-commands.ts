/**
 * The canvas's commands, in the app's command registry (so they are in the Ctrl/Cmd+K palette
 * with their shortcuts, and tooltips show the same keys): fit view F, auto-layout L, switch the
 * flow direction Shift+L, zoom = and -, add a layer /, delete selected wires Del, leave an
 * opened block Esc.
 */
import type { Command } from "../commands/registry.js";
import type { FlowDirection } from "./to-flow.js";

/** What the commands ask of the mounted canvas; read at run time, so the commands never go stale. */
export interface CanvasActions {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  autoLayout(direction?: FlowDirection): void;
  direction(): FlowDirection;
  /** The canvas shows the inside of a block: nothing there can be edited. */
  insideBlock(): boolean;
  closeBlock(): void;
  hasNodes(): boolean;
  selectedWires(): number;
  deleteSelected(): void;
  addLayer(): void;
}

export const CANVAS_COMMANDS = {
  fitView: "canvas.fitView",
  zoomIn: "canvas.zoomIn",
  zoomOut: "canvas.zoomOut",
  autoLayout: "canvas.autoLayout",
  switchDirection: "canvas.switchDirection",
  addLayer: "canvas.addLayer",
  deleteWires: "canvas.deleteWires",
  closeBlock: "canvas.closeBlock",
} as const;

const other = (d: FlowDirection): FlowDirection => (d === "RIGHT" ? "DOWN" : "RIGHT");
const words = (d: FlowDirection) => (d === "RIGHT" ? "left to right" : "top to bottom");

export function canvasCommands(canvas: CanvasActions): Command[] {
  const editable = () => !canvas.insideBlock();
  return [
    { id: CANVAS_COMMANDS.fitView, title: "Fit the graph in view", category: "Canvas", shortcuts: ["F"], keywords: "zoom all whole", run: () => canvas.fitView() },
    { id: CANVAS_COMMANDS.zoomIn, title: "Zoom in", category: "Canvas", shortcuts: ["="], run: () => canvas.zoomIn() },
    { id: CANVAS_COMMANDS.zoomOut, title: "Zoom out", category: "Canvas", shortcuts: ["-"], run: () => canvas.zoomOut() },
    {
      id: CANVAS_COMMANDS.autoLayout,
      title: "Auto-layout",
      category: "Canvas",
      shortcuts: ["L"],
      keywords: "arrange tidy elk layered",
      enabled: () => editable() && canvas.hasNodes(),
      detail: () => words(canvas.direction()),
      run: () => canvas.autoLayout(),
    },
    {
      id: CANVAS_COMMANDS.switchDirection,
      title: "Auto-layout in the other direction",
      category: "Canvas",
      shortcuts: ["Shift+L"],
      keywords: "vertical horizontal top bottom left right rotate",
      enabled: () => editable() && canvas.hasNodes(),
      detail: () => words(other(canvas.direction())),
      run: () => canvas.autoLayout(other(canvas.direction())),
    },
    { id: CANVAS_COMMANDS.addLayer, title: "Add a layer…", category: "Canvas", shortcuts: ["/"], keywords: "insert new palette search", enabled: editable, run: () => canvas.addLayer() },
    {
      id: CANVAS_COMMANDS.deleteWires,
      title: "Delete selected wires",
      category: "Edit",
      // Registered after the edit commands, so while wires are selected Del is this command;
      // it deletes selected layers too, in the same undo step.
      shortcuts: ["Delete", "Backspace"],
      keywords: "disconnect remove edge",
      enabled: () => editable() && canvas.selectedWires() > 0,
      run: () => canvas.deleteSelected(),
    },
    { id: CANVAS_COMMANDS.closeBlock, title: "Leave the opened block", category: "Canvas", shortcuts: ["Escape"], keywords: "back out breadcrumb", enabled: () => canvas.insideBlock(), run: () => canvas.closeBlock() },
  ];
}
