/**
 * The canvas editor's whole story, in order, in Chromium against the web host: open LeNet-5 from
 * the start screen's gallery, add a Conv2D with the keyboard only, wire it in and watch the wire
 * labels downstream change, make a shape error and take the suggested fix from the Problems
 * panel, undo everything back to the original document, then edit, save, reload and reopen from
 * the recent files and find the same graph. Documents are compared as the app writes them (Save
 * As into the workspace, read back through the web API). Screenshots: tests/e2e/artifacts/story-*.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
const ORIGINAL = "story/original.json";
const UNDONE = "story/undone.json";
const EDITED = "story/edited.json";
const ROUNDTRIP = "story/roundtrip.json";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The original document as the app saved it before any edit. */
let original: GraphDocument;
/** What step 6 saved, as the file holds it. */
let edited: GraphDocument;

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/story-${name}.png` });
const start = () => page.getByRole("region", { name: "Start" });
const banner = () => page.getByRole("banner");
const canvas = () => page.getByRole("main", { name: "Canvas" });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const handle = (id: string, side: "source" | "target") => node(id).locator(`.react-flow__handle.${side}`).first();
const inspector = () => page.getByRole("complementary", { name: "Inspector" });
const undoButton = () => page.getByRole("button", { name: "Undo" });
const undoTitle = () => undoButton().getAttribute("title");
const bottom = () => page.getByRole("region", { name: "Bottom panel" });
const problemRows = () => bottom().getByRole("table").locator("tbody").getByRole("row");
const errorBadge = (id: string) => node(id).getByRole("img", { name: /\d+ errors?/ });

function load(text: string): GraphDocument {
  const r = parseGraphFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

/** A workspace file as the web API serves it, with the tab's own token. */
async function readThroughApi(path: string): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem("layerloom.token") ?? "");
  const response = await fetch(`${host.origin}/api/file?path=${encodeURIComponent(path)}`, { headers: { "x-layerloom-token": token } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { text: string }).text;
}

/** Save As (Ctrl+Shift+S) under a new workspace name, and waits until the title bar shows it. */
async function saveAs(path: string, keys = "Control+Shift+S"): Promise<void> {
  await canvas().focus();
  await page.keyboard.press(keys);
  const dialog = page.getByRole("dialog", { name: "Save as" });
  await dialog.waitFor();
  // Given without ".json", the dialog says the name it will use.
  await dialog.getByRole("textbox", { name: "File name in the workspace" }).fill(path.replace(/\.json$/, ""));
  await expect.poll(() => dialog.innerText()).toContain(`Saves as ${path}.`);
  await page.keyboard.press("Enter");
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => banner().getByText(path.split("/").pop()!).getAttribute("title")).toBe(path);
}

async function centre(locator: ReturnType<typeof node>): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from one point to another with the mouse, as a person would. */
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

async function selectNode(id: string, label: string): Promise<void> {
  await node(id).click();
  await expect.poll(() => inspector().getByRole("textbox", { name: "Label" }).inputValue()).toBe(label);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Every failed request is a bug: absence the app expects (no backup, no runs file) is a 200 with null.
  page.on("response", (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) pageErrors.push(m.text());
  });
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("the canvas editor's story", () => {
  it("1. opens LeNet-5 from the gallery, and keeps the original as the app saves it", async () => {
    await start().waitFor();
    const card = start().locator("li[data-template='lenet-5']").getByRole("button", { name: "LeNet-5", exact: true });
    await card.click();
    await node("c3").waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(10);
    // The template's notebook opens beside the graph; this story is about the canvas, so hide it.
    const notebookToggle = page.getByRole("banner").getByRole("button", { name: "Notebook" });
    await expect.poll(() => notebookToggle.getAttribute("aria-pressed")).toBe("true");
    await notebookToggle.click();
    await expect.poll(() => page.getByRole("region", { name: "Notebook" }).count()).toBe(0);
    expect(await undoButton().isDisabled()).toBe(true);
    // Untitled, so Ctrl+S asks for a name; saving is not an edit and leaves Undo as it was.
    await saveAs(ORIGINAL, "Control+S");
    expect(await undoButton().isDisabled()).toBe(true);
    original = load(await readThroughApi(ORIGINAL));
    expect(original).toEqual(load(await readFile("templates/lenet-5/full.layerloom.json", "utf8")));
    await shot("1-template");
    // Fitted whole, the ten-layer chain opens too small for the wire labels; L lays it out so the
    // shapes can be read (one undo step, taken back with the rest in step 5).
    await canvas().focus();
    await page.keyboard.press("l");
    await expect.poll(undoTitle, { timeout: 30_000 }).toMatch(/^Undo Auto-layout/);
    await page.waitForTimeout(600); // the fit after the layout
    expect(await canvas().getAttribute("data-lod")).toBe("full");
    await page.waitForFunction(() => document.querySelectorAll("[data-wire-label]").length === 9);
    expect(await wireLabel("s2:y->c3:x")).toBe("B×14×14×6");
    await shot("1-laid-out");
  });

  it("2. adds a Conv2D from the palette with the keyboard only", async () => {
    await canvas().focus();
    await page.keyboard.type("conv2d");
    const search = page.getByRole("searchbox", { name: "Search layers" });
    expect(await search.inputValue()).toBe("conv2d");
    await page.waitForFunction(() => document.querySelector("aside[aria-label='Layer palette'] li")?.getAttribute("data-kind") === "Conv2D");
    await page.keyboard.press("Enter");
    await node("conv2d_1").waitFor();
    expect(await node("conv2d_1").getAttribute("class")).toContain("selected");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Canvas");
    await expect.poll(undoTitle).toMatch(/^Undo Add .* \(Ctrl\+Z\)$/);
    await shot("2-added-conv2d");
  });

  it("3. wires it between C1 and S2, and the shapes downstream change", async () => {
    // "same" padding keeps C1's 28×28, so the graph stays valid until step 4 breaks it on purpose.
    // Still selected from step 2: the inspector shows its params.
    await inspector().getByRole("combobox", { name: "Padding" }).selectOption("same");
    await expect.poll(undoTitle).toBe("Undo Set padding (Ctrl+Z)");

    await page.locator('[data-wire-label="c1:y->s2:x"]').click();
    await page.waitForFunction(() => document.querySelector('.react-flow__edge[data-id="c1:y->s2:x"]')?.classList.contains("selected"));
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => !document.querySelector('.react-flow__edge[data-id="c1:y->s2:x"]'));
    expect(await wireLabel("s2:y->c3:x")).toBeUndefined();

    await dragWire(await centre(handle("c1", "source")), await centre(handle("conv2d_1", "target")));
    await page.waitForFunction(() => !!document.querySelector('.react-flow__edge[data-id="c1:y->conv2d_1:x"]'));
    await dragWire(await centre(handle("conv2d_1", "source")), await centre(handle("s2", "target")));
    await page.waitForFunction(() => !!document.querySelector('.react-flow__edge[data-id="conv2d_1:y->s2:x"]'));

    expect(await wireLabel("c1:y->conv2d_1:x")).toBe("B×28×28×6");
    expect(await wireLabel("conv2d_1:y->s2:x")).toBe("B×28×28×32");
    // Was B×14×14×6 before the Conv2D came in.
    expect(await wireLabel("s2:y->c3:x")).toBe("B×14×14×32");
    expect(await wireLabel("s4:y->c5:x")).toBe("B×5×5×16");
    await page.getByRole("tab", { name: /Problems/ }).click();
    await expect.poll(() => bottom().innerText()).toContain("No problems in this graph.");
    expect(await page.locator(".react-flow__node [data-error]").count()).toBe(0);
    await shot("3-wired");
  });

  it("4. makes a shape error, sees the badge and the fix, and the fix clears the error", async () => {
    // The inspector refuses a value that would break the graph, and a wire is refused when its
    // own end cannot take the shape; an error further down is allowed, as the trick canvas.e2e
    // uses: a 2×2 max pooling after C3 (10×10 → 5×5) feeds S4, which halves it to 2×2, and C5's
    // 5×5 kernel no longer fits.
    const c3 = await centre(handle("c3", "source"));
    const bottoms = await page.locator(".react-flow__node").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    // Clear of the cards, and left of the minimap (bottom right), which pans the view when dragged on.
    const pane = (await canvas().boundingBox())!;
    await dragWire(c3, { x: pane.x + pane.width / 2, y: Math.max(...bottoms) + 60 });
    await page.getByRole("dialog", { name: /Add a layer after c3/ }).waitFor();
    await page.keyboard.type("max pooling 2d");
    await page.keyboard.press("Enter");
    await node("maxpooling2d_1").waitFor();
    await expect.poll(() => wireLabel("c3:y->maxpooling2d_1:x")).toBe("B×10×10×16");

    await page.locator('[data-wire-label="c3:y->s4:x"]').click();
    await page.keyboard.press("Delete");
    await page.waitForFunction(() => !document.querySelector('.react-flow__edge[data-id="c3:y->s4:x"]'));
    await dragWire(await centre(handle("maxpooling2d_1", "source")), await centre(handle("s4", "target")));
    await page.waitForFunction(() => !!document.querySelector('.react-flow__edge[data-id="maxpooling2d_1:y->s4:x"]'));
    expect(await wireLabel("maxpooling2d_1:y->s4:x")).toBe("B×5×5×16");
    expect(await wireLabel("s4:y->c5:x")).toBe("B×2×2×16");

    await page.waitForFunction(() => document.querySelector('.react-flow__node[data-id="c5"] [data-error]') !== null);
    const badge = errorBadge("c5");
    expect(await badge.getAttribute("aria-label")).toMatch(/1 error/);
    expect(await badge.getAttribute("title")).toMatch(/kernelSize 5×5 is larger than its input B×2×2×16/);
    const rows = problemRows();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/c5\s+kernelSize\s+.*larger than its input B×2×2×16.*Use padding "same"/s);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("4-shape-error");

    await rows.first().getByRole("button", { name: 'Use padding "same"' }).click();
    await expect.poll(() => bottom().innerText()).toContain("No problems in this graph.");
    expect(await errorBadge("c5").count()).toBe(0);
    expect(await page.locator(".react-flow__node [data-error]").count()).toBe(0);
    expect(await undoTitle()).toBe('Undo Use padding "same" (Ctrl+Z)');
    expect(await node("c5").innerText()).toMatch(/120@5x5 s1 same/);
    expect(await wireLabel("c5:y->flatten:x")).toBe("B×2×2×120");
    await shot("4-fixed");
  });

  it("5. undoes everything with Ctrl+Z, back to the original document", async () => {
    await canvas().focus();
    const steps: string[] = [];
    while (!(await undoButton().isDisabled())) {
      expect(steps.length).toBeLessThan(20);
      const title = (await undoTitle()) ?? "";
      steps.push(title.replace(/^Undo /, "").replace(/ \(Ctrl\+Z\)$/, ""));
      await page.keyboard.press("Control+Z");
      await expect.poll(undoTitle).not.toBe(title);
    }
    // Every step of the story, newest first, each undone once.
    expect(steps).toEqual([
      'Use padding "same"',
      "Connect maxpooling2d_1 → s4",
      "Disconnect c3 → s4",
      "Add Max pooling 2D after c3",
      "Connect conv2d_1 → s2",
      "Connect c1 → conv2d_1",
      "Disconnect c1 → s2",
      "Set padding",
      "Add Conv 2D",
      "Auto-layout left to right",
    ]);
    expect(await node("conv2d_1").count()).toBe(0);
    expect(await node("maxpooling2d_1").count()).toBe(0);
    expect(await page.locator(".react-flow__node").count()).toBe(10);
    await expect.poll(() => wireLabel("s2:y->c3:x")).toBe("B×14×14×6");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("5-undone");
    await saveAs(UNDONE);
    expect(load(await readThroughApi(UNDONE))).toEqual(original);
  });

  it("6. edits, saves, reloads, reopens from the recent files, and reads back the same graph", async () => {
    await selectNode("c3", "C3");
    await inspector().getByRole("textbox", { name: "Filters", exact: true }).fill("32");
    await page.keyboard.press("Enter");
    await expect.poll(undoTitle).toBe("Undo Set filters (Ctrl+Z)");
    await saveAs(EDITED);
    await expect.poll(() => banner().getByRole("img", { name: "Unsaved changes" }).count()).toBe(0);
    edited = load(await readThroughApi(EDITED));
    expect(edited).toEqual({ ...original, nodes: original.nodes.map((n) => (n.id === "c3" ? { ...n, params: { ...n.params, filters: 32 } } : n)) });

    await page.reload();
    await start().waitFor();
    const recent = start().getByRole("button", { name: "edited.json story" });
    await recent.waitFor();
    expect(await recent.getAttribute("title")).toBe(`Open ${EDITED}`);
    await recent.click();
    await node("c3").waitFor();
    expect(await banner().innerText()).toContain("edited.json");
    await selectNode("c3", "C3");
    await expect.poll(() => inspector().getByRole("textbox", { name: "Filters", exact: true }).inputValue()).toBe("32");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("6-reopened");
    // The reopened document, written out again by the app, is the graph that was saved.
    await saveAs(ROUNDTRIP);
    expect(load(await readThroughApi(ROUNDTRIP))).toEqual(edited);
    expect(pageErrors).toEqual([]);
  });
});
