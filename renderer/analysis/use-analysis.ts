/**
 * The open document's analysis (shapes, counts, diagnostics), computed once per document
 * version and shared by every component that reads it. Documents are immutable, so the
 * document object itself is the cache key.
 */
import { analyze, reanalyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { useApp } from "../store/context.js";

const cache = new WeakMap<GraphDocument, Analysis>();
/**
 * The analysis computed last: the next document is usually this one after one edit, and
 * reanalyze then redoes only what changed (a drag frame changes only the layout, so nothing).
 * reanalyze falls back to a full analysis whenever the structure differs; its result equals
 * analyze(doc) either way.
 */
let latest: Analysis | undefined;

export function analysisOf(doc: GraphDocument): Analysis {
  let result = cache.get(doc);
  if (!result) {
    result = latest ? reanalyze(latest, doc, []) : analyze(doc);
    cache.set(doc, result);
    latest = result;
  }
  return result;
}

export function useAnalysis(): Analysis {
  return analysisOf(useApp((s) => s.document.doc));
}
