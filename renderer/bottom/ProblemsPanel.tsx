/**
 * Every diagnostic of the open graph, errors first: severity, code (its help as tooltip), the
 * layer and param it is about, the message, and its fixes. Clicking the layer selects it, asks
 * the canvas to centre it and the inspector to show the param; a fix applies as one undo step.
 */
import { helpFor } from "../../graph-ir/passes/codes.js";
import type { PassDiagnostic } from "../../graph-ir/passes/types.js";
import { useAnalysis } from "../analysis/use-analysis.js";
import { FixButtons } from "../inspector/FixButtons.js";
import { useServices } from "../store/context.js";
import styles from "./BottomPanel.module.css";

export function ProblemsPanel() {
  const { app, layout } = useServices();
  const diagnostics = useAnalysis().diagnostics;
  if (diagnostics.length === 0) return <p className={styles.empty}>No problems in this graph.</p>;
  // Errors first; sort is stable, so each group keeps the analysis order (topological).
  const sorted = [...diagnostics].sort((a, b) => rank(a) - rank(b));

  const focus = (d: PassDiagnostic) => {
    if (d.param !== undefined) layout.getState().setOpen("inspector", true);
    app.getState().focusNode(d.nodeId!, d.param);
  };

  return (
    <table className={styles.problemTable}>
      <thead className={styles.visuallyHidden}>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Layer</th>
          <th scope="col">Parameter</th>
          <th scope="col">Problem</th>
          <th scope="col">Code</th>
          <th scope="col">Fixes</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((d, i) => (
          <tr key={i} className={styles.problem} data-severity={d.severity}>
            <td className={styles.severity}>
              <span role="img" aria-label={d.severity}>
                {d.severity === "error" ? "●" : "▲"}
              </span>
            </td>
            <td className={styles.whereCell}>
              {d.nodeId ? (
                <button type="button" className={styles.where} onClick={() => focus(d)} title={d.param ? `Show ${d.nodeId} and its ${d.param}` : `Show ${d.nodeId}`}>
                  {[d.nodeId, ...(d.inner ?? [])].join(" › ")}
                </button>
              ) : d.network ? (
                <span className={styles.whereText}>network {d.network}</span>
              ) : (
                <span className={styles.whereText}>graph</span>
              )}
            </td>
            <td className={`${styles.param} mono`}>{d.param ?? ""}</td>
            <td className={styles.message}>{d.message}</td>
            <td className={`${styles.code} mono`} title={helpFor(d.code)}>
              {d.code}
            </td>
            <td className={styles.fixCell}>
              <FixButtons diagnostic={d} className={styles.fixes} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function rank(d: PassDiagnostic): number {
  return d.severity === "error" ? 0 : 1;
}
