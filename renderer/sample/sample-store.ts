/**
 * The app's side of sampling: the running or last draw (progress, result, error) and the form
 * the Sample tab shows (count, temperature, prompt, words, seed). Replies are checked against the
 * protocol; one that does not parse fails the draw with the reason rather than being ignored.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { SamplerKind } from "../../runtime/sample/types.js";
import { parseMessage, type ToWorker } from "../train/protocol.js";
import { SAMPLE_MESSAGE_TYPES, sampleFromWorker, sampleParams, type SampleFromWorker } from "./protocol.js";
import { requestParams, type SampleForm } from "./sample-view.js";

export type SampleResultReply = Extract<SampleFromWorker, { type: "sample-result" }>;

export interface SampleJob {
  readonly id: string;
  /** The sampler the graph had when the draw started; absent when it had none. */
  readonly kind?: SamplerKind;
  readonly status: "running" | "done" | "failed" | "cancelled";
  readonly done: number;
  readonly total: number;
  readonly reply?: SampleResultReply;
  readonly error?: string;
}

export interface SampleState {
  readonly job?: SampleJob;
  readonly form: SampleForm;
}

/** What a draw needs from the app at the moment it starts (as inspection's Target). */
export interface SampleTarget {
  readonly graph: string;
  readonly dataset: string;
  readonly seed: number;
}

export interface SampleController {
  readonly store: StoreApi<SampleState>;
  run(kind: SamplerKind, target: SampleTarget): void;
  /** Shows why nothing can be drawn, in place of a result. */
  refuse(reason: string): void;
  cancel(): void;
  setForm(f: Partial<SampleForm>): void;
  /** A message from the worker; anything but a sampling reply is left to others. */
  receive(data: unknown): void;
  /** The worker went away: a running draw is lost. */
  ended(reason: string): void;
}

export const INITIAL_FORM: SampleForm = { count: 16, length: 300, temperature: 1, seed: 0, prompt: "", words: "" };

const isSampleMessage = (data: unknown) =>
  typeof data === "object" && data !== null && SAMPLE_MESSAGE_TYPES.includes(String((data as { type?: unknown }).type));

export function createSampleController(send: (msg: ToWorker) => void): SampleController {
  const store = createStore<SampleState>(() => ({ form: INITIAL_FORM }));
  let counter = 0;
  const patchJob = (id: string, patch: Partial<SampleJob>) =>
    store.setState((s) => (s.job?.id === id ? { job: { ...s.job, ...patch } } : s));
  const cancelRunning = () => {
    const prev = store.getState().job;
    if (prev?.status === "running") send({ type: "sample-cancel", id: prev.id });
  };

  return {
    store,
    run(kind, target) {
      const params = requestParams(kind, store.getState().form);
      if (typeof params === "string") return this.refuse(params);
      cancelRunning();
      const id = `sample-${Date.now().toString(36)}-${++counter}`;
      store.setState({ job: { id, kind, status: "running", done: 0, total: 0 } });
      send({ type: "sample", id, graph: target.graph, dataset: target.dataset, seed: target.seed, params: sampleParams.parse(params) });
    },
    refuse(reason) {
      cancelRunning();
      store.setState({ job: { id: `refused-${++counter}`, status: "failed", done: 0, total: 0, error: reason } });
    },
    cancel() {
      const job = store.getState().job;
      if (job?.status === "running") send({ type: "sample-cancel", id: job.id });
    },
    setForm(f) {
      store.setState((s) => ({ form: { ...s.form, ...f } }));
    },
    receive(data) {
      if (!isSampleMessage(data)) return;
      const r = parseMessage(sampleFromWorker, data, "sampling");
      if (!r.ok) {
        const job = store.getState().job;
        if (job?.status === "running") patchJob(job.id, { status: "failed", error: `The worker sent an ${r.error}` });
        return;
      }
      const msg = r.msg;
      switch (msg.type) {
        case "sample-progress":
          return patchJob(msg.id, { done: msg.done, total: msg.total });
        case "sample-result":
          return patchJob(msg.id, { status: "done", reply: msg, kind: msg.sampler });
        case "sample-error":
          return patchJob(msg.id, msg.cancelled ? { status: "cancelled" } : { status: "failed", error: msg.message });
      }
    },
    ended(reason) {
      const job = store.getState().job;
      if (job?.status === "running") patchJob(job.id, { status: "failed", error: `${reason} Draw the samples again.` });
    },
  };
}
