/**
 * Token-sequence toy tasks for attention models: reversal (an encoder-decoder must learn where
 * to look: output step i needs input step T-1-i) and majority (a sequence classifier must
 * compare every token with every other, which is what self-attention does in one layer).
 * Tokens are written as the letters a, b, c, ... in previews.
 */
import { createDataset } from "../dataset.js";
import { rngFrom, type Rng } from "../rng.js";
import type { Dataset } from "../types.js";
import { SYNTHETIC } from "./points.js";

export interface TokenTaskOptions {
  /** Tokens per sequence. */
  readonly steps?: number;
  /** Distinct tokens (ids 0..symbols-1). */
  readonly symbols?: number;
  readonly trainSize?: number;
  readonly testSize?: number;
  readonly dataSeed?: number;
}

const letters = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

function checkSizes(task: string, steps: number, symbols: number): void {
  if (!(Number.isInteger(steps) && steps >= 2 && Number.isInteger(symbols) && symbols >= 2 && symbols <= 26)) {
    throw new RangeError(`${task}: need at least 2 steps and 2 to 26 symbols (got ${steps} steps, ${symbols} symbols).`);
  }
}

function randomTokens(rng: Rng, steps: number, symbols: number): Int32Array {
  const out = new Int32Array(steps);
  for (let t = 0; t < steps; t++) out[t] = rng.int(symbols);
  return out;
}

/** Input: T random tokens; target: the same tokens in reverse order (one class per step). */
export function reverseTask(options: TokenTaskOptions = {}): Dataset {
  const steps = options.steps ?? 8;
  const symbols = options.symbols ?? 8;
  checkSizes("Reverse task", steps, symbols);
  const seed = options.dataSeed ?? 0;
  const id = "synthetic:reverse";
  const names = letters(symbols);
  const make = (split: string, i: number) => {
    const input = randomTokens(rngFrom(id, seed, split, i), steps, symbols);
    return { input, target: input.slice().reverse() };
  };
  return createDataset({
    id,
    title: "Sequence reversal",
    description: `${steps} random tokens from ${symbols} symbols; predict them in reverse order, one token per step.`,
    inputShape: [steps],
    inputDtype: "int32",
    target: { kind: "classes", classes: symbols, names, shape: [steps] },
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 4000, test: options.testSize ?? 500 },
    write(split, i, slot) {
      const s = make(split, i);
      slot.x.set(s.input);
      slot.y.set(s.target);
    },
    describe(split, i) {
      const s = make(split, i);
      const text = (ids: Int32Array) => Array.from(ids, (t) => names[t]!).join("");
      return { kind: "text", input: text(s.input), target: text(s.target), label: `reverse ${text(s.input)}` };
    },
  });
}

/** Input: T tokens in which one token occurs strictly more often than any other; target: that token. */
export function majorityTask(options: TokenTaskOptions = {}): Dataset {
  const steps = options.steps ?? 12;
  const symbols = options.symbols ?? 4;
  checkSizes("Majority task", steps, symbols);
  const seed = options.dataSeed ?? 0;
  const id = "synthetic:majority";
  const names = letters(symbols);
  const make = (split: string, i: number) => {
    const rng = rngFrom(id, seed, split, i);
    // Redraw until the most frequent token is unique, so every sample has one right answer.
    for (;;) {
      const input = randomTokens(rng, steps, symbols);
      const counts = new Array<number>(symbols).fill(0);
      for (const t of input) counts[t]!++;
      const top = Math.max(...counts);
      if (counts.filter((c) => c === top).length === 1) return { input, label: counts.indexOf(top) };
    }
  };
  return createDataset({
    id,
    title: "Majority token",
    description: `${steps} random tokens from ${symbols} symbols; name the token that occurs most often (always unique).`,
    inputShape: [steps],
    inputDtype: "int32",
    target: { kind: "classes", classes: symbols, names, shape: [] },
    provenance: SYNTHETIC,
    sizes: { train: options.trainSize ?? 4000, test: options.testSize ?? 500 },
    write(split, i, slot) {
      const s = make(split, i);
      slot.x.set(s.input);
      slot.y[0] = s.label;
    },
    describe(split, i) {
      const s = make(split, i);
      return { kind: "text", input: Array.from(s.input, (t) => names[t]!).join(""), target: names[s.label]!, label: `majority ${names[s.label]}` };
    },
  });
}
