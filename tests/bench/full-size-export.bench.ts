/**
 * `npm run bench -- fullSizeExport`: the full-size TypeScript export comparison
 * (tests/unit/export/full-size-outputs.test.ts) with its cost per network: seconds on each side
 * (build, generated weights, one prediction), the exported side's peak resident memory, and the
 * largest output difference. LAYERLOOM_BENCH_FULL_SIZE_BACKEND=cpu runs both sides on the cpu
 * backend instead of wasm (about 15x slower on convolutions); LAYERLOOM_BENCH_FULL_SIZE_ONLY
 * keeps the documents whose name contains it (e.g. "yolo").
 */
import { exportCases } from "../unit/export/documents.js";
import { compareFullSize, fullSizeTargets, maxAbsDiff, type Backend } from "../unit/export/full-size-compare.js";

export async function benchFullSizeExport(): Promise<Record<string, unknown>> {
  const backend = (process.env.LAYERLOOM_BENCH_FULL_SIZE_BACKEND ?? "wasm") as Backend;
  const only = process.env.LAYERLOOM_BENCH_FULL_SIZE_ONLY;
  const targets = fullSizeTargets(exportCases()).filter((t) => !only || t.caseName.includes(only));
  const start = performance.now();
  const { comparisons, exportedBackend } = await compareFullSize(targets, backend);
  const totalSeconds = (performance.now() - start) / 1000;
  const round = (x: number): number => Number(x.toFixed(2));
  return {
    backend: exportedBackend,
    totalSeconds: round(totalSeconds),
    networks: comparisons.map((c) => ({
      document: c.caseName, network: c.network, params: c.params, flops: c.flops,
      appSeconds: round(c.app.seconds), exportedSeconds: c.exported ? round(c.exported.seconds) : null,
      appPeakRssMB: c.app.peakRssMB, exportedPeakRssMB: c.exported?.peakRssMB ?? null,
      maxAbsDiff: c.exported ? c.app.outputs.map((o, i) => maxAbsDiff(o.data, c.exported!.outputs[i]?.data ?? new Float32Array())) : null,
      problem: c.problem ?? null,
    })),
  };
}
