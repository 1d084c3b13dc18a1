/**
 * Sampling in a real browser: the toy GAN's untrained generator from the command palette (the
 * Sample tab says the model is untrained), then trained a few steps and sampled from the Train
 * tab's Sample… button: points over the training data from the trained model; a character model
 * continues a prompt (marked) with as many characters as asked; a classifier says it has nothing
 * to sample. Sampling runs in the training worker; nothing may show a stack trace.
 * Screenshots: tests/e2e/artifacts/sample-*.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { openGraph, putInWorkspace } from "./support/open-graph.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const trainPanel = () => page.getByRole("tabpanel", { name: "Train" });
const samplePanel = () => page.getByRole("tabpanel", { name: "Sample" });
const statusOf = () => trainPanel().getByRole("status", { name: "Training status" }).getAttribute("data-status");

async function paletteDraw(): Promise<void> {
  await page.locator("main[aria-label='Canvas']").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill("draw samples");
  await expect.poll(() => palette.getByRole("option").first().innerText()).toContain("Draw samples from the model");
  await page.keyboard.press("Enter");
}

async function noStackTraces(): Promise<void> {
  expect(await samplePanel().innerText()).not.toMatch(/\n\s+at \S+ \(|\.ts:\d+:\d+/);
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  await putInWorkspace(host, "toy-gan.layerloom.json", await readFile("tests/fixtures/toy-gan.layerloom.json", "utf8"));
  await putInWorkspace(host, "char-lstm.layerloom.json", await readFile("templates/char-lstm/mini.layerloom.json", "utf8"));
  await putInWorkspace(host, "dcgan.layerloom.json", await readFile("templates/dcgan/mini.layerloom.json", "utf8"));
  await putInWorkspace(host, "word2vec.layerloom.json", await readFile("templates/word2vec/mini.layerloom.json", "utf8"));
  await putInWorkspace(host, "lenet5.layerloom.json", await readFile("tests/fixtures/lenet5.layerloom.json", "utf8"));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) pageErrors.push(m.text());
  });
  page.on("response", (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${url.pathname}${url.search.replace(/token=[\w-]+&?/, "")}`);
  });
  await page.addInitScript(() => {
    const panels = { palette: { open: false, size: 248 }, inspector: { open: false, size: 300 }, bottom: { open: true, size: 520 } };
    localStorage.setItem("layerloom.layout", JSON.stringify({ state: { panels, bottomTab: "train", theme: "dark" }, version: 1 }));
  });
  await openGraph(page, host, "toy-gan.layerloom.json", 6);
  await trainPanel().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("sampling from the app", () => {
  it("draws from the untrained generator from the command palette, and says it is untrained", async () => {
    await paletteDraw();
    const points = samplePanel().getByRole("figure", { name: "Sampled points" });
    await points.waitFor({ timeout: 60_000 });
    expect(await samplePanel().innerText()).toMatch(/No training has run yet: this is the untrained model/);
    await page.screenshot({ path: `${ARTIFACTS}/sample-1-untrained-gan.png` });
  }, 90_000);

  it("trains the toy GAN a few steps, then Sample… shows the trained generator's points over the data", async () => {
    await page.getByRole("tab", { name: "Train" }).click();
    expect(await trainPanel().getByRole("button", { name: "Sample…" }).count()).toBe(0); // no run yet
    await trainPanel().getByLabel("Backend").selectOption("webgl");
    await trainPanel().getByLabel("Stop after steps").fill("40");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Control+Enter");
    await expect.poll(statusOf, { timeout: 90_000, interval: 250 }).toBe("finished");

    await trainPanel().getByRole("button", { name: "Sample…" }).click();
    const points = samplePanel().getByRole("figure", { name: "Sampled points" });
    await expect.poll(() => samplePanel().innerText(), { timeout: 60_000 }).toMatch(/trained model of the last run \(40 steps\)/);
    await points.waitFor();
    expect(await points.getByRole("img").getAttribute("aria-label")).toMatch(/^16 sampled points over 300 training points$/);

    await samplePanel().getByLabel("Count").fill("200");
    await samplePanel().getByLabel("Seed").fill("2");
    await samplePanel().getByRole("button", { name: "Draw" }).click();
    await expect.poll(() => points.getByRole("img").getAttribute("aria-label"), { timeout: 60_000 }).toMatch(/^200 sampled points/);
    const ink = await points.locator("canvas").evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(500); // dots drawn, not an empty box
    await page.screenshot({ path: `${ARTIFACTS}/sample-2-trained-gan.png` });
    await noStackTraces();
    expect(await seriousViolations(page)).toEqual([]);
  }, 150_000);

  it("continues a prompt with a character model, the prompt marked", async () => {
    await openGraph(page, host, "char-lstm.layerloom.json", 4);
    await page.getByRole("tab", { name: "Sample" }).click();
    await samplePanel().getByLabel("Prompt").fill("The ");
    await samplePanel().getByLabel("Characters").fill("60");
    await samplePanel().getByLabel("Temperature").fill("0.8");
    const t0 = Date.now();
    await samplePanel().getByRole("button", { name: "Draw" }).click();
    const text = samplePanel().getByRole("figure", { name: "Generated text" });
    await text.waitFor({ timeout: 60_000 });
    console.log(`char model: 60 characters drawn in ${Date.now() - t0} ms (untrained model built first)`);
    expect(await text.locator("mark").innerText()).toBe("The ");
    const shown = await text.locator("pre").innerText();
    expect(shown.startsWith("The ")).toBe(true);
    expect([...shown]).toHaveLength(64);
    expect(await samplePanel().innerText()).toMatch(/untrained model/);
    await page.screenshot({ path: `${ARTIFACTS}/sample-3-char-text.png` });
    // Again with another seed, on the model already built: progress by character, then new text.
    await samplePanel().getByLabel("Seed").fill("1");
    const t1 = Date.now();
    await samplePanel().getByRole("button", { name: "Draw" }).click();
    await expect.poll(() => samplePanel().getByRole("status", { name: "Sampling progress" }).innerText(), { timeout: 30_000, interval: 50 }).toMatch(/Character \d+ of 60/);
    await expect.poll(() => text.locator("pre").innerText(), { timeout: 60_000 }).not.toBe(shown);
    console.log(`char model: 60 characters drawn again in ${Date.now() - t1} ms`);
    await noStackTraces();
  }, 90_000);

  it("draws a DCGAN generator's images as one sharp grid", async () => {
    await openGraph(page, host, "dcgan.layerloom.json", 23);
    await paletteDraw();
    const grid = samplePanel().getByRole("figure", { name: "Sampled images" });
    await grid.waitFor({ timeout: 90_000 });
    const canvas = grid.locator("canvas");
    expect(await canvas.getAttribute("aria-label")).toMatch(/^16 sampled images of 32×32$/);
    const look = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return { colours: seen.size, rendering: getComputedStyle(c).imageRendering, scale: c.getBoundingClientRect().width / c.width };
    });
    expect(look.colours).toBeGreaterThan(50); // generated pixels, not a flat grey
    expect(look.rendering).toBe("pixelated");
    expect(look.scale).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${ARTIFACTS}/sample-4-dcgan-images.png` });
    await noStackTraces();
  }, 120_000);

  it("lists word2vec's nearest words for the words asked", async () => {
    await openGraph(page, host, "word2vec.layerloom.json", 4);
    await page.getByRole("tab", { name: "Sample" }).click();
    await samplePanel().getByLabel("Words").fill("the, zzzz");
    await samplePanel().getByLabel("Neighbours per word").fill("5");
    await samplePanel().getByRole("button", { name: "Draw" }).click();
    const table = samplePanel().getByRole("figure", { name: "Nearest words" });
    await table.waitFor({ timeout: 60_000 });
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(3); // header, the, zzzz
    expect(await rows.nth(1).innerText()).toMatch(/^the\s+(\S+ -?\d\.\d\d(, |$)){5}/);
    expect(await rows.nth(2).innerText()).toMatch(/not in the vocabulary/);
    await page.screenshot({ path: `${ARTIFACTS}/sample-5-word2vec.png` });
  }, 90_000);

  it("says a classifier has nothing to sample", async () => {
    await openGraph(page, host, "lenet5.layerloom.json", 9);
    await paletteDraw();
    await expect.poll(() => samplePanel().getByRole("alert").innerText()).toMatch(/makes predictions, not samples/);
    const text = await samplePanel().innerText();
    expect(text).toMatch(/Nothing to sample/);
    expect(text.match(/makes predictions, not samples/g)).toHaveLength(1); // said once
    await page.screenshot({ path: `${ARTIFACTS}/sample-6-nothing.png` });
    await noStackTraces();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
