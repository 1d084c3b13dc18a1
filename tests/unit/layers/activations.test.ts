import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as tf from "../../../runtime/tf.js";
import { ELU, LeakyReLU, ReLU, Sigmoid, Softmax, Tanh } from "../../../graph-ir/layers/activations.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Params } from "../../../graph-ir/core/document.js";
import { type Dim, type Shape } from "../../../graph-ir/core/shape.js";
import type { AnyLayerDef } from "../../../graph-ir/layers/types.js";
import { expectMatchesTfjs, infer, firstIssue } from "../../support/layer-checks.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const shape = fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }).map((n): Dim => n), fc.constantFrom<Dim>("T", "H", "W")), { minLength: 1, maxLength: 3 })
  .map((dims): Shape => ["B", ...dims]);

describe.each([
  { def: ReLU, params: fc.constant<Params>({}), seed: 61 },
  { def: LeakyReLU, params: fc.double({ min: 0, max: 1, noNaN: true }).map((alpha): Params => ({ alpha })), seed: 62 },
  { def: ELU, params: fc.constant<Params>({ alpha: 1 }), seed: 63 },
  { def: Sigmoid, params: fc.constant<Params>({}), seed: 64 },
  { def: Tanh, params: fc.constant<Params>({}), seed: 65 },
])("$def.kind", ({ def, params, seed }) => {
  it("keeps the shape, has no weights, and builds in tfjs", async () => {
    await fc.assert(
      fc.asyncProperty(params, shape, async (stored, x) => {
        await expectMatchesTfjs(def as AnyLayerDef, stored, [x]);
      }),
      { numRuns: 100, seed },
    );
  });
});

describe("Softmax", () => {
  it("matches tfjs along the last axis, named either way", async () => {
    const run = shape.chain((x) => fc.tuple(fc.constant(x), fc.boolean()));
    await fc.assert(
      fc.asyncProperty(run, async ([x, negative]) => {
        await expectMatchesTfjs(Softmax, { axis: negative ? -1 : x.length - 1 }, [x]);
      }),
      { numRuns: 100, seed: 66 },
    );
  });

  it("refuses an axis that is not the last, because tfjs cannot run it", () => {
    const issue = firstIssue(infer(Softmax, { axis: 1 }, [["B", 4, 10]]));
    expect(issue.message).toBe("Softmax runs only along the last axis in tfjs; axis 1 of B×4×10 is not the last. Use -1, or move that axis last with a Permute first");
    expect(issue.fixes).toEqual([{ label: "Use the last axis (-1)", action: "setParam", param: "axis", value: -1 }]);
    // If a tfjs upgrade lifts the limit, this fails and the rule above can go.
    expect(() => tf.tidy(() => tf.layers.softmax({ axis: 1 }).apply(tf.zeros([1, 4, 10])) as tf.Tensor)).toThrow(/non-last dimension/);
  });

  it("refuses the batch axis and offers the last", () => {
    const issue = firstIssue(infer(Softmax, { axis: 0 }, [["B", 10]]));
    expect(issue.message).toBe("Softmax axis 0 does not name a feature axis of B×10; use 1..1, or -1 for the last (features)");
    expect(issue.fixes).toEqual([{ label: "Use the last axis (-1)", action: "setParam", param: "axis", value: -1 }]);
  });
});

describe("compiled forms", () => {
  it("Sigmoid and Tanh compile to Keras Activation layers", () => {
    expect(Sigmoid.toKeras({}, [])).toEqual({ className: "Activation", config: { activation: "sigmoid" } });
    expect(Tanh.toKeras({}, [])).toEqual({ className: "Activation", config: { activation: "tanh" } });
  });

  it("ELU refuses an alpha tfjs cannot build, with a fix", async () => {
    const issue = firstIssue(infer(ELU, { alpha: 0.5 }, [["B", 4]]));
    expect(issue.message).toBe("ELU alpha 0.5 is not supported by tfjs, which implements only alpha 1");
    expect(issue.fixes).toEqual([{ label: "Set alpha to 1", action: "setParam", param: "alpha", value: 1 }]);
    const q = resolveParams(ELU.params, { alpha: 0.5 }).values;
    await expect(tfjsOracle(ELU.toKeras(q, [["B", 4]]), [["B", 4]])).rejects.toThrow(/alpha/);
  });

  it("needs an input", () => {
    for (const def of [ReLU, LeakyReLU, ELU, Softmax, Sigmoid, Tanh] as AnyLayerDef[]) {
      expect(firstIssue(infer(def, {}, [])).message).toBe("needs an input");
    }
  });

  it("costs about one operation per value for ReLU", () => {
    expect(ReLU.flops([["B", 4, 5]], [["B", 4, 5]], {})).toBe(20);
  });
});
