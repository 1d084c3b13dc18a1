/**
 * Chart lettering in the rasterised PNGs (runtime/notebook/lettering.ts, raster.ts): round tick
 * values, and each label drawn where it belongs, read back from the pixels as an exact glyph
 * pattern rather than "some ink is there".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlotSpec } from "../../../runtime/notebook/display.js";
import { drawText, fitText, logTicks, niceTicks, textWidth, tickLabel } from "../../../runtime/notebook/lettering.js";
import { rasterize, type Rgba } from "../../../runtime/notebook/raster.js";

const TEXT = [40, 40, 40];

/** The text-coloured pixels inside a box, as "x,y" relative to their own top-left corner. */
function inkIn(img: Rgba, x0: number, y0: number, x1: number, y1: number): Set<string> {
  const pts: [number, number][] = [];
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i] === TEXT[0] && img.data[i + 1] === TEXT[1] && img.data[i + 2] === TEXT[2]) pts.push([x, y]);
    }
  }
  return normalised(pts);
}

function normalised(pts: [number, number][]): Set<string> {
  const mx = Math.min(...pts.map((p) => p[0])), my = Math.min(...pts.map((p) => p[1]));
  return new Set(pts.map(([x, y]) => `${x - mx},${y - my}`));
}

const glyphs = (text: string): Set<string> => {
  const pts: [number, number][] = [];
  drawText(text, 0, 0, (x, y) => pts.push([x, y]));
  return normalised(pts);
};

describe("chart lettering", () => {
  it("picks round ticks of 1, 2 or 5 × 10^k inside the range", () => {
    expect(niceTicks(0.027, 2.618)).toEqual([0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(-2.95, 61.95, 6)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(logTicks(-5.3, -0.8)).toEqual([-5, -4, -3, -2, -1]);
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (lo, span) => {
      const hi = lo + span;
      fc.pre(hi > lo && span >= Math.abs(lo) * 1e-4);
      const t = niceTicks(lo, hi);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(12);
      for (const v of t) expect(v >= lo - span * 1e-9 && v <= hi + span * 1e-9).toBe(true);
      const step = t[1]! - t[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
    }), { seed: 3, numRuns: 300 });
  });

  it("writes tick values short and without float noise", () => {
    expect(tickLabel(0.1 + 0.2)).toBe("0.3");
    expect(tickLabel(1e-4)).toBe("1e-4");
    expect(tickLabel(123456)).toBe("1.2e5");
    expect(tickLabel(-2.5)).toBe("-2.5");
    expect(tickLabel(0)).toBe("0");
  });

  it("cuts a long text to the width with an ellipsis", () => {
    const cut = fitText("a very long chart title that will not fit", 60);
    expect(cut.endsWith("...")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
    expect(fitText("fits", 60)).toBe("fits");
  });

  it("letters a line chart: title, every y tick value beside its grid line, the legend", () => {
    const spec: PlotSpec = { type: "line", title: "Training loss", series: [{ name: "loss", values: [2.4, 1.2, 0.8, 0.5] }, { name: "val_loss", values: [2.5, 1.5, 1, 0.9] }] };
    const img = rasterize(spec);
    expect(inkIn(img, 0, 0, img.width, 14)).toEqual(glyphs("Training loss"));
    // Find each y label by its grid row: the grid colour spans the plot at that row.
    const ys = [...Array(img.height).keys()].filter((y) => {
      const i = (y * img.width + 200) * 4;
      return img.data[i] === 228 && img.data[i + 4] === 228;
    });
    const labels = niceTicks(0.5 - 0.1, 2.5 + 0.1).map(tickLabel).reverse();
    expect(labels).toEqual(["2.5", "2", "1.5", "1", "0.5"]);
    expect(ys.length).toBe(labels.length);
    ys.forEach((y, k) => expect(inkIn(img, 0, y - 4, 30, y + 6), `label ${labels[k]}`).toEqual(glyphs(labels[k]!)));
    expect(inkIn(img, img.width - 120, 20, img.width, 32)).toEqual(glyphs("loss"));
    expect(inkIn(img, img.width - 120, 32, img.width, 44)).toEqual(glyphs("val_loss"));
  });

  it("letters bars with their names and images with their titles", () => {
    const bars = rasterize({ type: "bar", labels: ["cat", "dog"], values: [1, 2] });
    const band = (x0: number, x1: number) => inkIn(bars, x0, bars.height - 22, x1, bars.height);
    expect(band(0, bars.width / 2)).toEqual(glyphs("cat"));
    expect(band(bars.width / 2, bars.width)).toEqual(glyphs("dog"));
    const grey = { width: 20, height: 20, channels: 1 as const, pixels: Array<number>(400).fill(1) };
    const imgs = rasterize({ type: "images", images: [grey, grey], titles: ["7", "2"], columns: 2, scale: 2 });
    expect(inkIn(imgs, 0, 40, 40, imgs.height)).toEqual(glyphs("7"));
    expect(inkIn(imgs, 44, 40, imgs.width, imgs.height)).toEqual(glyphs("2"));
    // Without titles the images keep their old size.
    expect(rasterize({ type: "images", images: [grey], columns: 1, scale: 2 }).height).toBe(40);
  });
});
