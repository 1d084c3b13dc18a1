/**
 * Words out of a character text dataset (shipped:text and any set shaped like it: windows of
 * character ids, the characters in target.names), for word2vec and for its neighbour lists.
 *
 * Words are lower-case runs of letters (with inner apostrophes: "river's"). A window may cut a
 * word at either end, so the first and last words of a window are used only where the window
 * itself starts or ends at a non-letter. Id 0 is "<unk>", every word outside the vocabulary.
 */
import type { Dataset } from "../data/types.js";
import { TrainingError } from "../train/errors.js";

export const UNKNOWN_WORD = "<unk>";

export interface WordVocabulary {
  /** Words by id; words[0] is UNKNOWN_WORD, then the most frequent words of the train split. */
  readonly words: readonly string[];
  /** Occurrences of each word in the train windows (0 for "<unk>"): the unigram counts. */
  readonly counts: Float64Array;
  idOf(word: string): number | undefined;
}

const WORD = /[a-z]+(?:'[a-z]+)*/g;
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[a-z]/.test(ch);

/** The characters of a text dataset, or why the dataset is not text. */
export function characterNames(dataset: Dataset, who: string): readonly string[] {
  const t = dataset.target;
  if (dataset.inputDtype !== "int32" || dataset.inputShape.length !== 1 || t.kind !== "classes" || !t.names.every((n) => [...n].length === 1)) {
    throw new TrainingError("data-shape", `${who} needs a character text dataset such as shipped:text (windows of character ids), but ${dataset.id} is not one.`);
  }
  return t.names;
}

/** The complete words of one window of character ids, in order. */
export function windowWords(ids: ArrayLike<number>, chars: readonly string[]): string[] {
  let text = "";
  for (let i = 0; i < ids.length; i++) text += chars[ids[i]!] ?? " ";
  text = text.toLowerCase();
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index, end = m.index + m[0].length;
    // A word touching the window's edge may be cut; keep it only if the window edge is a word edge.
    if (start === 0 && isLetter(text[0])) continue;
    if (end === text.length && isLetter(text[text.length - 1])) continue;
    out.push(m[0]);
  }
  return out;
}

/** The `size` most frequent words of the train split (ties alphabetical), with "<unk>" as id 0. */
export function wordVocabulary(dataset: Dataset, size: number, who = "word2vec"): WordVocabulary {
  const chars = characterNames(dataset, who);
  const freq = new Map<string, number>();
  const n = dataset.size("train");
  const chunk = 256;
  for (let from = 0; from < n; from += chunk) {
    const idx = Array.from({ length: Math.min(chunk, n - from) }, (_, i) => from + i);
    const b = dataset.gather("train", idx);
    const t = dataset.inputShape[0]!;
    for (let s = 0; s < b.size; s++) {
      for (const w of windowWords(b.x.data.subarray(s * t, (s + 1) * t), chars)) freq.set(w, (freq.get(w) ?? 0) + 1);
    }
  }
  if (freq.size === 0) throw new TrainingError("data-shape", `${who} found no words in ${dataset.id}; it needs text with words of letters.`);
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, Math.max(0, size - 1));
  const words = [UNKNOWN_WORD, ...ranked.map(([w]) => w)];
  const counts = new Float64Array(size);
  ranked.forEach(([, c], i) => (counts[i + 1] = c));
  const index = new Map(words.map((w, i) => [w, i]));
  return { words, counts, idOf: (w) => index.get(w.toLowerCase()) };
}
