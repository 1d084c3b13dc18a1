/**
 * Small trained models for the inspection tests. The "bars" set: 16×16 grey images of uniform
 * noise in [0, 0.4], with one bright bar of 4 pixels placed at random inside the top-left
 * quadrant: class 0 when it is horizontal, class 1 when vertical. Only that quadrant decides the
 * class, so a faithful heat map puts its heat there.
 */
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { arraysDataset } from "../../../runtime/data/in-memory.js";
import { Rng } from "../../../runtime/data/rng.js";
import type { Dataset } from "../../../runtime/data/types.js";
import type { MaterializedNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import { graph } from "../../support/docs.js";
import { trainDoc } from "../train/support.js";

export { tf };

export const SIZE = 16;

export interface Bars {
  readonly images: Float32Array;
  readonly labels: number[];
  /** Each image's bar: top-left corner and size (rows × cols). */
  readonly boxes: { row: number; col: number; rows: number; cols: number }[];
}

export function bars(n: number, seed: number): Bars {
  const rng = new Rng(seed);
  const images = new Float32Array(n * SIZE * SIZE);
  const labels: number[] = [];
  const boxes: Bars["boxes"] = [];
  for (let s = 0; s < n; s++) {
    const label = s % 2;
    for (let p = 0; p < SIZE * SIZE; p++) images[s * SIZE * SIZE + p] = rng.uniform(0, 0.4);
    const rows = label === 0 ? 1 : 4;
    const cols = label === 0 ? 4 : 1;
    const row = rng.int(SIZE / 2 - rows + 1);
    const col = rng.int(SIZE / 2 - cols + 1);
    for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) images[s * SIZE * SIZE + r * SIZE + c] = 1;
    labels.push(label);
    boxes.push({ row, col, rows, cols });
  }
  return { images, labels, boxes };
}

export function barsDataset(n: number, seed: number): Dataset {
  const b = bars(n, seed);
  return arraysDataset({
    id: "test:bars", title: "Bars", description: "bars", provenance: { source: "test", license: "test" },
    sampleShape: [SIZE, SIZE, 1], values: b.images,
    target: { kind: "classes", labels: b.labels, names: ["horizontal", "vertical"] },
    splits: { train: Int32Array.from({ length: n }, (_, i) => i), test: new Int32Array(0) },
  });
}

/** x 16×16×1 → conv Conv2D 4 relu → gmp GlobalMaxPooling2D → out Dense 2 softmax: trains in seconds on cpu. */
export function barsCnn(): GraphDocument {
  return graph("Bars CNN")
    .node("x", "Input", { shape: [SIZE, SIZE, 1] })
    .layer("conv", "Conv2D", { filters: 4, kernelSize: [3, 3], padding: "same", activation: "relu" }, "x")
    .layer("gmp", "GlobalMaxPooling2D", {}, "conv")
    .layer("out", "Dense", { units: 2, activation: "softmax" }, "gmp")
    .network("net", ["x"], ["out"])
    .training({ dataset: "test:bars", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], metrics: ["accuracy"], optimizer: { kind: "adam", learningRate: 0.05 }, batchSize: 32, epochs: 4 })
    .build();
}

/** The bars CNN trained (seeded, cpu); the caller disposes it. */
export async function trainedBarsCnn(): Promise<{ net: MaterializedNetwork; accuracy: number; dispose(): void }> {
  await tf.setBackend("cpu");
  const run = await trainDoc(barsCnn(), barsDataset(256, 7), { seed: 3 });
  const last = run.epochs[run.epochs.length - 1]!;
  const net = run.session.networks[0]!;
  return { net, accuracy: last.values.accuracy!, dispose: () => run.session.dispose() };
}

/** The accuracy of a model on images (n × 16 × 16 × 1). */
export function accuracyOn(model: tf.LayersModel, b: Bars): number {
  return tf.tidy(() => {
    const x = tf.tensor4d(b.images, [b.labels.length, SIZE, SIZE, 1]);
    const guess = (model.predict(x) as tf.Tensor).argMax(-1).dataSync();
    return b.labels.filter((l, i) => guess[i] === l).length / b.labels.length;
  });
}
