import { describe, expect, it } from "vitest";
import { Attention } from "../../../graph-ir/layers/attention.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Shape } from "../../../graph-ir/core/shape.js";
import type { ParamValue, Params } from "../../../graph-ir/core/document.js";

const params = (stored: Record<string, ParamValue>) => resolveParams(Attention.params, stored).values;

describe("Attention shapes", () => {
  it.each<{ name: string; stored: Params; inputs: Shape[]; shapes: Shape[] }>([
    { name: "self, output keeps the features", stored: {}, inputs: [["B", 10, 32]], shapes: [["B", 10, 32]] },
    { name: "self with symbolic time", stored: { heads: 4, keyDim: 8 }, inputs: [["B", "T", 16]], shapes: [["B", "T", 16]] },
    { name: "explicit outputDim", stored: { outputDim: 5 }, inputs: [["B", 7, 12]], shapes: [["B", 7, 5]] },
    {
      name: "cross attention follows the query's length",
      stored: { inputMode: "queryValue" }, inputs: [["B", 3, 8], ["B", 20, 6]], shapes: [["B", 3, 8]],
    },
    {
      name: "scores output is batch×heads×Tq×Tv",
      stored: { inputMode: "queryKeyValue", heads: 2, returnScores: true }, inputs: [["B", 4, 8], ["B", 9, 6], ["B", 9, 5]],
      shapes: [["B", 4, 8], ["B", 2, 4, 9]],
    },
  ])("$name", ({ stored, inputs, shapes }) => {
    expect(Attention.infer(inputs, params(stored))).toEqual({ ok: true, shapes });
  });

  it("names its ports by input mode and asks for scores only when wanted", () => {
    expect(Attention.ports(params({}))).toEqual({ inputs: ["x"], outputs: ["y"] });
    expect(Attention.ports(params({ inputMode: "queryValue" })).inputs).toEqual(["query", "value"]);
    expect(Attention.ports(params({ inputMode: "queryKeyValue", returnScores: true }))).toEqual({ inputs: ["query", "value", "key"], outputs: ["y", "scores"] });
  });
});

describe("Attention param count (file-top weight layout)", () => {
  // H heads, K keyDim, V valueDim, O outputDim; D* input feature sizes.
  const dense = (H: number, K: number, V: number, O: number, Dq: number, Dk: number, Dv: number, bias: boolean, additive: boolean) =>
    Dq * H * K + Dk * H * K + Dv * H * V + H * V * O + (bias ? H * K + H * K + H * V + O : 0) + (additive ? H * K : 0);

  it.each<{ stored: Params; inputs: Shape[]; count: number }>([
    { stored: {}, inputs: [["B", 10, 32]], count: dense(1, 64, 64, 32, 32, 32, 32, true, false) },
    { stored: { heads: 8, keyDim: 16, useBias: false }, inputs: [["B", 10, 128]], count: 4 * 128 * 8 * 16 },
    { stored: { heads: 4, keyDim: 8, valueDim: 3, score: "additive" }, inputs: [["B", "T", 20]], count: dense(4, 8, 3, 20, 20, 20, 20, true, true) },
    {
      stored: { inputMode: "queryValue", heads: 2, keyDim: 5, outputDim: 7 }, inputs: [["B", 4, 10], ["B", 6, 3]],
      count: dense(2, 5, 5, 7, 10, 3, 3, true, false),
    },
    {
      stored: { inputMode: "queryKeyValue", heads: 3, keyDim: 4, valueDim: 6, score: "additive", useBias: false }, inputs: [["B", 4, 10], ["B", 6, 3], ["B", 6, 9]],
      count: dense(3, 4, 6, 10, 10, 9, 3, false, true),
    },
  ])("$stored", ({ stored, inputs, count }) => {
    expect(Attention.paramCount(inputs, params(stored))).toBe(count);
  });

  // Hand-expanded once, so the formula above is not the only witness.
  it("is 4·(32·32 + 32) for one 32-wide head over 32 features with outputDim 0", () => {
    expect(Attention.paramCount([["B", 5, 32]], params({ keyDim: 32 }))).toBe(4 * (32 * 32 + 32));
  });
});

describe("Attention config for the runtime layer", () => {
  it("resolves valueDim and outputDim and uses its own class name", () => {
    const spec = Attention.toKeras(params({ heads: 2, keyDim: 8, causal: true }), [["B", 5, 12]]);
    expect(spec.className).toBe("LayerloomAttention");
    expect(spec.config).toMatchObject({ input_mode: "self", score: "dot", num_heads: 2, key_dim: 8, value_dim: 8, output_dim: 12, causal: true, use_bias: true, return_scores: false });
  });
});

describe("Attention refuses bad inputs", () => {
  const failure = (inputs: readonly Shape[], stored: Record<string, ParamValue> = {}) => {
    const r = Attention.infer(inputs, params(stored));
    expect(r.ok).toBe(false);
    return r.ok ? undefined : r.issues[0]!;
  };

  it("a flat vector, naming the port", () => {
    const issue = failure([["B", 4, 8], ["B", 64]], { inputMode: "queryValue" });
    expect(issue?.port).toBe("value");
    expect(issue?.message).toContain('Attention expects a sequence batch×time×features on "value" but gets B×64');
  });

  it("an image as the query", () => {
    const issue = failure([["B", 8, 8, 3]]);
    expect(issue?.port).toBe("x");
    expect(issue?.message).toContain("B×8×8×3");
  });

  it("a key whose length differs from the value's", () => {
    const issue = failure([["B", 4, 8], ["B", 6, 8], ["B", 5, 8]], { inputMode: "queryKeyValue" });
    expect(issue?.port).toBe("key");
    expect(issue?.message).toContain("key has 5 steps and value has 6");
  });

  it("an unknown feature size", () => {
    expect(failure([["B", 4, "D"]])?.message).toContain("known feature size");
  });

  it("a missing input", () => {
    expect(failure([["B", 4, 8]], { inputMode: "queryValue" })).toEqual({ message: "needs an input", port: "value" });
  });
});
