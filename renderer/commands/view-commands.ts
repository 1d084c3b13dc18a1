/**
 * Window commands: show and hide panels (VS Code's keys: Mod+B, Mod+J, Mod+Alt+B), show the
 * problems, switch between light and dark.
 */
import type { PanelId, ThemeChoice } from "../store/layout-store.js";
import type { Command } from "./registry.js";

export const PANEL_COMMANDS: Readonly<Record<PanelId, string>> = {
  palette: "view.togglePalette",
  inspector: "view.toggleInspector",
  bottom: "view.toggleBottomPanel",
  notebook: "view.toggleNotebook",
};

const togglePanel = (panel: PanelId, name: string, shortcut: string): Command => ({
  id: PANEL_COMMANDS[panel],
  title: `Show or hide the ${name}`,
  category: "View",
  shortcuts: [shortcut],
  // Panels come and go from anywhere, as in VS Code; these chords type nothing.
  whenTyping: true,
  keywords: "toggle panel",
  run: (ctx) => ctx.layout.getState().toggle(panel),
});

/**
 * `systemDark` says what the system theme is now; the command switches to the opposite of the
 * theme in force, so it always changes what is on screen, even when following the system.
 */
export function viewCommands(systemDark: () => boolean): Command[] {
  const current = (choice: ThemeChoice) => (choice === "system" ? (systemDark() ? "dark" : "light") : choice);
  return [
    togglePanel("palette", "layer palette", "Mod+B"),
    togglePanel("inspector", "inspector", "Mod+Alt+B"),
    togglePanel("bottom", "bottom panel", "Mod+J"),
    togglePanel("notebook", "notebook", "Mod+Alt+J"),
    {
      id: "view.problems",
      title: "Show problems",
      category: "View",
      shortcuts: ["Mod+Shift+M"],
      whenTyping: true,
      keywords: "errors diagnostics warnings",
      run(ctx) {
        const layout = ctx.layout.getState();
        layout.setOpen("bottom", true);
        layout.setBottomTab("problems");
      },
    },
    {
      id: "view.toggleTheme",
      title: "Switch between light and dark theme",
      category: "View",
      keywords: "toggle colour color dark light mode",
      run(ctx) {
        const layout = ctx.layout.getState();
        layout.setTheme(current(layout.theme) === "dark" ? "light" : "dark");
      },
    },
    {
      id: "view.systemTheme",
      title: "Follow the system theme",
      category: "View",
      keywords: "colour color dark light mode auto",
      enabled: (ctx) => ctx.layout.getState().theme !== "system",
      run: (ctx) => ctx.layout.getState().setTheme("system"),
    },
  ];
}
