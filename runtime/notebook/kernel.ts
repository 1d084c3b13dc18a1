/**
 * Runs notebook cells, one after another, in one scope: tf, graph, ll, model, data, display,
 * plot, table and console, plus whatever earlier cells declared. Outputs are nbformat outputs;
 * an error becomes one "error" output naming the cell's line, with no JS stack frames.
 * Pure of DOM and Node: the host passes the dataset loader and the PNG encoder.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Dataset } from "../data/types.js";
import * as tf from "../tf.js";
import { CellSyntaxError, SCOPE_NAME, compileCell } from "./compile-cell.js";
import { PLOT_MIME, Plot, Table, formatValue, tableHtml, tableText } from "./display.js";
import type { NotebookOutput } from "./format.js";
import { makeHelpers } from "./helpers.js";
import { plot } from "./plot.js";
import { rasterize, type Rgba } from "./raster.js";
import { table } from "./display.js";

export interface KernelEnv {
  readonly graph: GraphDocument;
  readonly loadDataset: (id: string) => Promise<Dataset>;
  /** RGBA -> base64 PNG. */
  readonly encodePng: (image: Rgba) => string | Promise<string>;
  /** Each output as it is produced (outputs also come back with the cell's result). */
  readonly onOutput?: (output: NotebookOutput) => void;
}

export interface CellResult {
  readonly ok: boolean;
  readonly outputs: NotebookOutput[];
  /** For a failed cell: the message and the cell line (1-based) when known. */
  readonly error?: { readonly name: string; readonly message: string; readonly line?: number };
}

export class InterruptedError extends Error {
  override readonly name = "KeyboardInterrupt";
}

let cellCounter = 0;
let headerLines: number | undefined;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;

/** How many lines the engine puts before a Function's body (2 in V8); measured, not assumed. */
function bodyOffset(): number {
  if (headerLines !== undefined) return headerLines;
  try {
    new AsyncFunction("\nthrow new Error('x')\n//# sourceURL=ll-probe.js")().catch((e: Error) => {
      const m = /ll-probe\.js:(\d+)/.exec(e.stack ?? "");
      headerLines = m ? Number(m[1]) - 2 : 2;
    });
  } catch {
    headerLines = 2;
  }
  return headerLines ?? 2;
}
bodyOffset();

function errorLine(e: unknown, file: string): number | undefined {
  const stack = e instanceof Error ? e.stack ?? "" : "";
  const m = new RegExp(`${file.replace(/[.]/g, "\\.")}:(\\d+)`).exec(stack);
  return m ? Number(m[1]) - bodyOffset() : undefined;
}

export class Kernel {
  private readonly scope: Record<string, unknown>;
  private readonly helpers: ReturnType<typeof makeHelpers>;
  private executionCount = 0;
  private interruptFlag = false;
  private interruptWaiters: ((e: Error) => void)[] = [];
  graph: GraphDocument;

  constructor(private readonly env: KernelEnv) {
    this.graph = env.graph;
    this.helpers = makeHelpers({ graph: () => this.graph, loadDataset: env.loadDataset, interrupted: () => this.interruptFlag });
    const state = this.helpers.state;
    const scope: Record<string, unknown> = Object.create(null);
    Object.assign(scope, { tf, ll: this.helpers.ll, plot, table });
    const settable = (name: string, get: () => unknown) => {
      Object.defineProperty(scope, name, {
        configurable: true, enumerable: true, get,
        // A cell that declares the name takes it over.
        set: (v) => Object.defineProperty(scope, name, { value: v, writable: true, configurable: true, enumerable: true }),
      });
    };
    settable("graph", () => this.graph);
    settable("model", () => state.model);
    settable("data", () => state.data);
    this.scope = scope;
  }

  /** Stops the running cell: training and evaluation stop at the next batch, awaits are abandoned. */
  interrupt(): void {
    this.interruptFlag = true;
    for (const w of this.interruptWaiters.splice(0)) w(new InterruptedError("The cell was interrupted."));
  }

  dispose(): void {
    this.helpers.dispose();
  }

  async run(source: string): Promise<CellResult> {
    this.interruptFlag = false;
    const count = ++this.executionCount;
    const outputs: NotebookOutput[] = [];
    let chain: Promise<void> = Promise.resolve();
    const emit = (make: () => NotebookOutput | Promise<NotebookOutput>) => {
      chain = chain.then(async () => {
        const o = await make();
        const last = outputs[outputs.length - 1];
        // Consecutive prints to one stream make one output, as in Jupyter.
        if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) last.text += o.text;
        else outputs.push(o);
        this.env.onOutput?.(o);
      });
    };
    const show = (value: unknown, result: boolean) => emit(() => this.toOutput(value, result ? count : undefined));
    const print = (name: "stdout" | "stderr") => (...args: unknown[]) => emit(() => ({ output_type: "stream", name, text: args.map((a) => formatValue(a)).join(" ") + "\n" }));
    const cellConsole = { log: print("stdout"), info: print("stdout"), debug: print("stdout"), warn: print("stderr"), error: print("stderr") };
    this.scope.console = cellConsole;
    this.scope.display = (...values: unknown[]) => { for (const v of values) show(v, false); };

    const file = `cell-${++cellCounter}.js`;
    try {
      const compiled = compileCell(source);
      for (const name of compiled.declared) if (!(name in this.scope)) this.scope[name] = undefined;
      const prologue = compiled.functions.map((f) => `${SCOPE_NAME}[${JSON.stringify(f)}] = ${f};`).join("");
      const fn = new AsyncFunction(SCOPE_NAME, `with (${SCOPE_NAME}) { ${prologue}${compiled.body}\n}\n//# sourceURL=${file}`);
      const interrupted = new Promise<never>((_, reject) => this.interruptWaiters.push(reject));
      interrupted.catch(() => undefined);
      const value = await Promise.race([fn(this.scope), interrupted]);
      if (compiled.returnsValue && value !== undefined) show(value, true);
      await chain;
      return { ok: true, outputs };
    } catch (e) {
      await chain.catch(() => undefined);
      const line = e instanceof CellSyntaxError ? e.line : errorLine(e, file);
      const name = e instanceof Error ? e.name : "Error";
      const message = e instanceof Error ? e.message : `A value was thrown: ${formatValue(e)}`;
      const where = line !== undefined ? ` (cell line ${line})` : "";
      const error: NotebookOutput = { output_type: "error", ename: name, evalue: message, traceback: [`${name}${where}: ${message}`] };
      outputs.push(error);
      this.env.onOutput?.(error);
      return { ok: false, outputs, error: { name, message, ...(line !== undefined ? { line } : {}) } };
    } finally {
      this.interruptWaiters = [];
    }
  }

  get count(): number {
    return this.executionCount;
  }

  private async toOutput(value: unknown, executionCount: number | undefined): Promise<NotebookOutput> {
    const data: Record<string, unknown> = {};
    if (value instanceof Table) {
      data["text/plain"] = tableText(value);
      data["text/html"] = tableHtml(value);
    } else if (value instanceof Plot) {
      data["text/plain"] = value.toString();
      data["image/png"] = await this.env.encodePng(rasterize(value.spec));
      // Charts keep their data so the app can draw them live; images are the PNG alone.
      if (value.spec.type !== "images") data[PLOT_MIME] = value.spec;
    } else {
      data["text/plain"] = formatValue(value);
    }
    return executionCount !== undefined
      ? { output_type: "execute_result", data, metadata: {}, execution_count: executionCount }
      : { output_type: "display_data", data, metadata: {} };
  }
}
