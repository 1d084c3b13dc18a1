/**
 * Draws samples inside the training worker, on the same model source as inspection (the running
 * run's networks, else the last finished run's, else the untrained seeded model of the open
 * graph), so what the Sample tab shows comes from the model the note names. Progress goes out at
 * most every 100 ms; a cancel is checked between forward passes; errors go out as one line.
 */
import type { Dataset } from "../../runtime/data/types.js";
import { sample, samplerFor, type SampleResult } from "../../runtime/sample/index.js";
import * as tf from "../../runtime/tf.js";
import type { ModelSource, ModelSources } from "../inspect/model-source.js";
import { WorkerJobs, readOpenGraph, throttled } from "../inspect/worker-jobs.js";
import type { FromWorker } from "../train/protocol.js";
import type { SampleRequest, SampleResultMsg } from "./protocol.js";

/** Training samples drawn beside a generator's points, so the plot shows what it should match. */
const REFERENCE_POINTS = 300;

/** Real points of the dataset with the generator's dimension, or none when its inputs are not such points. */
export function referencePoints(dataset: Dataset, dim: number): number[][] | undefined {
  if (dataset.inputShape.length !== 1 || dataset.inputShape[0] !== dim) return undefined;
  const n = Math.min(REFERENCE_POINTS, dataset.size("train"));
  if (n === 0) return undefined;
  const { data } = dataset.gather("train", Int32Array.from({ length: n }, (_, i) => i)).x;
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * dim, (i + 1) * dim)));
}

export interface SamplerDeps {
  readonly post: (msg: FromWorker) => void;
  readonly dataset: (id: string) => Promise<Dataset>;
  /** The running run's networks, if a run is going and has built them. */
  readonly live: () => ModelSource | undefined;
  /** Shared with the inspector, so a kept run and the untrained model are built once. */
  readonly sources: ModelSources;
}

/** The result as the protocol's (mutable) shape; typed arrays cross as they are. */
function toMessage(r: SampleResult): SampleResultMsg {
  switch (r.kind) {
    case "images":
      return { kind: "images", note: r.note, images: r.images.map((i) => ({ width: i.width, height: i.height, channels: i.channels, pixels: i.pixels, ...(i.label !== undefined ? { label: i.label } : {}) })) };
    case "points":
      return { kind: "points", note: r.note, points: r.points.map((p) => [...p]), ...(r.labels ? { labels: [...r.labels] } : {}) };
    case "text":
      return { kind: "text", note: r.note, prompt: r.prompt, text: r.text };
    case "neighbours":
      return { kind: "neighbours", note: r.note, entries: r.entries.map((e) => ({ word: e.word, known: e.known, neighbours: e.neighbours.map((n) => ({ ...n })) })) };
  }
}

export class WorkerSampler {
  private readonly jobs = new WorkerJobs();

  constructor(private readonly deps: SamplerDeps) {}

  cancel(id: string): void {
    this.jobs.cancel(id);
  }

  async run(req: SampleRequest): Promise<void> {
    const { post } = this.deps;
    await this.jobs.run(req.id, async (signal) => {
      const doc = readOpenGraph(req.graph);
      const choice = samplerFor(doc);
      if (choice.kind === "none") throw new Error(choice.reason);
      await tf.ready();
      const { source, note } = await this.deps.sources.choose(doc, req.dataset, req.seed, this.deps.live(), this.deps.dataset);
      const networks = new Map(source.session.networks.map((n) => [n.id, n]));
      const p = req.params;
      const result = await sample(doc, networks, {
        count: p.count, length: p.length, temperature: p.temperature, seed: p.seed, neighbours: p.neighbours,
        ...(p.prompt !== undefined ? { prompt: p.prompt } : {}),
        ...(p.words ? { words: p.words } : {}),
        dataset: () => Promise.resolve(source.dataset),
        signal,
        onProgress: throttled((done, total) => post({ type: "sample-progress", id: req.id, done, total })),
      });
      if (signal.aborted) throw new Error("Cancelled.");
      const reference = result.kind === "points" && result.points[0] ? referencePoints(source.dataset, result.points[0].length) : undefined;
      post({
        type: "sample-result", id: req.id, model: { trained: source.trained, step: source.step, note }, sampler: choice.kind, title: choice.title,
        result: toMessage(result), ...(reference ? { reference } : {}),
      });
    }, (message, cancelled) => post({ type: "sample-error", id: req.id, message, ...(cancelled ? { cancelled } : {}) }));
  }
}
