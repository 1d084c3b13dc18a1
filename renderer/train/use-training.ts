/**
 * The training controller of a running app, one per app store (so the top bar's badge, the Train
 * tab and the commands share it without a provider), and the next run's options from the graph's
 * training section and the panel's draft.
 */
import { useStore } from "zustand";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Platform } from "../platform/platform.js";
import type { AppStore } from "../store/app-store.js";
import { useServices } from "../store/context.js";
import { createWorkerHub, type WorkerHub } from "../inspect/worker-hub.js";
import { BACKENDS, type RunOptions, type ToWorker } from "./protocol.js";
import { startRunsSync, type RunsSync } from "./runs-sync.js";
import { createTrainController, type Draft, type TrainController, type TrainState } from "./train-store.js";

const controllers = new WeakMap<AppStore, TrainController>();
/** Steps between statistics snapshots in the app. */
export const STATS_EVERY = 5;
const hubs = new WeakMap<AppStore, WorkerHub>();

/** The app's training worker, shared by training and inspection (renderer/inspect). */
export function workerHubFor(app: AppStore): WorkerHub {
  let h = hubs.get(app);
  if (!h) {
    h = createWorkerHub(() => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "layerloom-training" }));
    hubs.set(app, h);
  }
  return h;
}

/** What a job controller on the shared worker (inspection, sampling) hears back from it. */
export interface WorkerJobController {
  receive(data: unknown): void;
  ended(reason: string): void;
}

/**
 * One controller per app store, wired to the app's training worker: its messages go out through
 * the worker, the worker's replies and its end come back to it.
 */
export function workerControllerFor<C extends WorkerJobController>(create: (send: (msg: ToWorker) => void) => C): (app: AppStore) => C {
  const made = new WeakMap<AppStore, C>();
  return (app) => {
    const existing = made.get(app);
    if (existing) return existing;
    const hub = workerHubFor(app);
    const controller = create((msg) => hub.post(msg));
    hub.onInspect((data) => controller.receive(data));
    hub.onEnded((reason) => controller.ended(reason));
    made.set(app, controller);
    return controller;
  };
}

/**
 * The app's training controller. With a platform (the hooks below always pass one), its runs and
 * trained weights are also kept beside the graph file (runs-sync.ts); the top bar's badge mounts
 * with the window, so that starts at once.
 */
export function trainingFor(app: AppStore, platform?: Platform): TrainController {
  let c = controllers.get(app);
  if (!c) {
    let sync: RunsSync | undefined;
    const controller = createTrainController({
      makeWorker: () => workerHubFor(app).trainWorker(),
      onFault(fault) {
        const s = app.getState();
        s.setTrainingFault(fault);
        if (fault) s.focusNode(fault.nodeId);
      },
      onRunsChanged: (runs) => sync?.runsChanged(runs),
      onWeights: (run, msg) => sync?.weights(run, msg),
    });
    if (platform) sync = startRunsSync(app, platform, () => controller);
    c = controller;
    controllers.set(app, c);
  }
  return c;
}

export function useTraining(): TrainController {
  const { app, platform } = useServices();
  return trainingFor(app, platform);
}

export function useTrain<T>(selector: (s: TrainState) => T): T {
  return useStore(useTraining().store, selector);
}

/** The next run's options, or why there can be none. */
export function runOptionsFor(doc: GraphDocument, draft: Draft): RunOptions | string {
  const t = doc.training;
  if (!t) return `"${doc.name || "This graph"}" has no training section: add one that names the recipe, the network, the dataset and the losses.`;
  return {
    dataset: draft.dataset ?? t.dataset,
    epochs: draft.epochs ?? t.epochs,
    batchSize: draft.batchSize ?? t.batchSize,
    seed: draft.seed ?? 0,
    // Per-node statistics for the canvas bars (renderer/inspect): cheap at this spacing.
    statsEvery: STATS_EVERY,
    ...(draft.maxSteps !== undefined ? { maxSteps: draft.maxSteps } : {}),
    ...(draft.testSamples !== undefined ? { testSamples: draft.testSamples } : {}),
    // A chosen backend is tried first; the ones after it in the usual order remain to fall back on.
    ...(draft.backend ? { backends: BACKENDS.slice(BACKENDS.indexOf(draft.backend)) } : {}),
  };
}
