/**
 * The notebook beside the graph: markdown rendered with math, code cells in Monaco, Run cell
 * (Shift+Enter), Run all, Interrupt (restarts the kernel), outputs as text, tables, images and
 * live charts. Cells run in a worker on the graph as it is when Run is pressed. Template
 * notebooks are read-only: "Save a copy" writes one into the workspace, which then saves in place.
 */
import "katex/dist/katex.min.css";
import { lazy, Suspense, useMemo, useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { serializeGraph } from "../../graph-ir/core/load.js";
import { useServices } from "../store/context.js";
import { useTheme } from "../theme/use-theme.js";
import { renderMarkdown } from "./markdown.js";
import { editCell, interrupt, notebookStore, runAll, runCell, save, saveCopy, type CellView } from "./notebook-store.js";
import { Outputs } from "./Outputs.js";
import styles from "./NotebookPanel.module.css";

const CellEditor = lazy(() => import("./CellEditor.js"));

function MarkdownCell({ view }: { view: CellView }) {
  const [editing, setEditing] = useState(false);
  const html = useMemo(() => renderMarkdown(view.cell.source), [view.cell.source]);
  if (editing) {
    return (
      <textarea
        className={styles.markdownEdit} aria-label="Markdown cell" autoFocus value={view.cell.source}
        rows={Math.max(3, view.cell.source.split("\n").length)}
        onChange={(e) => editCell(view.key, e.target.value)} onBlur={() => setEditing(false)}
        onKeyDown={(e) => { if (e.key === "Escape" || (e.key === "Enter" && e.shiftKey)) { e.preventDefault(); setEditing(false); } }}
      />
    );
  }
  // Rendered by markdown.ts: raw HTML from the file is escaped and links and images filtered.
  // Focusable (wide formulas scroll sideways, which keyboards must reach); Enter edits, as double-click does.
  return (
    <div
      className={styles.markdown} tabIndex={0} role="group" aria-label="Markdown cell (Enter to edit)" title="Double-click to edit"
      onDoubleClick={() => setEditing(true)}
      onKeyDown={(e) => { if (e.key === "Enter" && e.target === e.currentTarget) { e.preventDefault(); setEditing(true); } }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function CodeCell({ view, number, run }: { view: CellView; number: number; run: () => void }) {
  const theme = useTheme();
  const count = view.status === "running" ? "*" : view.status === "queued" ? "…" : view.cell.execution_count ?? " ";
  return (
    <div className={styles.code} data-status={view.status}>
      <div className={styles.gutter}>
        <button type="button" className={styles.run} onClick={run} aria-label={`Run cell ${number}`} title="Run this cell (Shift+Enter)">▶</button>
        <span className={styles.count}>[{count}]</span>
      </div>
      <div className={styles.body}>
        <div className={styles.editor}>
          <Suspense fallback={<pre className={styles.text}>{view.cell.source}</pre>}>
            <CellEditor value={view.cell.source} theme={theme} label={`Code cell ${number}`} onChange={(v) => editCell(view.key, v)} onRun={run} />
          </Suspense>
        </div>
        <Outputs outputs={view.cell.outputs ?? []} />
      </div>
    </div>
  );
}

export function NotebookPanel() {
  const { app, platform } = useServices();
  const s = useStore(notebookStore);
  const [copying, setCopying] = useState<string | null>(null);
  const graph = () => serializeGraph(app.getState().document.doc);
  const readOnly = s.origin?.kind === "template";

  const submitCopy = (e: FormEvent) => {
    e.preventDefault();
    if (copying) void saveCopy(platform, copying.endsWith(".ipynb") ? copying : `${copying}.ipynb`).then((ok) => ok && setCopying(null));
  };

  if (!s.base) {
    return (
      <section className={styles.panel} aria-label="Notebook">
        <p className={styles.empty}>{s.notice ?? "No notebook is open. Templates that come with one open it here."}</p>
      </section>
    );
  }
  let codeNumber = 0;
  return (
    <section className={styles.panel} aria-label="Notebook">
      <header className={styles.header}>
        <h2 className={styles.title}>{s.title}{s.dirty ? " •" : ""}</h2>
        {readOnly && <span className={styles.badge} title="Template notebooks are read-only; save a copy to keep your changes">read-only</span>}
        <div className={styles.actions}>
          <button type="button" onClick={() => void runAll(graph())} disabled={s.busy}>Run all</button>
          <button type="button" onClick={interrupt} disabled={!s.busy}>Interrupt</button>
          {s.origin?.kind === "file" && <button type="button" onClick={() => void save(platform)} disabled={!s.dirty}>Save</button>}
          <button type="button" onClick={() => setCopying(s.origin?.kind === "template" ? `${s.origin.id}.ipynb` : "copy.ipynb")}>Save a copy</button>
        </div>
      </header>
      {copying !== null && (
        <form className={styles.copy} onSubmit={submitCopy}>
          <label>Workspace file <input value={copying} onChange={(e) => setCopying(e.target.value)} autoFocus /></label>
          <button type="submit">Save</button>
          <button type="button" onClick={() => setCopying(null)}>Cancel</button>
        </form>
      )}
      {s.notice && <p className={styles.notice} role="status">{s.notice}</p>}
      <div className={styles.cells}>
        {s.cells.map((view) => {
          if (view.cell.cell_type === "code") {
            const n = ++codeNumber;
            return <CodeCell key={view.key} view={view} number={n} run={() => void runCell(view.key, graph())} />;
          }
          if (view.cell.cell_type === "markdown") return <MarkdownCell key={view.key} view={view} />;
          return <pre key={view.key} className={styles.text}>{view.cell.source}</pre>;
        })}
      </div>
    </section>
  );
}
