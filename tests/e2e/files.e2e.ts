/**
 * The file side in a real browser against the web host: the start screen's template gallery,
 * opening a template as a new graph, editing it in the inspector, Save As into the workspace,
 * reopening it from the recent files after a reload and finding the same graph, and getting
 * unsaved edits back after a reload that dropped them. Each step leaves a screenshot in
 * tests/e2e/artifacts/files-*.png.
 */
import { mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
const SAVED = "nets/my-lenet.json";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/files-${name}.png` });
const start = () => page.getByRole("region", { name: "Start" });
const banner = () => page.getByRole("banner");
const unsavedDot = () => banner().getByRole("img", { name: "Unsaved changes" });
const inspector = () => page.getByRole("complementary", { name: "Inspector" });
const filters = () => inspector().getByRole("textbox", { name: "Filters", exact: true });

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

async function setFilters(value: string): Promise<void> {
  await page.locator(".react-flow__node[data-id='c3']").click();
  await expect.poll(() => inspector().getByRole("textbox", { name: "Label" }).inputValue()).toBe("C3");
  await filters().fill(value);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getByRole("button", { name: "Undo" }).getAttribute("title")).toBe("Undo Set filters (Ctrl+Z)");
}

/** Reloads the page; the browser's "leave with unsaved changes?" question, if asked, is answered yes. */
async function reload(): Promise<string[]> {
  const dialogs: string[] = [];
  const onDialog = (d: import("playwright-core").Dialog) => {
    dialogs.push(d.type());
    void d.accept();
  };
  page.on("dialog", onDialog);
  await page.reload();
  page.off("dialog", onDialog);
  await start().waitFor();
  return dialogs;
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe("files in the browser", () => {
  it("starts on the start screen: New, Open, recent files, and the template gallery", async () => {
    await start().waitFor();
    const cards = start().getByRole("list", { name: "Templates" }).locator(":scope > li");
    const folders = (await readdir("templates", { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    await expect.poll(() => cards.count()).toBe(folders);
    // Every configuration counted and every card drawn.
    await expect.poll(() => start().getByText("counting…").count(), { timeout: 60_000 }).toBe(0);
    expect(await start().locator("svg rect").count()).toBeGreaterThan(100);
    const lenet = start().locator("li[data-template='lenet-5']");
    expect(await lenet.innerText()).toMatch(/LeNet-5[\s\S]*61,706 params/);
    expect(await start().locator("li[data-template='alexnet']").innerText()).toMatch(/Paper sizes\s+60,965,224 params\s+Mini\s+60,003 params/);
    expect(await start().getByText("Files you open or save appear here.").count()).toBe(1);
    expect(await start().getByRole("button", { name: /New blank graph/ }).getAttribute("title")).toBe("New blank graph (Ctrl+Alt+N)");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("1-start");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    await shot("1-start-light");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
  });

  it("opens a template as a new graph with no file behind it", async () => {
    const card = start().locator("li[data-template='lenet-5']").getByRole("button", { name: "LeNet-5", exact: true });
    expect(await card.getAttribute("title")).toBe("Open LeNet-5 (61,706 params)");
    await card.click();
    await page.locator(".react-flow__node[data-id='c3']").waitFor();
    expect(await start().count()).toBe(0);
    expect(await page.locator(".react-flow__node").count()).toBe(10);
    expect(await banner().innerText()).toContain("LeNet-5");
    expect(await banner().getByText("LeNet-5").getAttribute("title")).toBe("Not saved yet");
    expect(await unsavedDot().count()).toBe(0);
    await shot("2-template");
  });

  it("shows the unsaved dot after an edit in the inspector", async () => {
    await setFilters("32");
    expect(await unsavedDot().count()).toBe(1);
    expect(await page.title()).toBe("● LeNet-5 — Layerloom");
  });

  it("saves into the workspace with Ctrl+S, asking for a name the first time", async () => {
    await page.keyboard.press("Control+S");
    const dialog = page.getByRole("dialog", { name: "Save as" });
    await dialog.waitFor();
    const name = dialog.getByRole("textbox", { name: "File name in the workspace" });
    expect(await name.inputValue()).toBe("LeNet-5.json");
    await name.fill("nets/my-lenet");
    await expect.poll(() => dialog.innerText()).toContain("Saves as nets/my-lenet.json.");
    await name.fill("../outside");
    await expect.poll(() => dialog.getByRole("alert").innerText()).toMatch(/cannot be used as a file name/);
    expect(await dialog.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    await name.fill("nets/my-lenet");
    await shot("3-save-as");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => unsavedDot().count()).toBe(0);
    expect(await banner().getByText("my-lenet.json").getAttribute("title")).toBe(SAVED);

    // What was written is the template with the one edit, nothing else.
    const expected = load(await readFile("templates/lenet-5/full.layerloom.json", "utf8"));
    const edited = { ...expected, nodes: expected.nodes.map((n) => (n.id === "c3" ? { ...n, params: { ...n.params, filters: 32 } } : n)) };
    expect(load(await readFile(join(host.workspace, SAVED), "utf8"))).toEqual(edited);
    expect((await readdir(host.workspace)).filter((n) => !n.startsWith("."))).toEqual(["nets"]);
    expect(await readdir(join(host.workspace, "nets"))).toEqual(["my-lenet.json"]);
  });

  it("reopens the file from the recent files after a reload, and finds the same graph", async () => {
    const saved = await readThroughApi(SAVED);
    expect(await reload()).toEqual([]);
    const recent = start().getByRole("button", { name: "my-lenet.json nets" });
    expect(await recent.getAttribute("title")).toBe(`Open ${SAVED}`);
    await recent.waitFor();
    await shot("4-recent");
    await recent.click();
    await page.locator(".react-flow__node[data-id='c3']").waitFor();
    expect(await banner().innerText()).toContain("my-lenet.json");
    await page.locator(".react-flow__node[data-id='c3']").click();
    await expect.poll(() => filters().inputValue()).toBe("32");
    // The app's document, written out again by Save As, is the graph the file holds.
    await page.keyboard.press("Control+Shift+S");
    const dialog = page.getByRole("dialog", { name: "Save as" });
    const name = dialog.getByRole("textbox", { name: "File name in the workspace" });
    expect(await name.inputValue()).toBe(SAVED);
    // A name that is taken is said so, and the button says what it will do.
    await expect.poll(() => dialog.innerText()).toContain(`${SAVED} already exists. Saving replaces it.`);
    expect(await dialog.getByRole("button", { name: "Replace" }).count()).toBe(1);
    await name.fill("roundtrip.json");
    await page.keyboard.press("Enter");
    await expect.poll(() => banner().innerText()).toContain("roundtrip.json");
    expect(load(await readThroughApi("roundtrip.json"))).toEqual(load(saved));
  });

  it("asks before leaving with unsaved changes, and offers them back after the reload", async () => {
    await setFilters("48");
    // The backup is written within a second of the edit.
    await page.waitForTimeout(1500);
    expect(await reload()).toEqual(["beforeunload"]);
    const offer = start().getByRole("region", { name: "Unsaved changes from an earlier session" });
    await offer.waitFor();
    expect(await offer.innerText()).toMatch(/roundtrip\.json · 10 layers, changed at \d\d:\d\d/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("5-recovery");
    expect(await seriousViolations(page)).toEqual([]);
    await offer.getByRole("button", { name: "Restore the unsaved changes to roundtrip.json" }).click();
    await page.locator(".react-flow__node[data-id='c3']").waitFor();
    expect(await unsavedDot().count()).toBe(1);
    expect(await banner().getByText("roundtrip.json").getAttribute("title")).toBe("roundtrip.json");
    await page.locator(".react-flow__node[data-id='c3']").click();
    await expect.poll(() => filters().inputValue()).toBe("48");
    await shot("6-restored");
    // Saving the restored edits writes them and removes the backup.
    await page.keyboard.press("Control+S");
    await expect.poll(() => unsavedDot().count()).toBe(0);
    expect(load(await readThroughApi("roundtrip.json")).nodes.find((n) => n.id === "c3")!.params.filters).toBe(48);
    expect(await reload()).toEqual([]);
    await start().getByRole("heading", { name: "Templates" }).waitFor();
    expect(await start().getByRole("region", { name: "Unsaved changes from an earlier session" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
