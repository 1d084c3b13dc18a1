/** The panel's side of the kernel worker: one run at a time, outputs streamed back, messages checked. */
import type { NotebookOutput } from "../../runtime/notebook/format.js";
import { fromKernel, parseMessage, toKernel } from "./protocol.js";

interface Pending {
  readonly onOutput: (o: NotebookOutput) => void;
  readonly done: (r: { ok: boolean; executionCount: number }) => void;
}

export class KernelClient {
  private readonly worker: Worker;
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(make: () => Worker = () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "layerloom-notebook" })) {
    this.worker = make();
    this.worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.worker.onerror = (e) => this.failAll(`The notebook kernel stopped: ${e.message || "it could not start"}.`);
  }

  run(source: string, graph: string, onOutput: (o: NotebookOutput) => void): Promise<{ ok: boolean; executionCount: number }> {
    const runId = `r${++this.counter}`;
    return new Promise((done) => {
      this.pending.set(runId, { onOutput, done });
      this.worker.postMessage(toKernel.parse({ type: "run", runId, source, graph }));
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.pending.clear();
  }

  private receive(data: unknown): void {
    const parsed = parseMessage(fromKernel, data);
    if (!parsed.ok) return this.failAll(parsed.error);
    const msg = parsed.msg;
    if (msg.type === "protocol-error") return this.failAll(msg.message);
    const p = this.pending.get(msg.runId);
    if (!p) return;
    if (msg.type === "output") p.onOutput(msg.output as NotebookOutput);
    else {
      this.pending.delete(msg.runId);
      p.done({ ok: msg.ok, executionCount: msg.executionCount });
    }
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) {
      p.onOutput({ output_type: "error", ename: "KernelError", evalue: message, traceback: [message] });
      p.done({ ok: false, executionCount: 0 });
    }
    this.pending.clear();
  }
}
