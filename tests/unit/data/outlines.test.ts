/**
 * The paired set for pix2pix: the same sample every time, the outline inside the filled shape in
 * the same colour, a target that really differs from its source, and registration by id.
 */
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../runtime/data/registry.js";
import { OUTLINE_SHAPES, outlines } from "../../../runtime/data/synthetic/outlines.js";

describe("outlines", () => {
  const data = outlines({ size: 32, trainSize: 40, testSize: 8 });

  it("pairs each outline with the same shape filled, in the same colour", () => {
    const b = data.gather("train", Array.from({ length: 40 }, (_, i) => i));
    expect(b.x.shape).toEqual([40, 32, 32, 3]);
    expect(b.y.shape).toEqual([40, 32, 32, 3]);
    const per = 32 * 32 * 3;
    let bad = 0;
    for (let s = 0; s < 40; s++) {
      let outline = 0;
      let filled = 0;
      for (let k = s * per; k < (s + 1) * per; k++) {
        const x = b.x.data[k]!;
        const y = b.y.data[k]!;
        // Values in [0, 1]; every outline pixel is a pixel of the filled shape, with the same value.
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1) || (x > 0 && y !== x)) bad++;
        if (x > 0) outline++;
        if (y > 0) filled++;
      }
      expect(outline, `sample ${s}`).toBeGreaterThan(30);
      expect(filled, `sample ${s}`).toBeGreaterThan(outline * 1.5);
    }
    expect(bad).toBe(0);
  });

  it("is the same from the same seed, different from another, and balanced over the shapes", () => {
    const a = data.gather("train", [3, 7]).y.data;
    expect(outlines({ size: 32, trainSize: 40 }).gather("train", [3, 7]).y.data).toEqual(a);
    expect(outlines({ size: 32, trainSize: 40, dataSeed: 1 }).gather("train", [3, 7]).y.data).not.toEqual(a);
    const labels = Array.from({ length: 8 }, (_, i) => data.describe("train", i).label);
    expect(labels.slice(0, 4)).toEqual(OUTLINE_SHAPES.map((s) => `${s} outline`));
  });

  it("is registered as synthetic:outlines-32", async () => {
    const d = await loadDataset("synthetic:outlines-32");
    expect(d.inputShape).toEqual([32, 32, 3]);
    expect(d.target).toEqual({ kind: "values", shape: [32, 32, 3] });
  });
});
