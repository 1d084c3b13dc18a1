import { describe, expect, it } from "vitest";
import { ResNeXtBlock } from "../../../graph-ir/blocks/resnext.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { evaluateBody } from "./evaluate-body.js";
import { feeder, wiringProblems } from "./wiring.js";

const params = (stored: { cardinality?: number; width?: number; filters?: number; strides?: readonly number[] } = {}) =>
  resolveParams(ResNeXtBlock.params, stored).values;

describe("ResNeXtBlock", () => {
  it("builds C parallel 1x1 -> 3x3 paths, concatenates them and expands with a 1x1", () => {
    const body = ResNeXtBlock.build(params({ cardinality: 4, width: 8, filters: 64 }), [["B", 16, 16, 64]]);
    expect(wiringProblems(ResNeXtBlock, body)).toEqual([]);
    expect(body.nodes.find((n) => n.id === "concat")).toMatchObject({ kind: "Concatenate", params: { axis: -1, inputs: 4 } });
    for (let i = 0; i < 4; i++) {
      expect(feeder(body, "concat", `in${i}`)).toBe(`path${i}_conv`);
      expect(feeder(body, `path${i}_reduce`, "x")).toBe("$in");
      const reduce = body.nodes.find((n) => n.id === `path${i}_reduce`)!;
      const conv = body.nodes.find((n) => n.id === `path${i}_conv`)!;
      expect(reduce.params).toMatchObject({ filters: 8, kernelSize: [1, 1] });
      expect(conv.params).toMatchObject({ filters: 8, kernelSize: [3, 3] });
    }
    expect(body.nodes.find((n) => n.id === "expand")!.params).toMatchObject({ filters: 64, kernelSize: [1, 1] });
    expect(feeder(body, "add", "in0")).toBe("bn_out");
    expect(feeder(body, "add", "in1")).toBe("$in");
  });

  it("projects the shortcut exactly when channels or spatial size change", () => {
    const proj = (input: [string, number, number, number], q: ReturnType<typeof params>) => ResNeXtBlock.build(q, [input]).nodes.some((n) => n.id === "proj");
    expect(proj(["B", 56, 56, 256], params())).toBe(false);
    expect(proj(["B", 56, 56, 64], params())).toBe(true);
    expect(proj(["B", 56, 56, 256], params({ strides: [2, 2] }))).toBe(true);
  });

  it("with cardinality 1 is a plain bottleneck, without a concatenation", () => {
    const body = ResNeXtBlock.build(params({ cardinality: 1, width: 64, filters: 256 }), [["B", 8, 8, 256]]);
    expect(wiringProblems(ResNeXtBlock, body)).toEqual([]);
    expect(body.nodes.some((n) => n.kind === "Concatenate")).toBe(false);
    expect(feeder(body, "bn_mid", "x")).toBe("path0_conv");
  });

  it("joins more paths than one Concatenate takes in groups, keeping the path order", () => {
    const body = ResNeXtBlock.build(params({ cardinality: 32 }), [["B", 56, 56, 256]]);
    expect(wiringProblems(ResNeXtBlock, body)).toEqual([]);
    const concats = body.nodes.filter((n) => n.kind === "Concatenate").map((n) => [n.id, n.params["inputs"]]);
    expect(concats).toEqual([["concat_0", 16], ["concat_1", 16], ["concat", 2]]);
    expect(feeder(body, "concat_0", "in0")).toBe("path0_conv");
    expect(feeder(body, "concat_1", "in15")).toBe("path31_conv");
    expect([feeder(body, "concat", "in0"), feeder(body, "concat", "in1")]).toEqual(["concat_0", "concat_1"]);
  });

  it("32x4d on 56x56x256 has the paper's C*(256d + 9d^2 + 256d) = 70,144 conv weights", () => {
    const r = evaluateBody(ResNeXtBlock.build(params(), [["B", 56, 56, 256]]), { x: ["B", 56, 56, 256] });
    expect(r.outputs["y"]).toEqual(["B", 56, 56, 256]);
    const convWeights = [...r.nodeParams].filter(([id]) => /reduce|_conv|expand/.test(id)).reduce((a, [, n]) => a + n, 0);
    // Xie et al. 2017, section 3.3: 32 * (256*4 + 3*3*4*4 + 4*256) = 70,144, the same as a grouped 3x3 (form c).
    expect(convWeights).toBe(70_144);
    // Batch norm: 32 paths * 4 channels * 4 numbers before the ReLU, 128*4 after the concatenation, 256*4 at the end.
    expect(r.paramCount).toBe(70_144 + 32 * 16 + 512 + 1_024);
  });

  it("halves height and width with stride 2 and lines the projection up at the Add", () => {
    const r = evaluateBody(ResNeXtBlock.build(params({ cardinality: 8, width: 4, filters: 128, strides: [2, 2] }), [["B", 15, 15, 64]]), { x: ["B", 15, 15, 64] });
    expect(r.outputs["y"]).toEqual(["B", 8, 8, 128]);
    expect(r.nodeShapes.get("proj")).toEqual(["B", 8, 8, 128]);
  });
});
