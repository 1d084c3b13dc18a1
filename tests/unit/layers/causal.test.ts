import { describe, expect, it } from "vitest";
import { DilatedCausalConv1D, doublingDilations, receptiveField } from "../../../graph-ir/layers/causal.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Shape } from "../../../graph-ir/core/shape.js";

const params = (stored: Record<string, number | boolean | string>) => resolveParams(DilatedCausalConv1D.params, stored).values;

describe("DilatedCausalConv1D", () => {
  it.each([
    { x: ["B", 100, 1], filters: 32, kernelSize: 2, dilationRate: 1, useBias: true, y: ["B", 100, 32], count: 2 * 1 * 32 + 32 },
    { x: ["B", 16, 8], filters: 4, kernelSize: 3, dilationRate: 8, useBias: true, y: ["B", 16, 4], count: 3 * 8 * 4 + 4 },
    { x: ["B", "T", 64], filters: 64, kernelSize: 2, dilationRate: 512, useBias: false, y: ["B", "T", 64], count: 2 * 64 * 64 },
    // A kernel span far longer than the sequence still keeps its length: the rest is left padding.
    { x: ["B", 3, 5], filters: 7, kernelSize: 4, dilationRate: 16, useBias: true, y: ["B", 3, 7], count: 4 * 5 * 7 + 7 },
  ] as const)("keeps the length: $x -> $y, $count params", ({ x, y, count, ...stored }) => {
    const q = params(stored);
    expect(DilatedCausalConv1D.infer([x], q)).toEqual({ ok: true, shapes: [y] });
    expect(DilatedCausalConv1D.paramCount([x], q)).toBe(count);
  });

  it("emits a Conv1D-compatible causal config for the runtime layer", () => {
    const spec = DilatedCausalConv1D.toKeras(params({ filters: 16, kernelSize: 3, dilationRate: 4, activation: "relu" }), []);
    expect(spec.className).toBe("DilatedCausalConv1D");
    expect(spec.config).toMatchObject({ filters: 16, kernel_size: [3], strides: [1], padding: "causal", dilation_rate: [4], activation: "relu", use_bias: true });
  });

  it.each([
    { x: ["B", 784], hint: "add a time axis" },
    { x: ["B", 28, 28, 1], hint: "reshape it to batch×time×features" },
  ] as const)("refuses $x with a clear message", ({ x, hint }) => {
    const r = DilatedCausalConv1D.infer([x], params({}));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain("DilatedCausalConv1D expects a sequence batch×time×features");
    expect(r.issues[0]!.message).toContain(hint);
  });

  it("refuses an unknown channel count and a missing input", () => {
    const unknown = DilatedCausalConv1D.infer([["B", 10, "C"] as Shape], params({}));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]!.message).toContain("known feature size");
    const missing = DilatedCausalConv1D.infer([], params({}));
    expect(missing).toEqual({ ok: false, issues: [{ message: "needs an input", port: "x" }] });
  });
});

describe("receptiveField", () => {
  it("is 1 for no layers and 1 + (k-1)d for one", () => {
    expect(receptiveField([])).toBe(1);
    expect(receptiveField([{ kernelSize: 3, dilationRate: 4 }])).toBe(9);
  });

  it("grows exponentially with depth under doubling dilations (k = 2: 2^depth)", () => {
    for (let depth = 1; depth <= 12; depth++) {
      const stack = doublingDilations(depth).map((dilationRate) => ({ kernelSize: 2, dilationRate }));
      expect(receptiveField(stack)).toBe(2 ** depth);
    }
  });

  it("grows only linearly without dilation", () => {
    const flat = Array.from({ length: 10 }, () => ({ kernelSize: 2, dilationRate: 1 }));
    expect(receptiveField(flat)).toBe(11);
  });

  it("adds up a WaveNet stack of two dilation cycles 1..512 with k = 2", () => {
    const cycle = doublingDilations(10);
    expect(cycle).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    const stack = [...cycle, ...cycle].map((dilationRate) => ({ kernelSize: 2, dilationRate }));
    expect(receptiveField(stack)).toBe(1 + 2 * 1023);
  });
});
