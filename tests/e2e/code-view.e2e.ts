/**
 * The Code tab in a real browser: open LeNet-5, open the tab (Monaco loads then, not at start),
 * select c3 on the canvas and see its lines lit and scrolled into view, copy the file to the
 * clipboard and save it as a download, follow the light theme, and see the errors listed
 * instead of code for a broken graph. Screenshots go to tests/e2e/artifacts/code-view-*.png.
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
const BROKEN = "lenet5-broken.layerloom.json";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const monacoRequests: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/code-view-${name}.png` });
const panel = () => page.getByRole("region", { name: "Bottom panel" });
const editor = () => panel().locator(".monaco-editor");

/** The text of the lines drawn with the selection's band (Monaco draws only lines in view). */
const litLines = () =>
  page.evaluate(() => {
    const tops = new Set(Array.from(document.querySelectorAll(".view-overlays .code-lit")).map((e) => (e.parentElement as HTMLElement).style.top));
    return Array.from(document.querySelectorAll<HTMLElement>(".view-lines .view-line"))
      .filter((l) => tops.has(l.style.top))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? "").replace(/\u00a0/g, " "));
  });
const visibleText = () => editor().locator(".view-lines").evaluate((e) => (e.textContent ?? "").replace(/\u00a0/g, " "));

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  const text = await readFile("tests/fixtures/lenet5.layerloom.json", "utf8");
  await putInWorkspace(host, FILE, text);
  // c3's filters negative: an error that stops the export.
  const broken = JSON.parse(text) as { nodes: { id: string; params: Record<string, unknown> }[] };
  broken.nodes.find((n) => n.id === "c3")!.params.filters = -3;
  await putInWorkspace(host, BROKEN, JSON.stringify(broken));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark", acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(host.url).origin });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) pageErrors.push(m.text());
  });
  page.on("request", (r) => {
    if (/MonacoView|editor\.worker/.test(r.url())) monacoRequests.push(r.url());
  });
  await openGraph(page, host, FILE, 9);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("the code view", () => {
  it("loads Monaco only when the Code tab opens, and shows the export", async () => {
    expect(monacoRequests).toEqual([]);
    await panel().getByRole("tab", { name: "Code" }).click();
    await editor().locator(".view-lines").waitFor({ timeout: 30_000 });
    await expect.poll(visibleText, { timeout: 15_000 }).toContain(" * LeNet-5");
    expect(monacoRequests.some((u) => u.includes("MonacoView"))).toBe(true);
    expect(await panel().getByRole("button", { name: "Copy" }).isEnabled()).toBe(true);
    expect(await panel().getByText("lenet-5.ts", { exact: true }).count()).toBe(1);
    expect(await editor().getAttribute("class")).toContain("vs-dark"); // the app's dark theme
  });

  it("lights and reveals the selected layer's lines", async () => {
    expect(await litLines()).toEqual([]);
    await page.locator(".react-flow__node[data-id='c3']").click();
    await expect.poll(litLines, { timeout: 10_000 }).toContain('  const c3 = tf.layers.conv2d({');
    const lit = await litLines();
    expect(lit.join("\n")).toContain('name: "c3"');
    expect(lit.join("\n")).not.toMatch(/name: "(s2|s4|c1)"/);
    // Revealed whole: from its comment line to the end of its call.
    expect(lit[0]).toBe("  // C3: Conv 2D 16@5x5 s1 valid tanh");
    expect(lit[lit.length - 1]).toBe("  }).apply(s2) as tf.SymbolicTensor;");
    expect(await visibleText()).toContain("tf.layers.conv2d");
    // Every lit line lies wholly inside the editor's box.
    const box = (await editor().boundingBox())!;
    const litBoxes = await page.locator(".view-overlays .code-lit").evaluateAll((es) => es.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(litBoxes).toHaveLength(4);
    for (const r of litBoxes) expect(r.top >= box.y - 0.5 && r.bottom <= box.y + box.height + 0.5).toBe(true);
    // Colouring comes from the TypeScript tokenizer: keywords, strings, numbers get their own token classes.
    expect(await editor().locator(".view-lines span[class^='mtk']").evaluateAll((s) => new Set(s.map((e) => e.className)).size)).toBeGreaterThan(3);
    await expect.poll(() => panel().getByRole("status").innerText()).toMatch(/^Lines \d+–\d+: the selected layer$/);
    await shot("1-c3-dark");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("follows an edit once editing pauses", async () => {
    const filters = page.getByRole("complementary", { name: "Inspector" }).getByRole("textbox", { name: "Filters", exact: true });
    await filters.fill("20");
    await page.keyboard.press("Enter");
    await expect.poll(litLines, { timeout: 10_000 }).toContain('    name: "c3", filters: 20, kernelSize: [5, 5], activation: "tanh", kernelInitializer: "glorotUniform",');
    await page.keyboard.press("Control+Z");
    await expect.poll(litLines, { timeout: 10_000 }).toContain('    name: "c3", filters: 16, kernelSize: [5, 5], activation: "tanh", kernelInitializer: "glorotUniform",');
  });

  it("copies the file to the clipboard", async () => {
    await panel().getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => panel().getByRole("status").innerText()).toBe("Copied the TypeScript to the clipboard.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("/**\n * LeNet-5")).toBe(true);
    expect(copied).toContain('  const c3 = tf.layers.conv2d({');
  });

  it("saves the file as a download named after the document", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), panel().getByRole("button", { name: "Save…" }).click()]);
    expect(download.suggestedFilename()).toBe("lenet-5.ts");
    const saved = await readFile((await download.path())!, "utf8");
    expect(await panel().getByRole("status").innerText()).toBe("Saved as lenet-5.ts (to your downloads).");
    expect(saved).toContain("export function buildLenet(): tf.LayersModel {");
  });

  it("lets Tab leave the editor for the next control", async () => {
    await editor().click();
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null)).toBe(true);
  });

  it("follows the light theme", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => editor().getAttribute("class")).toMatch(/(^|\s)vs(\s|$)/);
    expect(await editor().getAttribute("class")).not.toContain("vs-dark");
    await shot("2-c3-light");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
  });

  it("lists the errors instead of code while the graph has them", async () => {
    await openGraph(page, host, BROKEN, 9);
    // The Code tab stays open across documents (the layout is remembered).
    const errors = panel().getByRole("list", { name: "Errors that stop the export" });
    await errors.waitFor({ timeout: 15_000 });
    // The empty document shown while the file loads has its own error; the graph's replaces it after the pause.
    await expect.poll(() => errors.innerText(), { timeout: 10_000 }).toContain("c3");
    expect(await editor().count()).toBe(0);
    expect(await panel().getByRole("button", { name: "Copy" }).isDisabled()).toBe(true);
    await shot("3-errors");
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
