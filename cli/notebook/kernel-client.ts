/**
 * The command's side of the kernel thread (kernel-thread-main.ts): runs one cell at a time with
 * a time limit. At the limit the cell is first interrupted (async work stops at its next batch
 * or await and keeps its outputs); a cell that does not answer within GRACE_MS (a synchronous
 * loop) has its thread ended, keeping the outputs it had sent, and the kernel is gone.
 */
import { Worker } from "node:worker_threads";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { NotebookOutput } from "../../runtime/notebook/format.js";
import type { CellResult } from "../../runtime/notebook/kernel.js";

export type ToKernelThread = { type: "run"; source: string } | { type: "interrupt" };
export type FromKernelThread =
  | { type: "ready" }
  | { type: "output"; output: NotebookOutput }
  | { type: "result"; result: CellResult; count: number };

const GRACE_MS = 2000;

export interface CellRun {
  readonly result: CellResult;
  readonly count: number;
  /** The time limit passed (the cell was interrupted or its thread ended). */
  readonly timedOut: boolean;
}

/** Streamed outputs merged as the kernel merges them: consecutive prints to one stream are one output. */
function append(outputs: NotebookOutput[], o: NotebookOutput): void {
  const last = outputs[outputs.length - 1];
  if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) outputs[outputs.length - 1] = { ...last, text: last.text + o.text };
  else outputs.push(o);
}

export class KernelThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private listener: ((msg: FromKernelThread) => void) | undefined;
  private stopped: ((why: string) => void) | undefined;
  private ended = false;
  private count = 0;

  constructor(graph: GraphDocument, cacheDir: string) {
    this.worker = new Worker(new URL("./kernel-thread.mjs", import.meta.url), { workerData: { graph, cacheDir } });
    this.ready = new Promise((resolve, reject) => {
      this.listener = (msg) => { if (msg.type === "ready") resolve(); };
      this.stopped = (why) => reject(new Error(why));
    });
    this.ready.catch(() => undefined);
    this.worker.on("message", (msg: FromKernelThread) => this.listener?.(msg));
    this.worker.on("error", (e) => this.stop(`the kernel failed: ${e.message}`));
    this.worker.on("exit", () => this.stop("the kernel stopped"));
  }

  private stop(why: string): void {
    this.ended = true;
    this.stopped?.(why);
  }

  /** Runs `source`; with `timeoutMs`, stops it at that limit. Resolves, never rejects. */
  async run(source: string, timeoutMs?: number): Promise<CellRun> {
    const outputs: NotebookOutput[] = [];
    const failed = (name: string, message: string, timedOut: boolean): CellRun => {
      outputs.push({ output_type: "error", ename: name, evalue: message, traceback: [`${name}: ${message}`] });
      return { result: { ok: false, outputs, error: { name, message } }, count: this.count, timedOut };
    };
    try {
      await this.ready;
    } catch (e) {
      return failed("KernelError", `${(e as Error).message}; the notebook cannot run.`, false);
    }
    if (this.ended) return failed("KernelError", "the kernel was stopped by an earlier cell; run the notebook again.", false);
    this.count++;
    return new Promise<CellRun>((resolve) => {
      let timedOut = false;
      const timers: ReturnType<typeof setTimeout>[] = [];
      const done = (r: CellRun) => { timers.forEach(clearTimeout); this.listener = undefined; this.stopped = undefined; resolve(r); };
      this.listener = (msg) => {
        if (msg.type === "output") append(outputs, msg.output);
        else if (msg.type === "result") done({ result: msg.result, count: msg.count, timedOut });
      };
      this.stopped = (why) => done(failed(timedOut ? "KeyboardInterrupt" : "KernelError", timedOut ? "The cell was stopped." : `${why}.`, timedOut));
      if (timeoutMs !== undefined) {
        timers.push(setTimeout(() => {
          timedOut = true;
          this.worker.postMessage({ type: "interrupt" } satisfies ToKernelThread);
          timers.push(setTimeout(() => void this.worker.terminate(), GRACE_MS));
        }, timeoutMs));
      }
      this.worker.postMessage({ type: "run", source } satisfies ToKernelThread);
    });
  }

  async dispose(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }
}
