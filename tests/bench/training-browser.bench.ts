/**
 * Training throughput of LeNet-5 in headless Chromium, per backend, through the app itself: the
 * built app (web host), the Train panel, the training worker. For each backend it trains a few
 * steps at batch 32 and reads the run's curves back through the panel's CSV export; samples/s is
 * measured after the first steps (shader compilation and warm-up left out). A backend that cannot
 * train here (wasm has no conv gradients) is reported with the reason the app gives.
 * Software rendering only on these machines: see /work/shared/BASELINES.md for context.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { launchChromium } from "../e2e/support/browser.js";
import { openGraph, putInWorkspace } from "../e2e/support/open-graph.js";
import { startTestHost } from "../e2e/support/web-host.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BATCH = 32;
/** Steps per backend (software WebGPU is slow), and how many at the start are warm-up. */
const PLAN = { webgpu: { steps: 8, warm: 3 }, webgl: { steps: 30, warm: 5 }, wasm: { steps: 12, warm: 3 }, cpu: { steps: 12, warm: 3 } } as const;

export type BrowserTrainingResult =
  | { readonly backend: string; readonly samplesPerSecond: number; readonly steps: number; readonly batchSize: number; readonly firstLoss: number; readonly lastLoss: number }
  | { readonly skipped: string };

async function runOn(page: Page, backend: keyof typeof PLAN): Promise<BrowserTrainingResult> {
  const panel = page.getByRole("tabpanel", { name: "Train" });
  const { steps, warm } = PLAN[backend];
  await panel.getByLabel("Backend").selectOption(backend);
  await panel.getByLabel("Batch size").fill(String(BATCH));
  await panel.getByLabel("Stop after steps").fill(String(steps));
  await panel.getByLabel("Test samples").fill("0");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Control+Enter");
  const status = panel.getByRole("status", { name: "Training status" });
  const deadline = Date.now() + 300_000;
  await page.waitForTimeout(500);
  while ((await status.getAttribute("data-status")) !== "finished") {
    if ((await status.getAttribute("data-status")) === "failed" || Date.now() > deadline) return { skipped: `${backend}: ${await panel.getByRole("alert").first().innerText().catch(() => "did not finish")}` };
    await page.waitForTimeout(250);
  }
  const badge = page.getByRole("banner").getByRole("status").first();
  const used = (await badge.getAttribute("data-backend")) ?? "?";
  if (used !== backend) return { skipped: (await badge.getAttribute("title"))?.split("\n").find((l) => l.includes(`${backend}:`))?.replace(/^Skipped /, "") ?? `${backend} was skipped` };
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Export CSV" }).click()]);
  const [head, ...rows] = (await readFile(await download.path(), "utf8")).trim().split("\n");
  const cols = head!.split(",");
  const at = (row: string, name: string) => Number(row.split(",")[cols.indexOf(name)]);
  // The loop reports the epoch's mean rate; seconds so far = samples so far / rate.
  const seconds = (row: string) => (at(row, "step") * BATCH) / at(row, "samples_per_second");
  const first = rows[warm - 1]!, last = rows[rows.length - 1]!;
  const samplesPerSecond = ((at(last, "step") - at(first, "step")) * BATCH) / (seconds(last) - seconds(first));
  return { backend, samplesPerSecond: Math.round(samplesPerSecond * 10) / 10, steps: rows.length, batchSize: BATCH, firstLoss: at(rows[0]!, "loss"), lastLoss: at(last, "loss") };
}

export async function benchTrainingBrowser(): Promise<Record<string, BrowserTrainingResult>> {
  execFileSync(process.execPath, [join(ROOT, "scripts/ensure-build.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const host = await startTestHost();
  const browser = await launchChromium({ args: ["--enable-unsafe-webgpu"] });
  try {
    await putInWorkspace(host, "lenet5.layerloom.json", await readFile(join(ROOT, "tests/fixtures/lenet5.layerloom.json"), "utf8"));
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await openGraph(page, host, "lenet5.layerloom.json", 9);
    await page.getByRole("tab", { name: "Train" }).click();
    const out: Record<string, BrowserTrainingResult> = {};
    for (const backend of ["webgpu", "webgl", "wasm", "cpu"] as const) out[backend] = await runOn(page, backend);
    return out;
  } finally {
    await browser.close();
    await host.stop();
  }
}
