/**
 * The app in a real browser against the real web host: it starts, looks right in both themes,
 * passes axe with no serious or critical violations, keeps the token out of the address bar,
 * and remembers its layout across a reload.
 */
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";

let host: RunningHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(host.url);
  await page.locator(".react-flow__renderer").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("the app in Chromium", () => {
  it("opens the window with every panel and no errors in the console", async () => {
    expect(await page.getByRole("banner").innerText()).toContain("Untitled");
    for (const name of ["Layer palette", "Canvas", "Inspector", "Bottom panel"]) {
      expect(await page.getByRole(name === "Canvas" ? "main" : name === "Bottom panel" ? "region" : "complementary", { name }).count(), name).toBe(1);
    }
    expect(await page.getByRole("tab", { name: /Problems/ }).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("footer").innerText()).toMatch(/0\s+params/);
    expect(pageErrors).toEqual([]);
  });

  it("takes the token out of the address bar but keeps it for the tab", async () => {
    expect(page.url()).not.toContain("token=");
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem("layerloom.token") ?? "";
      return (await fetch("/api/files", { headers: { "x-layerloom-token": token } })).status;
    });
    expect(status).toBe(200);
    expect((await fetch(`${host.origin}/api/files`)).status).toBe(403);
  });

  it("lists the registry's layers in the palette and finds them by fuzzy search", async () => {
    const palette = page.getByRole("complementary", { name: "Layer palette" });
    expect(await palette.locator("li[data-kind='Dense']").count()).toBeGreaterThan(0);
    await palette.getByRole("searchbox", { name: "Search layers" }).fill("dens");
    await page.waitForFunction(() => document.querySelector("aside[aria-label='Layer palette'] li")?.getAttribute("data-kind") === "Dense");
    await palette.getByRole("searchbox", { name: "Search layers" }).fill("zzqx");
    await palette.getByText(/No layer matches/).waitFor();
    await palette.getByRole("searchbox", { name: "Search layers" }).fill("");
  });

  it("looks right and passes axe in the dark theme", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: `${ARTIFACTS}/app-dark.png` });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("looks right and passes axe in the light theme", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    await page.screenshot({ path: `${ARTIFACTS}/app-light.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
  });

  it("resizes a panel from the keyboard and remembers the size across a reload", async () => {
    const sash = page.getByRole("separator", { name: "Resize the layer palette" });
    const before = Number(await sash.getAttribute("aria-valuenow"));
    await sash.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(Number(await sash.getAttribute("aria-valuenow"))).toBe(before + 32);
    const width = await page.getByRole("complementary", { name: "Layer palette" }).evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(before + 32);
    await page.reload();
    await page.locator(".react-flow__renderer").waitFor();
    expect(Number(await sash.getAttribute("aria-valuenow"))).toBe(before + 32);
  });

  it("remembers a hidden panel across a reload", async () => {
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    await page.getByRole("button", { name: "Inspector" }).click();
    expect(await inspector.count()).toBe(0);
    await page.reload();
    await page.locator(".react-flow__renderer").waitFor();
    expect(await inspector.count()).toBe(0);
    await page.getByRole("button", { name: "Inspector" }).click();
    expect(await inspector.count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
