/**
 * File commands: new, new from a template (the start screen), open (the workspace's graph files
 * in the command palette), open recent, save and save as. The work is renderer/files's: it asks
 * before dropping unsaved changes, opens through the same loader as every file, and saves with
 * the version check. The desktop menu sends these ids too.
 */
import { baseName } from "../files/file-names.js";
import type { Command, CommandContext } from "./registry.js";

/** Graph files are JSON; datasets and weights beside them in the workspace are not offered. */
export const isGraphFileName = (path: string) => path.toLowerCase().endsWith(".json");

/** Opens a workspace file, after asking about unsaved changes; false when it did not open. */
export function openWorkspaceFile(ctx: CommandContext, path: string): Promise<boolean> {
  return ctx.files.open(path);
}

export const FILE_COMMANDS = {
  new: "file.new",
  newFromTemplate: "file.newFromTemplate",
  open: "file.open",
  openRecent: "file.openRecent",
  save: "file.save",
  saveAs: "file.saveAs",
} as const;

export function fileCommands(): Command[] {
  return [
    {
      id: FILE_COMMANDS.new,
      title: "New graph",
      category: "File",
      // Mod+N is the browser's and the desktop shell's New Window.
      shortcuts: ["Mod+Alt+N"],
      keywords: "blank empty create",
      async run(ctx) {
        await ctx.files.newDocument();
      },
    },
    {
      id: FILE_COMMANDS.newFromTemplate,
      title: "New from template…",
      category: "File",
      keywords: "gallery start screen examples architectures welcome",
      run: (ctx) => ctx.files.showStart(),
    },
    {
      id: FILE_COMMANDS.open,
      title: "Open graph file…",
      category: "File",
      shortcuts: ["Mod+O"],
      keywords: "load workspace",
      async run(ctx) {
        const choice = await ctx.pick({
          placeholder: "Open which graph file?",
          empty: "The workspace has no graph files (.json) yet.",
          items: async () => {
            const files = (await ctx.platform.listFiles()).filter((f) => isGraphFileName(f.path));
            return files.map((f) => ({ id: f.path, title: baseName(f.path), detail: f.path }));
          },
        });
        if (choice) await openWorkspaceFile(ctx, choice.id);
      },
    },
    {
      id: FILE_COMMANDS.openRecent,
      title: "Open recent file…",
      category: "File",
      keywords: "history last previous",
      async run(ctx) {
        const choice = await ctx.pick({
          placeholder: "Open which recent file?",
          empty: "No files opened or saved yet.",
          items: async () => (await ctx.platform.recentFiles()).map((p) => ({ id: p, title: baseName(p), detail: p })),
        });
        if (choice) await openWorkspaceFile(ctx, choice.id);
      },
    },
    {
      id: FILE_COMMANDS.save,
      title: "Save",
      category: "File",
      shortcuts: ["Mod+S"],
      // Saving from a text field is expected, and the browser's Save Page must never appear.
      whenTyping: true,
      keywords: "write store disk",
      detail: (ctx) => ctx.app.getState().document.path ?? undefined,
      async run(ctx) {
        await ctx.files.save();
      },
    },
    {
      id: FILE_COMMANDS.saveAs,
      title: "Save as…",
      category: "File",
      shortcuts: ["Mod+Shift+S"],
      whenTyping: true,
      keywords: "write copy rename duplicate file",
      async run(ctx) {
        await ctx.files.saveAs();
      },
    },
  ];
}
