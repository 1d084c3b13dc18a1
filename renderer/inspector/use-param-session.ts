/**
 * The inspector's editing session: which param is being edited, the node's facts when editing
 * began, the live preview of the value being typed or scrubbed, and the reason a value was
 * refused. Commits go through store.edit; the commits of one session share a coalesce key, so
 * editing a field (typing, arrow keys, a scrub) is one undo step, sealed when the session ends.
 */
import { useCallback, useMemo, useState } from "react";
import type { ParamValue } from "../../graph-ir/core/document.js";
import { analysisOf } from "../analysis/use-analysis.js";
import { useServices } from "../store/context.js";
import { factsOf, previewParam, type NodeFacts, type ParamPreview } from "./param-preview.js";

export interface ParamSession {
  readonly param: string;
  /** The node's facts when the session began: the "before" of before -> after. */
  readonly before: NodeFacts;
  /** The preview of the value now in the field, if it differs from the document. */
  readonly preview?: Extract<ParamPreview, { changed: true }>;
  readonly reason?: string;
}

export interface ParamEditing {
  readonly session: ParamSession | null;
  /** Shows what `value` would do, without committing it. Returns whether it would be accepted. */
  preview(param: string, value: ParamValue | undefined): boolean;
  /**
   * Commits `value` when accepted, else shows why not and leaves the document alone. `gesture`
   * merges it with the session's earlier commits into one undo step.
   */
  commit(param: string, value: ParamValue | undefined, gesture: boolean): boolean;
  /** Drops the preview and the reason (Escape), keeping the session. */
  cancel(param: string): void;
  /** Ends the session: the next edit is a new undo step. */
  end(param: string): void;
}

export const coalesceKey = (nodeId: string, param: string) => `param:${nodeId}:${param}`;

export function useParamEditing(nodeId: string): ParamEditing {
  const { app } = useServices();
  const [session, setSession] = useState<ParamSession | null>(null);

  // The node's facts now, read before a commit changes them (state updaters run later).
  const factsNow = useCallback(() => factsOf(analysisOf(app.getState().document.doc).nodes.get(nodeId)), [app, nodeId]);
  const begin = (param: string, prev: ParamSession | null, now: NodeFacts): NodeFacts => (prev?.param === param ? prev.before : now);

  const run = useCallback(
    (param: string, value: ParamValue | undefined): ParamPreview => previewParam(analysisOf(app.getState().document.doc), nodeId, param, value),
    [app, nodeId],
  );

  const preview = useCallback(
    (param: string, value: ParamValue | undefined) => {
      const now = factsNow();
      const p = run(param, value);
      setSession((prev) => {
        const before = begin(param, prev, now);
        return p.ok ? (p.changed ? { param, before, preview: p } : { param, before }) : { param, before, reason: p.reason };
      });
      return p.ok;
    },
    [run, factsNow],
  );

  const commit = useCallback(
    (param: string, value: ParamValue | undefined, gesture: boolean) => {
      const now = factsNow();
      const p = run(param, value);
      let reason = p.ok ? undefined : p.reason;
      if (p.ok && p.changed) {
        const r = app.getState().edit(p.edit, p.label, gesture ? coalesceKey(nodeId, param) : undefined);
        if (!r.ok) reason = r.error;
      }
      setSession((prev) => {
        const before = begin(param, prev, now);
        return reason === undefined ? { param, before } : { param, before, reason };
      });
      return reason === undefined;
    },
    [app, nodeId, run, factsNow],
  );

  const cancel = useCallback((param: string) => setSession((prev) => (prev?.param === param ? { param, before: prev.before } : prev)), []);

  const end = useCallback(
    (param: string) => {
      app.getState().sealHistory();
      setSession((prev) => (prev?.param === param ? null : prev));
    },
    [app],
  );

  return useMemo(() => ({ session, preview, commit, cancel, end }), [session, preview, commit, cancel, end]);
}
