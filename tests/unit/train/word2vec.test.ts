/**
 * word2vec CBOW with negative sampling: the vocabulary comes from the text's complete words, the
 * loss starts near (k + 1)·ln 2 and falls, and a planted relation is recovered: "alpha" and
 * "beta" share every context and nothing else does, so after training each is the other's
 * nearest word, far more similar than before training.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import { windowWords, wordVocabulary } from "../../../runtime/recipes/word2vec-vocab.js";
import { sample } from "../../../runtime/sample/index.js";
import { TrainingError } from "../../../runtime/train/errors.js";
import { prepareTraining } from "../../../runtime/train/session.js";
import { cbowDoc, plantedText, rowsDataset } from "../sample/docs.js";
import { tf, trainDoc } from "./support.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const VOCAB = 32;

/** Cosine similarity of two words' input vectors in a network's Embedding. */
function similarity(model: tf.LayersModel, a: number, b: number): number {
  return tf.tidy(() => {
    const e = model.getLayer("embed").getWeights()[0]!;
    const [x, y] = [tf.gather(e, a), tf.gather(e, b)];
    return tf.div(tf.sum(tf.mul(x, y)), tf.mul(tf.norm(x), tf.norm(y))).dataSync()[0]!;
  });
}

describe("word2vec", () => {
  it("reads whole words only: a window's cut first and last words are left out", () => {
    const chars = [..." abcdefghijklmnopqrstuvwxyz."];
    const ids = (s: string) => [...s].map((c) => chars.indexOf(c));
    expect(windowWords(ids("ver runs. the sea is wi"), chars)).toEqual(["runs", "the", "sea", "is"]);
    expect(windowWords(ids(" a river. "), chars)).toEqual(["a", "river"]);
  });

  it("builds the vocabulary by frequency with <unk> first", () => {
    const vocab = wordVocabulary(plantedText(), VOCAB);
    expect(vocab.words[0]).toBe("<unk>");
    expect(vocab.words.length).toBe(29); // 24 fillers, north, south, alpha, beta
    expect(vocab.idOf("Alpha")).toBe(vocab.idOf("alpha"));
    expect(vocab.idOf("zebra")).toBeUndefined();
    expect(vocab.counts[vocab.idOf("north")!]!).toBeGreaterThan(vocab.counts[vocab.idOf("alpha")!]!);
  });

  it("the loss falls and words that share their contexts become nearest neighbours", async () => {
    const dataset = plantedText();
    const vocab = wordVocabulary(dataset, VOCAB);
    const [alpha, beta] = [vocab.idOf("alpha")!, vocab.idOf("beta")!];
    const fillers = ["cat", "rock", "rain", "book"].map((w) => vocab.idOf(w)!);
    const untrained = await materializeNetwork(cbowDoc(VOCAB), "cbow", { seed: 2 });
    const before = similarity(untrained.model, alpha, beta);
    untrained.model.dispose();

    const losses: number[] = [];
    const run = await trainDoc(cbowDoc(VOCAB, 8, { epochs: 2 }), dataset, { seed: 2, onBatch: (p) => void (p.batch === 1 && losses.push(p.values.loss!)) });
    expect(run.session.warnings).toContain("test:planted has only 28 distinct words, so 3 of the 32 vocabulary rows are never trained.");
    const model = run.session.networks[0]!.model;
    const after = similarity(model, alpha, beta);
    const epochLoss = run.epochs.map((e) => e.values.loss!);
    console.log(`word2vec planted: first batch loss ${losses[0]!.toFixed(3)}, epochs ${epochLoss.map((l) => l.toFixed(3)).join(" -> ")}; cos(alpha, beta) ${before.toFixed(2)} -> ${after.toFixed(2)}`);
    expect(losses[0]!).toBeCloseTo(6 * Math.LN2, 0);
    expect(epochLoss[1]!).toBeLessThan(epochLoss[0]!);
    expect(epochLoss[1]!).toBeLessThan(losses[0]! * 0.75);
    expect(after).toBeGreaterThan(before + 0.3);
    for (const f of fillers) expect(similarity(model, alpha, f), vocab.words[f]).toBeLessThan(after);

    const result = await sample(cbowDoc(VOCAB), new Map([["cbow", run.session.networks[0]!]]), { words: ["alpha", "beta", "zebra"], neighbours: 3, dataset: async () => dataset });
    if (result.kind !== "neighbours") throw new Error(result.kind);
    expect(result.entries[0]!.neighbours[0]!.word).toBe("beta");
    expect(result.entries[1]!.neighbours[0]!.word).toBe("alpha");
    expect(result.entries[0]!.neighbours[0]!.similarity).toBeCloseTo(after, 4);
    expect(result.entries[2]).toEqual({ word: "zebra", known: false, neighbours: [] });
    run.session.dispose();
  });

  it.each([
    { doc: () => cbowDoc(VOCAB, 8, { options: { negatives: 0 } }), message: /negatives is 0; it must be a whole number from 1 to 100/ },
    { doc: () => cbowDoc(VOCAB, 8, {}, "test:rows"), data: () => rowsDataset(4, 6), message: /needs a character text dataset such as shipped:text/ },
  ])("refuses what does not fit: $message", async ({ doc, data, message }) => {
    const err = await prepareTraining(doc(), { dataset: data ? data() : plantedText(), seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as Error).message).toMatch(message);
  });
});
