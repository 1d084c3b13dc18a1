/**
 * Training commands: start, pause and resume with one key (Mod+Enter), stop, and show the Train tab.
 */
import { serializeGraph } from "../../graph-ir/core/load.js";
import type { Command } from "../commands/registry.js";
import { runOptionsFor, trainingFor } from "./use-training.js";

export function trainCommands(): Command[] {
  const showTab = (ctx: Parameters<Command["run"]>[0]) => {
    const layout = ctx.layout.getState();
    layout.setOpen("bottom", true);
    layout.setBottomTab("train");
  };
  return [
    {
      id: "train.toggle",
      title: "Start, pause or resume training",
      category: "Train",
      shortcuts: ["Mod+Enter"],
      keywords: "train run fit pause resume start",
      enabled: (ctx) => ctx.app.getState().document.doc.training !== undefined,
      detail(ctx) {
        const st = trainingFor(ctx.app).store.getState().status;
        return st === "running" ? "Pause" : st === "paused" ? "Resume" : st === "starting" || st === "stopping" ? undefined : "Start";
      },
      run(ctx) {
        const t = trainingFor(ctx.app);
        const s = t.store.getState();
        showTab(ctx);
        if (s.status === "running") return t.pause();
        if (s.status === "paused") return t.resume();
        if (s.status === "starting" || s.status === "stopping") return;
        const doc = ctx.app.getState().document.doc;
        const options = runOptionsFor(doc, s.draft);
        if (typeof options === "string") return ctx.notify(options);
        t.start(serializeGraph(doc), doc.name, options);
      },
    },
    {
      id: "train.stop",
      title: "Stop training",
      category: "Train",
      keywords: "train end cancel halt",
      enabled: (ctx) => ["running", "paused", "starting"].includes(trainingFor(ctx.app).store.getState().status),
      run: (ctx) => trainingFor(ctx.app).stop(),
    },
    {
      // Recovery has to be seen to be trusted: this loses the device the run is on, on purpose.
      id: "train.loseDevice",
      title: "Simulate a lost GPU device (test recovery)",
      category: "Train",
      keywords: "webgl context lost webgpu device fault recovery",
      enabled: (ctx) => trainingFor(ctx.app).store.getState().status === "running",
      run: (ctx) => trainingFor(ctx.app).loseDevice(),
    },
    {
      id: "view.train",
      title: "Show the Train panel",
      category: "View",
      whenTyping: true,
      keywords: "training charts loss dataset",
      run: showTab,
    },
  ];
}
