/**
 * The top bar: the open file's name with an unsaved dot, undo and redo (their tooltips name the
 * step: "Undo Set filters (Ctrl+Z)"), the training backend badge and Train button, the command
 * palette, and the panel and theme toggles. Buttons run registry commands, so a button and its shortcut always do the same thing.
 */
import type { ReactNode } from "react";
import { PANEL_COMMANDS } from "../commands/view-commands.js";
import { useCommandView, useRunCommand } from "../commands/use-commands.js";
import { displayName } from "../store/app-store.js";
import { useApp, useLayout, useServices } from "../store/context.js";
import { TrainBadge } from "../train/TrainBadge.js";
import type { PanelId, ThemeChoice } from "../store/layout-store.js";
import { BottomPanelIcon, CommandIcon, InspectorIcon, LogoMark, MoonIcon, NotebookIcon, PaletteIcon, RedoIcon, SunIcon, SystemThemeIcon, UndoIcon } from "../ui/icons.js";
import styles from "./TopBar.module.css";

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const THEME_NAME: Record<ThemeChoice, string> = { system: "system", light: "light", dark: "dark" };

export function TopBar() {
  const name = useApp((s) => displayName(s.document));
  const path = useApp((s) => s.document.path);
  const dirty = useApp((s) => s.document.dirty);
  return (
    <header className={styles.bar}>
      <div className={styles.file}>
        <LogoMark />
        <span className={styles.name} title={path ?? "Not saved yet"}>
          {name}
        </span>
        {dirty && <span className={styles.unsaved} role="img" aria-label="Unsaved changes" title="Unsaved changes" />}
        <span className={styles.divider} aria-hidden="true" />
        <CommandButton id="edit.undo" label="Undo" icon={<UndoIcon />} />
        <CommandButton id="edit.redo" label="Redo" icon={<RedoIcon />} />
      </div>
      <div className={styles.middle} aria-live="polite">
        <TrainBadge />
      </div>
      <div className={styles.tools}>
        <CommandButton id="palette.show" label="Commands" icon={<CommandIcon />} />
        <span className={styles.divider} aria-hidden="true" />
        <PanelToggle panel="palette" label="Layer palette" icon={<PaletteIcon />} />
        <PanelToggle panel="bottom" label="Bottom panel" icon={<BottomPanelIcon />} />
        <PanelToggle panel="inspector" label="Inspector" icon={<InspectorIcon />} />
        <PanelToggle panel="notebook" label="Notebook" icon={<NotebookIcon />} />
        <span className={styles.divider} aria-hidden="true" />
        <ThemeToggle />
      </div>
    </header>
  );
}

/** A button that runs a command; disabled when the command cannot run, tooltip from the registry. */
function CommandButton({ id, label, icon }: { id: string; label: string; icon: ReactNode }) {
  const view = useCommandView(id, label);
  const run = useRunCommand();
  return (
    <button type="button" className={styles.button} aria-label={label} title={view.hint} disabled={!view.enabled} onClick={() => run(id)}>
      {icon}
    </button>
  );
}

function PanelToggle({ panel, label, icon }: { panel: PanelId; label: string; icon: ReactNode }) {
  const open = useLayout((s) => s.panels[panel].open);
  const id = PANEL_COMMANDS[panel];
  const view = useCommandView(id, `${open ? "Hide" : "Show"} ${label.toLowerCase()}`);
  const run = useRunCommand();
  return (
    <button type="button" className={styles.button} aria-pressed={open} aria-label={label} title={view.hint} onClick={() => run(id)}>
      {icon}
    </button>
  );
}

function ThemeToggle() {
  const theme = useLayout((s) => s.theme);
  const { layout } = useServices();
  const next = NEXT_THEME[theme];
  const icon = theme === "light" ? <SunIcon /> : theme === "dark" ? <MoonIcon /> : <SystemThemeIcon />;
  return (
    <button
      type="button"
      className={styles.button}
      aria-label={`Theme: ${THEME_NAME[theme]}`}
      title={`Theme: ${THEME_NAME[theme]} (click for ${THEME_NAME[next]})`}
      onClick={() => layout.getState().setTheme(next)}
    >
      {icon}
    </button>
  );
}
