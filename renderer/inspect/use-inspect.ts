/**
 * The inspection controller of a running app, one per app store (so the canvas menu, the
 * commands and the Inspect tab share it), wired to the shared training worker; and the one way
 * to start an inspection of a node: check the tool applies, show the Inspect tab, send it.
 */
import { useStore } from "zustand";
import { serializeGraph } from "../../graph-ir/core/load.js";
import { analysisOf } from "../analysis/use-analysis.js";
import type { AppStore } from "../store/app-store.js";
import { useServices } from "../store/context.js";
import type { LayoutStore } from "../store/layout-store.js";
import { runOptionsFor, trainingFor, workerControllerFor } from "../train/use-training.js";
import { createInspectController, type InspectController, type InspectState, type Target } from "./inspect-store.js";
import type { Tool } from "./protocol.js";
import { toolsFor } from "./tools.js";

export const inspectorFor: (app: AppStore) => InspectController = workerControllerFor(createInspectController);

export function useInspector(): InspectController {
  return inspectorFor(useServices().app);
}

export function useInspect<T>(selector: (s: InspectState) => T): T {
  return useStore(useInspector().store, selector);
}

/** The open graph, the dataset and the seed the next run would use; or why there are none. */
export function targetFor(app: AppStore): Target | string {
  const doc = app.getState().document.doc;
  const options = runOptionsFor(doc, trainingFor(app).store.getState().draft);
  if (typeof options === "string") return options;
  return { graph: serializeGraph(doc), dataset: options.dataset, seed: options.seed ?? 0 };
}

export const showInspectTab = (layout: LayoutStore) => {
  const l = layout.getState();
  l.setOpen("bottom", true);
  l.setBottomTab("inspect");
};

/**
 * Runs a tool on a node and shows the Inspect tab; a tool that does not apply, or a graph that
 * cannot be inspected, is explained there instead of run.
 */
export function inspectNode(app: AppStore, layout: LayoutStore, tool: Tool, node: string): void {
  const c = inspectorFor(app);
  showInspectTab(layout);
  const choice = toolsFor(analysisOf(app.getState().document.doc), node).find((t) => t.tool === tool);
  const target = targetFor(app);
  if (choice && !choice.available) return c.refuse(tool, node, choice.reason ?? `${choice.title} does not apply to '${node}'.`);
  if (typeof target === "string") return c.refuse(tool, node, target);
  c.run(tool, node, target);
}
