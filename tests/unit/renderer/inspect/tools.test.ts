import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { toolsFor, unitCount } from "../../../../renderer/inspect/tools.js";

const lenet = async () => {
  const r = parseGraphFile(await readFile("tests/fixtures/lenet5.layerloom.json", "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};
const available = (tools: ReturnType<typeof toolsFor>) => tools.filter((t) => t.available).map((t) => t.tool);

describe("the inspection menu for each kind of node", () => {
  it("offers every tool on a conv layer and the image tools on a dense one", async () => {
    const a = analyze(await lenet());
    expect(available(toolsFor(a, "c1"))).toEqual(["activations", "saliency", "guided", "gradcam", "optimize", "tsne", "pca"]);
    expect(available(toolsFor(a, "s2"))).toContain("gradcam"); // pooling keeps the maps
    const dense = toolsFor(a, "f6");
    expect(available(dense)).toEqual(["saliency", "guided", "optimize", "tsne", "pca"]);
    const cam = dense.find((t) => t.tool === "gradcam")!;
    expect(cam.reason).toMatch(/'f6' \(Dense\)/);
    expect(cam.reason).toMatch(/Conv2D, pooling or conv block/);
    expect(cam.reason).toContain("B×84");
    expect(unitCount(a, "c3")).toBe(16);
  });

  it("explains why nothing applies to the input, an unknown node or a broken network", async () => {
    const doc = await lenet();
    const a = analyze(doc);
    expect(available(toolsFor(a, "image"))).toEqual([]);
    expect(toolsFor(a, "image")[0]!.reason).toMatch(/the network's input/);
    expect(toolsFor(a, "nope")[0]!.reason).toMatch(/no node 'nope'/);
    const broken = analyze({ ...doc, edges: doc.edges.filter((e) => e.to[0] !== "c5") });
    expect(toolsFor(broken, "c1").every((t) => !t.available && /problem|not part of a network/.test(t.reason ?? ""))).toBe(true);
  });

  it("keeps image tools off a network whose input is not an image", () => {
    const doc = {
      format: "layerloom-graph", version: 1, name: "mlp", blocks: {},
      nodes: [{ id: "x", kind: "Input", params: { shape: [8] } }, { id: "h", kind: "Dense", params: { units: 4 } }],
      edges: [{ from: ["x", "y"], to: ["h", "x"] }], networks: [{ id: "net", inputs: ["x"], outputs: ["h"] }], layout: {},
    };
    const r = parseGraphFile(JSON.stringify(doc));
    if (!r.ok) throw new Error(r.error.message);
    const tools = toolsFor(analyze(r.doc), "h");
    expect(available(tools)).toEqual(["tsne", "pca"]);
    expect(tools.find((t) => t.tool === "saliency")!.reason).toMatch(/image input.*takes B×8/);
  });
});
