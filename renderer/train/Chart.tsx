/**
 * One uPlot chart. Created once per shape (series count, log or linear), then fed new data at
 * most once per animation frame, so a fast run does not redraw per message.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { chartColumns, type ChartSpec } from "./chart-data.js";
import styles from "./TrainPanel.module.css";

const COLORS = ["#5b9bff", "#e0a13c", "#6dbb76", "#d9709b", "#9a86e8", "#3fb0a4"];

/**
 * `order`: the chart's place among its siblings; charts are built one per task (uPlot's
 * constructor takes tens of milliseconds on a slow machine), so a new run never blocks the page.
 */
export function Chart({ chart, log, version, order }: { chart: ChartSpec; log: boolean; version: number; order: number }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(chart);
  latest.current = chart;
  const shape = `${chart.series.map((s) => s.spec.label).join("|")}:${log}`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let u: uPlot | undefined;
    let resize: ResizeObserver | undefined;
    const build = setTimeout(() => {
      const width = Math.max(200, el.clientWidth);
      // uPlot draws on a canvas, which cannot read CSS variables: resolve the theme's colour now.
      const muted = getComputedStyle(el).getPropertyValue("--text-muted").trim() || "#888";
      const grid = { stroke: "rgba(128,128,128,0.15)" };
      u = new uPlot(
        {
          width, height: 150, legend: { show: true },
          scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
          axes: [{ stroke: muted, grid }, { stroke: muted, grid, size: 56 }],
          series: [{ label: "step" }, ...latest.current.series.map((s, i) => ({
            label: s.spec.label, stroke: COLORS[i % COLORS.length]!, width: 1.5, spanGaps: true, points: { show: false },
            ...(s.spec.dashed ? { dash: [6, 4] } : {}),
          }))],
        },
        chartColumns(latest.current, log) as uPlot.AlignedData,
        el,
      );
      plot.current = u;
      const chart = u;
      resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height: 150 }));
      resize.observe(el);
    }, order * 20);
    return () => {
      clearTimeout(build);
      resize?.disconnect();
      u?.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt only when the series or the scale change
  }, [shape, log]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => plot.current?.setData(chartColumns(latest.current, log) as uPlot.AlignedData));
    return () => cancelAnimationFrame(frame);
  }, [version, log]);

  return (
    <figure className={styles.chart} aria-label={`${chart.title} chart`} data-points={chart.series[0]?.run.points.length ?? 0}>
      <figcaption>{chart.title}</figcaption>
      <div ref={host} />
    </figure>
  );
}
