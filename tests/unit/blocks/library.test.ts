import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { STANDARD_BLOCKS, isStandardBlockKind, standardBlock } from "../../../graph-ir/blocks/library.js";
import { resolveParams, type ParamSpec } from "../../../graph-ir/core/params.js";
import type { ParamValue } from "../../../graph-ir/core/document.js";
import type { AnyStandardBlock } from "../../../graph-ir/blocks/types.js";
import { isLayerKind, layerDef } from "../../../graph-ir/layers/registry.js";
import { wiringProblems } from "./wiring.js";

/**
 * A valid value for a param spec, kept small so bodies stay small, yet past 32 so counts such as
 * ResNeXt's cardinality exceed what one merge node takes.
 */
function arbitraryValue(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.type) {
    case "int": return fc.integer({ min: spec.min ?? 1, max: Math.min(spec.max ?? 40, 40) });
    case "float": return fc.double({ min: spec.min ?? 0, max: spec.max ?? 1, noNaN: true });
    case "bool": return fc.boolean();
    case "enum": return fc.constantFrom(...spec.options);
    case "intTuple": return fc.array(fc.integer({ min: spec.min ?? 1, max: 4 }), { minLength: spec.minLength, maxLength: spec.maxLength });
  }
}

describe("standard block library", () => {
  it("lists each block under its own kind, apart from every layer kind", () => {
    for (const [key, block] of Object.entries(STANDARD_BLOCKS)) {
      expect(block.kind).toBe(key);
      expect(isLayerKind(key)).toBe(false);
      expect(standardBlock(key)).toBe(block);
    }
  });

  it("answers undefined for names that are not standard blocks", () => {
    for (const name of ["Conv2D", "Stem", "toString", "__proto__", "constructor", ""]) {
      expect(isStandardBlockKind(name)).toBe(false);
      expect(standardBlock(name)).toBeUndefined();
    }
  });

  it("builds well-wired bodies of registered layers with valid params, for any valid block params", () => {
    for (const block of Object.values(STANDARD_BLOCKS) as AnyStandardBlock[]) {
      const arbs = Object.fromEntries(Object.entries(block.params as Record<string, ParamSpec>).map(([k, s]) => [k, arbitraryValue(s)]));
      fc.assert(
        fc.property(fc.record(arbs), fc.integer({ min: 8, max: 32 }), fc.integer({ min: 1, max: 64 }), (stored, hw, c) => {
          const { values, problems } = resolveParams(block.params, stored);
          expect(problems).toEqual([]);
          const body = block.build(values, [["B", hw, hw, c]]);
          expect(wiringProblems(block, body)).toEqual([]);
          for (const n of body.nodes) {
            const def = layerDef(n.kind);
            expect(def, `${block.kind}/${n.id}: ${n.kind} is not a registered layer kind`).toBeDefined();
            expect(resolveParams(def!.params, n.params).problems, `${block.kind}/${n.id} (${n.kind})`).toEqual([]);
          }
        }),
        { numRuns: 25, seed: 3 },
      );
    }
  });
});
