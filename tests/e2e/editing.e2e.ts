/**
 * Editing in a real browser: open LeNet-5 from the workspace through the command palette,
 * select a layer, edit a param in the inspector and watch the shape change before and after it
 * is applied, see a bad value refused with its reason, undo with the keyboard, and redo from
 * the command palette; copy and paste a layer with the keyboard; open a broken graph (Ctrl+O,
 * past the unsaved-changes question), go from a problem to its field, and apply a fix as one
 * undo step. Each step leaves a screenshot in tests/e2e/artifacts/editing-*.png.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { startTestHost, type RunningHost } from "./support/web-host.js";

const ARTIFACTS = "tests/e2e/artifacts";
const FILE = "lenet5.layerloom.json";
const BROKEN = "lenet5-broken.layerloom.json";

let host: RunningHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/editing-${name}.png` });
const inspector = () => page.getByRole("complementary", { name: "Inspector" });
const filters = () => inspector().getByRole("textbox", { name: "Filters", exact: true });
/** The Problems panel's rows, one per diagnostic (the header row left out). */
const problemRows = () => page.getByRole("region", { name: "Bottom panel" }).getByRole("table").locator("tbody").getByRole("row");
/** The text of the inspector's "out y" row. */
const outShape = () => inspector().locator("dt:text-is('out y') + dd").innerText();

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  host = await startTestHost();
  await copyFile("tests/fixtures/lenet5.layerloom.json", join(host.workspace, FILE));
  // LeNet with two mistakes: Flatten left out (s4 feeds c5 directly) and c3's filters negative.
  const lenet = JSON.parse(await readFile("tests/fixtures/lenet5.layerloom.json", "utf8")) as {
    nodes: { id: string; params: Record<string, unknown> }[];
    edges: { from: [string, string]; to: [string, string] }[];
    layout: Record<string, unknown>;
  };
  lenet.nodes = lenet.nodes.filter((n) => n.id !== "flatten");
  lenet.nodes.find((n) => n.id === "c3")!.params.filters = -3;
  lenet.edges = [...lenet.edges.filter((e) => e.from[0] !== "flatten" && e.to[0] !== "flatten"), { from: ["s4", "y"], to: ["c5", "x"] }];
  delete lenet.layout.flatten;
  await writeFile(join(host.workspace, BROKEN), JSON.stringify(lenet));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
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

describe("editing a graph", () => {
  it("opens a workspace file from the command palette", async () => {
    await page.keyboard.press("Control+K");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("open");
    await expect.poll(() => palette.getByRole("option").first().innerText()).toContain("Open graph file");
    await page.keyboard.press("Enter");
    const picker = page.getByRole("dialog", { name: "Open which graph file?" });
    await expect.poll(() => picker.getByRole("option").allInnerTexts()).toEqual([BROKEN, FILE]);
    await picker.getByRole("combobox").fill("lenet5.lay");
    await expect.poll(() => picker.getByRole("option").first().innerText()).toBe(FILE);
    await shot("1-open");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("banner").innerText()).toContain(FILE);
    await page.locator(".react-flow__node[data-id='c3']").waitFor();
    expect(await picker.count()).toBe(0);
  });

  it("shows the selected layer's shapes, params and docs in the inspector", async () => {
    await page.locator(".react-flow__node[data-id='c3']").click();
    await expect.poll(() => inspector().getByRole("textbox", { name: "Label" }).inputValue()).toBe("C3");
    expect(await outShape()).toBe("B×10×10×16");
    expect(await filters().inputValue()).toBe("16");
    expect(await inspector().getByRole("switch", { name: "Use bias" }).getAttribute("aria-checked")).toBe("true");
    expect(await inspector().getByRole("combobox", { name: "Padding" }).inputValue()).toBe("valid");
    expect(await inspector().getByRole("group", { name: "Kernel size" }).getByRole("textbox").count()).toBe(2);
  });

  it("previews a new value live, then applies it as one undo step", async () => {
    await filters().fill("32");
    await expect.poll(outShape).toBe("B×10×10×16 → B×10×10×32");
    expect(await inspector().getByText("Preview, not applied yet").count()).toBe(1);
    expect(await inspector().locator("dt:text-is('parameters') + dd").innerText()).toBe("2,416 → 4,832");
    await shot("2-preview");
    // Still only a preview: the document and the canvas have not changed.
    expect(await page.getByRole("button", { name: "Undo" }).isDisabled()).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("button", { name: "Undo" }).getAttribute("title")).toBe("Undo Set filters (Ctrl+Z)");
    expect(await page.getByRole("banner").getByRole("img", { name: "Unsaved changes" }).count()).toBe(1);
    expect(await inspector().getByText("Preview, not applied yet").count()).toBe(0);
  });

  it("refuses a value that breaks a bound, says why beside the field, and changes nothing", async () => {
    await filters().fill("0");
    const reason = inspector().getByRole("alert");
    await expect.poll(() => reason.innerText()).toBe("Filters must be at least 1.");
    expect(await filters().getAttribute("aria-invalid")).toBe("true");
    await page.keyboard.press("Enter");
    expect(await reason.innerText()).toBe("Filters must be at least 1.");
    await shot("3-refused");
    await page.keyboard.press("Escape");
    expect(await filters().inputValue()).toBe("32");
    expect(await reason.count()).toBe(0);
  });

  it("undoes the edit with the keyboard", async () => {
    await page.keyboard.press("Control+Z");
    await expect.poll(() => filters().inputValue()).toBe("16");
    await expect.poll(outShape).toBe("B×10×10×16");
    expect(await page.getByRole("button", { name: "Redo" }).getAttribute("title")).toBe("Redo Set filters (Ctrl+Shift+Z)");
    await shot("4-undone");
  });

  it("finds redo in the command palette by name, labelled with the step, and runs it", async () => {
    await page.keyboard.press("Control+K");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill("redo");
    const first = palette.getByRole("option").first();
    await expect.poll(() => first.innerText()).toMatch(/Redo\s*Set filters\s*Ctrl\+Shift\+Z/);
    await shot("5-palette");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    expect(await palette.count()).toBe(0);
    await expect.poll(() => filters().inputValue()).toBe("32");
    expect(await outShape()).toBe("B×10×10×32");
  });

  it("scrubs a number by dragging its name sideways, as one undo step", async () => {
    const name = inspector().locator("label", { hasText: /^Filters$/ });
    const box = (await name.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 10, y);
    await page.mouse.down();
    for (const dx of [8, 20, 40]) await page.mouse.move(box.x + 10 + dx, y);
    await expect.poll(outShape).toBe("B×10×10×32 → B×10×10×42");
    await page.mouse.up();
    expect(await filters().inputValue()).toBe("42");
    await page.keyboard.press("Control+Z");
    // Three moves, one step: a single undo goes back to where the scrub began.
    await expect.poll(() => filters().inputValue()).toBe("32");
    await page.keyboard.press("Control+Shift+Z");
    await expect.poll(() => filters().inputValue()).toBe("42");
    await page.keyboard.press("Control+Z");
    await expect.poll(() => filters().inputValue()).toBe("32");
  });

  it("passes axe with the inspector's editors showing", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot("6-edited");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("copies and pastes a layer with the keyboard as one undo step, once", async () => {
    await page.locator(".react-flow__node[data-id='output']").click();
    await page.keyboard.press("Control+C");
    await page.keyboard.press("Control+V");
    await page.locator(".react-flow__node[data-id='dense_1']").waitFor();
    expect(await page.locator(".react-flow__node").count()).toBe(10);
    expect(await page.getByRole("button", { name: "Undo" }).getAttribute("title")).toBe("Undo Paste Output (Ctrl+Z)");
    await expect.poll(() => inspector().getByRole("textbox", { name: "Label" }).inputValue()).toBe("Output");
    await shot("7-pasted");
    await page.keyboard.press("Control+Z");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(9);
  });

  it("opens a broken graph past the unsaved-changes question, and lists its problems with fixes", async () => {
    await page.keyboard.press("Control+O");
    await page.getByRole("dialog", { name: "Open which graph file?" }).getByRole("combobox").fill("broken");
    await page.keyboard.press("Enter");
    const ask = page.getByRole("dialog", { name: /unsaved changes/ });
    await ask.waitFor();
    expect(await ask.getByRole("option").allInnerTexts()).toEqual([`Save ${FILE}, then open ${BROKEN}`, `Discard the changes and open ${BROKEN}`, "Keep editing"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("banner").innerText()).toContain(BROKEN);
    const problems = problemRows();
    await expect.poll(() => problems.count()).toBe(2);
    const texts = await problems.allInnerTexts();
    expect(texts[0]).toMatch(/c3\s+filters\s+Conv 2D 'c3': filters must be at least 1.*bad-param\s+Reset filters to 32/s);
    expect(texts[1]).toMatch(/c5\s+Dense 'c5': Dense expects a vector.*shape-mismatch\s+Insert Flatten\s+Insert Global Average Pooling/s);
    await shot("8-problems");
  });

  it("goes from a problem to its layer and the param's field", async () => {
    const problems = problemRows();
    await problems.getByRole("button", { name: "c3" }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id ?? "")).toMatch(/c3.*filters-input$/);
    // The field shows what the file holds, marked as wrong, not the default standing in.
    expect(await filters().inputValue()).toBe("-3");
    expect(await filters().getAttribute("aria-invalid")).toBe("true");
    expect(await inspector().getByRole("textbox", { name: "Label" }).inputValue()).toBe("C3");
    expect(await inspector().locator("[data-param-field='filters']").innerText()).toContain("Reset filters to 32");
    await shot("9-focused");
  });

  it("applies a fix as one undo step", async () => {
    const problems = problemRows();
    await problems.getByRole("button", { name: "Insert Flatten" }).click();
    await expect.poll(() => problems.count()).toBe(1);
    expect(await page.getByRole("button", { name: "Undo" }).getAttribute("title")).toBe("Undo Insert Flatten (Ctrl+Z)");
    expect(await page.locator(".react-flow__node").count()).toBe(9);
    await shot("10-fixed");
    await page.keyboard.press("Control+Z");
    await expect.poll(() => problems.count()).toBe(2);
    expect(await page.locator(".react-flow__node").count()).toBe(8);
  });

  it("deletes the selected layer with the Delete key, undoably", async () => {
    await page.locator(".react-flow__node[data-id='f6']").click();
    await page.keyboard.press("Delete");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(7);
    expect(await page.getByRole("button", { name: "Undo" }).getAttribute("title")).toBe("Undo Delete F6 (Ctrl+Z)");
    await page.keyboard.press("Control+Z");
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(8);
  });

  it("switches to the light theme from the command palette, and passes axe there", async () => {
    await page.keyboard.press("Control+K");
    await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("light");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    await page.locator(".react-flow__node[data-id='c5']").click();
    await page.keyboard.press("Control+K");
    await page.getByRole("dialog", { name: "Command palette" }).getByRole("combobox").fill("group");
    await shot("11-light");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await page.getByRole("dialog", { name: "Command palette" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
