/**
 * The one keyboard handler for commands, on the window. Keys pressed while typing in a field
 * stay with the field unless the command says otherwise. Copy, cut and paste are done in the
 * browser's clipboard events, which reach the system clipboard without a permission prompt;
 * the command runs instead only when the browser fires no event for the key.
 */
import { copySelectionText, deleteSelection, pasteText } from "./edit-commands.js";
import { isTypingTarget } from "./keys.js";
import type { Command, CommandContext, CommandRegistry } from "./registry.js";

/** Whether the page has selected text (in a message, say), which copy must leave to the browser. */
function hasTextSelection(win: Window): boolean {
  const s = win.getSelection();
  return s !== null && !s.isCollapsed && s.toString().length > 0;
}

export function installCommandKeys(win: Window, registry: CommandRegistry, ctx: CommandContext, mac: boolean): () => void {
  let awaiting: Command | null = null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const command = registry.forKey(e, { mac, typing: isTypingTarget(e.target), ctx });
    if (!command) return;
    if (command.clipboardEvent) {
      awaiting = command;
      // The browser fires the clipboard event during this key's default action, before timers run.
      win.setTimeout(() => {
        if (awaiting !== command) return;
        awaiting = null;
        void registry.run(command.id, ctx);
      }, 0);
      return;
    }
    e.preventDefault();
    void registry.run(command.id, ctx);
  };

  const ours = (e: ClipboardEvent) => !isTypingTarget(e.target) && e.clipboardData !== null;

  const onCopyOrCut = (e: ClipboardEvent) => {
    awaiting = null;
    if (!ours(e) || hasTextSelection(win)) return;
    const text = copySelectionText(ctx);
    if (!text) return;
    e.preventDefault();
    e.clipboardData!.setData("text/plain", text);
    ctx.clipboard.remember(text);
    if (e.type === "cut") deleteSelection(ctx);
  };

  const onPaste = (e: ClipboardEvent) => {
    awaiting = null;
    if (!ours(e)) return;
    e.preventDefault();
    pasteText(ctx, e.clipboardData!.getData("text/plain"));
  };

  win.addEventListener("keydown", onKeyDown);
  win.addEventListener("copy", onCopyOrCut);
  win.addEventListener("cut", onCopyOrCut);
  win.addEventListener("paste", onPaste);
  return () => {
    win.removeEventListener("keydown", onKeyDown);
    win.removeEventListener("copy", onCopyOrCut);
    win.removeEventListener("cut", onCopyOrCut);
    win.removeEventListener("paste", onPaste);
  };
}
