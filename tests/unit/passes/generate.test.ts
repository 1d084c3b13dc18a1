import { describe, expect, it } from "vitest";
import * as tf from "../../../runtime/tf.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork } from "../../../graph-ir/passes/compile.js";
import { generateConvNet } from "../../support/generate.js";

describe("generateConvNet", () => {
  it.each([4, 5, 37, 500, 2000])("makes exactly %i nodes that analyse without a single diagnostic", (n) => {
    const d = generateConvNet(n, n);
    expect(d.nodes).toHaveLength(n);
    expect(new Set(d.nodes.map((x) => x.id)).size).toBe(n);
    const a = analyze(d);
    expect(a.diagnostics).toEqual([]);
    expect(a.networks.get("net")!.outputs[0]!.shape).toEqual(["B", 10]);
  });

  it("is deterministic for a seed and branches like an inception net", () => {
    expect(generateConvNet(300, 1)).toEqual(generateConvNet(300, 1));
    expect(generateConvNet(300, 1)).not.toEqual(generateConvNet(300, 2));
    const kinds = new Set(generateConvNet(300, 1).nodes.map((x) => x.kind));
    for (const k of ["Input", "Conv2D", "ReLU", "MaxPooling2D", "Concatenate", "Add", "BatchNormalization", "GlobalAveragePooling2D", "Dense"]) expect(kinds).toContain(k);
  });

  it("compiles to a model tfjs loads with the same weight count", async () => {
    const d = generateConvNet(120, 8);
    const a = analyze(d);
    const c = compileNetwork(d, "net", a);
    if (!c.ok) throw new Error(c.diagnostics.map((x) => x.message).join("\n"));
    const model = await tf.models.modelFromJSON({ modelTopology: c.topology } as unknown as tf.io.ModelJSON);
    expect(model.countParams()).toBe(a.totals.params);
    model.dispose();
  });

  it("refuses a size too small for an input, a stem and a head", () => {
    expect(() => generateConvNet(3, 1)).toThrow(/at least 4/);
  });
});
