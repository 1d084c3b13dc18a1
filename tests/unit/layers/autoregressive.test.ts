import { describe, expect, it } from "vitest";
import { MaskedConv2D, pixelMask } from "../../../graph-ir/layers/autoregressive.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Shape } from "../../../graph-ir/core/shape.js";

const params = (stored: Record<string, number | boolean | string>) => resolveParams(MaskedConv2D.params, stored).values;

describe("MaskedConv2D", () => {
  it.each([
    { x: ["B", 28, 28, 1], filters: 128, kernelSize: 7, useBias: true, y: ["B", 28, 28, 128], count: 7 * 7 * 128 + 128 },
    { x: ["B", "H", "W", 3], filters: 8, kernelSize: 3, useBias: false, y: ["B", "H", "W", 8], count: 3 * 3 * 3 * 8 },
    { x: ["B", 5, 9, 16], filters: 4, kernelSize: 1, useBias: true, y: ["B", 5, 9, 4], count: 16 * 4 + 4 },
  ] as const)("keeps the image size: $x -> $y, $count params", ({ x, y, count, ...stored }) => {
    const q = params(stored);
    expect(MaskedConv2D.infer([x], q)).toEqual({ ok: true, shapes: [y] });
    expect(MaskedConv2D.paramCount([x], q)).toBe(count);
  });

  it("masks at and after the centre (A) or after it (B), in raster order", () => {
    expect(pixelMask(3, "A")).toEqual([[1, 1, 1], [1, 0, 0], [0, 0, 0]]);
    expect(pixelMask(3, "B")).toEqual([[1, 1, 1], [1, 1, 0], [0, 0, 0]]);
    expect(pixelMask(1, "A")).toEqual([[0]]);
    expect(pixelMask(1, "B")).toEqual([[1]]);
    // A 5×5 mask A sees the two rows above (10 taps) and the two pixels to the left.
    expect(pixelMask(5, "A").flat().filter((v) => v === 1).length).toBe(12);
  });

  it("compiles to the runtime layer with a Conv2D-shaped config and the mask type", () => {
    const spec = MaskedConv2D.toKeras(params({ filters: 16, kernelSize: 5, maskType: "A", activation: "relu" }), []);
    expect(spec.className).toBe("MaskedConv2D");
    expect(spec.config).toMatchObject({ filters: 16, kernel_size: [5, 5], strides: [1, 1], padding: "same", mask_type: "A", activation: "relu", use_bias: true });
    expect(MaskedConv2D.describe!(params({ filters: 16, kernelSize: 5, maskType: "A", activation: "relu" }))).toBe("16@5x5 mask A relu");
  });

  it.each([
    { x: ["B", 784] as Shape, message: "MaskedConv2D expects an image batch×height×width×channels" },
    { x: ["B", 28, 28, "C"] as Shape, message: "MaskedConv2D needs a known number of channels" },
  ])("refuses $x with a clear message", ({ x, message }) => {
    const r = MaskedConv2D.infer([x], params({}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain(message);
  });
});
