import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BatchNormalization, LayerNormalization, LocalResponseNormalization } from "../../../graph-ir/layers/normalization.js";
import { resolveParams } from "../../../graph-ir/core/params.js";

import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";

import { expectMatchesTfjs, infer, firstIssue } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

/** A shape of rank 2..4 whose feature sizes may be symbols, except at the axes that must be known. */
const shapeWith = (knownAt: (rank: number) => fc.Arbitrary<number[]>) =>
  fc.integer({ min: 2, max: 4 }).chain((rank) =>
    fc.tuple(
      fc.constant(rank),
      knownAt(rank),
      fc.array(fc.oneof(fc.integer({ min: 1, max: 6 }).map((n): Dim => n), fc.constantFrom<Dim>("T", "H")), { minLength: rank - 1, maxLength: rank - 1 }),
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: rank - 1, maxLength: rank - 1 }),
    ));
/** Writes an axis the way a user may: positive, or counted from the end. */
const asWritten = (axis: number, rank: number, negative: boolean): number => (negative ? axis - rank : axis);

describe("BatchNormalization", () => {
  it("matches tfjs shapes and param count (moving statistics included) over random params", async () => {
    const run = fc.tuple(
      shapeWith((rank) => fc.integer({ min: 1, max: rank - 1 }).map((a) => [a])),
      fc.boolean(), fc.boolean(), fc.boolean(), fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 1e-5, max: 0.1, noNaN: true }),
    );
    await fc.assert(
      fc.asyncProperty(run, async ([[rank, [axis], free, known], negative, center, scale, momentum, epsilon]) => {
        // The normalized axis must have a known size; the others may be free.
        const x: Shape = ["B", ...free.map((d, i) => (i + 1 === axis ? known[i]! : d))];
        await expectMatchesTfjs(BatchNormalization, { axis: asWritten(axis!, rank, negative), center, scale, momentum, epsilon }, [x]);
      }),
      { numRuns: 100, seed: 51 },
    );
  });

  it("counts gamma, beta, moving mean and moving variance", () => {
    const q = resolveParams(BatchNormalization.params, {}).values;
    expect(BatchNormalization.paramCount([["B", 8, 8, 64]], q)).toBe(4 * 64);
    const bare = resolveParams(BatchNormalization.params, { center: false, scale: false }).values;
    expect(BatchNormalization.paramCount([["B", 8, 8, 64]], bare)).toBe(2 * 64);
  });

  it.each([
    { axis: 0, x: ["B", 8, 8, 3], message: "BatchNormalization axis 0 does not name a feature axis of B×8×8×3; use 1..3, or -1 for the last (channels)" },
    { axis: -4, x: ["B", 8, 8, 3], message: "BatchNormalization axis -4 does not name a feature axis of B×8×8×3; use 1..3, or -1 for the last (channels)" },
    { axis: 5, x: ["B", 16], message: "BatchNormalization axis 5 does not name a feature axis of B×16; use 1..1, or -1 for the last (features)" },
    { axis: -1, x: ["B", "T", "C"], message: "BatchNormalization needs a known size on the channels axis to size its weights, but it is C" },
  ])("refuses axis $axis on $x, as tfjs does", async ({ axis, x, message }) => {
    const issue = firstIssue(infer(BatchNormalization, { axis }, [x as Shape]));
    expect(issue.message).toBe(message);
    expect(issue.param).toBe("axis");
    const q = resolveParams(BatchNormalization.params, { axis }).values;
    await expect(tfjsOracle(BatchNormalization.toKeras(q, [x as Shape]), [x as Shape])).rejects.toThrow();
  });
});

describe("LayerNormalization", () => {
  it("matches tfjs shapes and param count over random axes", async () => {
    const run = fc.tuple(
      shapeWith((rank) => {
        const axes = Array.from({ length: rank - 1 }, (_, i) => i + 1);
        return fc.shuffledSubarray(axes, { minLength: 1 });
      }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.boolean(), fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(run, async ([[rank, axes, free, known], negatives, center, scale]) => {
        const x: Shape = ["B", ...free.map((d, i) => (axes.includes(i + 1) ? known[i]! : d))];
        const axis = axes.map((a, i) => asWritten(a, rank, negatives[i] ?? false));
        await expectMatchesTfjs(LayerNormalization, { axis, center, scale }, [x]);
      }),
      { numRuns: 100, seed: 52 },
    );
  });

  it("refuses a repeated axis and a free size on a normalized axis", () => {
    expect(firstIssue(infer(LayerNormalization, { axis: [3, -1] }, [["B", 4, 4, 8]])).message).toBe("LayerNormalization axis lists channels (3) twice");
    expect(firstIssue(infer(LayerNormalization, { axis: [1, 2] }, [["B", "T", 8]])).message).toBe(
      "LayerNormalization needs a known size on the time axis to size its weights, but it is T",
    );
  });
});

describe("LocalResponseNormalization", () => {
  it("defaults to AlexNet's k=2, n=5, alpha=1e-4, beta=0.75", () => {
    const q = resolveParams(LocalResponseNormalization.params, {}).values;
    expect(LocalResponseNormalization.toKeras(q, [])).toEqual({
      className: "LocalResponseNormalization",
      config: { depth_radius: 2, bias: 2, alpha: 1e-4, beta: 0.75 },
    });
    expect(LocalResponseNormalization.describe!(q)).toBe("n=5 k=2 α=0.0001 β=0.75");
  });

  it("keeps the shape (symbols too) and has no weights", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 64 }).map((n): Dim => n), fc.constantFrom<Dim>("H", "W")), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 5 }), (dims, depthRadius) => {
          const x: Shape = ["B", ...dims];
          const q = resolveParams(LocalResponseNormalization.params, { depthRadius }).values;
          expect(LocalResponseNormalization.infer([x], q)).toEqual({ ok: true, shapes: [x] });
          expect(LocalResponseNormalization.paramCount([x], q)).toBe(0);
        }),
      { numRuns: 100, seed: 53 },
    );
  });

  it("refuses anything but an image", () => {
    expect(firstIssue(infer(LocalResponseNormalization, {}, [["B", 128]])).message).toBe(
      "LocalResponseNormalization expects an image batch×height×width×channels but gets B×128; it normalizes across the channels of images",
    );
  });
});
