import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Embedding } from "../../../graph-ir/layers/embedding.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

describe("Embedding", () => {
  it("matches tfjs output shape and param count over random params (int32 ids)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 32 }), fc.boolean(),
        fc.oneof(fc.constant<number | string>("T"), fc.integer({ min: 1, max: 12 })),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        async (inputDim, outputDim, maskZero, time, perStep) => {
          const q = resolveParams(Embedding.params, { inputDim, outputDim, maskZero }).values;
          const x: Shape = perStep === undefined ? ["B", time] : ["B", time, perStep];
          const r = Embedding.infer([x], q);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const oracle = await tfjsOracle(Embedding.toKeras(q, [x]), [x], ["int32"]);
          expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
          expect(Embedding.paramCount([x], q)).toBe(oracle.paramCount);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it("refuses a lone batch dimension and says to give the Input a length", () => {
    const q = resolveParams(Embedding.params, {}).values;
    const r = Embedding.infer([["B"]], q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain("batch×time");
    expect(r.issues[0]!.port).toBe("x");
  });

  it("counts one vector per vocabulary entry, padding id included", () => {
    const q = resolveParams(Embedding.params, { inputDim: 10001, outputDim: 300, maskZero: true }).values;
    expect(Embedding.paramCount([["B", 20]], q)).toBe(10001 * 300);
  });
});
