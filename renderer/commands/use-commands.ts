/**
 * Access to the app's commands from components: the registry and the context commands run in
 * (useCommands), adding commands while mounted (useRegisterCommands), and a command's title,
 * state and shortcut for buttons and tooltips (useCommandView).
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { isMac } from "../ui/shortcut.js";
import { shortcutText } from "./keys.js";
import type { PaletteStore } from "./palette-store.js";
import { isEnabled, type Command, type CommandContext, type CommandRegistry } from "./registry.js";

export interface Commands {
  readonly registry: CommandRegistry;
  readonly ctx: CommandContext;
  readonly palette: PaletteStore;
}

export const CommandsContext = createContext<Commands | null>(null);

export function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error("Command hooks must be used inside <CommandsProvider>.");
  return commands;
}

/**
 * Registers commands while the calling component is mounted. `make` runs again when `deps`
 * change (pass what the commands close over, e.g. the React Flow instance).
 */
export function useRegisterCommands(make: () => readonly Command[], deps: readonly unknown[]): void {
  const { registry } = useCommands();
  useEffect(() => registry.register(make()), [registry, ...deps]);
}

export interface CommandView {
  readonly command: Command | undefined;
  readonly enabled: boolean;
  readonly detail: string | undefined;
  /** The first shortcut as this platform writes it ("Ctrl+Shift+Z", "⇧⌘Z"); undefined if none. */
  readonly shortcut: string | undefined;
  /** For tooltips: "Undo Set filters (Ctrl+Z)". */
  readonly hint: string;
}

/** A command's title, state and shortcut, kept current as the document, layout and registry change. */
export function useCommandView(id: string, shortTitle?: string): CommandView {
  const { registry, ctx } = useCommands();
  const subscribe = useMemo(
    () => (onChange: () => void) => {
      const offs = [registry.subscribe(onChange), ctx.app.subscribe(onChange), ctx.layout.subscribe(onChange)];
      return () => offs.forEach((off) => off());
    },
    [registry, ctx],
  );
  // A string snapshot: equal strings mean nothing a button shows has changed.
  const snapshot = useSyncExternalStore(subscribe, () => {
    const c = registry.get(id);
    return c ? JSON.stringify([isEnabled(c, ctx), c.detail?.(ctx) ?? null]) : "";
  });
  const command = registry.get(id);
  const [enabled, detail] = snapshot ? (JSON.parse(snapshot) as [boolean, string | null]) : [false, null];
  const shortcut = command?.shortcuts?.[0] !== undefined ? shortcutText(command.shortcuts[0], isMac) : undefined;
  const title = shortTitle ?? command?.title ?? id;
  const hint = `${title}${detail ? ` ${detail}` : ""}${shortcut ? ` (${shortcut})` : ""}`;
  return { command, enabled, detail: detail ?? undefined, shortcut, hint };
}

/** Runs a command by id (for buttons); does nothing when it is not available. */
export function useRunCommand(): (id: string) => void {
  const { registry, ctx } = useCommands();
  const [run] = useState(() => (id: string) => void registry.run(id, ctx));
  return run;
}
