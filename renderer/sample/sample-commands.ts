/** Sampling from the Ctrl/Cmd+K palette: draw from the open graph's model, or show the Sample tab. */
import type { Command } from "../commands/registry.js";
import { drawSamples, showSampleTab } from "./use-sample.js";

export function sampleCommands(): Command[] {
  return [
    {
      id: "sample.draw",
      title: "Draw samples from the model",
      category: "Sample",
      keywords: "sample generate draw images text gan pixelcnn char-rnn word2vec neighbours",
      enabled: (ctx) => ctx.app.getState().document.doc.training !== undefined,
      run: (ctx) => drawSamples(ctx.app, ctx.layout),
    },
    { id: "view.sample", title: "Show the Sample panel", category: "View", whenTyping: true, keywords: "sample samples generated", run: (ctx) => showSampleTab(ctx.layout) },
  ];
}
