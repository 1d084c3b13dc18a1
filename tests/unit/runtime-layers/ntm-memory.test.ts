import { beforeAll, describe, expect, it } from "vitest";
import { Memory as Def } from "../../../graph-ir/layers/memory.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { address } from "../../../runtime/layers/ntm-memory.js";
import { expectRoundTrip, gradCheck, modelFromSpec, outputShapes, seededTensor, seededValues, seedWeights, tf, variable } from "./support.js";

const params = (stored: Params) => resolveParams(Def.params, stored).values;
type Q = ReturnType<typeof params>;
const build = (stored: Params, x: Shape) => modelFromSpec(Def.toKeras(params(stored), [x]), [x]);

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const softplus = (v: number) => Math.log1p(Math.exp(v));
const softmax = (v: number[]) => {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
};
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const vecMat = (v: number[], w: number[][]) => w[0]!.map((_, j) => v.reduce((s, x, i) => s + x * w[i]![j]!, 0));

/** The step equations of graph-ir/layers/memory.ts, in float64 loops, for one example [T][F]. */
function reference(q: Q, xs: number[][], weights: unknown[]): number[][] {
  const [wx, wr, bc, wh, bh, wo, bo] = weights as [number[][], number[][], number[], number[][], number[], number[][], number[]];
  const { memorySlots: n, slotSize: m, readHeads: nr, writeHeads: nw, controllerUnits: c, shiftRange: s } = q;
  let h = new Array<number>(c).fill(0);
  let cell = new Array<number>(c).fill(0);
  let mem = Array.from({ length: n }, () => new Array<number>(m).fill(1e-6));
  let reads = new Array<number>(nr * m).fill(0);
  const oneHot0 = (): number[] => Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
  let readW = Array.from({ length: nr }, oneHot0);
  let writeW = Array.from({ length: nw }, oneHot0);
  const address = (memory: number[][], p: { k: number[]; beta: number; g: number; sh: number[]; gamma: number }, prev: number[]) => {
    const nk = Math.hypot(...p.k) + 1e-8;
    const wc = softmax(memory.map((row) => p.beta * dot(p.k, row) / (nk * (Math.hypot(...row) + 1e-8))));
    const wg = wc.map((v, i) => p.g * v + (1 - p.g) * prev[i]!);
    const ws = wg.map((_, i) => {
      let t = 0;
      for (let j = -s; j <= s; j++) t += wg[(((i - j) % n) + n) % n]! * p.sh[j + s]!;
      return t;
    });
    const pw = ws.map((v) => Math.pow(v, p.gamma));
    const z = pw.reduce((a, b) => a + b, 0);
    return pw.map((v) => v / z);
  };
  const out: number[][] = [];
  for (const xt of xs) {
    const z = vecMat([...xt, ...reads], wx).map((v, j) => v + vecMat(h, wr)[j]! + bc[j]!);
    const gate = (g: number) => z.slice(g * c, (g + 1) * c);
    cell = cell.map((cv, i) => sigmoid(gate(1)[i]!) * cv + sigmoid(gate(0)[i]!) * Math.tanh(gate(2)[i]!));
    h = cell.map((cv, i) => sigmoid(gate(3)[i]!) * Math.tanh(cv));
    const xi = vecMat(h, wh).map((v, j) => v + bh[j]!);
    let off = 0;
    const take = (len: number) => xi.slice(off, (off += len));
    const head = (writer: boolean) => ({
      k: take(m).map(Math.tanh), beta: softplus(take(1)[0]!), g: sigmoid(take(1)[0]!),
      sh: softmax(take(2 * s + 1)), gamma: 1 + softplus(take(1)[0]!),
      e: writer ? take(m).map(sigmoid) : [], a: writer ? take(m).map(Math.tanh) : [],
    });
    const readers = Array.from({ length: nr }, () => head(false));
    const writers = Array.from({ length: nw }, () => head(true));
    writeW = writers.map((p, i) => address(mem, p, writeW[i]!));
    mem = mem.map((row, i) => row.map((v, k) => {
      let kept = v;
      writers.forEach((p, wi) => { kept *= 1 - writeW[wi]![i]! * p.e[k]!; });
      return kept + writers.reduce((t, p, wi) => t + writeW[wi]![i]! * p.a[k]!, 0);
    }));
    readW = readers.map((p, i) => address(mem, p, readW[i]!));
    reads = readW.flatMap((w) => mem[0]!.map((_, k) => w.reduce((t, wi, i) => t + wi * mem[i]![k]!, 0)));
    out.push(vecMat([...h, ...reads], wo).map((v, j) => v + bo[j]!));
  }
  return out;
}

describe("NTMMemory runtime layer", () => {
  it.each<{ stored: Params; x: Shape }>([
    { stored: { memorySlots: 8, slotSize: 4, controllerUnits: 6, outputDim: 3 }, x: ["B", 5, 2] },
    { stored: { memorySlots: 6, slotSize: 3, readHeads: 2, writeHeads: 3, controllerUnits: 5, shiftRange: 2, outputDim: 4 }, x: ["B", "T", 3] },
    { stored: { memorySlots: 2, slotSize: 1, controllerUnits: 1, shiftRange: 0, outputDim: 1 }, x: ["B", 2, 1] },
  ])("has graph-ir's shape and parameter count: $stored on $x", async ({ stored, x }) => {
    const q = params(stored);
    const { model, layer } = await build(stored, x);
    const r = Def.infer([x], q);
    if (!r.ok) throw new Error("graph-ir refused the case");
    expect(outputShapes(layer)).toEqual(r.shapes.map(toKerasShape));
    expect(layer.countParams()).toBe(Def.paramCount([x], q));
    const f = x[2] as number, c = q.controllerUnits, reads = q.readHeads * q.slotSize;
    const p = q.readHeads * (q.slotSize + 2 * q.shiftRange + 4) + q.writeHeads * (3 * q.slotSize + 2 * q.shiftRange + 4);
    expect(layer.weights.map((w) => [w.originalName.split("/").pop(), w.shape])).toEqual([
      ["controller_kernel", [f + reads, 4 * c]], ["controller_recurrent_kernel", [c, 4 * c]], ["controller_bias", [4 * c]],
      ["heads_kernel", [c, p]], ["heads_bias", [p]], ["output_kernel", [c + reads, q.outputDim]], ["output_bias", [q.outputDim]],
    ]);
    model.dispose();
  });

  it("refuses a shift range wider than the memory, naming the fix", async () => {
    const spec = Def.toKeras(params({ memorySlots: 4, shiftRange: 2 }), [["B", 3, 2]]);
    await expect(modelFromSpec(spec, [["B", 3, 2]])).rejects.toThrow(/shift_range ≤ 1/);
  });

  it.each<Params>([
    { memorySlots: 5, slotSize: 3, readHeads: 1, writeHeads: 1, controllerUnits: 4, shiftRange: 1, outputDim: 3 },
    { memorySlots: 6, slotSize: 2, readHeads: 2, writeHeads: 2, controllerUnits: 3, shiftRange: 2, outputDim: 2 },
  ])("follows the documented step equations: %o", async (stored) => {
    const q = params(stored);
    const [b, t, f] = [2, 4, 3];
    const { model, layer } = await build(stored, ["B", t, f]);
    // Large, varied weights so every gate, head part and shift direction matters.
    layer.weights.forEach((w, i) => w.write(seededTensor(w.shape as number[], 100 + i, -1.2, 1.2)));
    const x = seededTensor([b, t, f], 7, -2, 2);
    const y = (model.predict(x) as tf.Tensor).arraySync() as number[][][];
    const ws = layer.getWeights().map((w) => w.arraySync());
    const xs = x.arraySync() as number[][][];
    let worst = 0;
    for (let i = 0; i < b; i++) {
      reference(q, xs[i]!, ws).forEach((row, ti) => row.forEach((v, o) => { worst = Math.max(worst, Math.abs(v - y[i]![ti]![o]!)); }));
    }
    expect(worst).toBeLessThan(1e-4);
    model.dispose();
  });

  // The outputs cannot show the shift direction (the initial state is mirror-symmetric), so the
  // addressing is checked on its own.
  describe("addressing", () => {
    const n = 5;
    const head = (o: { k?: number[]; beta?: number; g: number; s: number[]; gamma?: number }) => ({
      k: tf.tensor(o.k ?? [0.1, 0.2], [1, 1, 2]), beta: tf.tensor([[[o.beta ?? 1]]]), g: tf.tensor([[[o.g]]]),
      s: tf.tensor(o.s, [1, 1, o.s.length]), gamma: tf.tensor([[[o.gamma ?? 1]]]),
    });
    const mem = tf.tensor([1, 0, 0, 1, -1, 0, 0, -1, 0.7, 0.7], [1, n, 2]) as tf.Tensor3D;
    const oneHot = (i: number) => tf.oneHot([i], n).reshape([1, 1, n]) as tf.Tensor3D;
    const read = (w: tf.Tensor) => Array.from(w.dataSync());

    it("shift +1 moves the focus one slot up, wrapping around", () => {
      const w = read(address(mem, head({ g: 0, s: [0, 0, 1] }), oneHot(n - 1), 1));
      expect(w[0]).toBeCloseTo(1, 6);
      expect(read(address(mem, head({ g: 0, s: [1, 0, 0] }), oneHot(2), 1))[1]).toBeCloseTo(1, 6);
    });

    it("content addressing focuses on the row most like the key, more so with a larger strength", () => {
      const soft = read(address(mem, head({ k: [0, -0.9], beta: 2, g: 1, s: [0, 1, 0] }), oneHot(0), 1));
      const sharp = read(address(mem, head({ k: [0, -0.9], beta: 50, g: 1, s: [0, 1, 0] }), oneHot(0), 1));
      expect(soft.indexOf(Math.max(...soft))).toBe(3);
      expect(sharp[3]).toBeGreaterThan(0.99);
      expect(soft[3]).toBeLessThan(sharp[3]!);
    });

    it("interpolates with the previous weighting and sharpens by gamma", () => {
      // g = 0.5 between uniform content weights (zero key) and slot 0; no shift; gamma = 2.
      const w = read(address(mem, head({ k: [0, 0], g: 0.5, s: [0, 1, 0], gamma: 2 }), oneHot(0), 1));
      const ws = [0.5 + 0.1, 0.1, 0.1, 0.1, 0.1];
      const z = ws.reduce((a, v) => a + v * v, 0);
      ws.forEach((v, i) => expect(w[i]).toBeCloseTo((v * v) / z, 5));
    });
  });

  it("has correct gradients against central differences", async () => {
    const stored = { memorySlots: 4, slotSize: 2, readHeads: 1, writeHeads: 1, controllerUnits: 3, shiftRange: 1, outputDim: 2 };
    const { model, layer } = await build(stored, ["B", 3, 2]);
    layer.weights.forEach((w, i) => w.write(seededTensor(w.shape as number[], 200 + i, -0.8, 0.8)));
    const x = variable(seededTensor([2, 3, 2], 8), "x");
    const r = seededTensor([2, 3, 2], 9);
    const f = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar;
    const report = gradCheck(f, [x, ...layer.weights.map((w) => w.read() as tf.Variable)], { samples: 6 });
    console.log(`NTMMemory gradcheck: ${report.checked} coords, worst abs ${report.worstAbs.toExponential(1)}, rel ${report.worstRel.toExponential(1)}`);
    expect(report.failures).toEqual([]);
    expect(report.checked).toBe(7 * 6 + 2); // output_bias has only 2 entries
    model.dispose();
  });

  it("survives a save and load with the same predictions", async () => {
    const { model, layer } = await build({ memorySlots: 6, slotSize: 3, readHeads: 2, writeHeads: 1, controllerUnits: 5, shiftRange: 2, outputDim: 4 }, ["B", 4, 3]);
    seedWeights(layer, 10);
    await expectRoundTrip(model, [seededTensor([2, 4, 3], 11)]);
    model.dispose();
  });
  it("reduces the copy-task loss on unseen sequences within 50 steps, without leaking tensors", async () => {
    // Three random 4-bit vectors, a delimiter, then three blank steps during which they are recalled.
    const [w, len, b] = [4, 3, 32];
    const t = 2 * len + 1;
    const batch = (seed: number) => tf.tidy(() => {
      const bits = tf.tensor(Array.from(seededValues(b * len * w, seed, 0, 1), (v) => (v < 0.5 ? 0 : 1)), [b, len, w]);
      const delimiter = tf.concat([tf.zeros([b, 1, w]), tf.ones([b, 1, 1])], 2);
      const x = tf.concat([tf.concat([bits, tf.zeros([b, len, 1])], 2), delimiter, tf.zeros([b, len, w + 1])], 1);
      return { x, y: bits };
    });
    const { model, layer } = await build({ memorySlots: 8, slotSize: 6, controllerUnits: 32, shiftRange: 1, outputDim: w }, ["B", t, w + 1]);
    seedWeights(layer, 12);
    const loss = (d: { x: tf.Tensor; y: tf.Tensor }) => {
      const recall = tf.slice(layer.apply(d.x, { training: true }) as tf.Tensor, [0, len + 1, 0], [-1, len, -1]);
      return tf.losses.sigmoidCrossEntropy(d.y, recall) as tf.Scalar;
    };
    const heldOut = batch(1000);
    const before = tf.tidy(() => loss(heldOut).dataSync()[0]!);
    const optimizer = tf.train.adam(0.01);
    const counts: number[] = [];
    for (let i = 0; i < 50; i++) {
      const d = batch(i + 1);
      optimizer.minimize(() => loss(d), true)?.dispose();
      tf.dispose([d.x, d.y]);
      counts.push(tf.memory().numTensors);
    }
    const after = tf.tidy(() => loss(heldOut).dataSync()[0]!);
    console.log(`NTMMemory copy task held-out loss ${before.toFixed(4)} -> ${after.toFixed(4)} (chance ln 2 = 0.693)`);
    expect(after).toBeLessThan(0.8 * before);
    // After the optimizer has made its slots, every step leaves the tensor count unchanged.
    expect(counts.at(-1)).toBe(counts[1]);
    model.dispose();
  });
});
