/**
 * The training worker: training never runs on the UI thread. Messages are checked against
 * protocol.ts; anything else is answered with a protocol error. One run at a time.
 */
import wasmPlain from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreaded from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { loadDataset } from "../../runtime/data/registry.js";
import type { Dataset } from "../../runtime/data/types.js";
import { errorMessage } from "../../runtime/train/errors.js";
import { loseDevice } from "./device-loss.js";
import { parseMessage, runOptions, toWorker, type FromWorker } from "./protocol.js";
import { previewSamples } from "./samples.js";
import { Trainer } from "./trainer.js";
import { indexedDbBackendStorage, machineKey } from "./backend-cache.js";
import { WorkerInspector } from "../inspect/worker-inspector.js";
import { WorkerSampler } from "../sample/worker-sampler.js";

// The renderer compiles with the DOM library; a worker's global only needs these.
const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  readonly location: { readonly href: string };
};

const post = (msg: FromWorker) => scope.postMessage(msg);
const datasets = new Map<string, Promise<Dataset>>();
const dataset = (id: string): Promise<Dataset> => {
  let d = datasets.get(id);
  if (!d) {
    d = loadDataset(id);
    d.catch(() => datasets.delete(id)); // a failed load may succeed when asked again
    datasets.set(id, d);
  }
  return d;
};
// Vite emits the .wasm files as assets; tfjs-backend-wasm looks them up by file name.
const wasmPaths = {
  "tfjs-backend-wasm.wasm": new URL(wasmPlain, scope.location.href).href,
  "tfjs-backend-wasm-simd.wasm": new URL(wasmSimd, scope.location.href).href,
  "tfjs-backend-wasm-threaded-simd.wasm": new URL(wasmThreaded, scope.location.href).href,
};

const backendStorage = indexedDbBackendStorage();
let current: Trainer | undefined;
// Inspections run here because the run's networks live here; a finished run's are kept for them.
const inspector = new WorkerInspector({ post, dataset, live: () => current?.live() });
const sampler = new WorkerSampler({ post, dataset, live: () => current?.live(), sources: inspector.sources });

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseMessage(toWorker, event.data);
  if (!parsed.ok) {
    post({ type: "protocol-error", message: parsed.error });
    return;
  }
  const msg = parsed.msg;
  switch (msg.type) {
    case "start": {
      if (current) {
        post({ type: "error", runId: msg.runId, message: "A run is already going; stop it before starting another." });
        return;
      }
      const trainer = new Trainer({ post, dataset, wasmPaths, backendStorage, machine: machineKey(), keep: (s) => inspector.sources.keep(s) }, msg.runId, msg.graph, runOptions.parse(msg.options));
      current = trainer;
      void trainer.run().finally(() => {
        if (current === trainer) current = undefined;
      });
      return;
    }
    case "pause":
      current?.pause();
      return;
    case "resume":
      current?.resume();
      return;
    case "stop":
      current?.stop();
      return;
    case "lose-device":
      post({ type: "note", message: `Fault injection: ${loseDevice()}.` });
      return;
    case "inspect":
      void inspector.run(msg);
      return;
    case "inspect-cancel":
      inspector.cancel(msg.id);
      return;
    case "sample":
      void sampler.run(msg);
      return;
    case "sample-cancel":
      sampler.cancel(msg.id);
      return;
    case "preview":
      dataset(msg.dataset)
        .then((d) => post({ type: "preview", dataset: d.id, title: d.title, description: d.description, samples: previewSamples(d, "train", msg.count) }))
        .catch((e: unknown) => post({ type: "error", message: errorMessage(e) }));
      return;
  }
};

post({ type: "ready" });
