/**
 * Undo history of document edits. Each step holds the edit that redoes it and the inverse that
 * undoes it (both from graph-ir's applyEdit), with a label for menus ("Undo Set filters").
 * Selection and viewport are never part of history.
 *
 * Coalescing: a drag or a slider scrub sends many edits; steps sent with the same coalesce key,
 * one after the other, merge into one step that keeps the first inverse and the latest redo.
 * Only use a key for edits that overwrite the same target (moving the same nodes, setting the
 * same param), where the latest edit alone gives the final state. seal() ends the gesture.
 */
import { applyEdit } from "../../graph-ir/core/apply.js";
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";

export interface HistoryStep {
  readonly label: string;
  readonly redo: Edit;
  readonly undo: Edit;
  /** Open for merging while equal to the next edit's key; undefined once sealed. */
  readonly coalesce?: string;
}

export interface History {
  readonly past: readonly HistoryStep[];
  readonly future: readonly HistoryStep[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** Steps kept; older ones are dropped so a long session doesn't grow without bound. */
export const HISTORY_LIMIT = 500;

export type HistoryResult =
  | { readonly ok: true; readonly doc: GraphDocument; readonly history: History }
  | { readonly ok: false; readonly error: string };

export function record(doc: GraphDocument, history: History, edit: Edit, label: string, coalesce?: string): HistoryResult {
  const r = applyEdit(doc, edit);
  if (!r.ok) return r;
  const top = history.past[history.past.length - 1];
  if (coalesce !== undefined && top?.coalesce === coalesce) {
    const merged: HistoryStep = { label: top.label, undo: top.undo, redo: edit, coalesce };
    return { ok: true, doc: r.doc, history: { past: [...history.past.slice(0, -1), merged], future: [] } };
  }
  const step: HistoryStep = coalesce === undefined ? { label, redo: edit, undo: r.inverse } : { label, redo: edit, undo: r.inverse, coalesce };
  const past = [...history.past, step].slice(-HISTORY_LIMIT);
  return { ok: true, doc: r.doc, history: { past, future: [] } };
}

/** Closes the open gesture so the next edit starts a new step. */
export function seal(history: History): History {
  const top = history.past[history.past.length - 1];
  if (top?.coalesce === undefined) return history;
  const { coalesce: _closed, ...sealed } = top;
  return { ...history, past: [...history.past.slice(0, -1), sealed] };
}

export function undo(doc: GraphDocument, history: History): HistoryResult {
  const top = history.past[history.past.length - 1];
  if (!top) return { ok: false, error: "Nothing to undo." };
  const r = applyEdit(doc, top.undo);
  if (!r.ok) return { ok: false, error: `Cannot undo ${top.label}: ${r.error}` };
  // The inverse of the undo is the exact redo for this document state.
  const step: HistoryStep = { label: top.label, undo: top.undo, redo: r.inverse };
  return { ok: true, doc: r.doc, history: { past: history.past.slice(0, -1), future: [...history.future, step] } };
}

export function redo(doc: GraphDocument, history: History): HistoryResult {
  const top = history.future[history.future.length - 1];
  if (!top) return { ok: false, error: "Nothing to redo." };
  const r = applyEdit(doc, top.redo);
  if (!r.ok) return { ok: false, error: `Cannot redo ${top.label}: ${r.error}` };
  const step: HistoryStep = { label: top.label, redo: top.redo, undo: r.inverse };
  return { ok: true, doc: r.doc, history: { past: [...history.past, step], future: history.future.slice(0, -1) } };
}
