/**
 * A wire: a curve from output to input with its tensor shape as a label (monospace,
 * B×28×28×32). Hovering the label shows each dim by name and, for windowed layers, the
 * arithmetic behind the spatial sizes. A wire whose shape changed in the last edit flashes once.
 * Far out the label is not drawn, and the wide invisible hit area is dropped (it doubles the
 * paths the browser must paint on every frame).
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStoreApi, type EdgeProps } from "@xyflow/react";
import { memo, useContext, useState } from "react";
import { CanvasLookContext, WireInfoContext } from "./canvas-look.js";
import type { WireFlowEdge } from "./to-flow.js";
import { namedDims } from "./wire-label.js";
import styles from "./WireEdge.module.css";

export const WireEdge = memo(function WireEdge(props: EdgeProps<WireFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, source, sourceHandleId } = props;
  const { lod } = useContext(CanvasLookContext);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const flash = data?.flash ?? 0;
  const far = lod === "far";
  return (
    <>
      <BaseEdge key={flash} id={id} path={path} interactionWidth={far ? 0 : 16} className={flash ? styles.flashPath : undefined} />
      {!far && data?.label && (
        <EdgeLabelRenderer>
          <WireLabel
            key={flash}
            id={id}
            text={data.label}
            x={labelX}
            y={labelY}
            flash={flash > 0}
            selected={selected ?? false}
            source={source}
            port={sourceHandleId ?? ""}
          />
        </EdgeLabelRenderer>
      )}
    </>
  );
});

interface LabelProps {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly flash: boolean;
  readonly selected: boolean;
  readonly source: string;
  readonly port: string;
}

function WireLabel({ id, text, x, y, flash, selected, source, port }: LabelProps) {
  const [open, setOpen] = useState(false);
  const store = useStoreApi();
  return (
    <div
      className={`${styles.label} mono nodrag nopan${flash ? ` ${styles.flash}` : ""}`}
      data-selected={selected || undefined}
      data-wire-label={id}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      onPointerEnter={() => setOpen(true)}
      onPointerLeave={() => setOpen(false)}
      // The label is the wire's largest target: clicking it selects the wire (then Del disconnects it).
      onClick={(e) => {
        const { addSelectedEdges, edgeLookup, elementsSelectable } = store.getState();
        if (!elementsSelectable) return;
        const others = e.shiftKey || e.metaKey || e.ctrlKey ? [...edgeLookup.values()].filter((x) => x.selected).map((x) => x.id) : [];
        addSelectedEdges([...others, id]);
      }}
    >
      {text}
      {open && <WireCard source={source} port={port} />}
    </div>
  );
}

/** The hover card: rendered only while hovered, so only it follows the analysis. */
function WireCard({ source, port }: { source: string; port: string }) {
  const info = useContext(WireInfoContext)(source, port);
  if (!info) return null;
  const dims = namedDims(info.shape);
  const maths = info.maths;
  return (
    <div className={styles.card} role="tooltip">
      <table className={styles.dims}>
        <tbody>
          {dims.map((d, i) => (
            <tr key={i}>
              <th scope="row">{d.name}</th>
              <td>{d.size}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {maths.length > 0 && (
        <ul className={styles.maths} aria-label="How the size is computed">
          {maths.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
    </div>
  );
}
