import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SpectralNormalization } from "../../../graph-ir/layers/spectral.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { toKerasShape, type Shape } from "../../../graph-ir/core/shape.js";
import type { ParamValue, Params } from "../../../graph-ir/core/document.js";
import type { KerasLayerSpec } from "../../../graph-ir/layers/types.js";
import { tfjsOracle } from "../../support/tfjs-oracle.js";

const params = (stored: Record<string, ParamValue>) => resolveParams(SpectralNormalization.params, stored).values;

/** The wrapped layer's spec, which tfjs can build (it has no SpectralNormalization). */
const wrappedSpec = (spec: KerasLayerSpec): KerasLayerSpec => {
  const inner = spec.config["layer"] as { class_name: string; config: Record<string, unknown> };
  return { className: inner.class_name, config: inner.config };
};

describe("SpectralNormalization", () => {
  it("has the wrapped layer's shapes and its params plus u, against tfjs's Dense and Conv2D", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("Dense", "Conv2D"), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom("valid", "same"), fc.boolean(),
        fc.integer({ min: 4, max: 12 }),
        async (layer, out, channels, k, s, padding, useBias, size) => {
          const q = params({ layer, units: out, filters: out, kernelSize: [k, k], strides: [s, s], padding, useBias });
          const x: Shape = layer === "Dense" ? ["B", channels] : ["B", size, size, channels];
          const r = SpectralNormalization.infer([x], q);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const oracle = await tfjsOracle(wrappedSpec(SpectralNormalization.toKeras(q, [x])), [x]);
          expect(r.shapes.map(toKerasShape)).toEqual(oracle.outputShapes);
          expect(SpectralNormalization.paramCount([x], q)).toBe(oracle.paramCount + out);
        },
      ),
      { numRuns: 60, seed: 21 },
    );
  });

  it.each<{ stored: Params; x: Shape; y: Shape; count: number }>([
    // SN-GAN discriminator conv: 3x3x64 kernel to 128 filters, bias, u of 128.
    { stored: { layer: "Conv2D", filters: 128, kernelSize: [3, 3] }, x: ["B", 32, 32, 64], y: ["B", 30, 30, 128], count: 3 * 3 * 64 * 128 + 128 + 128 },
    { stored: { layer: "Conv2D", filters: 64, kernelSize: [4, 4], strides: [2, 2], padding: "same", useBias: false }, x: ["B", 32, 32, 3], y: ["B", 16, 16, 64], count: 4 * 4 * 3 * 64 + 64 },
    { stored: { layer: "Dense", units: 1 }, x: ["B", 8192], y: ["B", 1], count: 8192 + 1 + 1 },
  ])("$stored: $x -> $y, $count params", ({ stored, x, y, count }) => {
    const q = params(stored);
    expect(SpectralNormalization.infer([x], q)).toEqual({ ok: true, shapes: [y] });
    expect(SpectralNormalization.paramCount([x], q)).toBe(count);
  });

  it("keeps Keras 3's config: the wrapped layer and power_iterations", () => {
    const spec = SpectralNormalization.toKeras(params({ layer: "Dense", units: 10, powerIterations: 3 }), [["B", 4]]);
    expect(spec).toMatchObject({ className: "SpectralNormalization", config: { layer: { class_name: "Dense", config: { units: 10 } }, power_iterations: 3 } });
  });

  it("reports the wrapped layer's shape errors", () => {
    const conv = SpectralNormalization.infer([["B", 100]], params({ layer: "Conv2D" }));
    expect(conv.ok).toBe(false);
    if (!conv.ok) expect(conv.issues[0]!.message).toContain("Conv2D expects an image");
    const dense = SpectralNormalization.infer([["B", 7, 7, 64]], params({ layer: "Dense" }));
    expect(dense.ok).toBe(false);
    if (!dense.ok) expect(dense.issues[0]!.message).toContain("Dense expects a vector");
  });

  it("counts nothing while the input's features are unknown", () => {
    expect(SpectralNormalization.paramCount([["B", "F"]], params({ layer: "Dense" }))).toBe(0);
    expect(SpectralNormalization.paramCount([], params({}))).toBe(0);
  });
});
