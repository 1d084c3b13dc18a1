/** Draws a graph's thumbnail (thumbnail.ts) as SVG: wires under boxes, colours from the theme. */
import { useMemo } from "react";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { thumbnail } from "./thumbnail.js";

export function GraphThumbnail({ doc, width, height, className }: { doc: GraphDocument; width: number; height: number; className?: string }) {
  const t = useMemo(() => thumbnail(doc, { width, height }), [doc, width, height]);
  return (
    <svg className={className} viewBox={`0 0 ${t.width} ${t.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
      <g stroke="var(--border-strong)" strokeWidth={1}>
        {t.wires.map((w, i) => (
          <line key={i} x1={w.x1} y1={w.y1} x2={w.x2} y2={w.y2} />
        ))}
      </g>
      {t.boxes.map((b) => (
        // CSS variables do not work in presentation attributes, so the colour goes in style.
        <rect key={b.id} x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(2, b.height / 3)} style={{ fill: b.color }} />
      ))}
    </svg>
  );
}
