/**
 * `npm run bench -- ntm`: the Neural Turing Machine against an LSTM of about the same parameter
 * count on the copy task, both trained the same way (Adam, batch 16, seeded, cpu backend), with
 * the copy error on 64 held-out sequences every few steps: bits wrong per sequence (outputs
 * thresholded at 0.5, copy phase only) and mean binary cross-entropy per copied bit.
 * LAYERLOOM_BENCH_NTM_STEPS, _EVERY, _MAX_LENGTH and _LR change the run (defaults 1000, 100, 2, 0.01).
 */
import * as tf from "../../runtime/tf.js";
import { copyCurve, type CopyCompareOptions } from "../unit/sequence/copy-compare.js";

export async function benchNtmVsLstm(): Promise<unknown> {
  await tf.setBackend("cpu");
  const env = (name: string, fallback: number): number => Number(process.env[`LAYERLOOM_BENCH_NTM_${name}`] ?? fallback);
  const options: CopyCompareOptions = { steps: env("STEPS", 1000), every: env("EVERY", 100), maxLength: env("MAX_LENGTH", 2), learningRate: env("LR", 0.01) };
  const runs = [];
  for (const model of ["ntm", "lstm"] as const) {
    const start = performance.now();
    const curve = await copyCurve(model, options);
    runs.push({ ...curve, seconds: (performance.now() - start) / 1000 });
  }
  return { task: "synthetic:ntm-copy", options, runs };
}
