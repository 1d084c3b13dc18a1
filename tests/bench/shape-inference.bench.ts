/**
 * Validate + infer time for generated inception-like graphs, and the time to re-infer after one
 * param edit (reanalyze). Targets (issue: Foundation): 2,000 nodes in at most 10 ms, an edit in
 * at most 1 ms. The control is what a model-building tool does on every click: build the whole
 * tfjs model from the same graph and read every output shape (BASELINES.md).
 */
import { analyze, reanalyze } from "../../graph-ir/passes/analyze.js";
import { applyEdit } from "../../graph-ir/core/apply.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { generateConvNet } from "../support/generate.js";
import { compileNetwork } from "../../graph-ir/passes/compile.js";
import * as tf from "../../runtime/tf.js";
import { time, timeAsync } from "./timing.js";

/** A param edit in the middle of the graph: the filters of a Conv2D about halfway down. */
function middleConvEdit(doc: GraphDocument): { doc: GraphDocument; id: string } {
  const convs = doc.nodes.filter((n) => n.kind === "Conv2D");
  const target = convs[Math.floor(convs.length / 2)]!;
  const filters = typeof target.params.filters === "number" ? target.params.filters : 16;
  const r = applyEdit(doc, { op: "setParam", id: target.id, param: "filters", value: filters + 8 });
  if (!r.ok) throw new Error(r.error);
  return { doc: r.doc, id: target.id };
}

/** The control: build the whole tfjs model from the same graph and read every layer's output shape. */
async function tfjsBuildMs(doc: GraphDocument) {
  const compiled = compileNetwork(doc, "net");
  if (!compiled.ok) throw new Error("generated graph does not compile");
  const modelTopology = compiled.topology as unknown as tf.io.ModelJSON["modelTopology"];
  return timeAsync(async () => {
    const model = await tf.models.modelFromJSON({ modelTopology } as tf.io.ModelJSON);
    for (const layer of model.layers) void layer.outputShape;
    model.dispose();
  }, 3, 1);
}

export async function benchShapeInference(sizes: readonly number[] = [200, 2000, 10000], controlUpTo = 2000) {
  const rows = [];
  for (const n of sizes) {
    const row = inferenceRow(n);
    if (n <= controlUpTo) {
      const control = await tfjsBuildMs(generateConvNet(n, 7));
      rows.push({ ...row, tfjsBuildMs: control, speedup: Math.round((control.median / row.analyzeMs.median) * 10) / 10 });
    } else rows.push(row);
  }
  return rows;
}

function inferenceRow(n: number) {
  {
    const doc = generateConvNet(n, 7);
    const full = analyze(doc);
    const errors = full.diagnostics.filter((d) => d.severity === "error").length;
    const edited = middleConvEdit(doc);
    const runs = n >= 10000 ? 7 : 21;
    return {
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      errors,
      analyzeMs: time(() => void analyze(doc), runs),
      reanalyzeAfterParamEditMs: time(() => void reanalyze(full, edited.doc, [edited.id]), runs * 5),
    };
  }
}
