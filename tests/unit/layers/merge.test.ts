import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Add, Average, Concatenate, Multiply } from "../../../graph-ir/layers/merge.js";
import { Conv2D } from "../../../graph-ir/layers/conv.js";
import { Dense } from "../../../graph-ir/layers/core.js";
import { Cropping2D } from "../../../graph-ir/layers/reshape.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";
import type { AnyLayerDef, FixHint, InferResult } from "../../../graph-ir/layers/types.js";
import { expectMatchesTfjs } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const infer = (def: AnyLayerDef, stored: Params, inputs: readonly (Shape | undefined)[]): InferResult =>
  def.infer(inputs as Shape[], resolveParams(def.params, stored).values);
const issuesOf = (r: InferResult) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.shapes)}`);
  return r.issues;
};

/** Applies an insertBefore fix to one input shape, as the validator would. */
function applyFix(fix: FixHint, x: Shape): InferResult {
  if (fix.action !== "insertBefore") throw new Error("expected an insertBefore fix");
  const def = ({ Conv2D, Dense, Cropping2D } as Record<string, AnyLayerDef>)[fix.layer]!;
  return infer(def, fix.params ?? {}, [x]);
}

const dim = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }).map((n): Dim => n) }, { weight: 1, arbitrary: fc.constantFrom<Dim>("T", "H") });

describe.each([
  { def: Add, seed: 71 },
  { def: Multiply, seed: 72 },
  { def: Average, seed: 73 },
])("$def.kind", ({ def, seed }) => {
  it("matches tfjs for 2..5 inputs of one random shape", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 5 }), fc.array(dim, { minLength: 1, maxLength: 3 }), async (n, dims) => {
        const x: Shape = ["B", ...dims];
        await expectMatchesTfjs(def, { inputs: n }, Array.from({ length: n }, () => x));
      }),
      { numRuns: 100, seed },
    );
  });

  it("has one port per input", () => {
    expect(def.ports(resolveParams(def.params, { inputs: 3 }).values)).toEqual({ inputs: ["in0", "in1", "in2"], outputs: ["y"] });
  });
});

describe("Concatenate", () => {
  it("matches tfjs over random axes, input counts and sizes along the axis", async () => {
    const run = fc.record({
      shared: fc.array(dim, { minLength: 1, maxLength: 3 }),
      n: fc.integer({ min: 2, max: 4 }),
      negative: fc.boolean(),
    }).chain((q) => fc.tuple(
      fc.constant(q),
      fc.integer({ min: 1, max: q.shared.length }),
      fc.array(dim, { minLength: q.n, maxLength: q.n }),
    ));
    await fc.assert(
      fc.asyncProperty(run, async ([{ shared, n, negative }, axis, along]) => {
        const rank = shared.length + 1;
        const xs: Shape[] = along.map((d) => ["B", ...shared.map((s, i) => (i + 1 === axis ? d : s))]);
        await expectMatchesTfjs(Concatenate, { inputs: n, axis: negative ? axis - rank : axis }, xs);
      }),
      { numRuns: 100, seed: 74 },
    );
  });

  it("adds sizes along the axis, keeping symbols", () => {
    expect(infer(Concatenate, { inputs: 3 }, [["B", 7, 7, 64], ["B", 7, 7, 32], ["B", 7, 7, 16]])).toEqual({ ok: true, shapes: [["B", 7, 7, 112]] });
    expect(infer(Concatenate, { inputs: 3, axis: 1 }, [["B", "T", 4], ["B", 5, 4], ["B", "T", 4]])).toEqual({ ok: true, shapes: [["B", "2T+5", 4]] });
  });

  it("names the dimension that differs and offers a center crop (U-Net style)", async () => {
    const a: Shape = ["B", 14, 14, 32];
    const b: Shape = ["B", 13, 13, 16];
    const [issue] = issuesOf(infer(Concatenate, {}, [a, b]));
    expect(issue!.message).toBe(
      "Concatenate along channels needs all other dimensions equal, but heights differ (14 vs 13) and widths differ (14 vs 13) between in0 B×14×14×32 and in1 B×13×13×16",
    );
    expect(issue!.port).toBe("in1");
    const fix = issue!.fixes?.[0];
    expect(fix).toMatchObject({ label: "Crop in0 to 13×13 (insert Cropping2D)", action: "insertBefore", port: "in0", layer: "Cropping2D" });
    const cropped = applyFix(fix!, a);
    expect(cropped).toEqual({ ok: true, shapes: [["B", 13, 13, 32]] });
    if (cropped.ok) expect(infer(Concatenate, {}, [cropped.shapes[0]!, b]).ok).toBe(true);
    // tfjs refuses the original pair too.
    const q = resolveParams(Concatenate.params, {}).values;
    await expect(tfjsOracle(Concatenate.toKeras(q, [a, b]), [a, b])).rejects.toThrow();
  });

  it("refuses the batch axis and mismatched ranks", () => {
    const [axisIssue] = issuesOf(infer(Concatenate, { axis: 0 }, [["B", 4], ["B", 4]]));
    expect(axisIssue!.param).toBe("axis");
    expect(axisIssue!.fixes).toEqual([{ label: "Join along the last axis (-1)", action: "setParam", param: "axis", value: -1 }]);
    const [rankIssue] = issuesOf(infer(Concatenate, {}, [["B", 4, 4, 8], ["B", 8]]));
    expect(rankIssue!.message).toBe("Concatenate needs inputs of the same rank: B×4×4×8 on in0 vs B×8 on in1");
  });
});

describe("elementwise merge errors", () => {
  it("names the mismatch and offers a 1x1 projection of the odd input", async () => {
    const a: Shape = ["B", 28, 28, 64];
    const b: Shape = ["B", 28, 28, 32];
    const [issue] = issuesOf(infer(Add, {}, [a, b]));
    expect(issue!.message).toBe("Add needs equal shapes: B×28×28×64 vs B×28×28×32 (channel counts 64 vs 32) on in0 and in1");
    expect(issue!.port).toBe("in1");
    expect(issue!.fixes).toEqual([{
      label: "Insert a 1x1 Conv2D (64 filters) before in1", action: "insertBefore", port: "in1", layer: "Conv2D",
      params: { filters: 64, kernelSize: [1, 1], strides: [1, 1], padding: "same" },
    }]);
    expect(applyFix(issue!.fixes![0]!, b)).toEqual({ ok: true, shapes: [a] });
    const q = resolveParams(Add.params, {}).values;
    await expect(tfjsOracle(Add.toKeras(q, [a, b]), [a, b])).rejects.toThrow();
  });

  it("offers ResNet's strided projection shortcut when the shortcut is larger", () => {
    const main: Shape = ["B", 14, 14, 128];
    const shortcut: Shape = ["B", 28, 28, 64];
    const [issue] = issuesOf(infer(Add, {}, [main, shortcut]));
    expect(issue!.message).toContain("(heights 14 vs 28, widths 14 vs 28, channel counts 128 vs 64)");
    const fix = issue!.fixes![0]!;
    expect(fix.label).toBe("Insert a 1x1 Conv2D (128 filters stride 2x2) before in1");
    expect(applyFix(fix, shortcut)).toEqual({ ok: true, shapes: [main] });
    // The larger input on in0 gets the projection instead; odd sizes round up like a strided conv.
    const [flipped] = issuesOf(infer(Add, {}, [["B", 7, 7, 32], ["B", 4, 4, 32]]));
    expect(flipped!.fixes![0]).toMatchObject({ port: "in0", params: { filters: 32, strides: [2, 2] } });
    expect(applyFix(flipped!.fixes![0]!, ["B", 7, 7, 32])).toEqual({ ok: true, shapes: [["B", 4, 4, 32]] });
  });

  it("offers a Dense projection for sequences and vectors", () => {
    const [issue] = issuesOf(infer(Multiply, {}, [["B", "T", 16], ["B", "T", 8]]));
    expect(issue!.fixes).toEqual([{ label: "Insert Dense (16 units) before in1", action: "insertBefore", port: "in1", layer: "Dense", params: { units: 16 } }]);
    expect(applyFix(issue!.fixes![0]!, ["B", "T", 8])).toEqual({ ok: true, shapes: [["B", "T", 16]] });
  });

  it("reports every mismatched input, and no fix across ranks", () => {
    const issues = issuesOf(infer(Average, { inputs: 3 }, [["B", 8], ["B", 4, 2], ["B", 9]]));
    expect(issues.map((i) => i.port)).toEqual(["in1", "in2"]);
    expect(issues[0]!.message).toBe("Average needs equal shapes: B×8 vs B×4×2 on in0 and in1");
    expect(issues[0]!.fixes).toEqual([]);
  });

  it("accepts a symbol against a size (it may match at run time) and keeps the size", () => {
    expect(infer(Add, {}, [["B", "H", "W", 8], ["B", 28, 28, 8]])).toEqual({ ok: true, shapes: [["B", 28, 28, 8]] });
  });

  it("asks for every unconnected port", () => {
    const issues = issuesOf(infer(Add, { inputs: 4 }, [["B", 4], undefined, ["B", 4]]));
    expect(issues).toEqual([
      { message: "needs an input on in1", port: "in1" },
      { message: "needs an input on in3", port: "in3" },
    ]);
  });

  it("describes input counts and counts one operation per value per extra input", () => {
    const q = resolveParams(Add.params, { inputs: 3 }).values;
    expect(Add.describe!(q)).toBe("3 inputs");
    expect(Add.flops([], [["B", 4, 4]], q)).toBe(2 * 16);
    expect(Concatenate.describe!(resolveParams(Concatenate.params, { axis: 1 }).values)).toBe("axis 1");
  });
});
