/**
 * The inspection commands, acting on the selected node (so every context-menu tool is reachable
 * from the Ctrl/Cmd+K palette), the menu itself on Shift+F10, and showing the Inspect tab.
 */
import type { Command, CommandContext } from "../commands/registry.js";
import { TOOLS } from "./protocol.js";
import { TOOL_TITLES } from "./tools.js";
import { inspectNode, showInspectTab } from "./use-inspect.js";

const selectedNode = (ctx: CommandContext): string | undefined => {
  const sel = ctx.app.getState().ui.selection;
  return sel.length === 1 ? sel[0] : undefined;
};

const KEYWORDS: Readonly<Record<(typeof TOOLS)[number], string>> = {
  activations: "feature maps activations inspect look inside",
  saliency: "saliency gradient heat map inspect",
  guided: "guided backprop backpropagation saliency heat map inspect",
  gradcam: "grad-cam gradcam class activation heat map inspect",
  optimize: "optimise optimize input visualise unit dream realism inspect",
  tsne: "t-sne tsne embedding scatter clusters inspect",
  pca: "pca principal components embedding scatter inspect",
};

/** `openMenu`: opens the context menu at the selected node (the canvas provides it). */
export function inspectCommands(openMenu: (node: string) => void): Command[] {
  const tools: Command[] = TOOLS.map((tool) => ({
    id: `inspect.${tool}`,
    title: `${TOOL_TITLES[tool].replace(/ of this layer$/, "")} of the selected layer`,
    category: "Inspect",
    keywords: KEYWORDS[tool],
    enabled: (ctx) => selectedNode(ctx) !== undefined,
    detail: (ctx) => selectedNode(ctx),
    run(ctx) {
      const node = selectedNode(ctx);
      if (node) inspectNode(ctx.app, ctx.layout, tool, node);
    },
  }));
  return [
    {
      id: "inspect.menu",
      title: "Inspection menu of the selected layer",
      category: "Inspect",
      shortcuts: ["Shift+F10"],
      keywords: "context menu right click inspect tools",
      enabled: (ctx) => selectedNode(ctx) !== undefined,
      detail: (ctx) => selectedNode(ctx),
      run(ctx) {
        const node = selectedNode(ctx);
        if (node) openMenu(node);
      },
    },
    ...tools,
    { id: "view.inspect", title: "Show the Inspect panel", category: "View", whenTyping: true, keywords: "inspect statistics activations", run: (ctx) => showInspectTab(ctx.layout) },
  ];
}
