import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AveragePooling1D, AveragePooling2D, GlobalAveragePooling1D, GlobalAveragePooling2D,
  GlobalMaxPooling1D, GlobalMaxPooling2D, MaxPooling1D, MaxPooling2D,
} from "../../../graph-ir/layers/pooling.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";
import type { AnyLayerDef } from "../../../graph-ir/layers/types.js";
import { expectMatchesTfjs, infer, firstIssue } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const padding = fc.constantFrom("valid" as const, "same" as const);
/** An explicit stride, or null: "the pool size", as Keras's strides=None. */
const stride = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });
/** A size the window fits with "valid", or sometimes a symbol. */
const sizeFor = (pool: number, symbol: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }).map((extra): Dim => pool + extra) }, { weight: 1, arbitrary: fc.constant<Dim>(symbol) });

describe.each([
  { def: MaxPooling2D, seed: 31 },
  { def: AveragePooling2D, seed: 32 },
])("$def.kind", ({ def, seed }) => {
  it("matches tfjs shapes and param count over random params", async () => {
    const run = fc.record({
      poolSize: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 2 }),
      strides: fc.array(stride, { minLength: 2, maxLength: 2 }),
      padding, channels: fc.integer({ min: 1, max: 5 }),
    }).chain((q) => fc.tuple(fc.constant(q), sizeFor(q.poolSize[0]!, "H"), sizeFor(q.poolSize[1]!, "W")));
    await fc.assert(
      fc.asyncProperty(run, async ([{ channels, ...q }, h, w]) => {
        await expectMatchesTfjs(def, q, [["B", h, w, channels]]);
      }),
      { numRuns: 100, seed },
    );
  });
});

describe.each([
  { def: MaxPooling1D, seed: 33 },
  { def: AveragePooling1D, seed: 34 },
])("$def.kind", ({ def, seed }) => {
  it("matches tfjs shapes and param count over random params", async () => {
    const run = fc.record({ pool: fc.integer({ min: 1, max: 5 }), stride, padding, channels: fc.integer({ min: 1, max: 5 }) })
      .chain((q) => fc.tuple(fc.constant(q), sizeFor(q.pool, "T")));
    await fc.assert(
      fc.asyncProperty(run, async ([q, t]) => {
        await expectMatchesTfjs(def, { poolSize: [q.pool], strides: [q.stride], padding: q.padding }, [["B", t, q.channels]]);
      }),
      { numRuns: 100, seed },
    );
  });
});

describe.each([
  { def: GlobalAveragePooling1D, rank: 3, seed: 35 },
  { def: GlobalMaxPooling1D, rank: 3, seed: 36 },
  { def: GlobalAveragePooling2D, rank: 4, seed: 37 },
  { def: GlobalMaxPooling2D, rank: 4, seed: 38 },
])("$def.kind", ({ def, rank, seed }) => {
  it("matches tfjs shapes and param count over random inputs", async () => {
    const dim = fc.oneof(fc.integer({ min: 1, max: 9 }).map((n): Dim => n), fc.constantFrom<Dim>("H", "W", "T"));
    await fc.assert(
      fc.asyncProperty(fc.array(dim, { minLength: rank - 2, maxLength: rank - 2 }), fc.integer({ min: 1, max: 16 }), async (spatial, c) => {
        await expectMatchesTfjs(def as AnyLayerDef, {}, [["B", ...spatial, c]]);
      }),
      { numRuns: 100, seed },
    );
  });
});

describe("pooling rules", () => {
  it("strides default to the pool size, written out for Keras", () => {
    const q = resolveParams(MaxPooling2D.params, { poolSize: [3, 3] }).values;
    expect(MaxPooling2D.toKeras(q, []).config).toMatchObject({ pool_size: [3, 3], strides: [3, 3] });
    expect(MaxPooling2D.infer([["B", 9, 10, 8]], q)).toEqual({ ok: true, shapes: [["B", 3, 3, 8]] });
    expect(MaxPooling2D.describe!(q)).toBe("3x3 s3 valid");
  });

  it("AlexNet's overlapping 3x3 stride 2 pooling", () => {
    expect(infer(MaxPooling2D, { poolSize: [3, 3], strides: [2, 2] }, [["B", 55, 55, 96]])).toEqual({ ok: true, shapes: [["B", 27, 27, 96]] });
  });

  it("keeps symbols: same padding divides, valid shrinks first", () => {
    expect(infer(MaxPooling2D, { padding: "same" }, [["B", "H", "W", 4]])).toEqual({ ok: true, shapes: [["B", "⌈H/2⌉", "⌈W/2⌉", 4]] });
    expect(infer(AveragePooling1D, { poolSize: [3], strides: [1] }, [["B", "T", 4]])).toEqual({ ok: true, shapes: [["B", "T-2", 4]] });
  });

  it.each([
    {
      name: "a pool larger than the image with valid padding",
      def: MaxPooling2D, stored: { poolSize: [4, 4] }, x: ["B", 3, 3, 8],
      message: 'MaxPooling2D poolSize 4×4 is larger than its input B×3×3×8 (height 3 < 4, width 3 < 4) with padding "valid"; use padding "same" or a smaller poolSize',
      param: "poolSize",
      fixes: [{ label: 'Use padding "same"', action: "setParam", param: "padding", value: "same" }],
    },
    {
      name: "a 2D pool on a sequence",
      def: MaxPooling2D, stored: {}, x: ["B", "T", 16],
      message: "MaxPooling2D expects an image batch×height×width×channels but gets B×T×16; use MaxPooling1D for sequences",
      param: undefined, fixes: undefined,
    },
    {
      name: "a 1D pool on an image",
      def: AveragePooling1D, stored: {}, x: ["B", 8, 8, 3],
      message: "AveragePooling1D expects a sequence batch×time×channels but gets B×8×8×3; use AveragePooling2D for images",
      param: undefined, fixes: undefined,
    },
    {
      name: "global 2D pooling on a sequence",
      def: GlobalAveragePooling2D, stored: {}, x: ["B", "T", 16],
      message: "GlobalAveragePooling2D expects an image batch×height×width×channels but gets B×T×16; use GlobalAveragePooling1D for sequences",
      param: undefined, fixes: undefined,
    },
    {
      name: "global pooling on a vector",
      def: GlobalMaxPooling1D, stored: {}, x: ["B", 16],
      message: "GlobalMaxPooling1D expects a sequence batch×time×channels but gets B×16",
      param: undefined, fixes: undefined,
    },
  ])("$name", ({ def, stored, x, message, param, fixes }) => {
    const issue = firstIssue(infer(def as AnyLayerDef, stored as Params, [x as Shape]));
    expect(issue.message).toBe(message);
    expect(issue.param).toBe(param);
    expect(issue.fixes).toEqual(fixes);
  });

  it("refuses exactly the valid windows where tfjs computes a size below 1", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), async (pool, size) => {
        const stored = { poolSize: [pool, 1] };
        const x: Shape = ["B", size, 2, 1];
        const r = infer(MaxPooling2D, stored, [x]);
        const oracle = await tfjsOracle(MaxPooling2D.toKeras(resolveParams(MaxPooling2D.params, stored).values, [x]), [x]);
        expect(r.ok).toBe((oracle.outputShapes[0]![1] as number) >= 1);
      }),
      { numRuns: 40, seed: 39 },
    );
  });

  it("counts one comparison or addition per window position", () => {
    const q = resolveParams(MaxPooling2D.params, {}).values;
    expect(MaxPooling2D.flops([[1, 8, 8, 4]], [[1, 4, 4, 4]], q)).toBe(4 * 4 * 4 * 4);
  });
});
