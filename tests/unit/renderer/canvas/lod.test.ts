import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ringWidth } from "../../../../renderer/canvas/canvas-look.js";
import { CULL_FROM_NODES, FAR_BELOW, cullOffscreen, lodFor, nextLod } from "../../../../renderer/canvas/lod.js";

describe("level of detail", () => {
  it("draws full cards from the threshold up and boxes below it", () => {
    expect(lodFor(1)).toBe("full");
    expect(lodFor(FAR_BELOW)).toBe("full");
    expect(lodFor(FAR_BELOW - 0.01)).toBe("far");
    expect(lodFor(0.05)).toBe("far");
  });

  it("keeps the current level while the zoom wobbles around the threshold", () => {
    expect(nextLod("full", FAR_BELOW - 0.01)).toBe("full");
    expect(nextLod("far", FAR_BELOW + 0.01)).toBe("far");
    expect(nextLod("full", 0.2)).toBe("far");
    expect(nextLod("far", 0.6)).toBe("full");
  });

  it("never lets one zoom give two answers far from the threshold (seeded)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 4, noNaN: true }), (zoom) => {
        if (Math.abs(zoom - FAR_BELOW) <= 0.02) return;
        expect(nextLod("full", zoom)).toBe(nextLod("far", zoom));
        expect(nextLod("full", zoom)).toBe(lodFor(zoom));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("culls off-screen nodes only for big graphs seen up close", () => {
    expect(cullOffscreen(CULL_FROM_NODES - 1, "full")).toBe(false);
    expect(cullOffscreen(CULL_FROM_NODES, "full")).toBe(true);
    expect(cullOffscreen(5000, "far")).toBe(false);
  });
});

describe("ring width", () => {
  it("is 2px at normal zoom and grows as the view zooms out, so rings stay visible", () => {
    expect(ringWidth(1)).toBe(2);
    expect(ringWidth(2.5)).toBe(2);
    expect(ringWidth(0.5)).toBe(4);
    expect(ringWidth(0.3)).toBe(8);
    expect(ringWidth(0.05)).toBe(64);
  });

  it("keeps the ring between 1 and 4 screen pixels from zoom 1 down to 0.03 (seeded)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.03, max: 1, noNaN: true }), (zoom) => {
        expect(ringWidth(zoom) * zoom).toBeGreaterThanOrEqual(1);
        expect(ringWidth(zoom) * zoom).toBeLessThanOrEqual(4);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
