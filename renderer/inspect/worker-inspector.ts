/**
 * Runs inspections inside the training worker, where the run's networks live: feature maps,
 * saliency, guided back-propagation, Grad-CAM, input optimisation and t-SNE / PCA of a layer
 * (t-SNE computes here too, never on the UI thread; it yields between iterations, so a cancel
 * message gets through). Progress goes out at most every 100 ms; errors go out as one line.
 */
import type { Dataset, Split } from "../../runtime/data/types.js";
import * as inspect from "../../runtime/inspect/index.js";
import type { MaterializedNetwork } from "../../runtime/materialize/materialize.js";
import * as tf from "../../runtime/tf.js";
import type { FromWorker } from "../train/protocol.js";
import { ModelSources, type ModelSource } from "./model-source.js";
import { WorkerJobs, readOpenGraph, throttled } from "./worker-jobs.js";
import { type InspectImage, type InspectRequest, type InspectResult } from "./protocol.js";


export interface InspectorDeps {
  readonly post: (msg: FromWorker) => void;
  readonly dataset: (id: string) => Promise<Dataset>;
  /** The running run's networks, if a run is going and has built them. */
  readonly live: () => ModelSource | undefined;
}

class Cancelled extends Error {}

/** The layer that stands for a canvas node: its own, or a block's output layer (its last). */
export function layerFor(networks: readonly MaterializedNetwork[], nodeId: string): { network: MaterializedNetwork; layer: string } | undefined {
  for (const network of networks) {
    const layers = network.layerOrder.filter((l) => network.nodeOf(l)?.nodeId === nodeId);
    if (layers.length) return { network, layer: layers[layers.length - 1]! };
  }
  return undefined;
}

export class WorkerInspector {
  readonly sources = new ModelSources();
  private readonly jobs = new WorkerJobs();

  constructor(private readonly deps: InspectorDeps) {}

  cancel(id: string): void {
    this.jobs.cancel(id);
  }

  async run(req: InspectRequest): Promise<void> {
    const { post } = this.deps;
    await this.jobs.run(req.id, async (signal) => {
      const doc = readOpenGraph(req.graph);
      await tf.ready();
      const { source, note } = await this.sources.choose(doc, req.dataset, req.seed, this.deps.live(), this.deps.dataset);
      const found = layerFor(source.session.networks, req.node);
      if (!found) throw new Error(`'${req.node}' has no layer in the built model; inspect a layer node of a trained network.`);
      const out = await this.compute(req, source, found.network, found.layer, signal);
      if (signal.aborted) throw new Cancelled();
      post({ type: "inspect-result", id: req.id, model: { trained: source.trained, step: source.step, note }, layer: found.layer, ...out });
    }, (message, cancelled) => post({ type: "inspect-error", id: req.id, message, ...(cancelled ? { cancelled } : {}) }));
  }

  private progress(id: string): (done: number, total: number, objective?: number[]) => void {
    return throttled((done, total, objective?: number[]) => this.deps.post({ type: "inspect-progress", id, done, total, ...(objective ? { objective } : {}) }));
  }

  private async compute(
    req: InspectRequest, source: ModelSource, network: MaterializedNetwork, layer: string, signal: AbortSignal,
  ): Promise<{ result: InspectResult; input?: InspectImage; classNames?: string[]; predicted?: number }> {
    const p = req.params;
    const { session, dataset } = source;
    const model = network.model;
    const classNames = dataset.target.kind === "classes" ? [...dataset.target.names] : undefined;
    const withClasses = classNames ? { classNames } : {};

    if (req.tool === "optimize") {
      const report = this.progress(req.id);
      const objective: number[] = [];
      const r = await inspect.optimizeInput(model, {
        layerName: layer, unit: p.unit, steps: p.steps, learningRate: p.learningRate, penaltyWeight: p.penaltyWeight, seed: req.seed, signal,
        onProgress: (step, value) => {
          objective.push(value);
          report(step, p.steps, objective);
        },
      });
      return { result: { kind: "optimized", shape: r.shape, values: r.values, objective: r.objective, penaltyWeight: p.penaltyWeight }, ...withClasses };
    }

    const split: Split = dataset.size("test") > 0 ? "test" : "train";
    const size = dataset.size(split);
    const probeNet = (indices: ArrayLike<number>) => {
      const probe = session.prepared.probe(dataset.gather(split, indices));
      if (probe.network !== network) {
        tf.dispose(probe.inputs as tf.Tensor[]);
        throw new Error(`'${req.node}' is in network '${network.id}', which the dataset does not feed; this tool needs a layer of '${probe.network.id}'.`);
      }
      return probe.inputs[0]!;
    };

    if (req.tool === "tsne" || req.tool === "pca") {
      const n = Math.min(p.points, size);
      const indices = Int32Array.from({ length: n }, (_, i) => i);
      const y = dataset.gather(split, indices).y;
      const labels = dataset.target.kind === "classes" && y.shape.length === 1 ? Int32Array.from(y.data) : new Int32Array(n);
      const inputs = probeNet(indices);
      let matrix;
      try {
        matrix = await inspect.layerMatrix(model, inputs, layer);
      } finally {
        inputs.dispose();
      }
      if (signal.aborted) throw new Cancelled();
      const neighbour = (points: Float32Array) => (classNames ? { neighbourAccuracy: inspect.nearestNeighbourAccuracy(points, 2, labels) } : {});
      if (req.tool === "pca") {
        const r = inspect.pca(matrix, 2);
        return { result: { kind: "embedding", method: "pca", points: r.points, labels, explained: r.explained, ...neighbour(r.points) }, ...withClasses };
      }
      const report = this.progress(req.id);
      const points = await inspect.tsne(matrix, { perplexity: Math.min(p.perplexity, (n - 1) / 3), iterations: p.iterations, seed: req.seed, signal, onProgress: (i, total) => report(i, total) });
      return { result: { kind: "embedding", method: "tsne", points, labels, ...neighbour(points) }, ...withClasses };
    }

    if (p.sample >= size) throw new Error(`Sample ${p.sample} is beyond the ${split} split of ${dataset.title}, which has ${size} samples (0 to ${size - 1}).`);
    const preview = dataset.describe(split, p.sample);
    const input: InspectImage | undefined = preview.kind === "image"
      ? { width: preview.width, height: preview.height, channels: preview.channels, pixels: preview.pixels, label: preview.label }
      : undefined;
    const x = probeNet([p.sample]);
    try {
      const predictedT = tf.tidy(() => {
        const out = model.predict(x);
        return (Array.isArray(out) ? out[0]! : out).reshape([1, -1]).argMax(-1);
      });
      const predicted = (await predictedT.data())[0]!;
      predictedT.dispose();
      const extra = { ...withClasses, predicted, ...(input ? { input } : {}) };
      if (req.tool === "activations") {
        const r = await inspect.activations(model, x, layer);
        return { result: { kind: "activations", shape: r.shape, values: r.values }, ...extra };
      }
      const classIndex = p.classIndex ?? predicted;
      if (classNames && classIndex >= classNames.length) throw new Error(`Class ${classIndex} does not exist: ${dataset.title} has ${classNames.length} classes (0 to ${classNames.length - 1}).`);
      const heat = req.tool === "gradcam"
        ? await inspect.gradCam(model, x, { classIndex, layerName: layer })
        : await inspect.saliency(model, x, { classIndex, method: req.tool === "guided" ? "guided" : "plain" });
      const base = input ? { width: input.width, height: input.height, values: Float32Array.from(input.pixels, (v) => v / 255) } : { width: heat.width, height: heat.height, values: new Float32Array(heat.width * heat.height) };
      const overlay = inspect.overlay(base, heat, 0.55);
      return { result: { kind: "heatmap", method: req.tool === "gradcam" ? "gradcam" : req.tool === "guided" ? "guided" : "saliency", width: heat.width, height: heat.height, values: heat.values, overlay, classIndex }, ...extra };
    } finally {
      x.dispose();
    }
  }
}
