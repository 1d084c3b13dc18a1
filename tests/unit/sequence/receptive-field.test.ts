/**
 * The receptive-field pass against fields counted by hand, on loose layers, inside blocks, and
 * on the TCN and WaveNet templates, where the field must follow 1 + c(k-1)(2^L - 1) for L levels
 * of dilations 1, 2, ..., 2^(L-1): the depth needed for a field of R steps is O(log R).
 */
import { describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { describeTimeField, dilatedStackSteps, receptiveFields, type TimeField } from "../../../graph-ir/passes/receptive-field.js";
import { graph } from "../../support/docs.js";
import { loadConfig } from "../templates/support.js";

const fieldsOf = (doc: GraphDocument) => {
  const a = analyze(doc);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return receptiveFields(a);
};
const field = (steps: number | "all", stride: number, causal: boolean): TimeField => ({ steps, stride, causal });

describe("the receptive-field pass on loose layers", () => {
  it("adds (k-1)·d·stride per window and multiplies strides, as counted by hand", () => {
    const doc = graph()
      .node("x", "Input", { shape: [64, 4] })
      .layer("c1", "DilatedCausalConv1D", { filters: 4, kernelSize: 2, dilationRate: 1 }, "x")
      .layer("c2", "DilatedCausalConv1D", { filters: 4, kernelSize: 3, dilationRate: 2 }, "c1")
      .layer("same", "Conv1D", { filters: 4, kernelSize: [3], padding: "same" }, "c2")
      .layer("pool", "MaxPooling1D", { poolSize: [2] }, "same")
      .layer("c3", "DilatedCausalConv1D", { filters: 4, kernelSize: 2, dilationRate: 4 }, "pool")
      .layer("dense", "Dense", { units: 3 }, "c3")
      .layer("lstm", "LSTM", { units: 3, returnSequences: true }, "dense")
      .layer("gap", "GlobalAveragePooling1D", {}, "lstm")
      .network("net", ["x"], ["gap"])
      .build();
    const f = fieldsOf(doc);
    expect(f.get("x")).toEqual(field(1, 1, true));
    expect(f.get("c1")).toEqual(field(2, 1, true)); // 1 + 1·1
    expect(f.get("c2")).toEqual(field(6, 1, true)); // 2 + 2·2
    expect(f.get("same")).toEqual(field(8, 1, false)); // 6 + 2·1; "same" looks one step ahead
    expect(f.get("pool")).toEqual(field(9, 2, false)); // 8 + 1·1, then steps 2 apart
    expect(f.get("c3")).toEqual(field(17, 2, false)); // 9 + (1·4)·2
    expect(f.get("dense")).toEqual(f.get("c3"));
    expect(f.get("lstm")).toEqual(field("all", 2, false));
    expect(f.get("gap")).toEqual(field("all", 2, false));
  });

  it("keeps causality through per-step layers, merges and forward recurrence, and loses it where the future is seen", () => {
    const doc = graph()
      .node("ids", "Input", { shape: [10], dtype: "int32" })
      .layer("embed", "Embedding", { inputDim: 5, outputDim: 4 }, "ids")
      .layer("a", "DilatedCausalConv1D", { filters: 4, kernelSize: 4, dilationRate: 1 }, "embed")
      .layer("one", "Conv1D", { filters: 4, kernelSize: [1] }, "embed")
      .node("sum", "Add", { inputs: 2 }).edge("a", ["sum", "in0"]).edge("one", ["sum", "in1"])
      .layer("gru", "GRU", { units: 4, returnSequences: true }, "sum")
      .layer("masked", "Attention", { heads: 1, keyDim: 4, causal: true }, "sum")
      .layer("open", "Attention", { heads: 1, keyDim: 4 }, "sum")
      .layer("bi", "Bidirectional", { layer: "GRU", units: 2, returnSequences: true }, "sum")
      .network("net", ["ids"], ["gru", "masked", "open", "bi"])
      .build();
    const f = fieldsOf(doc);
    expect(f.get("one")).toEqual(field(1, 1, true));
    expect(f.get("sum")).toEqual(field(4, 1, true)); // the wider branch
    expect(f.get("gru")).toEqual(field("all", 1, true));
    expect(f.get("masked")).toEqual(field("all", 1, true));
    expect(f.get("open")).toEqual(field("all", 1, false));
    expect(f.get("bi")).toEqual(field("all", 1, false));
  });

  it("gives nothing for graphs without a time axis", () => {
    const doc = graph()
      .node("img", "Input", { shape: [8, 8, 1] })
      .layer("conv", "Conv2D", { filters: 2, kernelSize: [3, 3] }, "img")
      .network("net", ["img"], ["conv"])
      .build();
    expect(fieldsOf(doc).size).toBe(0);
  });

  it("words a field for the inspector", () => {
    expect(describeTimeField(field(29, 1, true))).toBe("29 steps, causal");
    expect(describeTimeField(field(9, 2, false))).toBe("9 steps, every 2 steps");
    expect(describeTimeField(field("all", 1, true))).toBe("all steps, causal");
  });
});

/** The TCN mini with `levels` temporal blocks (dilations 1, 2, 4, ...) on an input long enough for them. */
function tcnWithLevels(levels: number): GraphDocument {
  const { doc } = loadConfig("tcn", "mini");
  const level1 = doc.nodes.find((n) => n.id === "level1")!;
  const others = doc.nodes.filter((n) => !n.id.startsWith("level") && n.id !== "signal");
  const blocks = Array.from({ length: levels }, (_, i) => ({
    id: `level${i + 1}`, kind: i === 0 ? level1.kind : "TemporalBlock", params: { ...level1.params, dilation: 2 ** i },
  }));
  const chain = ["signal", ...blocks.map((b) => b.id)];
  const edges = chain.slice(1).map((id, i) => ({ from: [chain[i]!, "y"] as const, to: [id, "x"] as const }));
  return {
    ...doc,
    nodes: [{ id: "signal", kind: "Input", params: { shape: [4096, 1] } }, ...blocks, ...others],
    edges: [...edges, { from: [chain[chain.length - 1]!, "y"], to: ["next", "x"] }],
    training: undefined,
  };
}

describe("the TCN template's receptive field", () => {
  it("is 29 steps for the mini: 1 + 2·(3-1)·(1 + 2 + 4), and each block and inner convolution adds its own part", () => {
    const f = receptiveFields(loadConfig("tcn", "mini").analysis);
    expect(f.get("level1")).toEqual(field(5, 1, true));
    expect(f.get("level2/conv1")).toEqual(field(5 + 2 * 2, 1, true));
    expect(f.get("level2")).toEqual(field(13, 1, true));
    expect(f.get("level3")).toEqual(field(29, 1, true));
    expect(f.get("next")).toEqual(field(29, 1, true));
    expect(dilatedStackSteps(3, 3, 2)).toBe(29);
  });

  it("is 121 steps for the full graph (kernel 5, four levels)", () => {
    expect(receptiveFields(loadConfig("tcn", "full").analysis).get("next")).toEqual(field(121, 1, true));
  });

  it("follows RF = 1 + 2(k-1)(2^L - 1) for 1 to 10 levels, so the depth for a field R is log2((R-1)/(2(k-1)) + 1)", () => {
    const k = 3;
    const rf: number[] = [];
    for (let levels = 1; levels <= 10; levels++) {
      const got = fieldsOf(tcnWithLevels(levels)).get("next")!;
      expect(got.causal).toBe(true);
      expect(got.steps).toBe(1 + 2 * (k - 1) * (2 ** levels - 1));
      expect(Math.log2(((got.steps as number) - 1) / (2 * (k - 1)) + 1)).toBe(levels);
      rf.push(got.steps as number);
    }
    // Doubling the depth L -> 2L does not double the field: (RF - 1) grows by the factor 2^L + 1.
    for (const levels of [1, 2, 3, 4, 5]) {
      expect(rf[2 * levels - 1]! - 1).toBe((rf[levels - 1]! - 1) * (2 ** levels + 1));
    }
    // Each added level roughly doubles it: RF(L + 1) - 1 = 2 (RF(L) - 1) + 2(k - 1).
    for (let l = 1; l < 10; l++) expect(rf[l]! - 1).toBe(2 * (rf[l - 1]! - 1) + 2 * (k - 1));
  });
});

describe("the WaveNet template's receptive field", () => {
  it("is 17 steps for the mini and 3,071 for the 30-layer graph, causal everywhere", () => {
    const mini = receptiveFields(loadConfig("wavenet", "mini").analysis);
    expect(mini.get("next")).toEqual(field(1 + 1 + dilatedStackSteps(2, 4) - 1, 1, true));
    expect(mini.get("next")!.steps).toBe(17);
    const full = receptiveFields(loadConfig("wavenet", "full").analysis);
    expect(full.get("next")).toEqual(field(2 + 3 * 1023, 1, true));
    expect([...full.values()].every((f) => f.causal)).toBe(true);
  });
});
