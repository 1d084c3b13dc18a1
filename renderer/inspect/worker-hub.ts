/**
 * One training worker shared by training and inspection: the training controller gets a
 * WorkerLike that sees only training messages; inspection replies and statistics go to the
 * inspection side. Whoever needs the worker first starts it; if it fails or is ended, both sides
 * hear of it and the next message starts a fresh one.
 */
import type { ToWorker } from "../train/protocol.js";
import type { WorkerLike } from "../train/train-store.js";
import { INSPECT_MESSAGE_TYPES } from "./protocol.js";

export interface WorkerHub {
  /** The training controller's view of the worker. */
  trainWorker(): WorkerLike;
  post(msg: ToWorker): void;
  /** Inspection replies and statistics, unparsed (the listener checks them). */
  onInspect(listener: (data: unknown) => void): () => void;
  /** The worker failed or was ended: what was running in it is gone. */
  onEnded(listener: (reason: string) => void): () => void;
}

const isInspect = (data: unknown) =>
  typeof data === "object" && data !== null && INSPECT_MESSAGE_TYPES.has(String((data as { type?: unknown }).type));

export function createWorkerHub(make: () => WorkerLike): WorkerHub {
  let real: WorkerLike | undefined;
  const inspect = new Set<(data: unknown) => void>();
  const ended = new Set<(reason: string) => void>();
  const end = (reason: string) => ended.forEach((l) => l(reason));

  const facade: WorkerLike = {
    postMessage: (m) => ensure().postMessage(m),
    onmessage: null,
    onerror: null,
    terminate() {
      if (!real) return;
      real.terminate();
      real = undefined;
      end("The training worker was stopped.");
    },
  };

  function ensure(): WorkerLike {
    if (real) return real;
    const w = make();
    w.onmessage = (event) => {
      if (isInspect(event.data)) inspect.forEach((l) => l(event.data));
      else facade.onmessage?.(event);
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      if (real === w) real = undefined;
      end(`The training worker failed: ${event.message || "it could not start"}.`);
      facade.onerror?.(event);
    };
    real = w;
    return w;
  }

  return {
    trainWorker: () => facade,
    post: (msg) => ensure().postMessage(msg),
    onInspect(listener) {
      inspect.add(listener);
      return () => inspect.delete(listener);
    },
    onEnded(listener) {
      ended.add(listener);
      return () => ended.delete(listener);
    },
  };
}
