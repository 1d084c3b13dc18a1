/**
 * Gallery thumbnails: every node a box in its category's colour where the canvas puts it, every
 * wire a line between box centres, scaled to fit and centred; and the gallery's data, read and
 * counted through the platform as the start screen does.
 */
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { emptyDocument } from "../../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { createMemoryPlatform } from "../../../../renderer/platform/memory.js";
import { loadGallery, type GalleryState } from "../../../../renderer/start/gallery.js";
import { GraphThumbnail } from "../../../../renderer/start/GraphThumbnail.js";
import { MAX_STRETCH, MIN_BOX, NODE_BOX, thumbnail } from "../../../../renderer/start/thumbnail.js";
import { graph, mlp } from "../../../support/docs.js";

const SIZE = { width: 240, height: 104, padding: 8 };
const LENET = readFileSync(new URL("../../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8");

describe("thumbnail", () => {
  it("draws a box per node in its category's colour, and a line per wire", () => {
    const t = thumbnail(mlp(), SIZE);
    expect(t.boxes.map((b) => [b.id, b.category, b.color])).toEqual([
      ["x", "input", "var(--cat-input)"],
      ["h", "core", "var(--cat-core)"],
      ["out", "core", "var(--cat-core)"],
    ]);
    expect(t.wires).toHaveLength(2);
  });

  it("keeps the layout's proportions, fits inside the padding and centres the drawing", () => {
    // Three nodes in a column 120 apart: the height decides the scale.
    const t = thumbnail(mlp(), SIZE);
    const top = Math.min(...t.boxes.map((b) => b.y));
    const bottom = Math.max(...t.boxes.map((b) => b.y + b.height));
    const left = Math.min(...t.boxes.map((b) => b.x));
    const right = Math.max(...t.boxes.map((b) => b.x + b.width));
    expect(top).toBeCloseTo(8, 0);
    expect(bottom).toBeCloseTo(96, 0);
    expect((left + right) / 2).toBeCloseTo(120, 0);
    const scale = 88 / (240 + NODE_BOX.height);
    expect(t.boxes[1]!.y - t.boxes[0]!.y).toBeCloseTo(120 * scale, 0);
    expect(t.boxes[0]!.width / t.boxes[0]!.height).toBeCloseTo(NODE_BOX.width / NODE_BOX.height, 1);
  });

  it("stretches a long, flat network across, up to MAX_STRETCH, so parallel towers stay apart", () => {
    let g = graph("Towers").node("in", "Input", { shape: [8] }, { at: [0, 130] });
    for (const [tower, y] of [["a", 0], ["b", 260]] as const) {
      let prev = "in";
      for (let i = 1; i < 20; i++) {
        g = g.layer(`${tower}${i}`, "Dense", { units: 8 }, prev).at(`${tower}${i}`, i * 260, y);
        prev = `${tower}${i}`;
      }
    }
    const t = thumbnail(g.build(), SIZE);
    const uniform = (240 - 16) / (19 * 260 + NODE_BOX.width);
    const rowGap = t.boxes.find((b) => b.id === "b1")!.y - t.boxes.find((b) => b.id === "a1")!.y;
    expect(rowGap).toBeCloseTo(260 * uniform * MAX_STRETCH, 0);
    // Boxes stay card-shaped, never taller than wide.
    for (const b of t.boxes) expect(b.height).toBeLessThanOrEqual(b.width + 0.1);
  });

  it("joins box centres with each wire", () => {
    const t = thumbnail(mlp(), SIZE);
    const centre = (id: string) => {
      const b = t.boxes.find((x) => x.id === id)!;
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const [x1, y1] = centre("x");
    const [x2, y2] = centre("h");
    expect(t.wires[0]!.x1).toBeCloseTo(x1!, 0);
    expect(t.wires[0]!.y1).toBeCloseTo(y1!, 0);
    expect(t.wires[0]!.x2).toBeCloseTo(x2!, 0);
    expect(t.wires[0]!.y2).toBeCloseTo(y2!, 0);
  });

  it("gives boxes a minimum size in a long network, and places nodes without a position where the canvas does", () => {
    let g = graph("Long").node("n0", "Input", { shape: [8] }, { at: [0, 0] });
    for (let i = 1; i < 120; i++) g = g.layer(`n${i}`, "Dense", { units: 8 }, `n${i - 1}`).at(`n${i}`, i * 300, 0);
    const long = g.build();
    const t = thumbnail(long, SIZE);
    expect(Math.min(...t.boxes.map((b) => b.height))).toBe(MIN_BOX.height);
    expect(Math.min(...t.boxes.map((b) => b.width))).toBeGreaterThanOrEqual(MIN_BOX.width);
    const unplaced = thumbnail({ ...mlp(), layout: {} }, SIZE);
    // The canvas's fallback is a column in document order.
    expect(unplaced.boxes.map((b) => b.y)).toEqual([...unplaced.boxes.map((b) => b.y)].sort((a, b) => a - b));
    expect(new Set(unplaced.boxes.map((b) => b.x)).size).toBe(1);
  });

  it("colours blocks as blocks and kinds it does not know as unknown, and draws nothing for an empty graph", () => {
    const doc = graph("Odd").node("a", "Input", { shape: [8] }, { at: [0, 0] }).node("b", "ResidualBlock", {}, { at: [300, 0] }).node("c", "NoSuchLayer", {}, { at: [600, 0] }).build();
    expect(thumbnail(doc, SIZE).boxes.map((b) => b.color)).toEqual(["var(--cat-input)", "var(--cat-block)", "var(--cat-unknown)"]);
    expect(thumbnail(emptyDocument(), SIZE)).toEqual({ width: 240, height: 104, boxes: [], wires: [] });
  });

  it("renders as SVG: wires under boxes, hidden from assistive tech", () => {
    const html = renderToStaticMarkup(createElement(GraphThumbnail, { doc: mlp(), width: 240, height: 104 }));
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html.match(/<line /g)).toHaveLength(2);
    expect(html.indexOf("<line")).toBeLessThan(html.indexOf("<rect"));
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain("fill:var(--cat-input)");
  });
});

describe("the gallery's data", () => {
  it("lists the templates at once, then fills in each configuration's graph and parameter count", async () => {
    const lenet = parseGraphFile(LENET);
    if (!lenet.ok) throw new Error(lenet.error.message);
    const platform = createMemoryPlatform({
      templates: [
        { id: "lenet", name: "LeNet-5", defaultConfiguration: "mini", configurations: [{ id: "full", title: "Paper", text: LENET }, { id: "mini", title: "Mini", text: JSON.stringify(mlp()) }] },
        { id: "broken", name: "Broken", text: "{nope" },
      ],
    });
    const seen: GalleryState[] = [];
    await loadGallery(platform, (g) => void seen.push(g), () => false, async () => undefined);
    expect(seen[0]).toEqual({ state: "ready", cards: [expect.objectContaining({ configurations: { full: { state: "loading" }, mini: { state: "loading" } } }), expect.anything()] });
    const last = seen.at(-1)!;
    if (last.state !== "ready") throw new Error("not ready");
    const [card, broken] = last.cards;
    expect(card!.configurations.full).toMatchObject({ state: "ready", params: analyze(lenet.doc).totals.params });
    expect(card!.configurations.mini).toMatchObject({ state: "ready", params: analyze(mlp()).totals.params });
    expect(broken!.configurations.default).toMatchObject({ state: "failed", message: expect.stringMatching(/\S/) });
    // Default configurations load before the others: every card gets its picture first.
    const firstFilled = seen.findIndex((g) => g.state === "ready" && g.cards[0]!.configurations.mini!.state !== "loading");
    const fullFilled = seen.findIndex((g) => g.state === "ready" && g.cards[0]!.configurations.full!.state !== "loading");
    expect(firstFilled).toBeLessThan(fullFilled);
  });

  it("stops when the screen has gone, and says why when the list cannot be had", async () => {
    const platform = createMemoryPlatform({ templates: [{ id: "a", name: "A", text: JSON.stringify(mlp()) }] });
    const seen: GalleryState[] = [];
    await loadGallery(platform, (g) => void seen.push(g), () => seen.length > 0, async () => undefined);
    expect(seen).toHaveLength(1);
    const failing = { ...platform, listTemplates: async () => Promise.reject(new Error("host gone")) };
    const out: GalleryState[] = [];
    await loadGallery(failing, (g) => void out.push(g));
    expect(out).toEqual([{ state: "failed", message: "host gone" }]);
  });
});
