/**
 * The training worker's requests beside training (inspection, sampling): each runs as a job a
 * cancel can stop by its id, reads the open graph from its text, and sends progress at most
 * every PROGRESS_MS. A failure or a cancel goes back as one line, never a stack trace.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { errorMessage } from "../../runtime/train/errors.js";

export const PROGRESS_MS = 100;

export class WorkerJobs {
  private readonly jobs = new Map<string, AbortController>();

  cancel(id: string): void {
    this.jobs.get(id)?.abort();
  }

  /** Runs `job` under its own abort signal; `fail` gets the message and whether it was a cancel. */
  async run(id: string, job: (signal: AbortSignal) => Promise<void>, fail: (message: string, cancelled: boolean) => void): Promise<void> {
    const abort = new AbortController();
    this.jobs.set(id, abort);
    try {
      await job(abort.signal);
    } catch (e) {
      fail(abort.signal.aborted ? "Cancelled." : errorMessage(e), abort.signal.aborted);
    } finally {
      this.jobs.delete(id);
    }
  }
}

/** The graph a request carries (the file text at the request); a broken one is a plain error. */
export function readOpenGraph(text: string): GraphDocument {
  const loaded = parseGraphFile(text);
  if (!loaded.ok) throw new Error(`The open graph could not be read: ${loaded.error.message}`);
  return loaded.doc;
}

/** Calls `send` for the last step and otherwise at most every PROGRESS_MS. */
export function throttled<R extends unknown[]>(send: (done: number, total: number, ...rest: R) => void): (done: number, total: number, ...rest: R) => void {
  let last = 0;
  return (done, total, ...rest) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    send(done, total, ...rest);
  };
}
