/**
 * The commands of the running app: one registry, the context commands run in, the keyboard
 * handler, the command palette and notices. Features add their commands with
 * useRegisterCommands (use-commands.ts).
 */
import { useEffect, useState, type ReactNode } from "react";
import { createAppFiles } from "../files/app-files.js";
import { useServices } from "../store/context.js";
import { isMac } from "../ui/shortcut.js";
import { createClipboardPort } from "./clipboard-port.js";
import { CommandPalette } from "./CommandPalette.js";
import { editCommands } from "./edit-commands.js";
import { fileCommands } from "./file-commands.js";
import { installCommandKeys } from "./keyboard.js";
import { NoticeToast } from "./NoticeToast.js";
import { createPaletteStore, type PaletteStore } from "./palette-store.js";
import { createCommandRegistry, type Command, type CommandContext, type PickRequest } from "./registry.js";
import { CommandsContext, type Commands } from "./use-commands.js";
import { viewCommands } from "./view-commands.js";
import { sampleCommands } from "../sample/sample-commands.js";

const systemDark = () => typeof window !== "undefined" && window.matchMedia("(prefers-color-scheme: dark)").matches;

function paletteCommand(palette: PaletteStore): Command {
  return {
    id: "palette.show",
    title: "Show all commands",
    category: "View",
    shortcuts: ["Mod+K"],
    whenTyping: true,
    keywords: "command palette search actions",
    run() {
      const state = palette.getState();
      if (state.mode) state.close();
      else state.showCommands();
    },
  };
}

export function CommandsProvider({ children }: { children: ReactNode }) {
  const { app, layout, platform } = useServices();
  const [commands] = useState<Commands>(() => {
    const palette = createPaletteStore();
    const clipboard = createClipboardPort(typeof navigator !== "undefined" ? navigator.clipboard : undefined);
    const pick = (request: PickRequest) => palette.getState().pick(request);
    const notify = (message: string) => palette.getState().notify(message);
    const files = createAppFiles(typeof window === "undefined" ? undefined : window, {
      app, platform, notify,
      ask: async (question, choices) => (await pick({ placeholder: question, items: choices }))?.id,
    });
    const ctx: CommandContext = { app, layout, platform, clipboard, files, pick, notify };
    return { registry: createCommandRegistry(), ctx, palette };
  });

  useEffect(() => {
    const { registry, palette } = commands;
    return registry.register([...editCommands(), ...fileCommands(), ...viewCommands(systemDark), ...sampleCommands(), paletteCommand(palette)]);
  }, [commands]);

  useEffect(() => installCommandKeys(window, commands.registry, commands.ctx, isMac), [commands]);

  return (
    <CommandsContext.Provider value={commands}>
      {children}
      <CommandPalette />
      <NoticeToast />
    </CommandsContext.Provider>
  );
}

