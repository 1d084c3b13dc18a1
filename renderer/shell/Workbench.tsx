/**
 * The window: top bar; palette | canvas | inspector; the bottom panel across the full width;
 * the status bar. Panel sizes and visibility come from the layout store. Commands (keyboard,
 * Ctrl/Cmd+K palette) are available to everything inside. While no document is open, the start
 * screen takes the canvas's place.
 */
import { useStore } from "zustand";
import { BottomPanel } from "../bottom/BottomPanel.js";
import { Canvas } from "../canvas/Canvas.js";
import { CommandsProvider } from "../commands/CommandsProvider.js";
import { useCommands } from "../commands/use-commands.js";
import { FilesHost } from "../files/FilesHost.js";
import { Inspector } from "../inspector/Inspector.js";
import { NotebookPanel } from "../notebook/NotebookPanel.js";
import { useNotebookOpener } from "../notebook/use-notebook-opener.js";
import { Palette } from "../palette/Palette.js";
import { StartScreen } from "../start/StartScreen.js";
import { useLayout } from "../store/context.js";
import { ResizeHandle } from "./ResizeHandle.js";
import { StatusBar } from "./StatusBar.js";
import { TopBar } from "./TopBar.js";
import styles from "./Workbench.module.css";

export function Workbench() {
  return (
    <CommandsProvider>
      <FilesHost />
      <Window />
    </CommandsProvider>
  );
}

function Window() {
  const palette = useLayout((s) => s.panels.palette);
  const inspector = useLayout((s) => s.panels.inspector);
  const bottom = useLayout((s) => s.panels.bottom);
  const notebook = useLayout((s) => s.panels.notebook);
  useNotebookOpener();
  const start = useStore(useCommands().ctx.files.store, (s) => s.start);
  return (
    <div className={styles.window}>
      <TopBar />
      <div className={styles.body}>
        <div className={styles.row}>
          {palette.open && (
            <>
              <div className={styles.side} style={{ width: palette.size }}>
                <Palette />
              </div>
              <ResizeHandle panel="palette" label="Resize the layer palette" direction={1} />
            </>
          )}
          <div className={styles.centre}>
            {/* The canvas stays mounted under the start screen (it opens ?open= files), out of reach. */}
            <div className={styles.stage} inert={start !== null}>
              <Canvas />
            </div>
            {start && <StartScreen mode={start} />}
          </div>
          {notebook.open && start === null && (
            <>
              <ResizeHandle panel="notebook" label="Resize the notebook" direction={-1} />
              <div className={styles.side} style={{ width: notebook.size }}>
                <NotebookPanel />
              </div>
            </>
          )}
          {inspector.open && (
            <>
              <ResizeHandle panel="inspector" label="Resize the inspector" direction={-1} />
              <div className={styles.side} style={{ width: inspector.size }}>
                <Inspector />
              </div>
            </>
          )}
        </div>
        {bottom.open && (
          <>
            <ResizeHandle panel="bottom" label="Resize the bottom panel" direction={-1} />
            <div className={styles.bottom} style={{ height: bottom.size }}>
              <BottomPanel />
            </div>
          </>
        )}
      </div>
      <StatusBar />
    </div>
  );
}
