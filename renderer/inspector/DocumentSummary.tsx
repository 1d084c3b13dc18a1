/** The inspector with nothing selected: the graph's name, size and networks. */
import type { Analysis } from "../../graph-ir/passes/types.js";
import { formatCount } from "../ui/format.js";
import styles from "./Inspector.module.css";

export function DocumentSummary({ analysis }: { analysis: Analysis }) {
  const { doc, totals } = analysis;
  const errors = analysis.diagnostics.filter((d) => d.severity === "error").length;
  return (
    <div className={styles.section}>
      <h2 className={styles.title}>{doc.name || "Untitled"}</h2>
      {doc.description && <p className={styles.summary}>{doc.description}</p>}
      <dl className={styles.facts}>
        <dt>Layers</dt>
        <dd className="mono">{formatCount(doc.nodes.length)}</dd>
        <dt>Connections</dt>
        <dd className="mono">{formatCount(doc.edges.length)}</dd>
        <dt>Parameters</dt>
        <dd className="mono">{formatCount(totals.params)}</dd>
        <dt>Networks</dt>
        <dd className="mono">{doc.networks.length === 0 ? "none" : doc.networks.map((n) => n.id).join(", ")}</dd>
        <dt>Errors</dt>
        <dd className="mono">{formatCount(errors)}</dd>
      </dl>
      <p className={styles.note}>Select a layer on the canvas to see its parameters and shapes.</p>
    </div>
  );
}
