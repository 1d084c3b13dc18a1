/**
 * The TypeScript export's promise for the networks the round trip (typescript-roundtrip.test.ts)
 * can only compile or compare by topology: every network of every template configuration and
 * fixture beyond the round trip's output limits (the "full" templates: ResNet-50, VGG-16,
 * OverFeat, YOLO v1, SSD with its dilated fc6, seq2seq, ...). The exported file compiles with
 * tsc --strict and, under plain Node with @tensorflow/tfjs, builds each network with the app's
 * toJSON() topology and, given the same weights, the app's outputs (max abs diff 1e-5).
 *
 * The weights are generated on both sides, never copied; both sides run on tfjs's wasm backend,
 * each in a process of its own per document (full-size-compare.ts says why). Each output must be
 * finite and neither ~0, nearly constant nor saturated, so the tolerance means something; it is
 * 1e-5 times the output's RMS where that is below 1 (a 1000-way softmax), since an absolute 1e-5
 * on values near 1e-3 would let real differences through. Batch 1, one seeded input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { exportCases } from "./documents.js";
import { compareFullSize, fullSizeTargets, maxAbsDiff, outputStats, type Comparison } from "./full-size-compare.js";

const TOLERANCE = 1e-5;
const targets = fullSizeTargets(exportCases());
let comparisons = new Map<string, Comparison>();
let exportedBackend = "";
const key = (caseName: string, network: string): string => `${caseName} / ${network}`;

beforeAll(async () => {
  const r = await compareFullSize(targets, "wasm");
  comparisons = new Map(r.comparisons.map((c) => [key(c.caseName, c.network), c]));
  exportedBackend = r.exportedBackend;
  const rows = r.comparisons.map((c) => {
    const diffs = c.exported ? c.app.outputs.map((o, i) => maxAbsDiff(o.data, c.exported!.outputs[i]?.data ?? new Float32Array()).toExponential(1)) : ["-"];
    return `${key(c.caseName, c.network)}: ${(c.params / 1e6).toFixed(1)}M weights, app ${c.app.seconds.toFixed(1)} s, exported ${c.exported?.seconds.toFixed(1) ?? "-"} s, peak RSS ${c.app.peakRssMB} / ${c.exported?.peakRssMB ?? "-"} MB, max abs diff ${diffs.join(", ")}`;
  });
  console.log(`Full-size outputs on ${exportedBackend}:\n  ${rows.join("\n  ")}`);
}, 600_000);

describe("TypeScript export of the full-size networks: the app's outputs", () => {
  it("covers every full template configuration beyond the round trip's output limits", () => {
    const cases = new Set(targets.map((t) => t.caseName));
    for (const full of ["template-resnet-50-full", "template-vgg-16-full", "template-overfeat-full", "template-yolo-v1-full", "template-ssd-full"]) expect(cases).toContain(full);
    expect(exportedBackend).toBe("wasm");
  });

  describe.each(targets.map((t) => [key(t.caseName, t.network), t] as const))("%s", (name) => {
    it("compiles, builds the app's topology and gives the app's outputs under plain Node", () => {
      const c = comparisons.get(name)!;
      expect(c.problem ?? null).toBeNull();
      const mine = c.exported!;
      expect(mine.filled).toBe(c.app.filled);
      expect(mine.topology).toEqual(c.app.topology);
      expect(mine.outputs.map((o) => o.shape)).toEqual(c.app.outputs.map((o) => o.shape));
      c.app.outputs.forEach((o, i) => {
        const stats = outputStats(o.data);
        // A live output: not ~0, not one value, not pinned at its extremes (saturated, one-hot).
        expect(Number.isFinite(stats.rms), `output ${i} is not finite`).toBe(true);
        expect(stats.rms, `output ${i} is ~0`).toBeGreaterThan(1e-6);
        if (stats.size > 1) expect(stats.std / stats.rms, `output ${i} is nearly constant`).toBeGreaterThan(0.05);
        if (stats.size >= 10) expect(stats.atExtremes, `output ${i} is saturated`).toBeLessThan(0.75);
        const tolerance = TOLERANCE * Math.min(1, stats.rms);
        expect(maxAbsDiff(mine.outputs[i]!.data, o.data), `output ${i}`).toBeLessThanOrEqual(tolerance);
      });
    });
  });
});
