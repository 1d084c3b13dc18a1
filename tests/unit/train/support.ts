/**
 * Small documents and datasets for the training tests: each trains in well under a second on the
 * cpu backend, so the whole set stays fast on a 2-core machine.
 */
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { arraysDataset } from "../../../runtime/data/in-memory.js";
import { gaussianMixture } from "../../../runtime/data/synthetic/points.js";
import type { Dataset } from "../../../runtime/data/types.js";
import * as tf from "../../../runtime/tf.js";
import type { Checkpoint, EpochLog } from "../../../runtime/train/checkpoint.js";
import { train, type TrainOutcome, type TrainRun } from "../../../runtime/train/loop.js";
import { prepareTraining, type TrainingSession } from "../../../runtime/train/session.js";
import { graph } from "../../support/docs.js";

export { tf };

/** 3 well-separated gaussian classes in 2-D: 192 training points. */
export const points = (): Dataset => gaussianMixture({ trainSize: 192, testSize: 32 });

type Training = Partial<TrainingSpec>;

/** x(2) -> h Dense 16 relu -> drop Dropout -> out Dense 3 softmax. */
export function mlp(training: Training = {}): GraphDocument {
  return graph("MLP")
    .node("x", "Input", { shape: [2] })
    .layer("h", "Dense", { units: 16, activation: "relu" }, "x")
    .layer("drop", "Dropout", { rate: 0.2 }, "h")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "drop")
    .network("net", ["x"], ["out"])
    .training({ dataset: "synthetic:gaussians", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], metrics: ["accuracy"], optimizer: { kind: "adam", learningRate: 0.02 }, batchSize: 32, epochs: 3, ...training })
    .build();
}

/** The MLP with a second head "aux" on h; losses on out (weight 1) and aux (weight `auxWeight`). */
export function twoHeads(auxWeight: number, training: Training = {}): GraphDocument {
  return graph("Two heads")
    .node("x", "Input", { shape: [2] })
    .layer("h", "Dense", { units: 8, activation: "tanh" }, "x")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "h")
    .layer("aux", "Dense", { units: 3, activation: "softmax" }, "h")
    .network("net", ["x"], ["out", "aux"])
    .training({
      dataset: "synthetic:gaussians",
      losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }, { output: "aux", loss: "categoricalCrossentropy", weight: auxWeight }],
      metrics: ["accuracy"], optimizer: { kind: "sgd", learningRate: 0.1 }, batchSize: 32, epochs: 1, ...training,
    })
    .build();
}

/** A dataset from plain arrays: samples of `shape`, class labels, all in the train split. */
export function arrays(id: string, shape: number[], values: Float32Array, labels: number[], classes = 3): Dataset {
  const n = labels.length;
  return arraysDataset({
    id, title: id, description: id, provenance: { source: "test", license: "test" },
    sampleShape: shape, values,
    target: { kind: "classes", labels, names: Array.from({ length: classes }, (_, i) => `c${i}`) },
    splits: { train: Int32Array.from({ length: n }, (_, i) => i), test: new Int32Array(0) },
  });
}

export interface Run {
  readonly session: TrainingSession;
  readonly outcome: TrainOutcome;
  readonly epochs: EpochLog[];
  readonly checkpoints: Checkpoint[];
}

/** Prepares and trains a document on a dataset; the caller disposes run.session. */
export async function trainDoc(doc: GraphDocument, dataset: Dataset, extra: Partial<TrainRun> & { seed?: number; epochs?: number } = {}): Promise<Run> {
  const { seed = 1, epochs, ...rest } = extra;
  const session = await prepareTraining(doc, { dataset, seed, ...(epochs !== undefined ? { epochs } : {}) });
  const logs: EpochLog[] = [];
  const checkpoints: Checkpoint[] = [];
  const outcome = await train({
    recipe: session.prepared, networks: session.networks, dataset, settings: session.settings, fingerprint: session.fingerprint,
    onEpoch: (l) => void logs.push(l),
    onCheckpoint: (c) => void checkpoints.push(c),
    ...rest,
  });
  return { session, outcome, epochs: logs, checkpoints };
}

/** Loss values of each epoch, without timings (which differ run to run). */
export const lossesOf = (logs: readonly EpochLog[]) => logs.map((l) => l.values);

export async function useCpu(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}
