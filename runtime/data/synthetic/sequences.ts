/**
 * Sequence tasks: sine waves for next-step prediction (LSTM/GRU, TCN, WaveNet lessons) and the
 * Neural Turing Machine copy task (Graves et al., 2014).
 */
import { createDataset } from "../dataset.js";
import { rngFrom } from "../rng.js";
import type { Dataset } from "../types.js";
import { SYNTHETIC } from "./points.js";

export interface SineOptions {
  /** Steps per sequence. */
  readonly steps?: number;
  /** Standard deviation of noise added to the inputs (targets stay clean). */
  readonly noise?: number;
  readonly trainSize?: number;
  readonly testSize?: number;
  readonly dataSeed?: number;
}

/** Input: x[0..T-1]; target: x[1..T] (the next value at every step). Shapes [T, 1]. */
export function sineWaves(options: SineOptions = {}): Dataset {
  const steps = options.steps ?? 32;
  const noise = options.noise ?? 0;
  const seed = options.dataSeed ?? 0;
  const id = "synthetic:sine";
  const wave = (split: string, i: number): { input: Float32Array; target: Float32Array; label: string } => {
    const rng = rngFrom(id, seed, split, i);
    const amp = rng.uniform(0.5, 1.5);
    const omega = rng.uniform(0.1, 0.6); // radians per step
    const phase = rng.uniform(0, 2 * Math.PI);
    const input = new Float32Array(steps);
    const target = new Float32Array(steps);
    for (let t = 0; t < steps; t++) {
      input[t] = amp * Math.sin(omega * t + phase) + (noise > 0 ? noise * rng.normal() : 0);
      target[t] = amp * Math.sin(omega * (t + 1) + phase);
    }
    return { input, target, label: `amplitude ${amp.toFixed(2)}, ${omega.toFixed(2)} rad/step` };
  };
  return createDataset({
    id,
    title: "Sine waves",
    description: `Sine waves of random amplitude, frequency and phase, ${steps} steps each; predict the next value at every step.`,
    inputShape: [steps, 1],
    inputDtype: "float32",
    target: { kind: "values", shape: [steps, 1] },
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 2000, test: options.testSize ?? 400 },
    write(split, i, slot) {
      const w = wave(split, i);
      slot.x.set(w.input);
      slot.y.set(w.target);
    },
    describe(split, i) {
      const w = wave(split, i);
      return { kind: "sequence", steps, inputChannels: 1, input: w.input, targetChannels: 1, target: w.target, label: w.label };
    },
  });
}

export interface CopyTaskOptions {
  /** Bits per vector. */
  readonly width?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly trainSize?: number;
  readonly testSize?: number;
  readonly dataSeed?: number;
}

/**
 * Each sample: a start marker, L random bit vectors, an end marker, then L blank steps during
 * which the model must write the vectors back. Sequences are padded to T = 2·maxLength + 2.
 * Input [T, width + 2] (the two extra channels are the markers); target [T, width];
 * extra "mask" [T] is 1 on the steps where the output is scored.
 */
export function copyTask(options: CopyTaskOptions = {}): Dataset {
  const width = options.width ?? 8;
  const minLength = options.minLength ?? 1;
  const maxLength = options.maxLength ?? 10;
  if (minLength < 1 || maxLength < minLength) throw new RangeError(`Copy task: need 1 <= minLength <= maxLength (got ${minLength}..${maxLength}).`);
  const seed = options.dataSeed ?? 0;
  const steps = 2 * maxLength + 2;
  const channels = width + 2;
  const id = "synthetic:ntm-copy";

  const make = (split: string, i: number) => {
    const rng = rngFrom(id, seed, split, i);
    const length = minLength + rng.int(maxLength - minLength + 1);
    const input = new Float32Array(steps * channels);
    const target = new Float32Array(steps * width);
    const mask = new Float32Array(steps);
    input[width] = 1; // start marker at t = 0
    for (let k = 0; k < length; k++) {
      for (let b = 0; b < width; b++) {
        const bit = rng.chance(0.5) ? 1 : 0;
        input[(1 + k) * channels + b] = bit;
        target[(length + 2 + k) * width + b] = bit;
      }
      mask[length + 2 + k] = 1;
    }
    input[(length + 1) * channels + width + 1] = 1; // end marker
    return { input, target, mask, length };
  };

  return createDataset({
    id,
    title: "NTM copy task",
    description: `Remember ${minLength}–${maxLength} random ${width}-bit vectors and write them back after the end marker.`,
    inputShape: [steps, channels],
    inputDtype: "float32",
    target: { kind: "values", shape: [steps, width] },
    extras: [{ name: "mask", dtype: "float32", shape: [steps], description: "1 on the steps whose output is scored (the copy phase), else 0" }],
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 4000, test: options.testSize ?? 500 },
    write(split, i, slot) {
      const s = make(split, i);
      slot.x.set(s.input);
      slot.y.set(s.target);
      slot.extras.mask!.set(s.mask);
    },
    describe(split, i) {
      const s = make(split, i);
      return { kind: "sequence", steps, inputChannels: channels, input: s.input, targetChannels: width, target: s.target, label: `copy ${s.length} vectors` };
    },
  });
}
