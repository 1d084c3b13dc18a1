import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Dense, Input } from "../../../graph-ir/layers/core.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape } from "../../../graph-ir/core/shape.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

describe("Dense", () => {
  it("matches tfjs output shape and param count over random params", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), fc.boolean(),
        async (inDim, units, useBias, sequence) => {
          const q = resolveParams(Dense.params, { units, useBias }).values;
          const x = sequence ? ["B", 7, inDim] : ["B", inDim];
          const r = Dense.infer([x], q);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const oracle = await tfjsOracle(Dense.toKeras(q, [x]), [x]);
          expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
          expect(Dense.paramCount([x], q)).toBe(oracle.paramCount);
        },
      ),
      { numRuns: 100, seed: 42 },
    );
  });

  it("refuses an image tensor and offers Flatten or global pooling", () => {
    const q = resolveParams(Dense.params, {}).values;
    const r = Dense.infer([["B", 7, 7, 64]], q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message).toContain("B×7×7×64");
    expect(r.issues[0]!.fixes?.map((f) => f.label)).toEqual(["Insert Flatten", "Insert Global Average Pooling"]);
  });
});

describe("Input", () => {
  it("gives free dims a symbol", () => {
    const q = resolveParams(Input.params, { shape: [null, 16] }).values;
    expect(Input.infer([], q)).toEqual({ ok: true, shapes: [["B", "T", 16]] });
  });
  it("reports a bad shape param and falls back to the default", () => {
    const r = resolveParams(Input.params, { shape: [28, 0.5] });
    expect(r.problems).toEqual([{ param: "shape", message: "entries must be whole numbers" }]);
  });
});
