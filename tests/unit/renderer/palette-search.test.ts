import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { fuzzyMatch } from "../../../renderer/palette/fuzzy.js";
import { groupByCategory, paletteItems, searchPalette } from "../../../renderer/palette/palette-items.js";
import { CATEGORY_ORDER } from "../../../renderer/ui/categories.js";

const items = paletteItems(LAYERS);
const top = (query: string) => searchPalette(items, query)[0]?.item.kind;

describe("palette entries", () => {
  it("hold every registered layer once, plus one entry per preset", () => {
    const presets = Object.values(LAYERS).reduce((n, def) => n + (def.presets?.length ?? 0), 0);
    expect(items.length).toBe(Object.keys(LAYERS).length + presets);
    expect(new Set(items.filter((i) => !i.id.includes("#")).map((i) => i.kind))).toEqual(new Set(Object.keys(LAYERS)));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("group by category in the palette's order, titles sorted within a group", () => {
    const groups = groupByCategory(items);
    const order = groups.map((g) => CATEGORY_ORDER.indexOf(g.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(items.length);
    for (const g of groups) {
      expect(g.items.every((i) => i.category === g.category)).toBe(true);
      expect(g.items.map((i) => i.title)).toEqual([...g.items.map((i) => i.title)].sort((a, b) => a.localeCompare(b)));
    }
  });
});

describe("palette search", () => {
  it("finds layers by title, Keras class name and abbreviation", () => {
    expect(top("dense")).toBe("Dense");
    expect(top("Conv2D")).toBe("Conv2D");
    expect(top("lstm")).toBe("LSTM");
    expect(top("drop")).toBe("Dropout");
    expect(top("embed")).toBe("Embedding");
    expect(top("c2d")).toBe("Conv2D");
    expect(top("gap")).toMatch(/^GlobalAveragePooling/);
  });

  it("needs every word of the query to match", () => {
    const ranked = searchPalette(items, "conv transpose");
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((r) => /conv/i.test(r.item.title + r.item.kind) && /transpose/i.test(r.item.title + r.item.kind + r.item.summary))).toBe(true);
    expect(searchPalette(items, "dense zzqx")).toEqual([]);
  });

  it("marks the matched letters of the title", () => {
    const dense = searchPalette(items, "dns").find((r) => r.item.kind === "Dense");
    expect(dense?.titleMatches).toEqual([0, 2, 3]);
  });

  it("returns nothing for an empty query", () => {
    expect(searchPalette(items, "   ")).toEqual([]);
  });
});

describe("fuzzyMatch", () => {
  it("prefers word starts and runs of letters", () => {
    const gap = fuzzyMatch("gap", "Global average pooling 2D")!;
    expect(gap.positions).toEqual([0, 7, 15]);
    expect(fuzzyMatch("c2d", "Conv 2D")!.positions).toEqual([0, 5, 6]);
    expect(fuzzyMatch("den", "Dense")!.score).toBeGreaterThan(fuzzyMatch("den", "Hidden state")!.score);
  });

  it("matches exactly when the letters appear in order, whatever the case", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), (q, t) => {
        const m = fuzzyMatch(q, t);
        const inOrder = (() => {
          let i = 0;
          for (const ch of t.toLowerCase()) if (ch === q.toLowerCase()[i]) i++;
          return i === q.length;
        })();
        expect(m !== null).toBe(inOrder);
        if (m) {
          expect(m.positions.length).toBe(q.length);
          m.positions.forEach((p, k) => expect(t[p]!.toLowerCase()).toBe(q[k]!.toLowerCase()));
          expect([...m.positions]).toEqual([...m.positions].sort((a, b) => a - b));
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
