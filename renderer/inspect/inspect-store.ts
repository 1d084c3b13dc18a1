/**
 * The app's side of inspection: the running or last inspection (progress, result, error), the
 * settings the Inspect tab offers (input sample, class, penalty weight, ...), and the live
 * statistics snapshots of the current run with the scrubber that picks the one the canvas bars
 * show. Replies are checked against the protocol; one that does not parse fails the inspection
 * with the reason rather than being ignored.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { parseMessage, type ToWorker } from "../train/protocol.js";
import { inspectFromWorker, inspectParams, type InspectFromWorker, type InspectParams, type StatsSnapshotMsg, type Tool } from "./protocol.js";
import { FOLLOW, scrubTo, shownIndex, stepBy, thin, type ScrubState } from "./scrubber.js";
import { barsText, scaleOf, statBars, type Bar } from "./stat-bars.js";

export type ResultMsg = Extract<InspectFromWorker, { type: "inspect-result" }>;

export interface Job {
  readonly id: string;
  readonly tool: Tool;
  readonly node: string;
  readonly params: InspectParams;
  readonly status: "running" | "done" | "failed" | "cancelled";
  readonly done: number;
  readonly total: number;
  readonly objective: readonly number[];
  readonly result?: ResultMsg;
  readonly error?: string;
}

export interface ShownStats {
  readonly step: number;
  readonly bars: ReadonlyMap<string, readonly Bar[]>;
  readonly text: ReadonlyMap<string, string>;
}

export interface InspectState {
  readonly job?: Job;
  /** What the next inspection uses (the Inspect tab's fields). */
  readonly params: InspectParams;
  /** The dataset's class names, from the last inspection that had them (the Class field's choices). */
  readonly classNames?: readonly string[];
  readonly statsRun?: string;
  readonly snapshots: readonly StatsSnapshotMsg[];
  readonly scrub: ScrubState;
  readonly shown?: ShownStats;
}

/** What an inspection needs from the app at the moment it starts. */
export interface Target {
  readonly graph: string;
  readonly dataset: string;
  readonly seed: number;
}

export interface InspectController {
  readonly store: StoreApi<InspectState>;
  run(tool: Tool, node: string, target: Target): void;
  /** Shows why a tool cannot run on a node, in place of its result. */
  refuse(tool: Tool, node: string, reason: string): void;
  cancel(): void;
  setParams(p: Partial<InspectParams>): void;
  scrub(index: number): void;
  step(delta: number): void;
  /** A message from the worker (inspection reply or statistics). */
  receive(data: unknown): void;
  /** The worker went away: a running inspection is lost. */
  ended(reason: string): void;
}

/** Snapshots kept per run before old ones are thinned. */
export const SNAPSHOT_LIMIT = 1000;

function shownOf(snapshots: readonly StatsSnapshotMsg[], scrub: ScrubState): ShownStats | undefined {
  const i = shownIndex(scrub, snapshots.length);
  const snap = i === undefined ? undefined : snapshots[i];
  if (!snap) return undefined;
  const scale = scaleOf(snap.nodes);
  const bars = new Map<string, Bar[]>();
  const text = new Map<string, string>();
  for (const n of snap.nodes) {
    const b = statBars(n, scale);
    bars.set(n.node, b);
    text.set(n.node, barsText(snap.step, b));
  }
  return { step: snap.step, bars, text };
}

export function createInspectController(send: (msg: ToWorker) => void): InspectController {
  const store = createStore<InspectState>(() => ({ params: { sample: 0, penaltyWeight: 1, unit: 0 }, snapshots: [], scrub: FOLLOW }));
  let counter = 0;
  const patchJob = (id: string, patch: Partial<Job>) =>
    store.setState((s) => (s.job?.id === id ? { job: { ...s.job, ...patch } } : s));

  function stats(runId: string, snapshot: StatsSnapshotMsg): void {
    const s = store.getState();
    const fresh = s.statsRun !== runId;
    let snapshots = fresh ? [snapshot] : [...s.snapshots, snapshot];
    let scrub = fresh ? FOLLOW : s.scrub;
    if (snapshots.length > SNAPSHOT_LIMIT) {
      const t = thin(snapshots, SNAPSHOT_LIMIT);
      snapshots = t.list;
      if (!scrub.follow) scrub = { follow: false, index: t.map(scrub.index) };
    }
    // A pinned snapshot does not change as new ones arrive: keep the bars (and the cards) as they are.
    const shown = scrub.follow || fresh ? shownOf(snapshots, scrub) : s.shown;
    store.setState({ statsRun: runId, snapshots, scrub, shown });
  }

  function setScrub(scrub: ScrubState): void {
    const s = store.getState();
    store.setState({ scrub, shown: shownOf(s.snapshots, scrub) });
  }

  return {
    store,
    run(tool, node, target) {
      const prev = store.getState().job;
      if (prev?.status === "running") send({ type: "inspect-cancel", id: prev.id });
      const id = `inspect-${Date.now().toString(36)}-${++counter}`;
      const params = { ...store.getState().params };
      store.setState({ job: { id, tool, node, params, status: "running", done: 0, total: 0, objective: [] } });
      send({ type: "inspect", id, tool, node, graph: target.graph, dataset: target.dataset, seed: target.seed, params: inspectParams.parse(params) });
    },
    refuse(tool, node, reason) {
      const prev = store.getState().job;
      if (prev?.status === "running") send({ type: "inspect-cancel", id: prev.id });
      const params = { ...store.getState().params };
      store.setState({ job: { id: `refused-${++counter}`, tool, node, params, status: "failed", done: 0, total: 0, objective: [], error: reason } });
    },
    cancel() {
      const job = store.getState().job;
      if (job?.status !== "running") return;
      send({ type: "inspect-cancel", id: job.id });
    },
    setParams(p) {
      store.setState((s) => ({ params: { ...s.params, ...p } }));
    },
    scrub: (index) => setScrub(scrubTo(index, store.getState().snapshots.length)),
    step: (delta) => setScrub(stepBy(store.getState().scrub, delta, store.getState().snapshots.length)),
    receive(data) {
      const r = parseMessage(inspectFromWorker, data, "inspection");
      if (!r.ok) {
        const job = store.getState().job;
        if (job?.status === "running") patchJob(job.id, { status: "failed", error: `The worker sent an ${r.error}` });
        return;
      }
      const msg = r.msg;
      switch (msg.type) {
        case "stats":
          return stats(msg.runId, msg.snapshot);
        case "inspect-progress":
          return patchJob(msg.id, { done: msg.done, total: msg.total, ...(msg.objective ? { objective: msg.objective } : {}) });
        case "inspect-result":
          if (msg.classNames && store.getState().job?.id === msg.id) store.setState({ classNames: msg.classNames });
          return patchJob(msg.id, { status: "done", result: msg, done: 1, total: 1 });
        case "inspect-error":
          return patchJob(msg.id, msg.cancelled ? { status: "cancelled" } : { status: "failed", error: msg.message });
      }
    },
    ended(reason) {
      const job = store.getState().job;
      if (job?.status === "running") patchJob(job.id, { status: "failed", error: `${reason} Run the inspection again.` });
    },
  };
}
