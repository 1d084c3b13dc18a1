/**
 * The open document as TypeScript, re-exported once editing has paused (QUIET_MS) so that drags
 * and typing never wait on it. Results are kept per document object (documents are immutable),
 * so reopening the tab or undoing to a known version shows code at once.
 */
import { useEffect, useMemo, useState } from "react";
import { exportTypeScript, type CodeExportResult } from "../../graph-ir/export/typescript.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { PassDiagnostic } from "../../graph-ir/passes/types.js";
import { analysisOf } from "../analysis/use-analysis.js";
import { useApp } from "../store/context.js";
import { createIdleRunner } from "./idle-runner.js";

/** Quiet time after an edit before exporting again. */
export const QUIET_MS = 300;

export type CodeViewResult = CodeExportResult | { readonly ok: false; readonly failure: string };

const cache = new WeakMap<GraphDocument, CodeViewResult>();

function exportOf(doc: GraphDocument): CodeViewResult {
  let result = cache.get(doc);
  if (!result) {
    try {
      const analysis = analysisOf(doc);
      result = withGraphErrors(exportTypeScript(doc, { analysis }), analysis.diagnostics);
    } catch (e) {
      // A bug in the exporter must not take the app down; say what failed instead.
      result = { ok: false, failure: e instanceof Error ? e.message : String(e) };
    }
    cache.set(doc, result);
  }
  return result;
}

/**
 * The export names what stops it in its own terms ("no network to export"); the graph's own
 * errors say what the person has to fix, so they are listed first.
 */
function withGraphErrors(result: CodeExportResult, graph: readonly PassDiagnostic[]): CodeExportResult {
  if (result.ok) return result;
  const errors = graph.filter((d) => d.severity === "error");
  const seen = new Set(errors.map((d) => `${d.nodeId ?? ""}\u0000${d.message}`));
  return { ok: false, diagnostics: [...errors, ...result.diagnostics.filter((d) => !seen.has(`${d.nodeId ?? ""}\u0000${d.message}`))] };
}

export interface CodeExportState {
  /** The latest export, possibly of an older version than the one on screen; null before the first. */
  readonly result: CodeViewResult | null;
  /** True while the document has changed since `result` was made. */
  readonly stale: boolean;
}

export function useCodeExport(): CodeExportState {
  const doc = useApp((s) => s.document.doc);
  const [done, setDone] = useState<{ doc: GraphDocument; result: CodeViewResult } | null>(() => {
    const known = cache.get(doc);
    return known ? { doc, result: known } : null;
  });
  const runner = useMemo(() => createIdleRunner<GraphDocument>((d) => setDone({ doc: d, result: exportOf(d) })), []);
  const first = done === null;

  useEffect(() => {
    const known = cache.get(doc);
    if (known) {
      runner.cancel();
      setDone((prev) => (prev?.doc === doc ? prev : { doc, result: known }));
      return;
    }
    // The first export runs as soon as the tab has painted; later ones wait for a pause.
    runner.request(doc, first ? 0 : QUIET_MS);
  }, [doc, runner, first]);

  useEffect(() => () => runner.cancel(), [runner]);

  return { result: done?.result ?? null, stale: done?.doc !== doc };
}
