/**
 * The open notebook: its cells (source, outputs, run state), where it came from (a template,
 * read-only, or a workspace file) and whether it changed. Runs cells in the kernel worker one at
 * a time; interrupting terminates the worker and the next run starts a fresh kernel.
 */
import { createStore } from "zustand/vanilla";
import { parseNotebook, serializeNotebook, type Notebook, type NotebookCell, type NotebookOutput } from "../../runtime/notebook/format.js";
import type { Platform } from "../platform/platform.js";
import { KernelClient } from "./kernel-client.js";

export type CellStatus = "idle" | "queued" | "running" | "ok" | "error";

export interface CellView {
  readonly key: string;
  readonly cell: NotebookCell;
  readonly status: CellStatus;
}

export type NotebookOrigin = { readonly kind: "template"; readonly id: string } | { readonly kind: "file"; readonly path: string; readonly version: string };

export interface NotebookState {
  readonly origin: NotebookOrigin | null;
  readonly title: string;
  readonly base: Notebook | null;
  readonly cells: readonly CellView[];
  readonly dirty: boolean;
  /** A line for the panel's header: a restart, a save, a load problem. */
  readonly notice: string | null;
  /** Bumped when a notebook is opened, so the workbench shows the panel. */
  readonly openRequest: number;
  readonly busy: boolean;
}

let keyCounter = 0;
const keyed = (cell: NotebookCell): CellView => ({ key: `c${++keyCounter}`, cell, status: "idle" });

export const notebookStore = createStore<NotebookState>()(() => ({
  origin: null, title: "", base: null, cells: [], dirty: false, notice: null, openRequest: 0, busy: false,
}));

const set = (patch: Partial<NotebookState>) => notebookStore.setState(patch);
let client: KernelClient | undefined;
const kernel = (): KernelClient => (client ??= new KernelClient());
/** Which queue the current runs belong to; an interrupt starts a new one. */
let generation = 0;

function show(text: string, origin: NotebookOrigin, title: string): boolean {
  const r = parseNotebook(text);
  if (!r.ok) {
    set({ origin: null, base: null, cells: [], dirty: false, title, notice: `The notebook cannot be opened: ${r.error.message}`, openRequest: notebookStore.getState().openRequest + 1 });
    return false;
  }
  set({ origin, title, base: r.notebook, cells: r.notebook.cells.map(keyed), dirty: false, notice: null, openRequest: notebookStore.getState().openRequest + 1 });
  return true;
}

/** Opens a template's notebook beside its graph; a template without one closes the notebook. */
export async function openTemplateNotebook(platform: Platform, id: string, title = id): Promise<boolean> {
  let text: string | null;
  try {
    text = await platform.readTemplateNotebook(id);
  } catch {
    text = null;
  }
  if (text === null) {
    set({ origin: null, base: null, cells: [], dirty: false, title: "", notice: null });
    return false;
  }
  return show(text, { kind: "template", id }, `${title} notebook`);
}

export async function openWorkspaceNotebook(platform: Platform, path: string): Promise<boolean> {
  try {
    const file = await platform.readFile(path);
    return show(file.text, { kind: "file", path: file.path, version: file.version }, path);
  } catch (e) {
    set({ notice: `${path} cannot be opened: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
}

export function editCell(key: string, source: string): void {
  const s = notebookStore.getState();
  set({ cells: s.cells.map((c) => (c.key === key ? { ...c, cell: { ...c.cell, source } } : c)), dirty: true });
}

function patchCell(key: string, f: (c: CellView) => CellView): void {
  set({ cells: notebookStore.getState().cells.map((c) => (c.key === key ? f(c) : c)) });
}

async function runOne(key: string, graph: string, gen: number): Promise<boolean> {
  const view = notebookStore.getState().cells.find((c) => c.key === key);
  if (!view || view.cell.cell_type !== "code" || gen !== generation) return gen === generation;
  patchCell(key, (c) => ({ ...c, status: "running", cell: { ...c.cell, outputs: [], execution_count: null } }));
  const result = await kernel().run(view.cell.source, graph, (output) => {
    if (gen !== generation) return;
    patchCell(key, (c) => ({ ...c, cell: { ...c.cell, outputs: appendOutput(c.cell.outputs ?? [], output) } }));
  });
  if (gen !== generation) return false;
  patchCell(key, (c) => ({ ...c, status: result.ok ? "ok" : "error", cell: { ...c.cell, execution_count: result.executionCount } }));
  set({ dirty: true });
  return result.ok;
}

function appendOutput(outputs: readonly NotebookOutput[], o: NotebookOutput): NotebookOutput[] {
  const last = outputs[outputs.length - 1];
  if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) return [...outputs.slice(0, -1), { ...last, text: last.text + o.text }];
  return [...outputs, o];
}

/** Runs cells in order, stopping at the first failure (as Jupyter's run all does). */
async function runKeys(keys: readonly string[], graph: string): Promise<void> {
  const gen = generation;
  set({ busy: true, notice: null, cells: notebookStore.getState().cells.map((c) => (keys.includes(c.key) && c.cell.cell_type === "code" ? { ...c, status: "queued" } : c)) });
  for (const key of keys) {
    if (!(await runOne(key, graph, gen))) break;
  }
  if (gen === generation) set({ busy: false, cells: notebookStore.getState().cells.map((c) => (c.status === "queued" ? { ...c, status: "idle" } : c)) });
}

export const runCell = (key: string, graph: string) => runKeys([key], graph);
export const runAll = (graph: string) => runKeys(notebookStore.getState().cells.map((c) => c.key), graph);

export function interrupt(): void {
  generation++;
  client?.terminate();
  client = undefined;
  set({
    busy: false,
    notice: "Interrupted: the kernel restarted, so earlier cells' variables are gone; run them again.",
    cells: notebookStore.getState().cells.map((c) => (c.status === "running" || c.status === "queued" ? { ...c, status: c.status === "running" ? "error" : "idle" } : c)),
  });
}

export function notebookText(): string | null {
  const s = notebookStore.getState();
  if (!s.base) return null;
  return serializeNotebook({ ...s.base, cells: s.cells.map((c) => c.cell) });
}

/** Saves a workspace notebook over its file; template notebooks are read-only (use saveCopy). */
export async function save(platform: Platform): Promise<boolean> {
  const s = notebookStore.getState();
  const text = notebookText();
  if (s.origin?.kind !== "file" || text === null) return false;
  try {
    const r = await platform.writeFile(s.origin.path, text, { ifVersion: s.origin.version });
    set({ origin: { ...s.origin, version: r.version }, dirty: false, notice: `Saved ${s.origin.path}.` });
    return true;
  } catch (e) {
    set({ notice: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
}

export async function saveCopy(platform: Platform, path: string): Promise<boolean> {
  const text = notebookText();
  if (text === null) return false;
  try {
    const r = await platform.writeFile(path, text, { ifVersion: null });
    set({ origin: { kind: "file", path, version: r.version }, title: path, dirty: false, notice: `Saved a copy as ${path}.` });
    return true;
  } catch (e) {
    set({ notice: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
}
