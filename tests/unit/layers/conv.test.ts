import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as tf from "../../../runtime/tf.js";
import {
  Conv1D, Conv2D, Conv2DTranspose, DepthwiseConv2D, SeparableConv2D,
  ceilDivDim, convOutSize, deconvOutSize, offsetDim, ratioDim, scaleDim,
} from "../../../graph-ir/layers/conv.js";
import { ACTIVATIONS } from "../../../graph-ir/layers/common.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";
import type { AnyLayerDef } from "../../../graph-ir/layers/types.js";
import { expectMatchesTfjs, infer, firstIssue } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const padding = fc.constantFrom("valid" as const, "same" as const);
const activation = fc.constantFrom(...ACTIVATIONS);
/** Either strided or dilated, never both (tfjs's conv ops refuse both; tested separately). */
const stepping = (n: number) =>
  fc.boolean().chain((dilated) =>
    fc.tuple(
      fc.array(fc.integer({ min: 1, max: dilated ? 1 : 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: dilated ? 3 : 1 }), { minLength: n, maxLength: n }),
    ));
/** A spatial size the window fits in with "valid" (span + slack), or sometimes a symbol. */
const sizeFor = (span: number, symbol: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 5 }).map((extra): Dim => span + extra) }, { weight: 1, arbitrary: fc.constant<Dim>(symbol) });
const span = (k: number, d: number) => k + (k - 1) * (d - 1);

describe("Conv2D and SeparableConv2D", () => {
  it.each([
    { def: Conv2D, seed: 21 },
    { def: SeparableConv2D, seed: 22 },
  ])("$def.kind matches tfjs shapes and param counts over random params", async ({ def, seed }) => {
    const params = fc.record({
      filters: fc.integer({ min: 1, max: 8 }),
      kernelSize: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 2 }),
      step: stepping(2),
      padding, activation, useBias: fc.boolean(),
      depthMultiplier: fc.integer({ min: 1, max: 3 }),
      channels: fc.integer({ min: 1, max: 4 }),
    });
    const run = params.chain((q) => {
      const dilation = q.step[1];
      return fc.tuple(fc.constant(q), sizeFor(span(q.kernelSize[0]!, dilation[0]!), "H"), sizeFor(span(q.kernelSize[1]!, dilation[1]!), "W"));
    });
    await fc.assert(
      fc.asyncProperty(run, async ([q, h, w]) => {
        const [strides, dilationRate] = q.step;
        const stored: Params = {
          filters: q.filters, kernelSize: q.kernelSize, strides, dilationRate, padding: q.padding, activation: q.activation, useBias: q.useBias,
          ...(def === SeparableConv2D ? { depthMultiplier: q.depthMultiplier } : {}),
        };
        await expectMatchesTfjs(def, stored, [["B", h, w, q.channels]]);
      }),
      { numRuns: 100, seed },
    );
  });
});

describe("Conv1D", () => {
  it("matches tfjs shapes and param counts over random params", async () => {
    const run = fc.record({
      filters: fc.integer({ min: 1, max: 8 }), k: fc.integer({ min: 1, max: 5 }), step: stepping(1),
      padding, activation, useBias: fc.boolean(), channels: fc.integer({ min: 1, max: 6 }),
    }).chain((q) => fc.tuple(fc.constant(q), sizeFor(span(q.k, q.step[1][0]!), "T")));
    await fc.assert(
      fc.asyncProperty(run, async ([q, t]) => {
        const [strides, dilationRate] = q.step;
        await expectMatchesTfjs(Conv1D, {
          filters: q.filters, kernelSize: [q.k], strides, dilationRate, padding: q.padding, activation: q.activation, useBias: q.useBias,
        }, [["B", t, q.channels]]);
      }),
      { numRuns: 100, seed: 23 },
    );
  });
});

describe("DepthwiseConv2D", () => {
  it("matches tfjs shapes and param counts over random params", async () => {
    const run = fc.record({
      kernelSize: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 2 }),
      strides: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
      padding, activation, useBias: fc.boolean(),
      depthMultiplier: fc.integer({ min: 1, max: 3 }), channels: fc.integer({ min: 1, max: 5 }),
    }).chain((q) => fc.tuple(fc.constant(q), sizeFor(q.kernelSize[0]!, "H"), sizeFor(q.kernelSize[1]!, "W")));
    await fc.assert(
      fc.asyncProperty(run, async ([{ channels, ...q }, h, w]) => {
        await expectMatchesTfjs(DepthwiseConv2D, q, [["B", h, w, channels]]);
      }),
      { numRuns: 100, seed: 24 },
    );
  });
});

describe("Conv2DTranspose", () => {
  it("matches tfjs shapes and param counts over random params", async () => {
    const size = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }).map((n): Dim => n) }, { weight: 1, arbitrary: fc.constant<Dim>("H") });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }), padding, activation, fc.boolean(),
        size, size, fc.integer({ min: 1, max: 5 }),
        async (filters, kernelSize, strides, pad, act, useBias, h, w, c) => {
          await expectMatchesTfjs(Conv2DTranspose, { filters, kernelSize, strides, padding: pad, activation: act, useBias }, [["B", h, w, c]]);
        },
      ),
      { numRuns: 100, seed: 25 },
    );
  });
});

describe("combinations the rules refuse", () => {
  it("refuses striding and dilating at once, as tfjs's conv ops do", async () => {
    await fc.assert(
      fc.property(
        fc.constantFrom(Conv1D, Conv2D, SeparableConv2D), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }),
        (def, s, d) => {
          const n = def === Conv1D ? 1 : 2;
          const x: Shape = n === 1 ? ["B", 20, 3] : ["B", 20, 20, 3];
          const issue = firstIssue(infer(def, { strides: Array(n).fill(s), dilationRate: Array(n).fill(d) }, [x]));
          expect(issue.param).toBe("dilationRate");
          expect(issue.message).toContain("cannot both stride");
          expect(issue.fixes?.map((f) => f.label)).toEqual(["Set dilationRate to 1", "Set strides to 1"]);
        },
      ),
      { numRuns: 30, seed: 26 },
    );
    // The reason: tfjs builds the layer but its op throws when run.
    const x = tf.zeros([1, 9, 9, 1]) as tf.Tensor4D;
    const k = tf.zeros([3, 3, 1, 1]) as tf.Tensor4D;
    expect(() => tf.conv2d(x, k, 2, "valid", "NHWC", 2)).toThrow();
    tf.dispose([x, k]);
  });

  it("refuses any window larger than a known input with valid padding, where tfjs computes a size below 1", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }),
        async (k, d, size) => {
          fc.pre(span(k, d) > size);
          const stored = { kernelSize: [k, 1], dilationRate: [d, 1] };
          const x: Shape = ["B", size, 4, 2];
          const issue = firstIssue(infer(Conv2D, stored, [x]));
          expect(issue.param).toBe("kernelSize");
          expect(issue.fixes).toEqual([{ label: 'Use padding "same"', action: "setParam", param: "padding", value: "same" }]);
          const oracle = await tfjsOracle(Conv2D.toKeras(resolveParams(Conv2D.params, stored).values, [x]), [x]);
          expect(oracle.outputShapes[0]![1]).toBeLessThan(1);
          // The offered fix makes the layer valid.
          expect(infer(Conv2D, { ...stored, padding: "same" }, [x]).ok).toBe(true);
        },
      ),
      { numRuns: 40, seed: 27 },
    );
  });
});

describe("error messages", () => {
  it.each([
    {
      name: "Conv2D on a grayscale image without a channel axis offers a Reshape",
      def: Conv2D, stored: {}, x: ["B", 28, 28],
      message: "Conv2D expects an image batch×height×width×channels but gets B×28×28",
      fixes: [{ label: "Insert Reshape to 28×28×1", action: "insertBefore", port: "x", layer: "Reshape", params: { targetShape: [28, 28, 1] } }],
    },
    {
      name: "Conv1D on a flat vector offers a Reshape to a sequence",
      def: Conv1D, stored: {}, x: ["B", 100],
      message: "Conv1D expects a sequence batch×time×channels but gets B×100",
      fixes: [{ label: "Insert Reshape to 100×1", action: "insertBefore", port: "x", layer: "Reshape", params: { targetShape: [100, 1] } }],
    },
    {
      name: "a kernel larger than the image",
      def: Conv2D, stored: { kernelSize: [5, 5] }, x: ["B", 3, 8, 1],
      message: 'Conv2D kernelSize 5×5 is larger than its input B×3×8×1 (height 3 < 5) with padding "valid"; use padding "same" or a smaller kernelSize',
      fixes: [{ label: 'Use padding "same"', action: "setParam", param: "padding", value: "same" }],
    },
    {
      name: "a dilated kernel that spans past the sequence",
      def: Conv1D, stored: { kernelSize: [3], dilationRate: [4] }, x: ["B", 8, 2],
      message: 'Conv1D kernelSize 3 (dilated to span 9) is larger than its input B×8×2 (time 8 < 9)',
      fixes: [{ label: 'Use padding "same"', action: "setParam", param: "padding", value: "same" }],
    },
    {
      name: "unknown channels",
      def: DepthwiseConv2D, stored: {}, x: ["B", 8, 8, "C"],
      message: "DepthwiseConv2D needs a known number of channels, but the last dimension is C",
      fixes: undefined,
    },
  ])("$name", ({ def, stored, x, message, fixes }) => {
    const issue = firstIssue(infer(def as AnyLayerDef, stored as Params, [x as Shape]));
    expect(issue.message).toContain(message);
    expect(issue.fixes).toEqual(fixes);
  });

  it("asks for an input when none is connected", () => {
    expect(firstIssue(infer(Conv2D, {}, [])).message).toBe("needs an input");
  });
});

describe("symbolic sizes", () => {
  it("keeps a readable expression where the size is only known at run time", () => {
    expect(infer(Conv2D, { strides: [2, 2], padding: "same" }, [["B", "H", "W", 3]])).toEqual({ ok: true, shapes: [["B", "⌈H/2⌉", "⌈W/2⌉", 32]] });
    expect(infer(Conv2D, { padding: "same" }, [["B", "H", "W", 3]])).toEqual({ ok: true, shapes: [["B", "H", "W", 32]] });
    expect(infer(Conv1D, { kernelSize: [3], dilationRate: [2] }, [["B", "T", 3]])).toEqual({ ok: true, shapes: [["B", "T-4", 32]] });
    expect(infer(Conv2DTranspose, {}, [["B", "H", 7, 3]])).toEqual({ ok: true, shapes: [["B", "2H", 14, 32]] });
  });

  it("folds offsets, coefficients and ratios", () => {
    expect(offsetDim("H+2", -2)).toBe("H");
    expect(offsetDim("H-2", -2)).toBe("H-4");
    expect(offsetDim("2H", 1)).toBe("2H+1");
    expect(scaleDim("2H", 2)).toBe("4H");
    expect(scaleDim("H-2", 2)).toBe("2(H-2)");
    expect(scaleDim("⌈H/2⌉", 2)).toBe("2⌈H/2⌉");
    expect(ceilDivDim("H-2", 2)).toBe("⌈(H-2)/2⌉");
    expect(ceilDivDim("⌈H/2⌉", 2)).toBe("⌈⌈H/2⌉/2⌉");
    expect(ratioDim(["T"], 16, 4)).toBe("4T");
    expect(ratioDim(["T"], 3, 6)).toBe("T/2");
    expect(ratioDim(["H", "W"], 3, 2)).toBe("3(H·W)/2");
    // Two valid 3x3 convolutions then a stride-2 one: H-4, then ⌈(H-4)/2⌉.
    expect(convOutSize(convOutSize(convOutSize("H", 3, 1, "valid"), 3, 1, "valid"), 1, 2, "valid")).toBe("⌈(H-4)/2⌉");
    expect(deconvOutSize("H", 4, 2, "valid")).toBe("2H+2");
  });

  it("agrees with the numeric rule wherever the symbol is replaced by a number", () => {
    // Substituting H into the expression must give the number the numeric rule gives.
    const evaluate = (e: Dim, h: number): number => {
      if (typeof e === "number") return e;
      const js = e.replace(/⌈/g, "Math.ceil(").replace(/⌉/g, ")").replace(/(\d)(?=[H(M])/g, "$1*").replace(/·/g, "*").replace(/H/g, String(h));
      return Function(`return (${js})`)() as number;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), padding, fc.integer({ min: 12, max: 40 }),
        (k, s, d, pad, h) => {
          const e = convOutSize(offsetDim(scaleDim("H", 2), 1), k, s, pad, s > 1 ? 1 : d);
          expect(evaluate(e, h)).toBe(convOutSize(2 * h + 1, k, s, pad, s > 1 ? 1 : d));
        }),
      { numRuns: 100, seed: 28 },
    );
  });
});

describe("presets, descriptions and costs", () => {
  it("offers a 1x1 bottleneck preset that reduces channels", () => {
    const preset = Conv2D.presets?.find((pr) => pr.title === "1x1 bottleneck");
    expect(preset?.params.kernelSize).toEqual([1, 1]);
    const x: Shape = ["B", 28, 28, 64];
    const r = infer(Conv2D, preset!.params, [x]);
    expect(r).toEqual({ ok: true, shapes: [["B", 28, 28, 16]] });
    expect(Conv2D.paramCount([x], resolveParams(Conv2D.params, preset!.params).values)).toBe(64 * 16 + 16);
  });

  it("describes a convolution in one short line", () => {
    const d = (def: AnyLayerDef, stored: Params) => def.describe!(resolveParams(def.params, stored).values);
    expect(d(Conv2D, { padding: "same" })).toBe("32@3x3 s1 same");
    expect(d(Conv2D, { filters: 64, kernelSize: [5, 5], strides: [2, 2], activation: "relu" })).toBe("64@5x5 s2 valid relu");
    expect(d(Conv1D, { dilationRate: [4], padding: "same" })).toBe("32@3 s1 d4 same");
    expect(d(DepthwiseConv2D, { depthMultiplier: 2 })).toBe("×2 3x3 s1 valid");
  });

  it("estimates FLOPs as two per multiply-add", () => {
    const q = resolveParams(Conv2D.params, { padding: "same" }).values;
    const x: Shape = [1, 28, 28, 3];
    const r = Conv2D.infer([x], q);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Conv2D.flops([x], r.shapes, q)).toBe(2 * 28 * 28 * 32 * 3 * 3 * 3);
    const qs = resolveParams(SeparableConv2D.params, { padding: "same" }).values;
    expect(SeparableConv2D.flops([x], r.shapes, qs)).toBe(2 * 28 * 28 * 3 * (9 + 32));
  });
});
