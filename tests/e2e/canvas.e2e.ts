/**
 * The canvas in Chromium, against the real web host: open LeNet-5, see the shape on every wire,
 * lay it out, add a Conv2D with the keyboard only, wire it (an illegal wire is refused with the
 * reason beside the pointer) and watch the shapes downstream change, make a shape error and see
 * it on the node, drag a node and undo, open a block. A screenshot of each step goes to
 * tests/e2e/artifacts/canvas-*.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import ELK from "elkjs/lib/elk.bundled.js";
import { serializeGraph } from "../../graph-ir/core/serialize.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { positionsFromElk, toElkGraph } from "../../renderer/canvas/auto-layout.js";
import { PAINT_FROM_NODES } from "../../renderer/canvas/far-scene.js";
import { nodeData, nodeSize } from "../../renderer/canvas/to-flow.js";
import { generateConvNet } from "../support/generate.js";
import { launchChromium } from "./support/browser.js";
import { openGraph, openUrl, putInWorkspace } from "./support/open-graph.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const handle = (id: string, side: "source" | "target") => node(id).locator(`.react-flow__handle.${side}`).first();
const labels = () => page.locator("[data-wire-label]").evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ""));
const edgeIds = () => page.locator(".react-flow__edge").evaluateAll((els) => els.map((e) => e.getAttribute("data-id") ?? ""));
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/canvas-${name}.png` });

async function centre(locator: ReturnType<typeof node>): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from one point to another with the mouse, as a person would; `hold` runs before letting go. */
async function dragWire(from: { x: number; y: number }, to: { x: number; y: number }, hold?: () => Promise<void>) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  if (hold) await hold();
  await page.mouse.up();
}

/** The label text on the wire with this id; undefined when the wire shows none. */
async function wireLabel(id: string): Promise<string | undefined> {
  const label = page.locator(`[data-wire-label="${id}"]`);
  return (await label.count()) ? label.evaluate((e) => e.firstChild?.textContent ?? "") : undefined;
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  await putInWorkspace(host, "lenet5.layerloom.json", await readFile("tests/fixtures/lenet5.layerloom.json", "utf8"));
  await putInWorkspace(host, "googlenet-mini.layerloom.json", await readFile("tests/fixtures/googlenet-mini.layerloom.json", "utf8"));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Every failed request is a bug: absence the app expects (no backup, no runs file) is a 200 with null.
  page.on("response", (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    // Failed requests are judged by their address above; the console line does not say which.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) pageErrors.push(m.text());
  });
  await openGraph(page, host, "lenet5.layerloom.json", 9);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("the canvas", () => {
  it("opens LeNet-5 from the workspace with the shape on every wire", async () => {
    expect(await page.getByRole("banner").innerText()).toContain("lenet5.layerloom.json");
    await page.waitForFunction(() => document.querySelectorAll("[data-wire-label]").length === 8);
    expect(await labels()).toEqual(["B×32×32×1", "B×28×28×6", "B×14×14×6", "B×10×10×16", "B×5×5×16", "B×400", "B×120", "B×84"]);
    expect(pageErrors).toEqual([]);
  });

  it("lays the graph out with L, as one undo step, and fits it in view", async () => {
    await page.getByRole("main", { name: "Canvas" }).focus();
    await page.keyboard.press("l");
    await page.waitForFunction(() => document.querySelector("button[aria-label=Undo]")?.getAttribute("title")?.startsWith("Undo Auto-layout"), undefined, { timeout: 30_000 });
    await page.waitForTimeout(600); // the fit after the layout
    const image = (await node("image").boundingBox())!;
    const c1 = (await node("c1").boundingBox())!;
    // Cards now leave room between them for the wire labels, and the view is close enough to read them.
    expect(c1.x - (image.x + image.width)).toBeGreaterThan(50);
    expect(await page.getByRole("main", { name: "Canvas" }).getAttribute("data-lod")).toBe("full");
    expect(await labels()).toHaveLength(8);
    await shot("1-lenet");
  });

  it("shows the dims by name and the arithmetic when hovering a wire label", async () => {
    const label = page.locator("[data-wire-label]", { hasText: "B×28×28×6" });
    await label.hover();
    const card = page.getByRole("tooltip");
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/batch\s+B/);
    expect(text).toMatch(/height\s+28/);
    expect(text).toMatch(/channels\s+6/);
    expect(text).toContain("height: 28 = ⌊(32 − 5 + 0)/1⌋ + 1");
    await shot("2-wire-hover");
    await page.mouse.move(700, 820);
  });

  it("adds a Conv2D from the palette with the keyboard only", async () => {
    await page.getByRole("main", { name: "Canvas" }).focus();
    await page.keyboard.type("conv2d");
    const search = page.getByRole("searchbox", { name: "Search layers" });
    expect(await search.inputValue()).toBe("conv2d");
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForFunction(() => document.querySelector("aside[aria-label='Layer palette'] li")?.getAttribute("data-kind") === "Conv2D");
    await page.keyboard.press("Enter");
    await node("conv2d_1").waitFor();
    expect(await search.inputValue()).toBe("");
    // The new layer is selected, and the keyboard is back on the canvas.
    expect(await node("conv2d_1").getAttribute("class")).toContain("selected");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Canvas");
    await shot("3-added-conv2d");
  });

  it("refuses an illegal wire and says why beside the pointer", async () => {
    const before = await edgeIds();
    let hint = "";
    await dragWire(await centre(handle("flatten", "source")), await centre(handle("conv2d_1", "target")), async () => {
      const status = page.locator("main[aria-label=Canvas] [role=status]");
      await status.waitFor();
      hint = await status.innerText();
      await shot("4-refused-wire");
    });
    expect(hint).toContain("conv2d_1 cannot take B×400 on x");
    expect(hint).toMatch(/Conv2D expects an image .* but gets B×400/);
    expect(await edgeIds()).toEqual(before);
  });

  it("rewires C1 → Conv2D → S2 and the shapes downstream change and flash", async () => {
    // Select the wire C1 → S2 by clicking its label, and delete it with Del.
    await page.locator('[data-wire-label="c1:y->s2:x"]').click();
    await page.waitForFunction(() => document.querySelector('.react-flow__edge[data-id="c1:y->s2:x"]')?.classList.contains("selected"));
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => !document.querySelector('.react-flow__edge[data-id="c1:y->s2:x"]'));
    expect(await wireLabel("s2:y->c3:x")).toBeUndefined(); // no shape without an input

    await dragWire(await centre(handle("c1", "source")), await centre(handle("conv2d_1", "target")));
    await page.waitForFunction(() => !!document.querySelector('.react-flow__edge[data-id="c1:y->conv2d_1:x"]'));
    await dragWire(await centre(handle("conv2d_1", "source")), await centre(handle("s2", "target")));
    await page.waitForFunction(() => !!document.querySelector('.react-flow__edge[data-id="conv2d_1:y->s2:x"]'));

    expect(await wireLabel("conv2d_1:y->s2:x")).toBe("B×26×26×32");
    expect(await wireLabel("s2:y->c3:x")).toBe("B×13×13×32");
    expect(await wireLabel("c3:y->s4:x")).toBe("B×9×9×16");
    const flashing = await page.locator("[data-wire-label][class*=flash]").evaluateAll((els) => els.map((e) => e.firstChild?.textContent));
    expect(flashing).toEqual(expect.arrayContaining(["B×9×9×16", "B×4×4×16"]));
    await shot("5-rewired");
  });

  it("adds layers from the menu of a wire dropped on empty canvas, and shows a shape error on the node", async () => {
    // A new branch from the image: two 2x2 max poolings, picked from the drop menu (32 → 16 → 8),
    // dropped in the empty band below the graph.
    const image = await centre(handle("image", "source"));
    const bottoms = await page.locator(".react-flow__node").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    const empty = { x: image.x + 40, y: Math.max(...bottoms) + 60 };
    await dragWire(image, empty);
    const menu = page.getByRole("dialog", { name: /Add a layer after image/ });
    await menu.waitFor();
    const offered = await menu.getByRole("option").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(offered).toContain("MaxPooling2D");
    expect(offered).not.toContain("Dense");
    await shot("6-drop-menu");
    await page.keyboard.type("max pooling 2d");
    await page.keyboard.press("Enter");
    await node("maxpooling2d_1").waitFor();

    // Left of the minimap (bottom right), which pans the view when dragged on.
    await dragWire(await centre(handle("maxpooling2d_1", "source")), { x: empty.x + 250, y: empty.y });
    await page.getByRole("dialog", { name: /Add a layer after maxpooling2d_1/ }).waitFor();
    await page.keyboard.type("max pooling 2d");
    await page.keyboard.press("Enter");
    await node("maxpooling2d_2").waitFor();
    expect(await wireLabel("maxpooling2d_1:y->maxpooling2d_2:x")).toBe("B×16×16×1");

    // Feed S2 from the 8×8 branch: S2 halves it to 4×4, too small for C3's 5×5 kernel.
    await page.locator('[data-wire-label="conv2d_1:y->s2:x"]').click();
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => !document.querySelector('.react-flow__edge[data-id="conv2d_1:y->s2:x"]'));
    await dragWire(await centre(handle("maxpooling2d_2", "source")), await centre(handle("s2", "target")));
    await page.waitForFunction(() => document.querySelector('.react-flow__node[data-id="c3"] [data-error]') !== null);
    const badge = node("c3").getByRole("img", { name: /1 error/ });
    expect(await badge.getAttribute("title")).toMatch(/kernelSize 5×5 is larger than its input B×4×4×1/);
    const ring = await node("c3").locator("[data-error]").evaluate((el) => getComputedStyle(el).boxShadow);
    expect(ring).toMatch(/rgb\(255, 123, 123\)/);
    await page.getByRole("tab", { name: /Problems/ }).click();
    await shot("7-shape-error");
  });

  it("moves a node by dragging, as one undo step that Mod+Z takes back", async () => {
    const steps = async () => (await page.getByRole("button", { name: "Undo" }).getAttribute("title")) ?? "";
    const before = (await node("f6").boundingBox())!;
    const grab = { x: before.x + 40, y: before.y + 10 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(grab.x + i * 6, grab.y + i * 9);
    await page.mouse.up();
    const moved = (await node("f6").boundingBox())!;
    expect(moved.y - before.y).toBeGreaterThan(60);
    expect(await steps()).toMatch(/Move f6/);
    await shot("8-dragged");
    await page.keyboard.press("Control+z");
    await page.waitForFunction((y) => Math.abs(document.querySelector('.react-flow__node[data-id="f6"]')!.getBoundingClientRect().y - y) < 1, before.y);
    // One step undid the whole drag: the step before it is the rewiring.
    expect(await steps()).not.toMatch(/Move f6/);
    await shot("9-undone");
  });

  it("draws far-away nodes as plain boxes with the error ring still visible", async () => {
    await page.getByRole("main", { name: "Canvas" }).focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press("-");
    await page.waitForFunction(() => document.querySelector("main[aria-label=Canvas]")?.getAttribute("data-lod") === "far");
    expect(await page.locator("[data-wire-label]").count()).toBe(0);
    const ring = await node("c3").locator("[data-error]").evaluate((el) => getComputedStyle(el).boxShadow);
    expect(ring).toMatch(/rgb\(255, 123, 123\) 0px 0px 0px (\d+)px/);
    expect(Number(/0px 0px 0px (\d+)px/.exec(ring)![1])).toBeGreaterThan(2);
    await shot("10-far");
    await page.keyboard.press("f");
  });

  it("opens a block read-only with a breadcrumb back out", async () => {
    await openGraph(page, host, "googlenet-mini.layerloom.json", 18);
    await page.waitForTimeout(400);
    await node("inc3a").dblclick();
    const crumbs = page.getByRole("navigation", { name: "Opened block" });
    await crumbs.waitFor();
    expect(await crumbs.innerText()).toMatch(/GoogLeNet \(mini\)\s*›\s*Inception \(3a\)/);
    await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length > 5 && !!document.querySelector('.react-flow__node[data-id="$in"]'));
    // Wire labels follow the nodes once the edges are measured: a frame or more later on a busy machine.
    await page.waitForFunction(() => document.querySelectorAll("[data-wire-label]").length > 4, undefined, { timeout: 10_000 });
    await page.waitForTimeout(400);
    await shot("11-block-inside");
    await page.getByRole("main", { name: "Canvas" }).focus();
    await page.keyboard.press("Escape");
    await crumbs.waitFor({ state: "detached" });
    await node("inc3a").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("paints a big graph seen from far out on one canvas, where boxes still select and drag", async () => {
    const doc = generateConvNet(PAINT_FROM_NODES, 3);
    const a = analyze(doc);
    const nodes = doc.nodes.map((n) => ({ id: n.id, data: nodeData(n, a.nodes.get(n.id)) }));
    const at = positionsFromElk(await new ELK().layout(toElkGraph({ nodes, edges: doc.edges, direction: "RIGHT", aspectRatio: 1.4 })));
    await putInWorkspace(host, "big.layerloom.json", serializeGraph({ ...doc, layout: Object.fromEntries(at) }));
    await page.goto(openUrl(host, "big.layerloom.json"));
    await page.waitForFunction((n) => document.querySelector<HTMLCanvasElement>("canvas[data-nodes]")?.dataset.nodes === String(n), PAINT_FROM_NODES);
    // No node is DOM any more; the painted boxes are the graph.
    expect(await page.locator(".react-flow__node").count()).toBe(0);
    await page.waitForTimeout(300);
    await shot("12-painted");

    // The screen box of the node nearest the middle of the view, from the view's transform.
    const pane = (await page.locator(".react-flow__pane").boundingBox())!;
    const transform = await page.locator(".react-flow__viewport").evaluate((el) => (el as HTMLElement).style.transform);
    const [tx, ty, k] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.slice(1).map(Number) as [number, number, number];
    const screen = nodes.map((n) => {
      const [x, y] = at.get(n.id)!;
      const size = nodeSize(n.data);
      return { id: n.id, x: pane.x + tx + k * (x + size.width / 2), y: pane.y + ty + k * (y + size.height / 2) };
    });
    const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    const target = screen.sort((p, q) => Math.hypot(p.x - mid.x, p.y - mid.y) - Math.hypot(q.x - mid.x, q.y - mid.y))[0]!;

    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => document.querySelector("footer")?.textContent?.includes("1 selected"));
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(target.x + i * 5, target.y + i * 4);
    await page.mouse.up();
    expect(await page.getByRole("button", { name: "Undo" }).getAttribute("title")).toContain(`Undo Move ${target.id}`);
    await page.waitForTimeout(100);
    await shot("13-painted-dragged");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => !document.querySelector("button[aria-label=Undo]")?.getAttribute("title")?.includes("Move"));
    expect(pageErrors).toEqual([]);
  });
});
