/**
 * The sequence templates' full configurations against the references their metadata cite,
 * counted here from the reference's own layer list; where the graph must differ, the test undoes
 * exactly the differences the README explains and lands on the reference.
 */
import { describe, expect, it } from "vitest";
import { headParamSize } from "../../../graph-ir/layers/memory.js";
import { loadConfig, loadMeta } from "../templates/support.js";

const full = (id: string) => loadConfig(id, "full").analysis;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const linear = (inputs: number, units: number): number => inputs * units + units;
const conv1d = (k: number, cin: number, cout: number): number => k * cin * cout + cout;

function expectReference(id: string, reference: number): void {
  const meta = loadMeta(id);
  expect(meta.reference.params).toBe(reference);
  expect(full(id).totals.params).toBe(meta.configurations.find((c) => c.id === "full")!.params);
}

describe("char-rnn (karpathy/char-rnn, 2 layers of 128, 65 characters)", () => {
  // char-rnn computes every gate as two nn.Linear maps, input-to-hidden and hidden-to-hidden, each with a bias.
  const charRnn = (gates: number, vocab: number, units: number, layers: number): number =>
    sum(Array.from({ length: layers }, (_, l) => gates * (linear(l === 0 ? vocab : units, units) + linear(units, units)))) + linear(units, vocab);

  it("the LSTM is char-rnn's 240,321 once the embedding stands for one-hot input and gates have two biases", () => {
    expect(charRnn(4, 65, 128, 2)).toBe(240_321);
    expectReference("char-lstm", 240_321);
    const ours = full("char-lstm").totals.params;
    expect(ours - 65 * 65 + 2 * 4 * 128).toBe(240_321);
  });

  it("the GRU is char-rnn's 182,337 with the same two differences", () => {
    expect(charRnn(3, 65, 128, 2)).toBe(182_337);
    expectReference("char-gru", 182_337);
    expect(full("char-gru").totals.params - 65 * 65 + 2 * 3 * 128).toBe(182_337);
  });
});

describe("RNNsearch (Bahdanau et al., appendix A)", () => {
  it("counts 80,401,000 weights at the paper's sizes; ours differs as the README explains", () => {
    const [K, m, n, n2, l] = [30_000, 620, 1_000, 1_000, 500];
    const encoder = m * K + 2 * (3 * n * m + 3 * n * n); // E, and W, Wz, Wr, U, Uz, Ur per direction
    const decoder = m * K + 3 * n * m + 3 * n * n + 3 * n * 2 * n + n * n; // E, W·, U·, C·, and Ws for s0
    const alignment = n2 * n + n2 * 2 * n + n2; // Wa, Ua, va
    const output = 2 * l * n + 2 * l * m + 2 * l * 2 * n + K * l; // Uo, Vo, Co, Wo
    expect(encoder + decoder + alignment + output).toBe(80_401_000);
    expectReference("seq2seq-attention", 80_401_000);
    const a = full("seq2seq-attention");
    expect(a.nodes.get("embed")!.paramCount).toBe(m * K);
    expect(a.nodes.get("encoder")!.paramCount).toBe(2 * 3 * (m * n + n * n + n));
    expect(a.nodes.get("attend")!.outputs["scores"]).toEqual(["B", 1, 50, 50]);
  });
});

describe("Transformer encoder (PyTorch nn.TransformerEncoderLayer(512, 8, 2048) × 6)", () => {
  it("has 3,152,384 parameters per encoder layer and the reference's 18,914,304 in the six", () => {
    const d = 512, ff = 2048;
    const layer = 4 * linear(d, d) + linear(d, ff) + linear(ff, d) + 2 * 2 * d;
    expect(layer).toBe(3_152_384);
    expectReference("transformer-encoder", 6 * layer);
    const { doc, analysis: a } = loadConfig("transformer-encoder", "full");
    const layers = doc.nodes.filter((x) => x.kind === "EncoderLayer");
    expect(layers.length).toBe(6);
    for (const x of layers) expect(a.nodes.get(x.id)!.paramCount).toBe(layer);
    expect(a.totals.params - 6 * layer).toBe(37_000 * 512 + linear(512, 4));
  });
});

describe("Neural Turing Machine (Graves et al., table 1)", () => {
  it("cites the paper's 67,561; ours follows graph-ir's layout and counts 62,660", () => {
    expectReference("ntm-copy", 67_561);
    const [F, C, M, R] = [10, 100, 20, 1];
    const q = { memorySlots: 128, slotSize: M, readHeads: R, writeHeads: 1, controllerUnits: C, shiftRange: 1, outputDim: 8 };
    expect(headParamSize(q)).toBe(26 + 66);
    const ours = 4 * C * (F + R * M) + 4 * C * C + 4 * C + (C + 1) * headParamSize(q) + linear(C + R * M, 8);
    expect(ours).toBe(62_660);
    expect(full("ntm-copy").totals.params).toBe(ours);
  });
});

describe("WaveNet (figure 4, dilations 1..512 three times)", () => {
  it("counts 1,072,704 with 32 residual and 512 skip channels, the last layer without a residual", () => {
    const perLayer = 2 * conv1d(2, 32, 32) + conv1d(1, 32, 32) + conv1d(1, 32, 512);
    const count = conv1d(2, 256, 32) + 30 * perLayer - conv1d(1, 32, 32) + conv1d(1, 512, 512) + conv1d(1, 512, 256);
    expect(count).toBe(1_072_704);
    expectReference("wavenet", count);
    const { doc } = loadConfig("wavenet", "full");
    const dilations = doc.nodes.filter((x) => x.kind.startsWith("Gated")).map((x) => x.params.dilation);
    expect(dilations).toEqual([0, 1, 2].flatMap(() => [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]));
  });
});

describe("TCN (locuslab/TCN polyphonic music model)", () => {
  it("is the reference's 882,538 less weight normalization's 1,200 gains", () => {
    const [keys, h, k] = [88, 150, 5];
    const weightNormGains = 8 * h;
    const reference = conv1d(k, keys, h) + conv1d(k, h, h) + conv1d(1, keys, h) + 3 * 2 * conv1d(k, h, h) + linear(h, keys) + weightNormGains;
    expect(reference).toBe(882_538);
    expectReference("tcn", reference);
    expect(full("tcn").totals.params).toBe(reference - weightNormGains);
  });
});
