/**
 * The command registry: every action a person can take by name (the Ctrl/Cmd+K palette), by
 * shortcut (the keyboard handler) and by button (menus and tooltips read titles and shortcuts
 * here, so they cannot disagree). Features register their commands; the canvas registers fit
 * view, auto-layout and add layer into the same registry.
 */
import type { Files } from "../files/files.js";
import type { AppStore } from "../store/app-store.js";
import type { LayoutStore } from "../store/layout-store.js";
import type { Platform } from "../platform/platform.js";
import type { ClipboardPort } from "./clipboard-port.js";
import { matchesChord, parseShortcut, type Chord, type KeyLike } from "./keys.js";

export interface PickItem {
  readonly id: string;
  readonly title: string;
  readonly detail?: string;
}

export interface PickRequest {
  /** Shown in the empty search box: "Open which file?" */
  readonly placeholder: string;
  readonly items: readonly PickItem[] | (() => Promise<readonly PickItem[]>);
  /** Shown when there are no items at all. */
  readonly empty?: string;
}

/** What a command's run and enabled see: the stores and the host, plus ways to ask and tell. */
export interface CommandContext {
  readonly app: AppStore;
  readonly layout: LayoutStore;
  readonly platform: Platform;
  readonly clipboard: ClipboardPort;
  /** New, open, save and backups of the open document (renderer/files). */
  readonly files: Files;
  /** Asks the person to choose one item (in the command palette); undefined if they cancel. */
  pick(request: PickRequest): Promise<PickItem | undefined>;
  /** A short message in the corner, for results and refusals. */
  notify(message: string): void;
}

export interface Command {
  /** Stable, namespaced: "edit.undo", "canvas.fitView". */
  readonly id: string;
  readonly title: string;
  /** Groups the palette shows before the title: "Edit", "View", "File", "Canvas". */
  readonly category: string;
  /** Shortcuts, the first is the one shown: ["Mod+Shift+Z", "Mod+Y"]. */
  readonly shortcuts?: readonly string[];
  /** Let the shortcut work while a text field has focus (the palette, panel toggles). */
  readonly whenTyping?: boolean;
  /**
   * The browser fires this clipboard event for the shortcut (copy, cut, paste): the keyboard
   * handler lets the event do the work, since it reaches the system clipboard without asking
   * for permission, and runs the command only when no event comes.
   */
  readonly clipboardEvent?: "copy" | "cut" | "paste";
  /** More words the palette search matches ("remove erase"). */
  readonly keywords?: string;
  /** Whether it can run now; absent means always. */
  enabled?(ctx: CommandContext): boolean;
  /** What it would act on now, e.g. the step undo would revert ("Set filters"). */
  detail?(ctx: CommandContext): string | undefined;
  run(ctx: CommandContext): void | Promise<void>;
}

export type RunOutcome = { readonly ran: true } | { readonly ran: false; readonly reason: string };

export interface CommandRegistry {
  /** Adds commands; the returned function removes them again. A taken id is a bug and throws. */
  register(commands: Command | readonly Command[]): () => void;
  get(id: string): Command | undefined;
  /** Every command, in registration order. A new array after each change. */
  list(): readonly Command[];
  subscribe(listener: () => void): () => void;
  /**
   * The command a key event asks for: the latest-registered enabled command bound to the chord,
   * so a feature can take over a key while it applies; else, for a chord with Mod, a disabled one,
   * so the browser does not act on it (Mod+D must not open the bookmark dialog). Bare keys (Escape,
   * Delete) are left alone when no enabled command wants them. `typing`: a text field has focus.
   */
  forKey(e: KeyLike, options: { readonly mac: boolean; readonly typing: boolean; readonly ctx: CommandContext }): Command | undefined;
  /** Runs a command if it is enabled; a failure is told through ctx.notify, never thrown. */
  run(id: string, ctx: CommandContext): Promise<RunOutcome>;
}

export function isEnabled(command: Command, ctx: CommandContext): boolean {
  return command.enabled ? command.enabled(ctx) : true;
}

export function createCommandRegistry(): CommandRegistry {
  let commands: readonly Command[] = [];
  const chords = new Map<string, readonly Chord[]>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  return {
    register(input) {
      const added = Array.isArray(input) ? (input as readonly Command[]) : [input as Command];
      for (const c of added) {
        if (commands.some((x) => x.id === c.id) || added.filter((x) => x.id === c.id).length > 1) {
          throw new Error(`A command with the id "${c.id}" is already registered.`);
        }
      }
      // Parse now, so a malformed shortcut fails where it is declared.
      for (const c of added) chords.set(c.id, (c.shortcuts ?? []).map(parseShortcut));
      commands = [...commands, ...added];
      changed();
      return () => {
        const gone = new Set(added);
        if (!commands.some((c) => gone.has(c))) return;
        commands = commands.filter((c) => !gone.has(c));
        for (const c of added) chords.delete(c.id);
        changed();
      };
    },
    get: (id) => commands.find((c) => c.id === id),
    list: () => commands,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forKey(e, { mac, typing, ctx }) {
      let disabled: Command | undefined;
      for (let i = commands.length - 1; i >= 0; i--) {
        const c = commands[i]!;
        if (typing && !c.whenTyping) continue;
        const chord = chords.get(c.id)?.find((ch) => matchesChord(ch, e, mac));
        if (!chord) continue;
        if (isEnabled(c, ctx)) return c;
        if (chord.mod) disabled ??= c;
      }
      return disabled;
    },
    async run(id, ctx) {
      const c = commands.find((x) => x.id === id);
      if (!c) return { ran: false, reason: `There is no command "${id}".` };
      if (!isEnabled(c, ctx)) return { ran: false, reason: `${c.title} is not available now.` };
      try {
        await c.run(ctx);
        return { ran: true };
      } catch (e) {
        const reason = `${c.title} failed: ${e instanceof Error ? e.message : String(e)}`;
        ctx.notify(reason);
        return { ran: false, reason };
      }
    },
  };
}
