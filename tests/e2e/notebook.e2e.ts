/**
 * Notebooks in a real browser: opening LeNet-5 from the gallery opens its notebook beside the
 * canvas; Run all runs every cell in the kernel worker and the outputs appear (tables, a live
 * chart, images, text); a failing cell shows its line and the app keeps working; Interrupt
 * restarts the kernel; the read-only template notebook saves as a copy into the workspace.
 * Screenshots: tests/e2e/artifacts/notebook-*.png.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { parseNotebook } from "../../runtime/notebook/format.js";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const panel = () => page.getByRole("region", { name: "Notebook" });
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/notebook-${name}.png` });

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, colorScheme: "light" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("notebooks in the browser", () => {
  it("opens the template's notebook beside the canvas when LeNet-5 is opened from the gallery", async () => {
    await page.locator("li[data-template='lenet-5']").getByRole("button", { name: "LeNet-5", exact: true }).click();
    await page.locator(".react-flow__node[data-id='c3']").waitFor();
    await panel().waitFor();
    expect(await panel().getByRole("heading", { name: "LeNet-5 notebook" }).count()).toBe(1);
    expect(await panel().getByText("read-only").count()).toBe(1);
    // Markdown with KaTeX math.
    await panel().locator(".katex").first().waitFor();
    expect(await panel().locator(".katex").count()).toBeGreaterThan(3);
  });

  it("runs all cells in the worker and shows a table, a live chart, images and text", async () => {
    await panel().getByRole("button", { name: "Run all" }).click();
    await expect.poll(() => panel().getByRole("button", { name: "Run all" }).isEnabled(), { timeout: 240_000, interval: 1000 }).toBe(true);
    await panel().locator("[data-kind=chart]").first().scrollIntoViewIfNeeded();
    await shot("1-ran");
    const errors = await panel().locator("[role=alert]").allInnerTexts();
    expect(errors).toEqual([]);
    expect(await panel().locator("[data-kind=table] table").count()).toBeGreaterThanOrEqual(2);
    expect(await panel().locator("[data-kind=table]").first().innerText()).toMatch(/c1\s+Conv2D\s+B×28×28×6\s+156/);
    expect(await panel().locator("[data-kind=chart] canvas").count()).toBeGreaterThanOrEqual(1);
    expect(await panel().locator("img[data-kind=image]").count()).toBeGreaterThanOrEqual(1);
    expect(await panel().getByLabel("Cell output").getByText("All three agree.").count()).toBe(1);
    const image = panel().locator("img[data-kind=image]").first();
    await image.scrollIntoViewIfNeeded();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await shot("1-images");
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it("shows a failing cell's message and line, and keeps working", async () => {
    const editor = panel().getByRole("code").first().or(panel().locator(".monaco-editor").first());
    await panel().locator(".monaco-editor").first().click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("\nconst broken = (undefined as any).field");
    await page.keyboard.press("Shift+Enter");
    const alert = panel().locator("[role=alert]").first();
    await alert.waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await shot("2-error-missing");
      throw e;
    });
    expect(await alert.innerText()).toMatch(/TypeError \(cell line \d+\): Cannot read properties of undefined/);
    expect(await editor.count()).toBeGreaterThan(0);
    expect(await panel().getByRole("heading", { name: /LeNet-5 notebook •$/ }).count()).toBe(1); // edited
    await alert.scrollIntoViewIfNeeded();
    await shot("2-error");
    // The canvas still answers.
    await page.locator(".react-flow__node[data-id='c1']").click();
    expect(pageErrors).toEqual([]);
  });

  it("interrupts a running cell by restarting the kernel", async () => {
    await panel().locator(".monaco-editor").first().click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("while (true) {}");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => panel().getByRole("button", { name: "Interrupt" }).isEnabled()).toBe(true);
    await panel().getByRole("button", { name: "Interrupt" }).click();
    expect(await panel().getByRole("status").innerText()).toMatch(/kernel restarted/);
    await panel().locator(".monaco-editor").first().click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("6 * 7");
    await page.keyboard.press("Shift+Enter");
    await expect.poll(() => panel().getByText("42", { exact: true }).count(), { timeout: 60_000 }).toBe(1);
  });

  it("saves the read-only template notebook as a copy in the workspace", async () => {
    await panel().getByRole("button", { name: "Save a copy" }).click();
    await panel().getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => panel().getByRole("status").innerText()).toMatch(/Saved a copy as lenet-5\.ipynb/);
    const saved = parseNotebook(await readFile(join(host.workspace, "lenet-5.ipynb"), "utf8"));
    expect(saved.ok).toBe(true);
    if (saved.ok) {
      const code = saved.notebook.cells.filter((c) => c.cell_type === "code");
      expect(code[0]!.source).toBe("6 * 7");
      expect(code.flatMap((c) => c.outputs ?? []).some((o) => "data" in o && typeof o.data["image/png"] === "string")).toBe(true);
    }
    expect(await panel().getByText("read-only").count()).toBe(0);
  });
});
