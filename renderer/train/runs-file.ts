/**
 * The runs of a graph, kept beside it ("lenet.runs.json"): each finished run's graph hash,
 * settings, curves and evaluation, so reopening the graph brings back its history and two runs
 * can still be overlaid. Curves are thinned to at most MAX_POINTS per run (evenly, keeping the
 * last point), and at most MAX_RUNS runs are kept (the newest), so the file stays small.
 *
 * Reading never throws: a damaged file is an error value, and the caller leaves it untouched.
 */
import { z } from "zod";
import { progressPoint, runOptions } from "./protocol.js";
import type { RunRecord } from "./train-store.js";

export const RUNS_FORMAT = "layerloom-runs";
export const MAX_POINTS = 1000;
export const MAX_RUNS = 30;

const evaluation = z.object({
  values: z.record(z.string(), z.number()),
  samples: z.number(),
  classNames: z.array(z.string()).optional(),
  confusion: z.array(z.array(z.number())).optional(),
});

const run = z.object({
  id: z.string().min(1).max(200),
  label: z.string().max(200),
  graphHash: z.string().max(64),
  graphName: z.string().max(500),
  options: runOptions,
  backend: z.string().max(20).optional(),
  fingerprint: z.string().max(200).optional(),
  columns: z.array(z.object({ name: z.string(), kind: z.enum(["loss", "metric"]) })).max(200),
  points: z.array(progressPoint).max(MAX_POINTS),
  status: z.enum(["finished", "failed"]),
  evaluation: evaluation.optional(),
  /** This run's weights are the ones in the graph's .weights.json. */
  weights: z.boolean().optional(),
});

const file = z.object({ format: z.literal(RUNS_FORMAT), version: z.literal(1), runs: z.array(run).max(MAX_RUNS) });

export type StoredRun = z.infer<typeof run>;

/** Runs that ended, as they are written: thinned curves, no sample images. */
export function storedRuns(runs: readonly RunRecord[]): StoredRun[] {
  return runs
    .filter((r): r is RunRecord & { status: "finished" | "failed" } => r.status === "finished" || r.status === "failed")
    .slice(-MAX_RUNS)
    .map((r) => ({
      id: r.id, label: r.label, graphHash: r.graphHash, graphName: r.graphName, options: runOptions.parse(r.options),
      ...(r.backend ? { backend: r.backend } : {}), ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}),
      columns: r.columns, points: thin(r.points, MAX_POINTS), status: r.status,
      ...(r.evaluation ? { evaluation: { values: r.evaluation.values, samples: r.evaluation.samples, ...(r.evaluation.classNames ? { classNames: r.evaluation.classNames } : {}), ...(r.evaluation.confusion ? { confusion: r.evaluation.confusion } : {}) } } : {}),
      ...(r.weights ? { weights: true } : {}),
    }));
}

export function serializeRuns(runs: readonly StoredRun[]): string {
  return `${JSON.stringify({ format: RUNS_FORMAT, version: 1, runs })}\n`;
}

export type RunsParse = { readonly ok: true; readonly runs: RunRecord[] } | { readonly ok: false; readonly message: string };

export function parseRuns(text: string): RunsParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "it is not JSON" };
  }
  const r = file.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, message: i ? `${i.path.join(".") || "the file"}: ${i.message}` : "it is not a Layerloom runs file" };
  }
  // Predictions with their sample images are not kept; a loaded run shows its numbers only.
  return {
    ok: true,
    runs: r.data.runs.map(({ evaluation, ...rest }): RunRecord => (evaluation ? { ...rest, evaluation: { ...evaluation, predictions: [] } } : rest)),
  };
}

/** At most `max` points, evenly spread, always keeping the first and the last. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}
