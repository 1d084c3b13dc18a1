/**
 * tfjs model.json export and import, over every fixture, template and coverage document: the
 * app's model (with its weights) saved as model.json + weights.bin loads back in tfjs with the
 * same outputs, and imports back as a graph with the same shapes and parameter counts.
 * Networks too big to build twice in a unit test (the full-size templates) import from the
 * compiled topology instead, the same JSON tfjs writes less the weights.
 */
import { describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { formatShape } from "../../../graph-ir/core/shape.js";
import { planExport } from "../../../graph-ir/export/plan.js";
import { importModelJson } from "../../../graph-ir/import/model-json.js";
import type { ImportResult } from "../../../graph-ir/import/types.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { loadModelFiles, modelFiles, WEIGHTS_FILE } from "../../../runtime/export/model-artifacts.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import { exportCases } from "./documents.js";

/** Up to these sizes a network is built, saved, loaded and compared (the same limits as the TypeScript round trip's outputs). */
const BUILD_PARAMS = 3e6;
const BUILD_FLOPS = 2.5e8;

const cases = exportCases().flatMap((c) => {
  const a = analyze(c.doc);
  return c.doc.networks.map((n) => [`${c.name} › ${n.id}`, c.doc, n.id, a.networks.get(n.id)!.params <= BUILD_PARAMS && a.networks.get(n.id)!.flops <= BUILD_FLOPS] as const);
});

/** Inputs of batch 2 (free sizes 5; token ids 0 or 1). */
function inputsFor(model: tf.LayersModel): tf.Tensor[] {
  return model.inputs.map((t, i) => {
    const shape = t.shape.map((d, k) => (k === 0 ? 2 : d ?? 5));
    return t.dtype === "int32" ? tf.randomUniform(shape, 0, 2, "int32", 11 + i) : tf.randomUniform(shape, -1, 1, "float32", 11 + i);
  });
}

const outputsOf = (m: tf.LayersModel, xs: tf.Tensor[]): tf.Tensor[] => {
  const y = m.predict(xs);
  return Array.isArray(y) ? y : [y];
};

/** The imported graph against the original network: shapes, total and per-layer parameters, layout. */
function expectEquivalent(imported: ImportResult, doc: GraphDocument, netId: string, layerParams: ReadonlyMap<string, number>): void {
  if (!imported.ok) throw new Error(`${imported.error.code}: ${imported.error.message}`);
  expect(imported.unsupported).toEqual([]);
  expect(imported.issues.filter((i) => i.severity === "error")).toEqual([]);
  const a = analyze(imported.doc);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const original = analyze(doc).networks.get(netId)!;
  const again = [...a.networks.values()];
  expect(again.length).toBe(1);
  expect(again[0]!.params).toBe(original.params);
  expect(again[0]!.outputs.map((o) => formatShape(o.shape!))).toEqual(original.outputs.map((o) => formatShape(o.shape!)));
  expect(again[0]!.inputs.map((i) => formatShape(i.shape!))).toEqual(original.inputs.map((i) => formatShape(i.shape!)));
  // Layer by layer: each Keras layer became a node with that layer's parameter count.
  for (const [layer, params] of layerParams) {
    const nodeId = imported.nodeIds.get(layer);
    expect(nodeId, layer).toBeDefined();
    expect(a.nodes.get(nodeId!)!.paramCount, layer).toBe(params);
  }
  // Every node has a position, and wires run left to right.
  const layout = imported.doc.layout;
  expect(Object.keys(layout).sort()).toEqual(imported.doc.nodes.map((n) => n.id).sort());
  for (const e of imported.doc.edges) expect(layout[e.from[0]]![0]).toBeLessThan(layout[e.to[0]]![0]);
}

describe("model.json export and import", () => {
  it.each(cases)("%s: saved model.json loads back with the same outputs and imports with the same shapes and parameters", async (_n, doc, netId, build) => {
    if (!build) {
      const plan = planExport(doc);
      if (!plan.ok) throw new Error("export plan failed");
      const net = plan.plan.networks.find((n) => n.id === netId)!;
      const imported = importModelJson(JSON.stringify({ format: "layers-model", modelTopology: net.topology }));
      expectEquivalent(imported, doc, netId, new Map(net.layers.map((l) => [l.keras.name, l.paramCount])));
      expect(imported.ok && imported.hasWeights).toBe(false);
      return;
    }
    const net = await materializeNetwork(doc, netId, { seed: 5 });
    const files = await modelFiles(net.model);
    expect([...files.weights.keys()]).toEqual([WEIGHTS_FILE]);

    // Loading: same weights, same outputs.
    const loaded = await loadModelFiles(files.modelJson, files.weights);
    if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
    const xs = inputsFor(net.model);
    const before = outputsOf(net.model, xs);
    const after = outputsOf(loaded.model, xs);
    expect(after.map((t) => t.shape)).toEqual(before.map((t) => t.shape));
    after.forEach((t, i) => expect(tf.max(tf.abs(tf.sub(t, before[i]!))).dataSync()[0]).toBeLessThanOrEqual(1e-6));

    // Importing: an equivalent graph, with a manifest that covers every layer's weights.
    const imported = importModelJson(files.modelJson);
    expectEquivalent(imported, doc, netId, new Map(net.model.layers.map((l) => [l.name, l.countParams()])));
    expect(imported.ok && imported.hasWeights).toBe(true);
    tf.dispose([...xs, ...before, ...after]);
    net.model.dispose();
    loaded.model.dispose();
  });
});
