import { describe, expect, it } from "vitest";
import { AuxHead } from "../../../graph-ir/blocks/aux-head.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import { evaluateBody } from "./evaluate-body.js";
import { chainKinds, wiringProblems } from "./wiring.js";

const params = (stored: Record<string, number | readonly number[]> = {}) => resolveParams(AuxHead.params, stored).values;

describe("AuxHead", () => {
  it("trains with loss weight 0.3 by default, as in GoogLeNet", () => {
    expect(AuxHead.defaultLossWeight).toBe(0.3);
  });

  it("is pool, 1x1 conv, flatten, dense, dropout, softmax dense, in that order", () => {
    const body = AuxHead.build(params(), [["B", 14, 14, 512]]);
    expect(wiringProblems(AuxHead, body)).toEqual([]);
    expect(chainKinds(body)).toEqual(["AveragePooling2D", "Conv2D", "Flatten", "Dense", "Dropout", "Dense"]);
    const byId = Object.fromEntries(body.nodes.map((n) => [n.id, n.params]));
    expect(byId["pool"]).toEqual({ poolSize: [5, 5], strides: [3, 3], padding: "valid" });
    expect(byId["conv"]).toMatchObject({ filters: 128, kernelSize: [1, 1], activation: "relu" });
    expect(byId["fc"]).toEqual({ units: 1024, activation: "relu" });
    expect(byId["dropout"]).toEqual({ rate: 0.7 });
    expect(byId["classifier"]).toEqual({ units: 10, activation: "softmax" });
  });

  it("passes its params to the inner layers", () => {
    const body = AuxHead.build(params({ classes: 100, convFilters: 64, denseUnits: 256, dropout: 0.5, poolSize: [3, 3], poolStrides: [2, 2] }), [["B", 8, 8, 256]]);
    const byId = Object.fromEntries(body.nodes.map((n) => [n.id, n.params]));
    expect(byId["pool"]).toMatchObject({ poolSize: [3, 3], strides: [2, 2] });
    expect(byId["conv"]).toMatchObject({ filters: 64 });
    expect(byId["fc"]).toMatchObject({ units: 256 });
    expect(byId["dropout"]).toEqual({ rate: 0.5 });
    expect(byId["classifier"]).toMatchObject({ units: 100 });
  });

  it("on GoogLeNet's 14x14x512 (inception 4a) gives class probabilities and the hand-counted params", () => {
    const r = evaluateBody(AuxHead.build(params(), [["B", 14, 14, 512]]), { x: ["B", 14, 14, 512] });
    // 5x5 stride 3 valid on 14: floor((14 - 5) / 3) + 1 = 4, so 4x4x128 = 2048 features.
    expect(r.nodeShapes.get("pool")).toEqual(["B", 4, 4, 512]);
    expect(r.nodeShapes.get("flatten")).toEqual(["B", 2048]);
    expect(r.outputs["y"]).toEqual(["B", 10]);
    // conv 512*128 + 128 = 65,664; fc 2048*1024 + 1024 = 2,098,176; classifier 1024*10 + 10 = 10,250.
    expect(r.paramCount).toBe(65_664 + 2_098_176 + 10_250);
  });
});
