/**
 * Tiny models and data for the autoregressive, word2vec and sampling tests: each trains in a
 * few seconds on the cpu backend.
 */
import type { GraphDocument, TrainingSpec } from "../../../graph-ir/core/document.js";
import { Rng } from "../../../runtime/data/rng.js";
import { textDataset } from "../../../runtime/data/synthetic/text.js";
import type { Dataset } from "../../../runtime/data/types.js";
import { graph } from "../../support/docs.js";
import { arrays } from "../train/support.js";

/**
 * n images of size×size where every row is all one grey level (levels 0..k-1 scaled to [0, 1]),
 * chosen at random: an autoregressive model can predict every pixel but the first of each row.
 */
export function rowsDataset(n: number, size: number, levels = 2, seed = 5): Dataset {
  const rng = new Rng(seed);
  const values = new Float32Array(n * size * size);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < size; r++) {
      const v = rng.int(levels) / (levels - 1);
      values.fill(v, (i * size + r) * size, (i * size + r + 1) * size);
    }
  }
  return arrays("test:rows", [size, size, 1], values, Array.from({ length: n }, () => 0), 1);
}

/** Input -> MaskedConv2D A 3×3 -> MaskedConv2D B 3×3 -> 1×1 Conv2D to `out` channels. */
export function pixelDoc(o: { size?: number; out?: number; activation?: string; loss?: string; training?: Partial<TrainingSpec> } = {}): GraphDocument {
  const size = o.size ?? 6;
  return graph("Rows PixelCNN")
    .node("x", "Input", { shape: [size, size, 1] })
    .layer("a", "MaskedConv2D", { filters: 8, kernelSize: 3, maskType: "A", activation: "relu" }, "x")
    .layer("b", "MaskedConv2D", { filters: 8, kernelSize: 3, maskType: "B", activation: "relu" }, "a")
    .layer("out", "Conv2D", { filters: o.out ?? 1, kernelSize: [1, 1], activation: o.activation ?? "sigmoid" }, "b")
    .network("net", ["x"], ["out"])
    .training({
      recipe: "autoregressive", networks: { model: "net" }, dataset: "test:rows",
      losses: [{ output: "out", loss: o.loss ?? "binaryCrossentropy", weight: 1 }],
      optimizer: { kind: "adam", learningRate: 0.03 }, batchSize: 16, epochs: 6, ...o.training,
    })
    .build();
}

/**
 * A corpus of random five-word sentences over 24 filler words, where "alpha" and "beta" only ever
 * appear, interchangeably, between "north" and "south": they share every context and nothing else does.
 */
export function plantedCorpus(sentences = 500, seed = 7): string {
  const rng = new Rng(seed);
  const filler = "cat dog fish bird tree rock lamp door road hill lake sand rain snow wind leaf boat cart bell rope coin book shoe ring".split(" ");
  const pick = () => filler[rng.int(filler.length)]!;
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    out.push(rng.chance(0.3) ? `${pick()} north ${rng.chance(0.5) ? "alpha" : "beta"} south ${pick()}.` : `${pick()} ${pick()} ${pick()} ${pick()} ${pick()}.`);
  }
  return out.join(" ");
}

export function plantedText(): Dataset {
  return textDataset(plantedCorpus(), { steps: 48, stride: 8, id: "test:planted" });
}

/** Input(int32 [size]) -> Embedding(vocab, dim) -> GlobalAveragePooling1D -> Dense(vocab, no bias). */
export function cbowDoc(vocab: number, dim = 8, training: Partial<TrainingSpec> = {}, dataset = "test:planted"): GraphDocument {
  return graph("CBOW")
    .node("context", "Input", { shape: [4], dtype: "int32" })
    .layer("embed", "Embedding", { inputDim: vocab, outputDim: dim }, "context")
    .layer("mean", "GlobalAveragePooling1D", {}, "embed")
    .layer("scores", "Dense", { units: vocab, useBias: false }, "mean")
    .network("cbow", ["context"], ["scores"])
    .training({ recipe: "word2vec", networks: { model: "cbow" }, dataset, losses: [], optimizer: { kind: "adam", learningRate: 0.05 }, batchSize: 32, epochs: 1, options: { negatives: 5 }, ...training })
    .build();
}

/** A per-position character model: int32 ids [steps] -> Embedding -> Dense softmax over the characters. */
export function charDoc(chars: number, steps: number, dataset = "shipped:text"): GraphDocument {
  return graph("Char bigram")
    .node("chars", "Input", { shape: [steps], dtype: "int32" })
    .layer("embed", "Embedding", { inputDim: chars, outputDim: 8 }, "chars")
    .layer("next", "Dense", { units: chars, activation: "softmax" }, "embed")
    .network("net", ["chars"], ["next"])
    .training({ dataset, losses: [{ output: "next", loss: "sparseCategoricalCrossentropy", weight: 1 }], optimizer: { kind: "adam", learningRate: 0.05 }, batchSize: 32, epochs: 1 })
    .build();
}
