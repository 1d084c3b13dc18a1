/**
 * Looking inside a network in a real browser: LeNet-5 trains a few steps (the cards show their
 * statistics bars and the Inspect tab's scrubber moves them back in time), then from the node
 * context menu: Grad-CAM on a conv layer draws a heat map over a test digit, Show activations a
 * feature-map grid, Grad-CAM on a Dense layer explains which kinds work, t-SNE shows progress then
 * a scatter, and input optimisation runs from the command palette on the selected layer.
 * Every inspection runs in the training worker; none may show a stack trace.
 * Screenshots: tests/e2e/artifacts/inspect-*.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { openGraph, putInWorkspace } from "./support/open-graph.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
const FILE = "lenet5.layerloom.json";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const trainPanel = () => page.getByRole("tabpanel", { name: "Train" });
const inspectPanel = () => page.getByRole("tabpanel", { name: "Inspect" });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const statusOf = () => trainPanel().getByRole("status", { name: "Training status" }).getAttribute("data-status");

async function fromMenu(nodeId: string, item: string): Promise<void> {
  await node(nodeId).click({ button: "right" });
  const menu = page.getByRole("menu", { name: `Inspect ${nodeId}` });
  await menu.waitFor();
  await menu.getByRole("menuitem", { name: item }).click();
  await expect.poll(() => menu.count()).toBe(0);
}

async function noStackTraces(): Promise<void> {
  expect(await inspectPanel().innerText()).not.toMatch(/\n\s+at \S+ \(|\.ts:\d+:\d+/);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  await putInWorkspace(host, FILE, await readFile("tests/fixtures/lenet5.layerloom.json", "utf8"));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // HTTP failures are recorded with their address below; the console's copy of them says less.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) pageErrors.push(m.text());
  });
  page.on("response", (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${url.pathname}${url.search.replace(/token=[\w-]+&?/, "")}`);
  });
  await page.addInitScript(() => {
    const panels = { palette: { open: false, size: 248 }, inspector: { open: false, size: 300 }, bottom: { open: true, size: 500 } };
    localStorage.setItem("layerloom.layout", JSON.stringify({ state: { panels, bottomTab: "train", theme: "dark" }, version: 1 }));
    const seen: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof seen }).__longTasks = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await openGraph(page, host, FILE, 9);
  await page.getByRole("tab", { name: "Train" }).click();
  await trainPanel().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("looking inside a network", () => {
  it("says the model is untrained before any training", async () => {
    await fromMenu("c1", "Show activations");
    await inspectPanel().getByRole("figure", { name: "Feature maps" }).waitFor({ timeout: 60_000 });
    expect(await inspectPanel().innerText()).toMatch(/No training has run yet: this is the untrained model/);
  });

  it("trains a few steps and shows statistics bars on the cards, with a scrubber over the steps", async () => {
    await page.getByRole("tab", { name: "Train" }).click();
    await trainPanel().getByLabel("Backend").selectOption("webgl");
    await trainPanel().getByLabel("Batch size").fill("16");
    await trainPanel().getByLabel("Stop after steps").fill("16");
    await trainPanel().getByLabel("Test samples").fill("32");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Control+Enter");
    await expect.poll(statusOf, { timeout: 90_000, interval: 250 }).toBe("finished");

    const bars = node("c3").locator("[data-stat-bars]");
    await bars.waitFor();
    expect(await bars.getAttribute("aria-label")).toMatch(/^Step 16: activations mean .* gradient norm \S+ · update\/weight \S+$/);
    expect(await node("flatten").locator("[data-stat-bars]").getAttribute("aria-label")).toMatch(/gradient: no weights/);
    // The card keeps its size with the bars on it.
    expect((await node("c3").boundingBox())!.height).toBeLessThan(80);

    await page.getByRole("tab", { name: "Inspect" }).click();
    const scrubber = inspectPanel().getByRole("slider", { name: "Statistics snapshot" });
    expect(Number(await scrubber.getAttribute("max"))).toBeGreaterThanOrEqual(3);
    await scrubber.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => bars.getAttribute("aria-label")).toMatch(/^Step 1: /);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-1-stats-step1.png` });
    await page.keyboard.press("End");
    await expect.poll(() => bars.getAttribute("aria-label")).toMatch(/^Step 16: /);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-2-stats.png` });
  }, 150_000);

  it("draws Grad-CAM of a conv layer over a test digit", async () => {
    await fromMenu("c3", "Grad-CAM");
    const heat = inspectPanel().getByRole("figure", { name: "Grad-CAM heat map" });
    await heat.waitFor({ timeout: 60_000 });
    expect(await heat.locator("canvas").count()).toBe(2);
    expect(await inspectPanel().innerText()).toMatch(/trained model of the last run \(16 steps\)/);
    const ink = await heat.locator("canvas").nth(1).evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
    expect(ink).toBeGreaterThan(20); // a coloured map, not one flat colour
    await page.screenshot({ path: `${ARTIFACTS}/inspect-3-gradcam.png` });
    await noStackTraces();
    // The menu and the Inspect tab, as assistive technology sees them.
    await node("c3").click({ button: "right" });
    await page.getByRole("menu", { name: "Inspect c3" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("shows the feature maps of a conv layer", async () => {
    await fromMenu("c1", "Show activations");
    const grid = inspectPanel().getByRole("figure", { name: "Feature maps" });
    await grid.waitFor({ timeout: 60_000 });
    expect(await grid.getByRole("img", { name: /^Channel \d+$/ }).count()).toBe(6);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-4-activations.png` });
  });

  it("explains that Grad-CAM needs feature maps on a Dense layer", async () => {
    await fromMenu("f6", "Grad-CAM");
    const alert = inspectPanel().getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Grad-CAM needs spatial feature maps .* Conv2D, pooling or conv block node; 'f6' \(Dense\) gives B×84/);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-5-not-applicable.png` });
  });

  it("runs t-SNE of a layer with a progress bar, then draws the scatter by class", async () => {
    const t0 = await page.evaluate(() => performance.now());
    await fromMenu("f6", "t-SNE of this layer");
    await inspectPanel().getByRole("status", { name: "Inspection progress" }).waitFor({ timeout: 30_000 });
    const scatter = inspectPanel().getByRole("figure", { name: "t-SNE scatter" });
    await scatter.waitFor({ timeout: 90_000 });
    // t-SNE runs in the worker: the page's main thread stays free (the same generous bound as
    // the training test, for a loaded 2-core machine with software GL).
    const long = await page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= t).map((e) => Math.round(e.duration)), t0);
    console.log(`t-SNE: long tasks on the main thread ${JSON.stringify(long)} ms`);
    expect(long.filter((d) => d > 250)).toEqual([]);
    expect(await scatter.getByRole("list", { name: "Classes" }).getByRole("listitem").count()).toBe(10);
    expect(await scatter.innerText()).toMatch(/t-SNE of 300 test inputs/);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-6-tsne.png` });
  }, 120_000);

  it("cancels a t-SNE that is running", async () => {
    await fromMenu("c5", "t-SNE of this layer");
    const progress = inspectPanel().getByRole("status", { name: "Inspection progress" });
    await progress.waitFor({ timeout: 30_000 });
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => inspectPanel().innerText(), { timeout: 30_000 }).toMatch(/Cancelled\./);
    expect(await inspectPanel().getByRole("figure").count()).toBe(0);
  }, 60_000);

  it("optimises an input from the command palette on the selected layer, with the penalty weight set", async () => {
    await inspectPanel().getByLabel("Realism penalty").fill("0.5");
    await node("c3").click();
    await page.keyboard.press("Control+K");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("optimise input");
    await expect.poll(() => palette.getByRole("option").first().innerText()).toContain("Optimise input of the selected layer");
    await page.keyboard.press("Enter");
    await inspectPanel().getByRole("img", { name: /^Objective over \d+ steps/ }).waitFor({ timeout: 60_000 }); // drawn live
    const result = inspectPanel().getByRole("figure", { name: "Optimised input" });
    await result.waitFor({ timeout: 90_000 });
    expect(await result.innerText()).toMatch(/realism penalty weight 0.5/);
    await page.screenshot({ path: `${ARTIFACTS}/inspect-7-optimised.png` });
    // The menu is reachable from the keyboard too.
    await page.keyboard.press("Shift+F10");
    const menu = page.getByRole("menu", { name: "Inspect c3" });
    await menu.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.count()).toBe(0);
    await noStackTraces();
    // Close up, the bars at the foot of the cards.
    await node("c1").click();
    await page.keyboard.press("=");
    await page.keyboard.press("=");
    await page.waitForTimeout(300);
    await page.locator("main[aria-label='Canvas']").screenshot({ path: `${ARTIFACTS}/inspect-8-cards-close.png` });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
