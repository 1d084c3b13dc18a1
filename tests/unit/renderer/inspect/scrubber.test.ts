import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FOLLOW, scrubTo, shownIndex, stepBy, thin } from "../../../../renderer/inspect/scrubber.js";
import { scaleOf, statBars } from "../../../../renderer/inspect/stat-bars.js";

describe("the statistics scrubber", () => {
  it("follows the newest snapshot until one is chosen, and again at the end", () => {
    expect(shownIndex(FOLLOW, 0)).toBeUndefined();
    expect(shownIndex(FOLLOW, 4)).toBe(3);
    const pinned = scrubTo(1, 4);
    expect(pinned).toEqual({ follow: false, index: 1 });
    expect(shownIndex(pinned, 9)).toBe(1); // new snapshots do not move a pinned choice
    expect(scrubTo(3, 4)).toEqual(FOLLOW);
    expect(stepBy(pinned, 1, 4)).toEqual({ follow: false, index: 2 });
    expect(stepBy(pinned, 2, 4)).toEqual(FOLLOW);
    expect(stepBy(FOLLOW, -1, 4)).toEqual({ follow: false, index: 2 });
    expect(stepBy(pinned, -5, 4)).toEqual({ follow: false, index: 0 });
  });

  it("always shows a snapshot that exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: -3, max: 3 }), (i, count, delta) => {
        const s = stepBy(scrubTo(i, count), delta, count);
        const shown = shownIndex(s, count)!;
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(shown).toBeLessThan(count);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("thins old snapshots but keeps the newest and the chosen one's place", () => {
    const list = Array.from({ length: 11 }, (_, i) => i);
    const t = thin(list, 10);
    expect(t.list).toEqual([0, 2, 4, 6, 8, 10]);
    expect(t.list[t.map(4)]).toBe(4);
    expect(thin(list, 20).list).toEqual(list);
  });
});

describe("statistics bars on a card", () => {
  const node = (over: object) => ({ node: "c1", actMean: 0.2, actStd: 0.5, deadFraction: 0.1, gradNorm: 0.01, updateRatio: 1e-3, ...over });
  it("scale spread and gradients against the snapshot, and say when a statistic does not apply", () => {
    const nodes = [node({}), node({ node: "c3", actStd: 1, gradNorm: 0.1 }), node({ node: "flatten", deadFraction: null, gradNorm: null, updateRatio: null })];
    const scale = scaleOf(nodes);
    const [act, dead, grad, update] = statBars(nodes[0]!, scale);
    expect(act!.fraction).toBeCloseTo(0.5);
    expect(dead!.fraction).toBeCloseTo(0.1);
    expect(grad!.fraction).toBeCloseTo(0.75); // one decade under the largest, of four
    expect(update!.fraction).toBeCloseTo(0.6);
    expect([act, dead, grad, update].some((b) => b!.warn)).toBe(false);
    const flat = statBars(nodes[2]!, scale);
    expect(flat.slice(1).map((b) => b.fraction)).toEqual([null, null, null]);
    expect(flat[1]!.text).toMatch(/not a ReLU/);
  });

  it("flag many dead units, runaway updates and non-finite values", () => {
    const bad = statBars(node({ deadFraction: 0.9, updateRatio: 0.5, actStd: NaN }), { maxStd: 1, maxGrad: 1 });
    expect(bad.map((b) => b.warn)).toEqual([true, true, false, true]);
  });
});
