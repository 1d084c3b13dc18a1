import { beforeAll, describe, expect, it } from "vitest";
import { Attention as Def } from "../../../graph-ir/layers/attention.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { expectRoundTrip, gradCheck, modelFromSpec, outputShapes, seededTensor, seedWeights, tf, variable } from "./support.js";

const params = (stored: Params) => resolveParams(Def.params, stored).values;
const build = (stored: Params, xs: Shape[]) => modelFromSpec(Def.toKeras(params(stored), xs), xs);

beforeAll(async () => {
  await tf.setBackend("cpu");
});

type M = number[][];
const matVec = (x: number[], w: M): number[] => w[0]!.map((_, j) => x.reduce((s, xi, i) => s + xi * w[i]![j]!, 0));

/**
 * The contract of graph-ir/layers/attention.ts written out with loops, for one example:
 * inputs per port [T][D]; weights in contract order as nested arrays.
 */
function reference(q: Params & { heads: number; keyDim: number; valueDim: number; score: string; causal: boolean; useBias: boolean }, xs: M[], weights: unknown[]) {
  const [query, value, key] = [xs[0]!, xs[1] ?? xs[0]!, xs[2] ?? xs[1] ?? xs[0]!];
  const it = weights[Symbol.iterator]();
  const next = () => it.next().value as never;
  const proj = (e: number) => ({ w: next() as number[][][], b: q.useBias ? (next() as M) : undefined, e });
  const [pq, pk, pv] = [proj(q.keyDim), proj(q.keyDim), proj(q.valueDim)];
  const wo = next() as number[][][];
  const bo = q.useBias ? (next() as number[]) : undefined;
  const sv = q.score === "additive" ? (next() as M) : undefined;
  const apply = (x: number[], p: { w: number[][][]; b?: M; e: number }, h: number) =>
    Array.from({ length: p.e }, (_, e) => x.reduce((s, xi, i) => s + xi * p.w[i]![h]![e]!, 0) + (p.b ? p.b[h]![e]! : 0));
  const scores: number[][][] = [];
  const mixed: number[][][] = []; // [Tq][H][V]
  query.forEach(() => mixed.push([]));
  for (let h = 0; h < q.heads; h++) {
    const qs = query.map((x) => apply(x, pq, h));
    const ks = key.map((x) => apply(x, pk, h));
    const vs = value.map((x) => apply(x, pv, h));
    scores.push(qs.map((qi, i) => {
      const s = ks.map((kj, j) => {
        if (q.causal && j > i) return -1e9;
        return q.score === "dot"
          ? qi.reduce((t, a, e) => t + a * kj[e]!, 0) / Math.sqrt(q.keyDim)
          : qi.reduce((t, a, e) => t + sv![h]![e]! * Math.tanh(a + kj[e]!), 0);
      });
      const m = Math.max(...s);
      const ex = s.map((v) => Math.exp(v - m));
      const z = ex.reduce((a, b) => a + b, 0);
      const a = ex.map((v) => v / z);
      mixed[i]!.push(vs[0]!.map((_, e) => a.reduce((t, aj, j) => t + aj * vs[j]![e]!, 0)));
      return a;
    }));
  }
  const outDim = wo[0]![0]!.length;
  const y = mixed.map((heads) => {
    const flat = heads.flat();
    const w = wo.flat(); // [H*V][O]
    return matVec(flat, w).map((v, o) => v + (bo ? bo[o]! : 0)).slice(0, outDim);
  });
  return { y, scores };
}

describe("LayerloomAttention runtime layer", () => {
  it.each<{ stored: Params; xs: Shape[] }>([
    { stored: { heads: 2, keyDim: 3 }, xs: [["B", 5, 4]] },
    { stored: { inputMode: "queryValue", score: "additive", heads: 3, keyDim: 2, valueDim: 4, returnScores: true }, xs: [["B", 3, 5], ["B", 6, 2]] },
    { stored: { inputMode: "queryKeyValue", heads: 1, keyDim: 4, outputDim: 7, useBias: false, causal: true }, xs: [["B", "T", 3], ["B", 4, 2], ["B", 4, 6]] },
    { stored: { inputMode: "queryKeyValue", score: "additive", heads: 2, keyDim: 2, valueDim: 3, returnScores: true }, xs: [["B", 2, 3], ["B", "S", 2], ["B", "S", 5]] },
  ])("has graph-ir's shapes and parameter count: $stored", async ({ stored, xs }) => {
    const q = params(stored);
    const { model, layer } = await build(stored, xs);
    const r = Def.infer(xs, q);
    if (!r.ok) throw new Error("graph-ir refused the case");
    expect(outputShapes(layer)).toEqual(r.shapes.map(toKerasShape));
    expect(layer.countParams()).toBe(Def.paramCount(xs, q));
    model.dispose();
  });

  it("lays weights out in the contract's order and shapes", async () => {
    const { model, layer } = await build({ inputMode: "queryKeyValue", score: "additive", heads: 2, keyDim: 3, valueDim: 4, outputDim: 5 }, [["B", 2, 6], ["B", 3, 7], ["B", 3, 8]]);
    expect(layer.weights.map((w) => [w.originalName.split("/").pop(), w.shape])).toEqual([
      ["query_kernel", [6, 2, 3]], ["query_bias", [2, 3]],
      ["key_kernel", [8, 2, 3]], ["key_bias", [2, 3]],
      ["value_kernel", [7, 2, 4]], ["value_bias", [2, 4]],
      ["output_kernel", [2, 4, 5]], ["output_bias", [5]],
      ["score_vector", [2, 3]],
    ]);
    model.dispose();
  });

  it.each<{ stored: Params; xs: number[][] }>([
    { stored: { heads: 2, keyDim: 3, returnScores: true }, xs: [[2, 4, 3]] },
    { stored: { heads: 2, keyDim: 2, causal: true, returnScores: true }, xs: [[2, 5, 3]] },
    { stored: { inputMode: "queryValue", score: "additive", heads: 2, keyDim: 3, valueDim: 2, outputDim: 4, returnScores: true }, xs: [[2, 3, 3], [2, 5, 2]] },
    { stored: { inputMode: "queryKeyValue", score: "additive", heads: 1, keyDim: 2, causal: true, useBias: false, returnScores: true }, xs: [[1, 4, 2], [1, 3, 3], [1, 3, 4]] },
  ])("computes the documented formula: $stored", async ({ stored, xs }) => {
    const q = params(stored);
    const shapes = xs.map((s) => ["B", s[1]!, s[2]!] as Shape);
    const { model, layer } = await build(stored, shapes);
    seedWeights(layer, 5);
    // Non-zero biases, so a bias in the wrong place shows.
    layer.weights.forEach((w, i) => { if (w.originalName.endsWith("bias")) w.write(seededTensor(w.shape as number[], 50 + i, -0.5, 0.5)); });
    const inputs = xs.map((s, i) => seededTensor(s, 60 + i, -2, 2));
    const [y, a] = model.predict(inputs.length === 1 ? inputs[0]! : inputs) as tf.Tensor[];
    const ys = y!.arraySync() as number[][][];
    const as = a!.arraySync() as number[][][][];
    const ws = layer.getWeights().map((w) => w.arraySync());
    const arrays = inputs.map((t) => t.arraySync() as number[][][]);
    for (let b = 0; b < xs[0]![0]!; b++) {
      const ref = reference({ ...q, valueDim: q.valueDim === 0 ? q.keyDim : q.valueDim }, arrays.map((x) => x[b]!), ws);
      ref.y.forEach((row, t) => row.forEach((v, o) => expect(ys[b]![t]![o]).toBeCloseTo(v, 4)));
      ref.scores.forEach((m, h) => m.forEach((row, i) => row.forEach((v, j) => expect(as[b]![h]![i]![j]).toBeCloseTo(v, 5))));
    }
    if (q.causal) expect(as[0]![0]![0]![1]).toBe(0);
    model.dispose();
  });

  it.each<Params>([
    { heads: 2, keyDim: 2, causal: true, returnScores: true },
    { inputMode: "queryKeyValue", score: "additive", heads: 2, keyDim: 2, valueDim: 3, returnScores: true },
  ])("has correct gradients against central differences: %o", async (stored) => {
    const q = params(stored);
    const dims = q.inputMode === "self" ? [[2, 4, 3]] : [[2, 3, 2], [2, 4, 3], [2, 4, 2]];
    const shapes = dims.map((s) => ["B", s[1]!, s[2]!] as Shape);
    const { model, layer } = await build(stored, shapes);
    seedWeights(layer, 9);
    layer.weights.forEach((w, i) => { if (w.originalName.endsWith("bias")) w.write(seededTensor(w.shape as number[], 90 + i, -0.3, 0.3)); });
    const xs = dims.map((s, i) => variable(seededTensor(s, 70 + i), `x${i}`));
    const probe = (t: tf.Tensor, seed: number) => tf.sum(tf.mul(t, seededTensor(t.shape, seed)));
    const f = () => {
      const [y, a] = layer.apply(xs.length === 1 ? xs[0]! : xs) as tf.Tensor[];
      return tf.add(probe(y!, 80), probe(a!, 81)) as tf.Scalar;
    };
    const report = gradCheck(f, [...xs, ...layer.weights.map((w) => w.read() as tf.Variable)], { samples: 6 });
    console.log(`LayerloomAttention gradcheck ${q.score}/${q.inputMode}: ${report.checked} coords, worst abs ${report.worstAbs.toExponential(1)}, rel ${report.worstRel.toExponential(1)}`);
    expect(report.failures).toEqual([]);
    expect(report.checked).toBeGreaterThan(40);
    model.dispose();
  });

  it("survives a save and load with the same predictions (two inputs, two outputs)", async () => {
    const stored = { inputMode: "queryValue", score: "additive", heads: 2, keyDim: 3, causal: true, returnScores: true } as const;
    const { model, layer } = await build(stored, [["B", 3, 4], ["B", 5, 2]]);
    seedWeights(layer, 13);
    await expectRoundTrip(model, [seededTensor([2, 3, 4], 14), seededTensor([2, 5, 2], 15)]);
    model.dispose();
  });

  it("learns to copy the features of the marked step to every step", async () => {
    const [b, t, d] = [32, 6, 4];
    const { model, layer } = await build({ heads: 1, keyDim: 8, outputDim: d - 1 }, [["B", t, d]]);
    seedWeights(layer, 17);
    // Features in the first d-1 channels, a 1 in the last channel at one step per example.
    const feats = seededTensor([b, t, d - 1], 18);
    const marks = tf.oneHot(tf.tensor1d(Array.from({ length: b }, (_, i) => (i * 7 + 3) % t), "int32"), t).reshape([b, t, 1]);
    const x = tf.concat([feats, marks], 2);
    const marked = tf.sum(tf.mul(feats, marks), 1, true); // [B, 1, d-1]
    const y = tf.tile(marked, [1, t, 1]);
    model.compile({ optimizer: tf.train.adam(0.03), loss: "meanSquaredError" });
    const first = (await model.trainOnBatch(x, y)) as number;
    let last = first;
    for (let i = 0; i < 60; i++) last = (await model.trainOnBatch(x, y)) as number;
    console.log(`LayerloomAttention copy-marked MSE ${first.toFixed(4)} -> ${last.toExponential(2)}`);
    expect(last).toBeLessThan(first / 10);
    model.dispose();
  });
});
