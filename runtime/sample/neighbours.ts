/**
 * Nearest words of a word2vec model: cosine similarity between rows of the Embedding (the input
 * vectors the recipe trains), over the vocabulary word2vec builds from the same dataset.
 */
import type { Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import { word2vecModel } from "../recipes/word2vec.js";
import { UNKNOWN_WORD, wordVocabulary, type WordVocabulary } from "../recipes/word2vec-vocab.js";
import * as tf from "../tf.js";
import { SampleError, type Neighbour, type SampleOptions } from "./types.js";

/** Words to show when none are asked for: the most frequent ones of 4 letters or more. */
function defaultWords(vocab: WordVocabulary): string[] {
  return vocab.words.filter((w) => w !== UNKNOWN_WORD && w.length >= 4).slice(0, 5);
}

export interface NeighbourEntry {
  readonly word: string;
  readonly known: boolean;
  readonly neighbours: readonly Neighbour[];
}

/** Cosine similarities of every word to each asked-for word, top k, the word itself and "<unk>" left out. */
export async function nearestWords(net: MaterializedNetwork, dataset: Dataset | undefined, options: SampleOptions): Promise<NeighbourEntry[]> {
  if (!dataset) throw new SampleError("word2vec needs its training dataset to know which word each row of the embedding stands for; none was given.");
  const m = word2vecModel(net);
  const vocab = wordVocabulary(dataset, m.vocabSize);
  const k = options.neighbours ?? 8;
  const words = options.words?.length ? options.words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0) : defaultWords(vocab);
  const table = net.model.getLayer(m.embeddingLayer).getWeights()[0]!;
  const unit = tf.tidy(() => tf.div(table, tf.maximum(tf.norm(table, 2, 1, true), 1e-12)));
  try {
    const entries: NeighbourEntry[] = [];
    for (const word of words) {
      const id = vocab.idOf(word);
      if (id === undefined || id === 0) {
        entries.push({ word, known: false, neighbours: [] });
        continue;
      }
      const sims = tf.tidy(() => tf.matMul(unit, tf.slice(unit, [id, 0], [1, -1]), false, true).reshape([-1]));
      const values = await sims.data();
      sims.dispose();
      const order = Array.from({ length: Math.min(values.length, vocab.words.length) }, (_, i) => i)
        .filter((i) => i !== id && i !== 0)
        .sort((a, b) => values[b]! - values[a]!)
        .slice(0, k);
      entries.push({ word, known: true, neighbours: order.map((i) => ({ word: vocab.words[i]!, similarity: values[i]! })) });
    }
    options.onProgress?.(1, 1);
    return entries;
  } finally {
    unit.dispose();
  }
}
