/**
 * A node card: category stripe, title, one line of key params, named port dots (inputs left,
 * outputs right; top and bottom when the graph flows down). Errors show as a red ring and a
 * count badge, drawn with box-shadow so they stay visible at every zoom. Far out the card is a
 * plain coloured box with the title only (its port dots stay, invisible, because React Flow
 * attaches wires to them). Block instances carry a corner glyph and open on double click.
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useContext, type CSSProperties } from "react";
import { categoryColor } from "../ui/categories.js";
import { CanvasLookContext } from "./canvas-look.js";
import { NodeStatBars } from "../inspect/NodeStatBars.js";
import { handleOffset, namedPorts, nodeSize, type LayerFlowNode } from "./to-flow.js";
import styles from "./LayerNode.module.css";

export const LayerNode = memo(function LayerNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { lod, direction, readOnly } = useContext(CanvasLookContext);
  const { title, subtitle, category, detail, inputs, outputs, errors, problem, block } = data;
  const size = nodeSize(data, direction);
  const far = lod === "far";
  const down = direction === "DOWN";
  const named = !down && namedPorts(data);
  const style = { "--stripe": categoryColor(category), width: size.width, height: size.height } as CSSProperties;
  const handleClass = `${styles.handle}${far ? ` ${styles.hidden}` : ""}`;
  const connectable = !readOnly && !far;
  return (
    <div
      className={far ? styles.box : styles.card}
      data-selected={selected || undefined}
      data-error={errors > 0 || undefined}
      data-block={block || undefined}
      style={style}
      title={far ? title : undefined}
    >
      <div className={styles.header}>
        <span className={styles.title}>{title}</span>
        {!far && subtitle && <span className={styles.kind}>{subtitle}</span>}
      </div>
      {!far && detail && <div className={`${styles.detail} mono`}>{detail}</div>}
      {!far && named && (
        <div className={styles.ports}>
          <div>{inputs.map((p) => <div key={p} className={styles.port}>{p}</div>)}</div>
          <div className={styles.outs}>{outputs.map((p) => <div key={p} className={styles.port}>{p}</div>)}</div>
        </div>
      )}
      {inputs.map((p, i) => (
        <Handle
          key={`in-${p}`}
          id={p}
          type="target"
          position={down ? Position.Top : Position.Left}
          className={handleClass}
          isConnectable={connectable}
          title={down || !named ? `input ${p}` : undefined}
          style={down ? { left: handleOffset(data, "inputs", i, direction) } : { top: handleOffset(data, "inputs", i, direction) }}
        />
      ))}
      {outputs.map((p, i) => (
        <Handle
          key={`out-${p}`}
          id={p}
          type="source"
          position={down ? Position.Bottom : Position.Right}
          className={handleClass}
          isConnectable={connectable}
          title={down || !named ? `output ${p}` : undefined}
          style={down ? { left: handleOffset(data, "outputs", i, direction) } : { top: handleOffset(data, "outputs", i, direction) }}
        />
      ))}
      {block && !far && (
        <span className={styles.glyph} title="Block: double-click to open" aria-label="Block">
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <rect x="0.75" y="3.25" width="8" height="8" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
            <path d="M3.25 0.75h6.5a1.5 1.5 0 0 1 1.5 1.5v6.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
          </svg>
        </span>
      )}
      {!far && !readOnly && <NodeStatBars id={id} />}
      {errors > 0 && !far && (
        <span className={styles.badge} role="img" aria-label={`${errors} error${errors === 1 ? "" : "s"}`} title={problem}>
          {errors}
        </span>
      )}
    </div>
  );
});
