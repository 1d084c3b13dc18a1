/**
 * Editing commands: undo, redo, delete, cut, copy, paste, duplicate, select all, group, ungroup.
 * Each document change is one store.edit, so it is one labelled undo step.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import { clipboardText, copyFragment, planPaste, readClipboard } from "./clipboard.js";
import { idsAfterUngroup, planDelete, planGroup, planUngroup, ungroupable } from "./edit-ops.js";
import type { Command, CommandContext } from "./registry.js";

const selection = (ctx: CommandContext) => ctx.app.getState().ui.selection;
const doc = (ctx: CommandContext) => ctx.app.getState().document.doc;
const hasSelection = (ctx: CommandContext) => selection(ctx).length > 0;

/** Applies one edit through the store and tells the person when it is refused. */
function apply(ctx: CommandContext, edit: Edit, label: string): boolean {
  const r = ctx.app.getState().edit(edit, label);
  if (!r.ok) ctx.notify(r.error);
  return r.ok;
}

/** The selection as clipboard text; undefined when nothing is selected. */
export function copySelectionText(ctx: CommandContext): string | undefined {
  const fragment = copyFragment(doc(ctx), selection(ctx));
  return fragment && clipboardText(fragment);
}

export function deleteSelection(ctx: CommandContext): void {
  const plan = planDelete(doc(ctx), selection(ctx));
  if (plan) apply(ctx, plan.edit, plan.label);
}

function pasteFragment(ctx: CommandContext, fragment: GraphDocument, verb: string): void {
  const plan = planPaste(doc(ctx), fragment, verb);
  if (apply(ctx, plan.edit, plan.label)) ctx.app.getState().select(plan.ids);
}

/** Pastes clipboard text (from a paste event or the clipboard port) as one undo step. */
export function pasteText(ctx: CommandContext, text: string | undefined): void {
  const read = readClipboard(text);
  if (!read.ok) ctx.notify(read.error);
  else pasteFragment(ctx, read.fragment, "Paste");
}

export function editCommands(): Command[] {
  return [
    {
      id: "edit.undo",
      title: "Undo",
      category: "Edit",
      shortcuts: ["Mod+Z"],
      enabled: (ctx) => ctx.app.getState().history.past.length > 0,
      detail: (ctx) => ctx.app.getState().history.past.at(-1)?.label,
      run(ctx) {
        const r = ctx.app.getState().undo();
        if (!r.ok) ctx.notify(r.error);
      },
    },
    {
      id: "edit.redo",
      title: "Redo",
      category: "Edit",
      shortcuts: ["Mod+Shift+Z", "Mod+Y"],
      enabled: (ctx) => ctx.app.getState().history.future.length > 0,
      detail: (ctx) => ctx.app.getState().history.future.at(-1)?.label,
      run(ctx) {
        const r = ctx.app.getState().redo();
        if (!r.ok) ctx.notify(r.error);
      },
    },
    {
      id: "edit.delete",
      title: "Delete selected layers",
      category: "Edit",
      shortcuts: ["Delete", "Backspace"],
      keywords: "remove erase",
      enabled: hasSelection,
      run: deleteSelection,
    },
    {
      id: "edit.cut",
      title: "Cut",
      category: "Edit",
      shortcuts: ["Mod+X"],
      clipboardEvent: "cut",
      enabled: hasSelection,
      async run(ctx) {
        const text = copySelectionText(ctx);
        if (!text) return;
        await ctx.clipboard.write(text);
        deleteSelection(ctx);
      },
    },
    {
      id: "edit.copy",
      title: "Copy",
      category: "Edit",
      shortcuts: ["Mod+C"],
      clipboardEvent: "copy",
      enabled: hasSelection,
      async run(ctx) {
        const text = copySelectionText(ctx);
        if (text) await ctx.clipboard.write(text);
      },
    },
    {
      id: "edit.paste",
      title: "Paste",
      category: "Edit",
      shortcuts: ["Mod+V"],
      clipboardEvent: "paste",
      async run(ctx) {
        pasteText(ctx, await ctx.clipboard.read());
      },
    },
    {
      id: "edit.duplicate",
      title: "Duplicate",
      category: "Edit",
      shortcuts: ["Mod+D"],
      keywords: "copy clone",
      enabled: hasSelection,
      run(ctx) {
        const fragment = copyFragment(doc(ctx), selection(ctx));
        if (fragment) pasteFragment(ctx, fragment, "Duplicate");
      },
    },
    {
      id: "edit.selectAll",
      title: "Select all layers",
      category: "Edit",
      shortcuts: ["Mod+A"],
      enabled: (ctx) => doc(ctx).nodes.length > 0,
      run: (ctx) => ctx.app.getState().select(doc(ctx).nodes.map((n) => n.id)),
    },
    {
      id: "edit.group",
      title: "Group into block",
      category: "Edit",
      shortcuts: ["Mod+G"],
      keywords: "subgraph module",
      enabled: hasSelection,
      run(ctx) {
        const plan = planGroup(doc(ctx), selection(ctx));
        if (plan && apply(ctx, plan.edit, plan.label)) ctx.app.getState().select([plan.instanceId]);
      },
    },
    {
      id: "edit.ungroup",
      title: "Ungroup block",
      category: "Edit",
      shortcuts: ["Mod+Shift+G"],
      keywords: "expand flatten",
      enabled: (ctx) => ungroupable(doc(ctx), selection(ctx)).length > 0,
      run(ctx) {
        const before = doc(ctx);
        const plan = planUngroup(before, selection(ctx));
        if (plan && apply(ctx, plan.edit, plan.label)) ctx.app.getState().select(idsAfterUngroup(before, doc(ctx)));
      },
    },
  ];
}
