/**
 * Canvas frame time vs graph size, in headless Chromium (software rendering), against a control.
 *
 * For 200, 1,000 and 3,000-node inception-like nets (tests/support/generate.ts, laid out with the
 * app's own auto-layout options), it opens each graph in the built app through the web host
 * (`?open=` a workspace file, panels closed so the canvas is about the control's size) and in a
 * bare React Flow page drawing the same nodes at the same positions (tests/bench/canvas-control,
 * built the same way, as BASELINES.md measured it). At fit view it records the gaps between
 * requestAnimationFrame callbacks over 120 frames of mouse-drag panning and of wheel zooming,
 * driven by real (CDP) input, and reports p50/p95 per page and the ratio app / control. Also: the
 * time to open the largest fixture. Machines are noisy: compare within one run.
 */
import react from "@vitejs/plugin-react";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ELK from "elkjs/lib/elk.bundled.js";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { serializeGraph } from "../../graph-ir/core/serialize.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { positionsFromElk, toElkGraph } from "../../renderer/canvas/auto-layout.js";
import { nodeData, wireShape } from "../../renderer/canvas/to-flow.js";
import { shapeLabel } from "../../renderer/canvas/wire-label.js";
import { launchChromium } from "../e2e/support/browser.js";
import { openUrl, putInWorkspace } from "../e2e/support/open-graph.js";
import { startTestHost, type RunningHost } from "../e2e/support/web-host.js";
import { generateConvNet } from "../support/generate.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
const FRAMES = 120;
/** The panels the app remembers as closed, so its canvas is nearly the whole window like the control's. */
const CLOSED_PANELS = JSON.stringify({
  state: { panels: { palette: { open: false, size: 248 }, inspector: { open: false, size: 300 }, bottom: { open: false, size: 180 } }, bottomTab: "problems", theme: "light" },
  version: 1,
});

export interface FrameStats {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly frames: number;
}

export interface PageRun {
  /** Navigation start to every node drawn, ms. */
  readonly readyMs: number;
  readonly zoomAtFit: number;
  /** Nodes React Flow put in the DOM (the app paints big graphs seen from far out on a canvas instead). */
  readonly nodesInDom: number;
  readonly canvas: { readonly width: number; readonly height: number };
  readonly pan: FrameStats;
  readonly zoom: FrameStats;
}

export interface CanvasBenchRow {
  readonly nodes: number;
  readonly edges: number;
  readonly app: PageRun;
  readonly control: PageRun;
  /** app p95 / control p95: below 1 is faster than bare React Flow. */
  readonly ratio: { readonly panP95: number; readonly zoomP95: number };
}

export interface CanvasBenchResult {
  readonly viewport: typeof VIEWPORT;
  readonly sizes: readonly CanvasBenchRow[];
  readonly openLargestFixture: { readonly file: string; readonly nodes: number; readonly medianMs: number; readonly runsMs: readonly number[] };
  readonly target: string;
}

const round = (x: number) => Math.round(x * 10) / 10;

function stats(gaps: readonly number[]): FrameStats {
  const s = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? 0), frames: s.length };
}

/** A generated net laid out with the app's auto-layout options (ELK in Node, as the worker runs it). */
async function laidOut(n: number, aspectRatio: number): Promise<GraphDocument> {
  const doc = generateConvNet(n, 7);
  const a = analyze(doc);
  const request = { nodes: doc.nodes.map((x) => ({ id: x.id, data: nodeData(x, a.nodes.get(x.id)) })), edges: doc.edges, direction: "RIGHT" as const, aspectRatio };
  const positions = positionsFromElk(await new ELK().layout(toElkGraph(request)));
  return { ...doc, layout: Object.fromEntries(positions) };
}

/** The same graph for the control page: positions, the two text lines of each card, the wire labels. */
function controlGraph(doc: GraphDocument): unknown {
  const a = analyze(doc);
  return {
    nodes: doc.nodes.map((n) => {
      const d = nodeData(n, a.nodes.get(n.id));
      const [x, y] = doc.layout[n.id] ?? [0, 0];
      return { id: n.id, x, y, title: d.title, line1: d.subtitle ?? n.kind, line2: d.detail ?? "" };
    }),
    edges: doc.edges.map((e, i) => ({ id: `e${i}`, source: e.from[0], target: e.to[0], label: shapeLabel(wireShape(a, e)) ?? "" })),
  };
}

async function buildControl(outDir: string): Promise<void> {
  await build({
    root: join(ROOT, "tests/bench/canvas-control"),
    base: "./",
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 4096 },
  });
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** Serves the control build and its graph files on 127.0.0.1. */
async function serveStatic(dir: string, extra: Map<string, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const body = extra.get(path);
      if (body !== undefined) {
        res.writeHead(200, { "Content-Type": "application/json" }).end(body);
        return;
      }
      const file = resolve(dir, `.${path === "/" ? "/index.html" : path}`);
      if (!file.startsWith(dir) || !existsSync(file) || !(await stat(file)).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(await readFile(file));
    })();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * Gaps between the next `count` + 1 animation frames, recorded in the page. A string, because
 * tsx's transform would put a helper into a function passed to the page that it cannot see.
 */
function recordFrames(page: Page, count: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const times = [];
    const tick = (t) => {
      times.push(t);
      if (times.length > ${count}) done(times.slice(1).map((x, i) => x - times[i]));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);
}

async function paneBox(page: Page) {
  const box = await page.locator(".react-flow__pane").boundingBox();
  if (!box) throw new Error("the React Flow pane is not on screen");
  return box;
}

/**
 * Drags the background round a circle while frames are recorded: real (CDP) input, as a person
 * pans. The drag starts in the pane's bottom-left corner, which fit view leaves empty (a press on
 * a node would move the node instead).
 */
async function measurePan(page: Page): Promise<FrameStats> {
  const box = await paneBox(page);
  const x0 = box.x + 12, y0 = box.y + box.height - 12, r = Math.min(box.width, box.height) / 5;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  let done = false;
  const frames = recordFrames(page, FRAMES).finally(() => (done = true));
  for (let i = 1; !done; i++) {
    const a = (i / 40) * Math.PI * 2;
    await page.mouse.move(x0 + r - r * Math.cos(a), y0 - r * Math.sin(a));
  }
  await page.mouse.up();
  return stats(await frames);
}

/** Wheel-zooms in and out around the centre while frames are recorded. */
async function measureZoom(page: Page): Promise<FrameStats> {
  const box = await paneBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let done = false;
  const frames = recordFrames(page, FRAMES).finally(() => (done = true));
  for (let i = 0; !done; i++) await page.mouse.wheel(0, Math.floor(i / 20) % 2 === 0 ? -40 : 40);
  return stats(await frames);
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = (document.querySelector(".react-flow__viewport") as HTMLElement | null)?.style.transform ?? "";
    return Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1] ?? NaN);
  });
}

/** Every node is on screen: as DOM nodes, or painted on the far view's canvas. */
const allDrawn = (n: number) =>
  document.querySelectorAll(".react-flow__node").length >= n || Number(document.querySelector<HTMLCanvasElement>("canvas[data-nodes]")?.dataset.nodes) >= n;

async function runPage(page: Page, url: string, nodeCount: number): Promise<PageRun> {
  await page.goto(url);
  await page.waitForFunction(allDrawn, nodeCount, { timeout: 180_000 });
  const readyMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1500); // fit view and measurement settle
  const pane = await paneBox(page);
  const zoomAtFit = await zoomOf(page);
  const nodesInDom = await page.locator(".react-flow__node").count();
  const pan = await measurePan(page);
  await page.waitForTimeout(300);
  const zoom = await measureZoom(page);
  return { readyMs: Math.round(readyMs), zoomAtFit: Math.round(zoomAtFit * 1000) / 1000, nodesInDom, canvas: { width: Math.round(pane.width), height: Math.round(pane.height) }, pan, zoom };
}

async function largestFixture(): Promise<{ file: string; text: string }> {
  const dir = join(ROOT, "tests/fixtures");
  const candidates = (await readdir(dir)).filter((f) => f.endsWith(".json"));
  const templates = join(ROOT, "templates");
  const more = existsSync(templates) ? (await readdir(templates, { recursive: true })).filter((f) => f.endsWith(".layerloom.json")).map((f) => join("..", "..", "templates", f)) : [];
  let best = { file: "", text: "" };
  for (const f of [...candidates, ...more]) {
    const text = await readFile(join(dir, f), "utf8");
    if (text.length > best.text.length) best = { file: f.replace(/^(\.\.\/)+/, ""), text };
  }
  return best;
}

export async function benchCanvas(sizes: readonly number[] = [200, 1000, 3000]): Promise<CanvasBenchResult> {
  // The app as `npm run build` makes it (rebuilt only when stale), and the control built the same way.
  execFileSync(process.execPath, [join(ROOT, "scripts/ensure-build.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const controlDir = await mkdtemp(join(tmpdir(), "layerloom-canvas-control-"));
  await buildControl(controlDir);

  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  let control: Server | undefined;
  try {
    host = await startTestHost();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light", reducedMotion: "reduce" });
    await context.addInitScript((layout) => localStorage.setItem("layerloom.layout", layout), CLOSED_PANELS);
    const page = await context.newPage();

    const graphs = new Map<string, string>();
    const docs: GraphDocument[] = [];
    for (const n of sizes) {
      // The app's canvas with panels closed: the window less the top and status bars.
      const doc = await laidOut(n, VIEWPORT.width / (VIEWPORT.height - 64));
      docs.push(doc);
      await putInWorkspace(host, `bench/convnet-${n}.layerloom.json`, serializeGraph(doc));
      graphs.set(`/graph-${n}.json`, JSON.stringify(controlGraph(doc)));
    }
    const served = await serveStatic(controlDir, graphs);
    control = served.server;

    const rows: CanvasBenchRow[] = [];
    for (const doc of docs) {
      const n = doc.nodes.length;
      const app = await runPage(page, openUrl(host, `bench/convnet-${n}.layerloom.json`), n);
      const bare = await runPage(page, `${served.origin}/?graph=graph-${n}.json`, n);
      rows.push({
        nodes: n, edges: doc.edges.length, app, control: bare,
        ratio: { panP95: Math.round((app.pan.p95 / bare.pan.p95) * 100) / 100, zoomP95: Math.round((app.zoom.p95 / bare.zoom.p95) * 100) / 100 },
      });
    }

    const fixture = await largestFixture();
    await putInWorkspace(host, fixture.file, fixture.text);
    const count = (JSON.parse(fixture.text) as { nodes: unknown[] }).nodes.length;
    const runsMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(openUrl(host, fixture.file));
      await page.waitForFunction(allDrawn, count);
      runsMs.push(Math.round(await page.evaluate(() => performance.now())));
    }
    return {
      viewport: VIEWPORT,
      sizes: rows,
      openLargestFixture: { file: fixture.file, nodes: count, medianMs: [...runsMs].sort((a, b) => a - b)[1]!, runsMs },
      target: "app pan and zoom p95 <= 16.7 ms at 1,000 nodes, fit view",
    };
  } finally {
    await browser?.close();
    await host?.stop();
    await new Promise<void>((done) => (control ? control.close(() => done()) : done()));
    await rm(controlDir, { recursive: true, force: true });
  }
}
