import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Cropping2D, Flatten, Permute, RepeatVector, Reshape, UpSampling2D, ZeroPadding2D } from "../../../graph-ir/layers/reshape.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";
import type { AnyLayerDef, InferResult } from "../../../graph-ir/layers/types.js";
import { expectMatchesTfjs } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

/** tfjs must refuse what our rule refuses (so the refusal is real, not a guess). */
async function expectTfjsRefuses(def: AnyLayerDef, stored: Params, inputs: Shape[]): Promise<void> {
  const q = resolveParams(def.params, stored).values;
  await expect(tfjsOracle(def.toKeras(q, inputs), inputs)).rejects.toThrow();
}

const infer = (def: AnyLayerDef, stored: Params, inputs: Shape[]): InferResult => def.infer(inputs, resolveParams(def.params, stored).values);
const firstIssue = (r: InferResult) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.shapes)}`);
  return r.issues[0]!;
};

const dim = (symbol: string, max = 6) =>
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max }).map((n): Dim => n) }, { weight: 1, arbitrary: fc.constant<Dim>(symbol) });

/** Groups consecutive factors into sizes, cutting where `cuts` says, at most `maxGroups` of them. */
function groupInto(factors: readonly number[], cuts: readonly boolean[], maxGroups: number): number[] {
  const out: number[] = [];
  let cur = 1;
  factors.forEach((f, i) => {
    cur *= f;
    if (i === factors.length - 1 || cuts[i]) {
      out.push(cur);
      cur = 1;
    }
  });
  while (out.length > maxGroups) out.push(out.pop()! * out.pop()!);
  return out;
}

describe("Flatten", () => {
  it("matches tfjs over random image and sequence shapes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 4 }), async (dims) => {
        await expectMatchesTfjs(Flatten, {}, [["B", ...dims]]);
      }),
      { numRuns: 100, seed: 41 },
    );
  });

  it("refuses a vector (already flat) and free sizes, as tfjs does", async () => {
    expect(firstIssue(infer(Flatten, {}, [["B", 64]])).message).toBe("Flatten's input B×64 is already flat; remove this Flatten");
    await expectTfjsRefuses(Flatten, {}, [["B", 64]]);
    expect(firstIssue(infer(Flatten, {}, [["B", "T", 16]])).message).toBe(
      "Flatten needs every size known to count the features, but time is T in B×T×16; use global pooling to collapse a free-sized axis",
    );
    await expectTfjsRefuses(Flatten, {}, [["B", "T", 16]]);
  });
});

describe("Reshape", () => {
  it("matches tfjs over random regroupings of the same values, with and without -1", async () => {
    const run = fc.record({
      factors: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
      inCuts: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      outCuts: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      free: fc.option(fc.nat(), { nil: undefined }),
      symbolAt: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(run, async ({ factors, inCuts, outCuts, free, symbolAt }) => {
        const inDims: Dim[] = groupInto(factors, inCuts, 4);
        const target = groupInto(factors, outCuts, 4);
        if (free !== undefined) target[free % target.length] = -1;
        // tfjs works out -1 only when the whole input shape is known, batch included; with a
        // symbol it leaves -1 unknown (null), which our symbolic expression also becomes.
        if (symbolAt !== undefined) inDims[symbolAt % inDims.length] = "T";
        const batch: Dim = symbolAt === undefined ? 2 : "B";
        await expectMatchesTfjs(Reshape, { targetShape: target }, [[batch, ...inDims]]);
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  it("offers the nearest target that keeps the number of values, and tfjs refuses the original", async () => {
    const x: Shape = [2, 28, 28];
    const issue = firstIssue(infer(Reshape, { targetShape: [7, 7, 32] }, [x]));
    expect(issue.message).toBe(
      "Reshape must keep the number of values: 2×28×28 holds 784 per example but targetShape 7×7×32 holds 1568; change targetShape or use -1 for one size",
    );
    expect(issue.param).toBe("targetShape");
    expect(issue.fixes).toEqual([{ label: "Set targetShape to 7×7×16", action: "setParam", param: "targetShape", value: [7, 7, 16] }]);
    expect(infer(Reshape, { targetShape: [7, 7, 16] }, [x])).toEqual({ ok: true, shapes: [[2, 7, 7, 16]] });
    await expectTfjsRefuses(Reshape, { targetShape: [7, 7, 32] }, [x]);
  });

  it.each([
    { target: [-1, 5], x: [2, 28, 28], message: "Reshape cannot lay out the 784 values of 2×28×28 as -1×5: 784 is not a multiple of 5; change targetShape", tfjsRefuses: true },
    { target: [-1, -1], x: [2, 4, 4], message: "Reshape targetShape -1×-1 has 2 entries of -1; only one size can be worked out", tfjsRefuses: true },
    { target: [0, 4], x: [2, 4, 4], message: "Reshape targetShape 0×4 has a 0; sizes must be positive, or -1 for the one size Reshape works out", tfjsRefuses: true },
  ])("refuses targetShape $target", async ({ target, x, message, tfjsRefuses }) => {
    const issue = firstIssue(infer(Reshape, { targetShape: target }, [x]));
    expect(issue.message).toBe(message);
    expect(issue.param).toBe("targetShape");
    if (tfjsRefuses) await expectTfjsRefuses(Reshape, { targetShape: target }, [x]);
  });

  it("keeps an inferred size symbolic when the input has a free size", () => {
    expect(infer(Reshape, { targetShape: [-1, 4] }, [["B", "T", 16]])).toEqual({ ok: true, shapes: [["B", "4T", 4]] });
    expect(infer(Reshape, { targetShape: [-1] }, [["B", "H", "W", 3]])).toEqual({ ok: true, shapes: [["B", "3(H·W)"]] });
    expect(infer(Reshape, { targetShape: [-1, 32] }, [["B", "T", 16]])).toEqual({ ok: true, shapes: [["B", "T/2", 32]] });
  });
});

describe("Permute", () => {
  it("matches tfjs over random permutations", async () => {
    const run = fc.integer({ min: 1, max: 4 }).chain((n) => {
      const axes = Array.from({ length: n }, (_, i) => i + 1);
      return fc.tuple(fc.shuffledSubarray(axes, { minLength: n, maxLength: n }), fc.array(dim("T"), { minLength: n, maxLength: n }));
    });
    await fc.assert(
      fc.asyncProperty(run, async ([dims, sizes]) => {
        await expectMatchesTfjs(Permute, { dims }, [["B", ...sizes]]);
      }),
      { numRuns: 100, seed: 43 },
    );
  });

  it("refuses a non-permutation (as tfjs does) and a wrong count of axes", async () => {
    expect(firstIssue(infer(Permute, { dims: [1, 1] }, [["B", 3, 4]])).message).toBe("Permute dims (1, 1) must list each of 1, 2 exactly once");
    await expectTfjsRefuses(Permute, { dims: [1, 1] }, [["B", 3, 4]]);
    const issue = firstIssue(infer(Permute, { dims: [2, 1] }, [["B", 3, 4, 5]]));
    expect(issue.message).toBe("Permute dims (2, 1) has 2 entries but B×3×4×5 has 3 axes after the batch; list each of 1, 2, 3 once");
    expect(issue.param).toBe("dims");
  });
});

describe("RepeatVector", () => {
  it("matches tfjs over random sizes", async () => {
    await fc.assert(
      fc.asyncProperty(dim("F", 40), fc.integer({ min: 1, max: 12 }), async (f, n) => {
        await expectMatchesTfjs(RepeatVector, { n }, [["B", f]]);
      }),
      { numRuns: 100, seed: 44 },
    );
  });

  it("refuses a sequence and says to make it a vector", () => {
    expect(firstIssue(infer(RepeatVector, {}, [["B", "T", 8]])).message).toBe(
      "RepeatVector expects a vector batch×features but gets B×T×8; flatten or pool it to a vector first",
    );
  });
});

const borders = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }),
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
);

describe("ZeroPadding2D", () => {
  it("matches tfjs over random paddings", async () => {
    await fc.assert(
      fc.asyncProperty(borders, dim("H", 9), dim("W", 9), fc.integer({ min: 1, max: 4 }), async (padding, h, w, c) => {
        await expectMatchesTfjs(ZeroPadding2D, { padding }, [["B", h, w, c]]);
      }),
      { numRuns: 100, seed: 45 },
    );
  });

  it("pads symbols and refuses a 3-entry padding", () => {
    expect(infer(ZeroPadding2D, { padding: [1, 2] }, [["B", "H", "W", 3]])).toEqual({ ok: true, shapes: [["B", "H+2", "W+4", 3]] });
    const issue = firstIssue(infer(ZeroPadding2D, { padding: [1, 1, 1] }, [["B", 8, 8, 3]]));
    expect(issue.message).toBe("ZeroPadding2D padding (1, 1, 1) has 3 entries; give 2 (height, width) or 4 (top, bottom, left, right)");
    expect(issue.param).toBe("padding");
  });
});

describe("Cropping2D", () => {
  it("matches tfjs over random croppings of known sizes", async () => {
    // Known sizes only: tfjs 4.22 computes null − n as −n for a free size (our rule keeps H−n).
    await fc.assert(
      fc.asyncProperty(borders, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 4 }), async (cropping, eh, ew, c) => {
        const [t, b, l, r] = cropping.length === 2 ? [cropping[0]!, cropping[0]!, cropping[1]!, cropping[1]!] : cropping;
        await expectMatchesTfjs(Cropping2D, { cropping }, [["B", t! + b! + 1 + eh, l! + r! + 1 + ew, c]]);
      }),
      { numRuns: 100, seed: 46 },
    );
  });

  it("refuses cropping everything away and keeps symbols", () => {
    const issue = firstIssue(infer(Cropping2D, { cropping: [3, 3, 0, 0] }, [["B", 5, 8, 3]]));
    expect(issue.message).toBe("Cropping2D removes 6 rows (3 top, 3 bottom) from a height of 5, leaving nothing; crop less");
    expect(issue.param).toBe("cropping");
    expect(infer(Cropping2D, {}, [["B", "H+2", "W", 3]])).toEqual({ ok: true, shapes: [["B", "H", "W-2", 3]] });
  });
});

describe("UpSampling2D", () => {
  it("matches tfjs over random factors", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }), fc.constantFrom("nearest" as const, "bilinear" as const),
        dim("H", 9), dim("W", 9), fc.integer({ min: 1, max: 4 }),
        async (size, interpolation, h, w, c) => {
          await expectMatchesTfjs(UpSampling2D, { size, interpolation }, [["B", h, w, c]]);
        },
      ),
      { numRuns: 100, seed: 47 },
    );
  });

  it("scales symbols and refuses a sequence", () => {
    expect(infer(UpSampling2D, {}, [["B", "H", 7, 3]])).toEqual({ ok: true, shapes: [["B", "2H", 14, 3]] });
    expect(firstIssue(infer(UpSampling2D, {}, [["B", "T", 3]])).message).toBe(
      "UpSampling2D expects an image batch×height×width×channels but gets B×T×3",
    );
  });
});
