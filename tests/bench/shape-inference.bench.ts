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
import { time } from "./timing.js";

/** A param edit in the middle of the graph: the filters of a Conv2D about halfway down. */
function middleConvEdit(doc: GraphDocument): { doc: GraphDocument; id: string } {
  const convs = doc.nodes.filter((n) => n.kind === "Conv2D");
  const target = convs[Math.floor(convs.length / 2)]!;
  const filters = typeof target.params.filters === "number" ? target.params.filters : 16;
  const r = applyEdit(doc, { op: "setParam", id: target.id, param: "filters", value: filters + 8 });
  if (!r.ok) throw new Error(r.error);
  return { doc: r.doc, id: target.id };
}

export function benchShapeInference(sizes: readonly number[] = [200, 2000, 10000]) {
  return sizes.map((n) => {
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
  });
}
