/** The status bar: graph size and cost on the left; zoom and a pointer hint on the right. */
import { useAnalysis } from "../analysis/use-analysis.js";
import { useApp } from "../store/context.js";
import { formatCompact, formatCount } from "../ui/format.js";
import styles from "./StatusBar.module.css";

export function StatusBar() {
  const { totals, doc } = useAnalysis();
  const zoom = useApp((s) => s.ui.viewport.zoom);
  const [flops, prefix] = formatCompact(totals.flops);
  const selected = useApp((s) => s.ui.selection.length);
  return (
    <footer className={styles.bar}>
      <span title="Trainable and non-trainable weights">
        <span className="mono">{formatCount(totals.params)}</span> params
      </span>
      <span title="Floating-point operations for one example">
        <span className="mono">{flops}</span> {prefix}FLOPs
      </span>
      <span>{plural(doc.nodes.length, "layer")}</span>
      {selected > 0 && <span>{selected} selected</span>}
      <span className={styles.spacer} />
      <span className={styles.hint}>Scroll to zoom · drag the background to pan</span>
      <span className="mono" title="Zoom">
        {Math.round(zoom * 100)}%
      </span>
    </footer>
  );
}

function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
}
