/**
 * The inspector: the selected layer's label, params, shapes and docs; for several selected
 * layers, what can be done with them; with nothing selected, the document's overview. Honours
 * focus requests that name a param (the Problems panel's) by scrolling to its field and focusing it.
 */
import { useEffect, useRef } from "react";
import { useAnalysis } from "../analysis/use-analysis.js";
import { useCommandView, useRunCommand } from "../commands/use-commands.js";
import { useApp } from "../store/context.js";
import { DocumentSummary } from "./DocumentSummary.js";
import { NodeDetails } from "./NodeDetails.js";
import styles from "./Inspector.module.css";

export function Inspector() {
  const selection = useApp((s) => s.ui.selection);
  const request = useApp((s) => s.ui.focusRequest);
  const analysis = useAnalysis();
  const root = useRef<HTMLElement>(null);
  const handled = useRef(request?.seq ?? 0);
  const only = selection.length === 1 ? analysis.nodes.get(selection[0]!) : undefined;

  useEffect(() => {
    if (!request || request.seq <= handled.current || only?.id !== request.id) return;
    handled.current = request.seq;
    if (request.param === undefined) return;
    const field = root.current?.querySelector<HTMLElement>(`[data-param-field="${CSS.escape(request.param)}"]`);
    const target = field ?? root.current?.querySelector<HTMLElement>("[aria-label='Problems of this layer']");
    target?.scrollIntoView({ block: "nearest" });
    field?.querySelector<HTMLElement>("input, select, button[role='switch']")?.focus();
  }, [request, only?.id]);

  return (
    <aside ref={root} className={styles.inspector} aria-label="Inspector">
      {only ? (
        <NodeDetails key={only.id} node={only} />
      ) : selection.length > 1 ? (
        <div className={styles.section}>
          <p className={styles.summary}>{selection.length} layers selected.</p>
          <p className={styles.actions}>
            <CommandAction id="edit.group" label="Group into block" />
            <CommandAction id="edit.duplicate" label="Duplicate" />
            <CommandAction id="edit.delete" label="Delete" />
          </p>
        </div>
      ) : (
        <DocumentSummary analysis={analysis} />
      )}
    </aside>
  );
}

function CommandAction({ id, label }: { id: string; label: string }) {
  const view = useCommandView(id, label);
  const run = useRunCommand();
  return (
    <button type="button" className={styles.action} title={view.hint} disabled={!view.enabled} onClick={() => run(id)}>
      {label}
      {view.shortcut && <kbd>{view.shortcut}</kbd>}
    </button>
  );
}
