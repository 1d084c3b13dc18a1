/** The canvas's zoom, fit and layout buttons. */
import { ControlButton, Controls } from "@xyflow/react";
import type { ReactNode } from "react";
import { useCommandView, useRunCommand } from "../commands/use-commands.js";
import { CANVAS_COMMANDS } from "./canvas-commands.js";

/** Zoom, fit and layout buttons, titled from the command registry so tooltips show the keys. */
export function CanvasControls({ readOnly }: { readOnly: boolean }) {
  const run = useRunCommand();
  return (
    <Controls showZoom={false} showFitView={false} showInteractive={false} aria-label="Canvas controls">
      <CommandButton id={CANVAS_COMMANDS.zoomIn} run={run}><path d="M8 3v10M3 8h10" /></CommandButton>
      <CommandButton id={CANVAS_COMMANDS.zoomOut} run={run}><path d="M3 8h10" /></CommandButton>
      <CommandButton id={CANVAS_COMMANDS.fitView} run={run}><path d="M3 6V3h3M10 3h3v3M13 10v3h-3M6 13H3v-3" /></CommandButton>
      {!readOnly && (
        <CommandButton id={CANVAS_COMMANDS.autoLayout} run={run}>
          <rect x="2" y="6" width="4" height="4" rx="1" />
          <rect x="10" y="2.5" width="4" height="4" rx="1" />
          <rect x="10" y="9.5" width="4" height="4" rx="1" />
          <path d="M6 8h2m0-3.5v7M8 4.5h2M8 11.5h2" />
        </CommandButton>
      )}
    </Controls>
  );
}

function CommandButton({ id, run, children }: { id: string; run: (id: string) => void; children: ReactNode }) {
  const view = useCommandView(id);
  return (
    <ControlButton onClick={() => run(id)} title={view.hint} aria-label={view.command?.title ?? id} disabled={!view.enabled}>
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        {children}
      </svg>
    </ControlButton>
  );
}
