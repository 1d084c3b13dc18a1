/**
 * The Code tab: the open document exported as TypeScript, read-only, with the selected nodes'
 * lines lit. Copy puts the file on the clipboard; Save asks where (desktop) or downloads it
 * (browser) as <document>.ts. While a network has errors there is no code, and the errors are
 * listed instead.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useApp } from "../store/context.js";
import { useTheme } from "../theme/use-theme.js";
import { describeRanges, highlightRanges } from "./code-lines.js";
import { copyText } from "./copy-text.js";
import { saveExport } from "./save-export.js";
import { useCodeExport } from "./use-code-export.js";
import styles from "./CodePanel.module.css";

// Monaco is large: it loads the first time the tab opens, never at app start.
const MonacoView = lazy(() => import("./MonacoView.js"));

const NO_SPANS = [] as const;

export function CodePanel() {
  const { result, stale } = useCodeExport();
  const selection = useApp((s) => s.ui.selection);
  const theme = useTheme();
  const [notice, setNotice] = useState("");

  const code = result?.ok ? result : null;
  const spans = code?.spans ?? NO_SPANS;
  const ranges = useMemo(() => highlightRanges(spans, selection), [spans, selection]);
  const lit = describeRanges(ranges);
  // A notice answers the last click; a new selection or new code makes it old news.
  useEffect(() => setNotice(""), [selection, code?.text]);

  const copy = async () => {
    if (!code) return;
    setNotice((await copyText(code.text)) ? "Copied the TypeScript to the clipboard." : "The browser refused the clipboard; select the code and copy it by hand.");
  };
  const save = async () => {
    if (!code) return;
    setNotice(await saveExport(code.fileName, code.text, "text/typescript"));
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <span className={styles.file}>{code?.fileName ?? "TypeScript"}</span>
        <span className={styles.status} role="status">
          {result === null ? "Exporting…" : stale ? "Updating…" : notice || (lit && `${lit}: the selected ${selection.length === 1 ? "layer" : "layers"}`)}
        </span>
        <button type="button" className={styles.button} onClick={() => void copy()} disabled={!code} title="Copy the exported TypeScript to the clipboard">
          Copy
        </button>
        <button type="button" className={styles.button} onClick={() => void save()} disabled={!code} title={code ? `Save the exported TypeScript as ${code.fileName}` : "Save the exported TypeScript"}>
          Save…
        </button>
      </div>
      {code && code.warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Export warnings">
          {code.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {result && !result.ok && "failure" in result && (
        <p className={styles.message} role="alert">
          The export failed: {result.failure}. Please report this with the graph file.
        </p>
      )}
      {result && !result.ok && "diagnostics" in result && (
        <div className={styles.message}>
          <p>No code while the graph has errors. Fix these (see the Problems tab for fixes):</p>
          <ul className={styles.diagnostics} aria-label="Errors that stop the export">
            {result.diagnostics.map((d, i) => (
              <li key={i}>
                {d.nodeId && <span className={styles.where}>{d.nodeId}</span>} {d.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {code && (
        <Suspense fallback={<p className={styles.message}>Loading the code view…</p>}>
          <MonacoView text={code.text} ranges={ranges} theme={theme} label={`Exported TypeScript, ${code.fileName}, read-only`} />
        </Suspense>
      )}
    </div>
  );
}
