/**
 * Typed notebook cells in a real browser: in LeNet-5's notebook, typing `tf.` in a cell offers
 * the tfjs API (tensor, layers) from Monaco's TypeScript service, and hovering a `tf.tensor(...)`
 * call shows its tfjs signature. Screenshots: tests/e2e/artifacts/notebook-types-*.png.
 */
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const panel = () => page.getByRole("region", { name: "Notebook" });
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/notebook-types-${name}.png` });

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, colorScheme: "light" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(host.url);
  await page.locator("li[data-template='lenet-5']").getByRole("button", { name: "LeNet-5", exact: true }).click();
  await panel().locator(".monaco-editor").first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("typed notebook cells", () => {
  it("completes tf. with the tfjs API", async () => {
    await panel().locator(".monaco-editor").first().click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("const t = tf.tensor([1, 2, 3]);\n");
    await page.keyboard.type("tf.");
    const suggest = panel().locator(".suggest-widget .monaco-list-row");
    // The TypeScript worker and tfjs's declarations load on first use: "tf." may be typed before
    // the service is there, so ask again (Ctrl+Space) until it answers.
    await expect.poll(async () => {
      if ((await suggest.count()) === 0) await page.keyboard.press("Control+Space");
      return suggest.count();
    }, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(0).catch(async (e: unknown) => {
      await shot("1-no-completions");
      throw e;
    });
    await page.keyboard.type("te");
    await expect.poll(() => suggest.allInnerTexts(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^tensor\b/)]));
    await shot("1-completions");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("la");
    await expect.poll(() => suggest.allInnerTexts(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^layers\b/)]));
    await page.keyboard.press("Escape");
  }, 150_000);

  it("shows tf.tensor's type on hover", async () => {
    // The middle of "tensor" in "tf.tensor(", found in the rendered line (tokens split spans unpredictably).
    // Asked until it is there: the cell's lines render a frame after the editor settles.
    const find = () => panel().locator(".monaco-editor").evaluateAll((editors) => {
      for (const line of editors.flatMap((e) => Array.from(e.querySelectorAll(".view-line")))) {
        if (!line.textContent!.replace(/\u00a0/g, " ").includes("tf.tensor(")) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = node.textContent!.indexOf("tensor");
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + "tensor".length);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    });
    await expect.poll(find, { timeout: 30_000 }).not.toBeNull();
    const at = await find();
    await page.mouse.move(at!.x - 2, at!.y);
    await page.mouse.move(at!.x, at!.y, { steps: 3 });
    // Each editor has a hover element; the shown one has the text.
    const hover = page.locator(".monaco-hover-content");
    await expect.poll(async () => (await hover.allInnerTexts()).join("\n"), { timeout: 30_000 }).toMatch(/tensor<Rank>\(values: TensorLike/);
    await shot("2-hover");
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
