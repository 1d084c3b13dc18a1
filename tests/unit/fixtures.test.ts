import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AuxHead } from "../../graph-ir/blocks/aux-head.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../graph-ir/passes/types.js";

const FIXTURES = ["lenet5", "googlenet-mini", "toy-gan"] as const;

function load(name: (typeof FIXTURES)[number]): { doc: GraphDocument; analysis: Analysis } {
  const text = readFileSync(new URL(`../fixtures/${name}.layerloom.json`, import.meta.url), "utf8");
  const r = parseGraphFile(text);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  expect(r.warnings, `${name} needed repairs on load`).toEqual([]);
  return { doc: r.doc, analysis: analyze(r.doc) };
}

const outputShape = (a: Analysis, id: string) => a.nodes.get(id)?.outputs["y"];

describe("fixture graph files", () => {
  it.each(FIXTURES)("%s parses and analyses without diagnostics", (name) => {
    const { doc, analysis } = load(name);
    expect(analysis.diagnostics.map((d) => `${d.severity} ${d.code} ${d.nodeId ?? ""}: ${d.message}`)).toEqual([]);
    // Every node has a tidy position on the canvas.
    expect(Object.keys(doc.layout).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const net of analysis.networks.values()) expect(net.outputs.every((o) => o.shape !== undefined)).toBe(true);
  });

  it("LeNet-5 has the classic 61,706 parameters and shapes", () => {
    const { analysis } = load("lenet5");
    // C1: 5*5*1*6 + 6 = 156. S2, S4: average pooling has no weights in Keras (LeCun's trainable
    // subsampling coefficients are not modelled). C3 with full connectivity: 5*5*6*16 + 16 = 2,416.
    // C5 (Dense on the flattened 5x5x16 = 400): 400*120 + 120 = 48,120. F6: 120*84 + 84 = 10,164.
    // Output: 84*10 + 10 = 850. Total 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706.
    expect(analysis.totals.params).toBe(156 + 2_416 + 48_120 + 10_164 + 850);
    expect(analysis.totals.params).toBe(61_706);
    expect(analysis.nodes.get("c3")?.paramCount).toBe(2_416);
    expect(outputShape(analysis, "c1")).toEqual(["B", 28, 28, 6]);
    expect(outputShape(analysis, "s4")).toEqual(["B", 5, 5, 16]);
    expect(outputShape(analysis, "flatten")).toEqual(["B", 400]);
    expect(outputShape(analysis, "output")).toEqual(["B", 10]);
  });

  it("GoogLeNet (mini) returns logits and two auxiliary outputs, weighted 1, 0.3, 0.3", () => {
    const { doc, analysis } = load("googlenet-mini");
    expect(doc.nodes.filter((n) => n.kind === "Inception").length).toBeGreaterThanOrEqual(4);
    const net = analysis.networks.get("net")!;
    expect(net.outputs.map((o) => [o.nodeId, o.shape])).toEqual([["logits", ["B", 10]], ["aux1", ["B", 10]], ["aux2", ["B", 10]]]);
    expect(doc.training?.losses.map((l) => [l.output, l.weight])).toEqual([["logits", 1], ["aux1", AuxHead.defaultLossWeight], ["aux2", AuxHead.defaultLossWeight]]);
    // inception (3a) here: 32 + 64 + 16 + 16 = 128 channels.
    expect(outputShape(analysis, "inc3a")).toEqual(["B", 16, 16, 128]);
  });

  it("GoogLeNet (mini)'s Stem block applies the instance's bound param and the default of the other", () => {
    const { analysis } = load("googlenet-mini");
    // The instance sets filters = 64 (bound to conv2); firstFilters keeps its default 32 (conv1).
    expect(outputShape(analysis, "stem")).toEqual(["B", 16, 16, 64]);
    // conv1 3*3*3*32 + 32 = 896; conv2 3*3*32*64 + 64 = 18,496.
    expect(analysis.nodes.get("stem")?.paramCount).toBe(896 + 18_496);
  });

  it("toy GAN holds a generator and a discriminator bound to the gan recipe", () => {
    const { doc, analysis } = load("toy-gan");
    expect(doc.training?.recipe).toBe("gan");
    expect(doc.training?.networks).toEqual({ generator: "G", discriminator: "D" });
    const g = analysis.networks.get("G")!;
    const d = analysis.networks.get("D")!;
    expect(g.outputs[0]?.shape).toEqual(["B", 2]);
    expect(d.outputs[0]?.shape).toEqual(["B", 1]);
    // G: 8*100 + 100 + 100*2 + 2 = 1,102. D: 2*100 + 100 + 100*1 + 1 = 401.
    expect([g.params, d.params]).toEqual([1_102, 401]);
    // The generator's samples fit the discriminator's input.
    expect(g.outputs[0]?.shape).toEqual(analysis.networks.get("D")!.inputs[0]?.shape);
  });
});
