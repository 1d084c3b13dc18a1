/**
 * Runs auto-layout in a Web Worker, so a 3,000-node layout (seconds of ELK) never blocks
 * panning or typing. elkjs ships its own worker script; vite emits it as an asset and elk-api
 * talks to it. One worker serves the whole session and is started on first use.
 */
import ELK from "elkjs/lib/elk-api.js";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { Position } from "../../graph-ir/core/edits.js";
import { positionsFromElk, toElkGraph, type LayoutRequest } from "./auto-layout.js";

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutInWorker(request: LayoutRequest): Promise<Map<string, Position>> {
  elk ??= new ELK({ workerFactory: () => new Worker(workerUrl, { name: "layerloom-layout" }) });
  return positionsFromElk(await elk.layout(toElkGraph(request)));
}
