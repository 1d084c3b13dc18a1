/**
 * The NTM and an LSTM of about the same size, trained the same way on the copy task, with the
 * copy error measured on held-out sequences every few steps. Shared by the CI test (a few dozen
 * steps) and `npm run bench -- ntm` (the longer curves).
 */
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { copyTask } from "../../../runtime/data/synthetic/sequences.js";
import type { Dataset } from "../../../runtime/data/types.js";
import * as tf from "../../../runtime/tf.js";
import "../../../runtime/layers/index.js";
import { train } from "../../../runtime/train/loop.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { graph } from "../../support/docs.js";

export interface CopyCompareOptions {
  /** Training steps of each model. */
  readonly steps: number;
  /** Steps between measurements of the copy error. */
  readonly every: number;
  readonly maxLength: number;
  readonly batchSize?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  /** Held-out sequences the error is measured on. */
  readonly testSize?: number;
}

export interface CopyPoint {
  readonly step: number;
  /** Bits wrong per sequence (outputs thresholded at 0.5, copy phase only). */
  readonly bitsWrong: number;
  /** Mean binary cross-entropy per bit over the copy phase. */
  readonly bce: number;
}

export interface CopyCurve {
  readonly model: "ntm" | "lstm";
  readonly params: number;
  readonly curve: readonly CopyPoint[];
}

const WIDTH = 8;

/** NTM: the Memory layer (LSTM controller, one read and one write head) and a sigmoid per bit. */
export function ntmDoc(o: CopyCompareOptions): GraphDocument {
  const steps = 2 * o.maxLength + 2;
  return graph("NTM copy")
    .node("bits", "Input", { shape: [steps, WIDTH + 2] })
    .layer("ntm", "Memory", { memorySlots: 16, slotSize: 8, controllerUnits: 32, shiftRange: 1, outputDim: WIDTH }, "bits")
    .layer("out", "Sigmoid", {}, "ntm")
    .network("net", ["bits"], ["out"])
    .training(trainingOf(o))
    .build();
}

/** The baseline: one LSTM layer sized to about the NTM's parameter count, and a sigmoid Dense per bit. */
export function lstmDoc(o: CopyCompareOptions): GraphDocument {
  const steps = 2 * o.maxLength + 2;
  return graph("LSTM copy")
    .node("bits", "Input", { shape: [steps, WIDTH + 2] })
    .layer("lstm", "LSTM", { units: 40, returnSequences: true }, "bits")
    .layer("out", "Dense", { units: WIDTH, activation: "sigmoid" }, "lstm")
    .network("net", ["bits"], ["out"])
    .training(trainingOf(o))
    .build();
}

function trainingOf(o: CopyCompareOptions) {
  return {
    dataset: "synthetic:ntm-copy",
    losses: [{ output: "out", loss: "binaryCrossentropy", weight: 1 }],
    optimizer: { kind: "adam" as const, learningRate: o.learningRate ?? 0.01 },
    batchSize: o.batchSize ?? 16,
    epochs: Math.ceil(o.steps / o.every),
    clipNorm: 10,
  };
}

/** Copy error of a model's predictions on a batch, counted on the masked (copy phase) steps only. */
export function copyError(model: tf.LayersModel, data: Dataset, size: number): { bitsWrong: number; bce: number } {
  const batch = data.gather("test", Int32Array.from({ length: size }, (_, i) => i));
  return tf.tidy(() => {
    const x = tf.tensor(batch.x.data, [...batch.x.shape]);
    const y = tf.tensor(batch.y.data, [...batch.y.shape]);
    const mask = tf.expandDims(tf.tensor(batch.extras["mask"]!.data, [...batch.extras["mask"]!.shape]), -1);
    const p = tf.clipByValue(model.predict(x) as tf.Tensor, 1e-7, 1 - 1e-7);
    const wrong = tf.mul(tf.notEqual(tf.greater(p, 0.5), tf.greater(y, 0.5)).toFloat(), mask);
    const bce = tf.mul(tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))), mask);
    const bits = tf.sum(mask).dataSync()[0]! * WIDTH;
    return { bitsWrong: tf.sum(wrong).dataSync()[0]! / size, bce: tf.sum(bce).dataSync()[0]! / bits };
  });
}

/** Trains one model for o.steps steps, measuring the copy error before training and every o.every steps. */
export async function copyCurve(model: "ntm" | "lstm", o: CopyCompareOptions): Promise<CopyCurve> {
  const doc = model === "ntm" ? ntmDoc(o) : lstmDoc(o);
  const testSize = o.testSize ?? 64;
  const data = copyTask({ maxLength: o.maxLength, trainSize: o.every * (o.batchSize ?? 16), testSize });
  const session = await prepareTraining(doc, { dataset: data, seed: o.seed ?? 1 });
  const net = session.networks[0]!.model;
  const curve: CopyPoint[] = [{ step: 0, ...copyError(net, data, testSize) }];
  try {
    await train({
      recipe: session.prepared, networks: session.networks, dataset: data, settings: session.settings, fingerprint: session.fingerprint,
      onEpoch: (log) => void curve.push({ step: (log.epoch) * o.every, ...copyError(net, data, testSize) }),
    });
  } finally {
    session.dispose();
  }
  return { model, params: analyze(doc).totals.params, curve };
}
