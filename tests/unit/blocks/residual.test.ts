import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ResidualBlock } from "../../../graph-ir/blocks/residual.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Shape } from "../../../graph-ir/core/shape.js";
import { evaluateBody } from "./evaluate-body.js";
import { feeder, wiringProblems } from "./wiring.js";

const params = (stored: { variant?: "basic" | "bottleneck"; filters?: number; strides?: readonly number[] } = {}) =>
  resolveParams(ResidualBlock.params, stored).values;
const hasProjection = (input: Shape, q: ReturnType<typeof params>) => ResidualBlock.build(q, [input]).nodes.some((n) => n.id === "proj");

describe("ResidualBlock", () => {
  it("basic: conv-BN-ReLU-conv-BN, added to the identity shortcut, then ReLU", () => {
    const body = ResidualBlock.build(params({ filters: 64 }), [["B", 56, 56, 64]]);
    expect(wiringProblems(ResidualBlock, body)).toEqual([]);
    expect(body.nodes.map((n) => n.kind)).toEqual(["Conv2D", "BatchNormalization", "ReLU", "Conv2D", "BatchNormalization", "Add", "ReLU"]);
    expect(feeder(body, "add", "in0")).toBe("bn2");
    expect(feeder(body, "add", "in1")).toBe("$in");
    expect(feeder(body, "relu_out", "x")).toBe("add");
    expect(body.edges.find((e) => e.to[0] === "$out")!.from).toEqual(["relu_out", "y"]);
    for (const n of body.nodes.filter((m) => m.kind === "Conv2D")) expect(n.params).toMatchObject({ kernelSize: [3, 3], useBias: false, padding: "same" });
  });

  it("bottleneck: 1x1, 3x3, 1x1 to 4x the filters, stride on the 3x3", () => {
    const body = ResidualBlock.build(params({ variant: "bottleneck", filters: 64, strides: [2, 2] }), [["B", 56, 56, 256]]);
    expect(wiringProblems(ResidualBlock, body)).toEqual([]);
    const convs = body.nodes.filter((n) => n.kind === "Conv2D").map((n) => [n.id, n.params["filters"], n.params["kernelSize"], n.params["strides"]]);
    expect(convs).toEqual([
      ["conv1", 64, [1, 1], [1, 1]],
      ["conv2", 64, [3, 3], [2, 2]],
      ["conv3", 256, [1, 1], [1, 1]],
      ["proj", 256, [1, 1], [2, 2]],
    ]);
    expect(feeder(body, "add", "in1")).toBe("proj_bn");
  });

  it("projects the shortcut exactly when channels or spatial size change", () => {
    expect(hasProjection(["B", 32, 32, 64], params({ filters: 64 }))).toBe(false);
    expect(hasProjection(["B", 32, 32, 32], params({ filters: 64 }))).toBe(true); // channels
    expect(hasProjection(["B", 32, 32, 64], params({ filters: 64, strides: [2, 2] }))).toBe(true); // spatial
    expect(hasProjection(["B", 32, 32, 64], params({ filters: 64, strides: [1, 2] }))).toBe(true); // width only
    expect(hasProjection(["B", 1, 1, 64], params({ filters: 64, strides: [2, 2] }))).toBe(false); // 1x1 stays 1x1
    expect(hasProjection(["B", 56, 56, 256], params({ variant: "bottleneck", filters: 64 }))).toBe(false);
    expect(hasProjection(["B", 56, 56, 64], params({ variant: "bottleneck", filters: 64 }))).toBe(true); // 64 -> 256
    expect(hasProjection(["B", "H", "W", 64], params({ filters: 64 }))).toBe(false); // stride 1 keeps any size
    expect(hasProjection(["B", "H", "W", 64], params({ filters: 64, strides: [2, 2] }))).toBe(true);
  });

  it("projects when the input shape is not known, since a projection fits any input", () => {
    expect(ResidualBlock.build(params({ filters: 64 }), []).nodes.some((n) => n.id === "proj")).toBe(true);
  });

  it("always lines up at the Add and outputs the strided size with the block's channels", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("basic" as const, "bottleneck" as const), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 3 }),
        (variant, filters, h, w, c, s) => {
          const q = params({ variant, filters, strides: [s, s] });
          const input: Shape = ["B", h, w, c];
          const body = ResidualBlock.build(q, [input]);
          const out = variant === "basic" ? filters : 4 * filters;
          const r = evaluateBody(body, { x: input });
          const shape = ["B", Math.ceil(h / s), Math.ceil(w / s), out];
          expect(r.outputs["y"]).toEqual(shape);
          // The identity is kept whenever it already has the output's shape.
          expect(feeder(body, "add", "in1") === "$in").toBe(input.every((d, i) => d === shape[i]));
        },
      ),
      { numRuns: 80, seed: 11 },
    );
  });

  it("matches hand-counted params (ResNet-18/50 blocks, batch norm keeps 4 numbers per channel)", () => {
    // Basic, 64 -> 64: two 3x3 convs 9*64*64 = 36,864 each, two BNs 256 each.
    expect(evaluateBody(ResidualBlock.build(params({ filters: 64 }), [["B", 56, 56, 64]]), { x: ["B", 56, 56, 64] }).paramCount).toBe(2 * 36_864 + 2 * 256);
    // Basic, 64 -> 128 stride 2: 9*64*128 = 73,728; 9*128*128 = 147,456; projection 64*128 = 8,192; three BNs 512 each.
    const down = evaluateBody(ResidualBlock.build(params({ filters: 128, strides: [2, 2] }), [["B", 56, 56, 64]]), { x: ["B", 56, 56, 64] });
    expect(down.outputs["y"]).toEqual(["B", 28, 28, 128]);
    expect(down.paramCount).toBe(73_728 + 147_456 + 8_192 + 3 * 512);
    // Bottleneck 256 -> 64 -> 256 (ResNet-50 conv2_block2): 256*64 = 16,384; 9*64*64 = 36,864; 64*256 = 16,384;
    // BNs 256 + 256 + 1,024. Keras's ResNet50 reports 71,552 for this block with conv biases (64+64+256 more).
    const bottle = evaluateBody(ResidualBlock.build(params({ variant: "bottleneck", filters: 64 }), [["B", 56, 56, 256]]), { x: ["B", 56, 56, 256] });
    expect(bottle.paramCount).toBe(16_384 + 36_864 + 16_384 + 256 + 256 + 1_024);
    expect(bottle.paramCount + 64 + 64 + 256).toBe(71_552);
  });
});
