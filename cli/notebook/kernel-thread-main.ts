/**
 * The notebook kernel inside a worker thread (started by kernel-client.ts). Running cells off
 * the command's main thread lets a time limit stop any cell, even a synchronous endless loop,
 * by ending the thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { openDataset } from "../../electron/host/train/datasets.js";
import { Kernel } from "../../runtime/notebook/kernel.js";
import { quietTfjsNotes } from "../quiet-tfjs.js";
import { encodePng } from "./png.js";
import type { FromKernelThread, ToKernelThread } from "./kernel-client.js";

const { graph, cacheDir } = workerData as { graph: GraphDocument; cacheDir: string };
const port = parentPort!;
const send = (msg: FromKernelThread) => port.postMessage(msg);

quietTfjsNotes();
const kernel = new Kernel({ graph, loadDataset: (id) => openDataset(id, cacheDir), encodePng, onOutput: (output) => send({ type: "output", output }) });

port.on("message", (msg: ToKernelThread) => {
  if (msg.type === "interrupt") kernel.interrupt();
  else void kernel.run(msg.source).then((result) => send({ type: "result", result, count: kernel.count }));
});
send({ type: "ready" });
