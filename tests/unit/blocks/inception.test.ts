import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Inception } from "../../../graph-ir/blocks/inception.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { evaluateBody } from "./evaluate-body.js";
import { feeder, wiringProblems } from "./wiring.js";

type Filters = { f1x1: number; f3x3reduce: number; f3x3: number; f5x5reduce: number; f5x5: number; poolProj: number };
const params = (stored: Partial<Filters> = {}) => resolveParams(Inception.params, stored).values;

describe("Inception", () => {
  it("has four branches feeding one channel concatenation", () => {
    const body = Inception.build(params(), [["B", 28, 28, 192]]);
    expect(wiringProblems(Inception, body)).toEqual([]);
    const concat = body.nodes.find((n) => n.id === "concat")!;
    expect(concat).toMatchObject({ kind: "Concatenate", params: { axis: -1, inputs: 4 } });
    expect([0, 1, 2, 3].map((i) => feeder(body, "concat", `in${i}`))).toEqual(["b1_1x1", "b2_3x3", "b3_5x5", "b4_proj"]);
    // Each reduce and the pool read the block input directly.
    for (const id of ["b1_1x1", "b2_reduce", "b3_reduce", "b4_pool"]) expect(feeder(body, id, "x")).toBe("$in");
    expect(feeder(body, "b2_3x3", "x")).toBe("b2_reduce");
    expect(feeder(body, "b3_5x5", "x")).toBe("b3_reduce");
    expect(feeder(body, "b4_proj", "x")).toBe("b4_pool");
    const kernel = (id: string) => body.nodes.find((n) => n.id === id)!.params["kernelSize"];
    expect([kernel("b1_1x1"), kernel("b2_3x3"), kernel("b3_5x5"), kernel("b4_proj")]).toEqual([[1, 1], [3, 3], [5, 5], [1, 1]]);
    expect(body.nodes.find((n) => n.id === "b4_pool")!.params).toEqual({ poolSize: [3, 3], strides: [1, 1], padding: "same" });
    for (const n of body.nodes.filter((m) => m.kind === "Conv2D")) expect(n.params).toMatchObject({ activation: "relu", padding: "same" });
  });

  it("inception (3a) on 28x28x192 outputs 64+128+32+32 = 256 channels with the hand-counted params", () => {
    const r = evaluateBody(Inception.build(params(), [["B", 28, 28, 192]]), { x: ["B", 28, 28, 192] });
    expect(r.outputs["y"]).toEqual(["B", 28, 28, 256]);
    // Weights + biases: 1x1 192*64+64 = 12,352; 3x3 reduce 192*96+96 = 18,528; 3x3 9*96*128+128 = 110,720;
    // 5x5 reduce 192*16+16 = 3,088; 5x5 25*16*32+32 = 12,832; pool proj 192*32+32 = 6,176.
    expect(r.paramCount).toBe(12_352 + 18_528 + 110_720 + 3_088 + 12_832 + 6_176);
  });

  it("inception (4a) on 14x14x480 outputs 192+208+48+64 = 512 channels", () => {
    const q = params({ f1x1: 192, f3x3reduce: 96, f3x3: 208, f5x5reduce: 16, f5x5: 48, poolProj: 64 });
    expect(evaluateBody(Inception.build(q, [["B", 14, 14, 480]]), { x: ["B", 14, 14, 480] }).outputs["y"]).toEqual(["B", 14, 14, 512]);
  });

  it("keeps height and width and sums the branch widths for any filter counts", () => {
    const f = fc.integer({ min: 1, max: 64 });
    fc.assert(
      fc.property(f, f, f, f, f, f, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 32 }), (f1x1, f3x3reduce, f3x3, f5x5reduce, f5x5, poolProj, hw, c) => {
        const q = params({ f1x1, f3x3reduce, f3x3, f5x5reduce, f5x5, poolProj });
        const r = evaluateBody(Inception.build(q, [["B", hw, hw, c]]), { x: ["B", hw, hw, c] });
        expect(r.outputs["y"]).toEqual(["B", hw, hw, f1x1 + f3x3 + f5x5 + poolProj]);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
