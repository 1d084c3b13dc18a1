/** A notebook line chart drawn live with uPlot from the plot spec the kernel stored with it. */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

export interface LineSpec {
  readonly type: "line";
  readonly x?: readonly number[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly title?: string;
  readonly logY?: boolean;
}

export function isLineSpec(v: unknown): v is LineSpec {
  if (typeof v !== "object" || v === null) return false;
  const s = v as { type?: unknown; series?: unknown };
  return s.type === "line" && Array.isArray(s.series) && s.series.every((x) => typeof x === "object" && x !== null && Array.isArray((x as { values?: unknown }).values));
}

export function LineChart({ spec }: { spec: LineSpec }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const n = Math.max(0, ...spec.series.map((s) => s.values.length));
    const xs = Array.from({ length: n }, (_, i) => spec.x?.[i] ?? i);
    const muted = getComputedStyle(el).getPropertyValue("--text-muted").trim() || "#888";
    const grid = { stroke: "rgba(128,128,128,0.15)" };
    const u = new uPlot(
      {
        width: Math.max(240, el.clientWidth), height: 200, legend: { show: spec.series.length > 1 },
        scales: { x: { time: false }, y: spec.logY ? { distr: 3 } : {} },
        axes: [{ stroke: muted, grid }, { stroke: muted, grid, size: 56 }],
        series: [{ label: "x" }, ...spec.series.map((s, i) => ({ label: s.name, stroke: COLORS[i % COLORS.length]!, width: 1.5, spanGaps: true, points: { show: n < 30 } }))],
      },
      [xs, ...spec.series.map((s) => xs.map((_, i) => s.values[i] ?? null))] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(240, el.clientWidth), height: 200 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [spec]);
  return (
    <figure aria-label={`${spec.title ?? "line"} chart`} data-kind="chart">
      {spec.title && <figcaption>{spec.title}</figcaption>}
      <div ref={host} />
    </figure>
  );
}
