/**
 * word2vec CBOW with negative sampling (Mikolov et al. 2013). From each window of a character
 * text dataset it takes the complete words (word2vec-vocab.ts) and makes one example per word w
 * with a full context: the ids of the L words before and R after (context) -> w (centre).
 *
 * The network is CBOW as a chain: Input (int32 context ids, L + R of them) -> Embedding(V, D)
 * (the input vectors, the ones neighbours are read from) -> GlobalAveragePooling1D (their mean
 * v_c) -> Dense(V, linear), whose kernel column u_w is word w's output vector (and bias b_w, if
 * any). The same network trained with the supervised recipe would be CBOW with a full softmax.
 * Instead of the full softmax over V words, each example draws k negatives from the unigram
 * distribution raised to 0.75 and minimises
 *     -log σ(v_c·u_w) - Σ_neg log σ(-v_c·u_neg),
 * averaged over the batch's examples. training.losses is not used: this is the loss.
 *
 * Options: negatives (k, default 5). Negatives come from the loop's seeded random stream in a
 * step, and from a stream seeded by the batch in evaluation, so runs repeat exactly.
 */
import { formatShape } from "../../graph-ir/core/shape.js";
import type { KerasLayer } from "../../graph-ir/passes/keras-topology.js";
import { hashSeed, Rng } from "../data/rng.js";
import type { Batch, Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { TrainingError } from "../train/errors.js";
import { disposeOptimizer, makeOptimizer } from "../train/optimizers.js";
import type { PreparedRecipe, Recipe, RecipeContext } from "../train/recipe.js";
import { applyUpdate, type UpdateGroup } from "../train/update.js";
import { characterNames, windowWords, wordVocabulary, type WordVocabulary } from "./word2vec-vocab.js";

/** How a network is read as CBOW; shared with runtime/sample's neighbour lists. */
export interface Word2VecModel {
  /** Context words before and after the centre word. */
  readonly left: number;
  readonly right: number;
  readonly vocabSize: number;
  /** Keras layer names: the output Dense and the Embedding holding the input vectors. */
  readonly outputLayer: string;
  readonly embeddingLayer: string;
}

/** Keras classes of a CBOW network, in order: ids -> vectors -> their mean -> a score per word. */
const CBOW_CHAIN = ["InputLayer", "Embedding", "GlobalAveragePooling1D", "Dense"];

export function word2vecModel(net: MaterializedNetwork): Word2VecModel {
  const fail = (why: string, node?: string): never => {
    throw new TrainingError("bad-settings", `word2vec ${why}`, node);
  };
  if (net.inputs.length !== 1 || net.outputs.length !== 1) fail(`needs a network with one input (the context word ids) and one output (a Dense scoring every word); '${net.id}' has ${net.inputs.length} and ${net.outputs.length}.`);
  const input = net.inputs[0]!, output = net.outputs[0]!;
  const layers = net.topology.config.layers;
  const inputLayer = layers.find((l) => l.name === input.layer);
  const size = input.shape[1];
  if (input.shape.length !== 2 || typeof size !== "number" || size < 2 || inputLayer?.config["dtype"] !== "int32") {
    fail(`reads context word ids: input '${input.nodeId}' must be int32 of shape [2w] (w words each side), but it is ${inputLayer?.config["dtype"] ?? "?"} ${formatShape(input.shape.slice(1))}.`, input.nodeId);
  }
  const chain = layers.map((l) => l.class_name);
  if (chain.join(" ") !== CBOW_CHAIN.join(" ")) {
    fail(`reads network '${net.id}' as CBOW: ${CBOW_CHAIN.slice(1).join(" -> ")} after the Input, but it is ${chain.slice(1).join(" -> ")}. Keep exactly those layers.`);
  }
  const [, emb, , dense] = layers as [KerasLayer, KerasLayer, KerasLayer, KerasLayer];
  const vocabSize = output.shape[1];
  if ((dense.config["activation"] ?? "linear") !== "linear" || typeof vocabSize !== "number") {
    fail(`needs the output '${output.nodeId}' to be linear with one unit per vocabulary word: its kernel holds the output word vectors.`, output.nodeId);
  }
  if (emb.config["input_dim"] !== vocabSize) {
    fail(`needs the Embedding and the output to cover the same vocabulary: the Embedding has inputDim ${String(emb.config["input_dim"])}, '${output.nodeId}' has ${vocabSize} units.`, net.nodeOf(emb.name)?.nodeId);
  }
  const left = Math.floor((size as number) / 2);
  return { left, right: (size as number) - left, vocabSize: vocabSize as number, outputLayer: dense.name, embeddingLayer: emb.name };
}

interface Examples {
  readonly context: tf.Tensor2D;
  readonly centre: Int32Array;
  readonly count: number;
}

/** Sampling ids by weight with a cumulative table and binary search. */
function sampler(weights: Float64Array): (u: number) => number {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cum[i] = total += w));
  return (u) => {
    const target = u * total;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

function prepare(ctx: RecipeContext): PreparedRecipe {
  const net = ctx.networks["model"]!;
  const m = word2vecModel(net);
  const k = ctx.settings.options["negatives"] ?? 5;
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > 100) {
    throw new TrainingError("bad-settings", `training.options.negatives is ${JSON.stringify(k)}; it must be a whole number from 1 to 100 (word2vec uses 5 to 20 for small corpora).`);
  }
  const vocab: WordVocabulary = wordVocabulary(ctx.dataset, m.vocabSize);
  const chars = characterNames(ctx.dataset, "word2vec");
  const draw = sampler(vocab.counts.map((c) => c ** 0.75));
  const warnings = ctx.training.losses.length ? ["word2vec has its own loss (negative sampling); training.losses is not used."] : [];
  if (vocab.words.length < m.vocabSize) warnings.push(`${ctx.dataset.id} has only ${vocab.words.length - 1} distinct words, so ${m.vocabSize - vocab.words.length} of the ${m.vocabSize} vocabulary rows are never trained.`);

  const model = net.model;
  const table = model.getLayer(m.embeddingLayer).trainableWeights[0]!;
  const [kernel, bias] = model.getLayer(m.outputLayer).trainableWeights;
  const group: UpdateGroup = { name: "model", optimizer: makeOptimizer(ctx.settings.optimizer), variables: model.trainableWeights };
  const span = m.left + m.right;

  const examples = (batch: Batch): Examples => {
    const t = ctx.dataset.inputShape[0]!;
    const context: number[] = [];
    const centre: number[] = [];
    for (let s = 0; s < batch.size; s++) {
      const ids = windowWords(batch.x.data.subarray(s * t, (s + 1) * t), chars).map((w) => vocab.idOf(w) ?? 0);
      for (let i = m.left; i + m.right < ids.length; i++) {
        if (ids[i] === 0) continue;
        context.push(...ids.slice(i - m.left, i), ...ids.slice(i + 1, i + 1 + m.right));
        centre.push(ids[i]!);
      }
    }
    return { context: tf.tensor2d(context, [centre.length, span], "int32"), centre: Int32Array.from(centre), count: centre.length };
  };
  const candidates = (ex: Examples, random: () => number): tf.Tensor2D => {
    const ids = new Int32Array(ex.count * (k + 1));
    for (let i = 0; i < ex.count; i++) {
      ids[i * (k + 1)] = ex.centre[i]!;
      for (let j = 1; j <= k; j++) ids[i * (k + 1) + j] = draw(random());
    }
    return tf.tensor2d(ids, [ex.count, k + 1], "int32");
  };
  // +1 for the centre word, -1 for each negative: loss = Σ softplus(-sign · score).
  const signs = tf.keep(tf.concat([tf.ones([1, 1]), tf.fill([1, k], -1)], 1));
  // Lookups as one-hot products rather than gathers: tfjs's cpu backend computes a gather's
  // gradient with one kernel per vocabulary word, seconds per step at V = 256.
  const loss = (ex: Examples, cand: tf.Tensor2D): tf.Scalar => {
    const bag = tf.div(tf.sum(tf.oneHot(ex.context, m.vocabSize), 1), span); // [N, V]: the context's mean as word counts
    const v = tf.matMul(bag, table.read()); // [N, D]: v_c, the mean of the context's input vectors
    let all = tf.matMul(v, kernel!.read()); // [N, V]: v_c · u_w for every word
    if (bias) all = tf.add(all, bias.read());
    const score = tf.sum(tf.mul(tf.expandDims(all, 1), tf.oneHot(cand, m.vocabSize)), -1); // [N, k+1]
    return tf.mean(tf.sum(tf.softplus(tf.neg(tf.mul(signs, score))), 1)) as tf.Scalar;
  };
  const noExamples = () => new TrainingError("data-shape", `A batch of ${ctx.dataset.id} held no word with ${m.left} words before and ${m.right} after it; use longer windows or a smaller context.`);

  return {
    columns: [{ name: "loss", kind: "loss", better: "lower" }],
    groups: [group],
    warnings,
    step: (batch, step) => {
      const ex = examples(batch);
      if (ex.count === 0) throw noExamples();
      const cand = candidates(ex, Math.random);
      return applyUpdate(group, () => ({ loss: loss(ex, cand), report: [] }), step.rules);
    },
    evaluate: (batch) => {
      const ex = examples(batch);
      if (ex.count === 0) throw noExamples();
      const rng = new Rng(hashSeed("word2vec-eval", ...Array.from(batch.indices.subarray(0, 4))));
      return tf.stack([loss(ex, candidates(ex, () => rng.next()))]) as tf.Tensor1D;
    },
    probe: (batch) => ({ network: net, inputs: [examples(batch).context] }),
    dispose: () => {
      disposeOptimizer(group.optimizer);
      signs.dispose();
    },
  };
}

export const word2vec: Recipe = {
  id: "word2vec",
  title: "word2vec (CBOW, negative sampling)",
  roles: ["model"],
  options: ["negatives"],
  prepare,
};

/** The vocabulary word2vec trains on for this network and dataset (for neighbour lists). */
export function word2vecVocabulary(net: MaterializedNetwork, dataset: Dataset): WordVocabulary {
  return wordVocabulary(dataset, word2vecModel(net).vocabSize);
}
