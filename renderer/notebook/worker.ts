/**
 * The notebook kernel worker: cells never run on the UI thread. Interrupting terminates this
 * worker (the panel starts a fresh one), so even a cell stuck in a loop can be stopped.
 * Runs on tfjs's cpu backend: the template notebooks are sized for it (they run in Node too),
 * and it gives the same numbers as `layerloom notebook run`.
 */
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { loadDataset } from "../../runtime/data/registry.js";
import type { Dataset } from "../../runtime/data/types.js";
import { Kernel } from "../../runtime/notebook/kernel.js";
import type { Rgba } from "../../runtime/notebook/raster.js";
import * as tf from "../../runtime/tf.js";
import { fromKernel, parseMessage, toKernel, type FromKernel } from "./protocol.js";

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<unknown>) => void) | null };
const post = (msg: FromKernel) => scope.postMessage(fromKernel.parse(msg));

const datasets = new Map<string, Promise<Dataset>>();
const dataset = (id: string): Promise<Dataset> => {
  let d = datasets.get(id);
  if (!d) {
    d = loadDataset(id);
    d.catch(() => datasets.delete(id));
    datasets.set(id, d);
  }
  return d;
};

async function encodePng(image: Rgba): Promise<string> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d")!;
  ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/png" })).arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

let kernel: Kernel | undefined;
let runId = "";
const ready = tf.setBackend("cpu").then(() => tf.ready());

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const parsed = parseMessage(toKernel, event.data);
  if (!parsed.ok) {
    post({ type: "protocol-error", message: parsed.error });
    return;
  }
  const msg = parsed.msg;
  queue = queue.then(async () => {
    await ready;
    runId = msg.runId;
    const loaded = parseGraphFile(msg.graph);
    if (!loaded.ok) {
      post({ type: "output", runId, output: { output_type: "error", ename: "GraphError", evalue: loaded.error.message, traceback: [`The open graph cannot be read: ${loaded.error.message}`] } });
      post({ type: "done", runId, ok: false, executionCount: kernel?.count ?? 0 });
      return;
    }
    kernel ??= new Kernel({ graph: loaded.doc, loadDataset: dataset, encodePng, onOutput: (output) => post({ type: "output", runId, output }) });
    kernel.graph = loaded.doc;
    const result = await kernel.run(msg.source);
    post({ type: "done", runId: msg.runId, ok: result.ok, executionCount: kernel.count });
  });
};
