/**
 * Curves for the charts and the CSV export, from a run's progress points: one x column (step)
 * and one column per series. Pure, so tests check the numbers without a browser.
 */
import type { RunRecord } from "./train-store.js";

export interface SeriesSpec {
  readonly label: string;
  readonly value: (p: RunRecord["points"][number]) => number | undefined;
  /** Drawn dashed: an overlaid earlier run. */
  readonly dashed?: boolean;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly series: readonly { spec: SeriesSpec; run: RunRecord }[];
}

/** The charts a run gets: losses (total and per output), metrics, learning rate, samples/s. */
export function chartsFor(run: RunRecord, overlay?: RunRecord): ChartSpec[] {
  const losses = run.columns.filter((c) => c.kind === "loss");
  const metrics = run.columns.filter((c) => c.kind === "metric");
  const col = (name: string): SeriesSpec => ({ label: name, value: (p) => p.values[name] });
  const charts: ChartSpec[] = [
    {
      id: "loss", title: "Loss",
      series: [
        ...losses.map((c) => ({ spec: col(c.name), run })),
        ...(overlay ? [{ spec: { label: `${overlay.label} loss`, value: (p: RunRecord["points"][number]) => p.values.loss, dashed: true }, run: overlay }] : []),
      ],
    },
  ];
  if (metrics.length) charts.push({ id: "metrics", title: "Metrics", series: metrics.map((c) => ({ spec: col(c.name), run })) });
  charts.push({ id: "lr", title: "Learning rate", series: [{ spec: { label: "learning rate", value: (p) => p.learningRate }, run }] });
  charts.push({ id: "speed", title: "Samples/s", series: [{ spec: { label: "samples/s", value: (p) => p.samplesPerSecond }, run }] });
  return charts;
}

/** uPlot's data: x (steps, the union over the runs shown) then one column per series, null where a run has no point. */
export function chartColumns(chart: ChartSpec, log: boolean): (number | null)[][] {
  const steps = new Set<number>();
  for (const s of chart.series) for (const p of s.run.points) steps.add(p.step);
  const xs = [...steps].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const cols = chart.series.map((s) => {
    const col = new Array<number | null>(xs.length).fill(null);
    for (const p of s.run.points) {
      const v = s.spec.value(p);
      // A log axis cannot show zero or less; leave such points out rather than break the axis.
      col[index.get(p.step)!] = v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;
    }
    return col;
  });
  return [xs, ...cols];
}

const cell = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "" : String(v));

/** The run's curves as CSV: step, epoch, every column, learning rate, samples/s. */
export function runCsv(run: RunRecord): string {
  const names = run.columns.map((c) => c.name);
  const head = ["step", "epoch", ...names, "learning_rate", "samples_per_second"].join(",");
  const rows = run.points.map((p) => [p.step, p.epoch, ...names.map((n) => cell(p.values[n])), p.learningRate, p.samplesPerSecond].join(","));
  return [head, ...rows].join("\n") + "\n";
}
