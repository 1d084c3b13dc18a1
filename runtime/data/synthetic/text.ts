/**
 * Character-level text windows for autoregressive models (char-RNN, attention): input is T
 * character ids, target the T ids that follow each one. The first 90% of the text is train,
 * the rest test, so test windows are text the model never saw.
 */
import { createDataset } from "../dataset.js";
import type { Dataset, Provenance } from "../types.js";

export interface TextOptions {
  /** Characters per window. */
  readonly steps?: number;
  /** Characters between the starts of consecutive train windows (test windows do not overlap). */
  readonly stride?: number;
  readonly testFraction?: number;
  readonly id?: string;
  readonly title?: string;
  readonly provenance?: Provenance;
}

export interface Vocabulary {
  readonly chars: readonly string[];
  encode(text: string): Int32Array;
  decode(ids: ArrayLike<number>): string;
}

export function vocabularyOf(text: string): Vocabulary {
  const chars = [...new Set(text)].sort();
  const index = new Map(chars.map((c, i) => [c, i]));
  return {
    chars,
    encode(s) {
      const out = new Int32Array(s.length);
      let k = 0;
      for (const c of s) {
        const id = index.get(c);
        if (id === undefined) throw new Error(`Text: the character ${JSON.stringify(c)} is not in the vocabulary of this corpus.`);
        out[k++] = id;
      }
      return out.subarray(0, k);
    },
    decode(ids) {
      let s = "";
      for (let i = 0; i < ids.length; i++) s += chars[ids[i]!] ?? "?";
      return s;
    },
  };
}

export function textDataset(text: string, options: TextOptions = {}): Dataset {
  const steps = options.steps ?? 64;
  const stride = options.stride ?? 8;
  const testFraction = options.testFraction ?? 0.1;
  const vocab = vocabularyOf(text);
  const ids = vocab.encode(text);
  const cut = Math.floor(ids.length * (1 - testFraction));
  const parts = { train: ids.subarray(0, cut), test: ids.subarray(cut) };
  const strides = { train: stride, test: steps };
  const count = (n: number, s: number): number => (n > steps ? Math.floor((n - steps - 1) / s) + 1 : 0);
  const sizes = { train: count(parts.train.length, stride), test: count(parts.test.length, steps) };
  if (sizes.train === 0 || sizes.test === 0) {
    throw new RangeError(`Text: the corpus (${ids.length} characters) is too short for windows of ${steps} characters; use a longer text or fewer steps.`);
  }
  const window = (split: "train" | "test", i: number) => {
    const start = i * strides[split];
    return { input: parts[split].subarray(start, start + steps), target: parts[split].subarray(start + 1, start + steps + 1) };
  };
  return createDataset({
    id: options.id ?? "shipped:text",
    title: options.title ?? "Text (characters)",
    description: `${ids.length.toLocaleString("en")} characters, ${vocab.chars.length} distinct; windows of ${steps} characters, predict each next character.`,
    inputShape: [steps],
    inputDtype: "int32",
    target: { kind: "classes", classes: vocab.chars.length, names: vocab.chars, shape: [steps] },
    provenance: options.provenance ?? { source: "Layerloom's own prose (runtime/data/shipped/corpus.txt)", license: "MIT, as the rest of Layerloom" },
    sizes,
    write(split, i, slot) {
      const w = window(split, i);
      slot.x.set(w.input);
      slot.y.set(w.target);
    },
    describe(split, i) {
      const w = window(split, i);
      return { kind: "text", input: vocab.decode(w.input), target: vocab.decode(w.target), label: `window ${i}` };
    },
  });
}
