/**
 * The note beside the pointer while a wire is dragged: the tensor it carries, and when the
 * port under the pointer cannot take it, why not ("Dense expects a vector … but gets
 * B×7×7×64"), from the same canConnect that refuses the wire.
 */
import { useConnection } from "@xyflow/react";
import type { GraphDocument, PortRef } from "../../graph-ir/core/document.js";
import { canConnect } from "../../graph-ir/passes/connect.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import { connectionEnds } from "./connect-ends.js";
import { shapeLabel } from "./wire-label.js";
import styles from "./Canvas.module.css";

interface Hint {
  readonly x: number;
  readonly y: number;
  readonly from: PortRef | undefined;
  readonly to: PortRef | undefined;
  /** Both ends are outputs, or both inputs. */
  readonly sameSide: boolean;
}

export function ConnectHint({ doc, analysis }: { doc: GraphDocument; analysis: Analysis }) {
  const hint = useConnection((c): Hint | null => {
    if (!c.inProgress) return null;
    const ends = connectionEnds(c.fromNode.id, c.fromHandle, c.toNode?.id, c.toHandle);
    return { x: c.pointer.x, y: c.pointer.y, ...ends };
  });
  if (!hint) return null;
  const style = { left: hint.x + 16, top: hint.y + 14 };
  if (hint.sameSide) {
    return <div className={`${styles.hint} ${styles.hintBad}`} style={style} role="status">Wires go from an output to an input</div>;
  }
  if (hint.from === undefined) return <div className={styles.hint} style={style} role="status">Drop on a layer's output</div>;
  if (hint.to === undefined) {
    const label = shapeLabel(analysis.nodes.get(hint.from[0])?.outputs[hint.from[1]]);
    return (
      <div className={styles.hint} style={style} role="status">
        {label ? <span className="mono">{label}</span> : "Drop on an input"}
        <span className={styles.hintMuted}> · drop on empty canvas to add a layer</span>
      </div>
    );
  }
  const r = canConnect(doc, analysis, hint.from, hint.to);
  if (r.ok) {
    const label = shapeLabel(analysis.nodes.get(hint.from[0])?.outputs[hint.from[1]]);
    return (
      <div className={`${styles.hint} ${styles.hintGood}`} style={style} role="status">
        {label ? <span className="mono">{label}</span> : null} → {hint.to[0]}.{hint.to[1]}
      </div>
    );
  }
  return <div className={`${styles.hint} ${styles.hintBad}`} style={style} role="status">{r.reason}</div>;
}

