/**
 * The sampling controller of a running app, one per app store (the Train tab's Sample… button,
 * the `sample.draw` command and the Sample tab share it), wired to the shared training worker;
 * and the one way to draw: show the Sample tab, say why the graph has nothing to sample, or send.
 */
import { useStore } from "zustand";
import { samplerFor } from "../../runtime/sample/choose.js";
import type { SamplerChoice } from "../../runtime/sample/types.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { analysisOf } from "../analysis/use-analysis.js";
import { targetFor } from "../inspect/use-inspect.js";
import type { AppStore } from "../store/app-store.js";
import { useServices } from "../store/context.js";
import type { LayoutStore } from "../store/layout-store.js";
import { workerControllerFor } from "../train/use-training.js";
import { createSampleController, type SampleController, type SampleState } from "./sample-store.js";

export const samplerOf: (app: AppStore) => SampleController = workerControllerFor(createSampleController);

export function useSampler(): SampleController {
  return samplerOf(useServices().app);
}

export function useSample<T>(selector: (s: SampleState) => T): T {
  return useStore(useSampler().store, selector);
}

/** Which sampler the document gets (from the cached analysis, so renders stay cheap). */
export const choiceFor = (doc: GraphDocument): SamplerChoice => samplerFor(doc, analysisOf(doc));

export const SAMPLE_TAB = "sample";

export const showSampleTab = (layout: LayoutStore) => {
  const l = layout.getState();
  l.setOpen("bottom", true);
  l.setBottomTab(SAMPLE_TAB);
};

/** Shows the Sample tab and draws from the open graph's model, or says there why it cannot. */
export function drawSamples(app: AppStore, layout: LayoutStore): void {
  const c = samplerOf(app);
  showSampleTab(layout);
  const choice = choiceFor(app.getState().document.doc);
  if (choice.kind === "none") return c.refuse(choice.reason);
  const target = targetFor(app);
  if (typeof target === "string") return c.refuse(target);
  c.run(choice.kind, target);
}
