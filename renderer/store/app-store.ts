/**
 * The app's one store. The open document and the UI state live in separate slices: documents
 * change only through document actions (and, soon, the edit history), while selection and
 * viewport change freely and are never part of undo.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { emptyDocument, type GraphDocument } from "../../graph-ir/core/document.js";
import type { Edit } from "../../graph-ir/core/edits.js";
import { EMPTY_HISTORY, record, redo, seal, undo, type History, type HistoryResult } from "./history.js";

export interface OpenDocument {
  readonly doc: GraphDocument;
  /** Workspace path it was opened from or saved to; null for a new, never-saved graph. */
  readonly path: string | null;
  /** The file version last read or written, for the save conflict check. */
  readonly version: string | null;
  /** Changed since it was opened or last saved. */
  readonly dirty: boolean;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * A request to bring a node into view: the canvas centres it, the inspector scrolls to `param`
 * when given. `seq` grows with every request, so asking twice for the same node acts twice.
 */
export interface FocusRequest {
  readonly id: string;
  readonly param?: string;
  readonly seq: number;
}

export interface UiState {
  /** Selected node ids, in selection order. */
  readonly selection: readonly string[];
  readonly viewport: Viewport;
  /** The latest focus request (see focusNode); absent until the first. */
  readonly focusRequest?: FocusRequest;
  /** The node training stopped at (its output went non-finite), for the canvas to mark; absent when none. */
  readonly trainingFault?: TrainingFault;
}

export interface TrainingFault {
  readonly nodeId: string;
  readonly message: string;
}

export type EditOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface AppState {
  readonly document: OpenDocument;
  readonly ui: UiState;
  /** Undo history of the open document (see history.ts). */
  readonly history: History;

  /**
   * The one way to change the document: applies the edit as one labelled undo step (merged
   * with the previous step while `coalesce` stays the same, for drags and scrubs).
   */
  edit(edit: Edit, label: string, coalesce?: string): EditOutcome;
  /** Ends a drag or scrub: the next edit starts a new undo step. */
  sealHistory(): void;
  undo(): EditOutcome;
  redo(): EditOutcome;

  /** Shows doc as just opened: clean, nothing selected. */
  openDocument(doc: GraphDocument, source?: { readonly path: string; readonly version: string }): void;
  newDocument(name?: string): void;
  /** Replaces the document after an edit; marks it unsaved and drops selected nodes that are gone. */
  updateDocument(doc: GraphDocument): void;
  /** Records a successful save. */
  markSaved(path: string, version: string): void;

  select(ids: readonly string[]): void;
  setViewport(viewport: Viewport): void;
  /** Selects the node and asks the canvas to centre it (and the inspector to show `param`). */
  focusNode(id: string, param?: string): void;
  /** Marks (or, with undefined, clears) the node training stopped at; never history. */
  setTrainingFault(fault: TrainingFault | undefined): void;
}

export type AppStore = StoreApi<AppState>;

export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

export function createAppStore(initial: GraphDocument = emptyDocument()): AppStore {
  const fresh = (doc: GraphDocument, path: string | null, version: string | null): Pick<AppState, "document" | "ui" | "history"> => ({
    document: { doc, path, version, dirty: false },
    ui: { selection: [], viewport: DEFAULT_VIEWPORT },
    history: EMPTY_HISTORY,
  });

  let focusSeq = 0;
  /**
   * The undo step on top of the history when the document was last opened or saved (null: an
   * empty history). Undoing back to it makes the document clean again; any other top is unsaved.
   * An edit made outside the history gets a mark no step can equal, so only a save cleans it.
   */
  let savedMark: object | null = null;
  const topOf = (h: { readonly past: readonly object[] }): object | null => h.past[h.past.length - 1] ?? null;
  return createStore<AppState>()((set, get) => {
    /** Puts a history result into the store, keeping the selection to nodes that still exist. */
    const commit = (r: HistoryResult): EditOutcome => {
      if (!r.ok) return r;
      const s = get();
      const ids = new Set(r.doc.nodes.map((n) => n.id));
      const selection = s.ui.selection.filter((id) => ids.has(id));
      set({
        document: { ...s.document, doc: r.doc, dirty: topOf(r.history) !== savedMark },
        history: r.history,
        ui: selection.length === s.ui.selection.length ? s.ui : { ...s.ui, selection },
      });
      return { ok: true };
    };
    return {
    ...fresh(initial, null, null),

    openDocument: (doc, source) => {
      savedMark = null;
      set(fresh(doc, source?.path ?? null, source?.version ?? null));
    },
    newDocument: (name) => {
      savedMark = null;
      set(fresh(emptyDocument(name), null, null));
    },

    edit: (edit, label, coalesce) => commit(record(get().document.doc, get().history, edit, label, coalesce)),
    sealHistory: () => set((s) => ({ history: seal(s.history) })),
    undo: () => commit(undo(get().document.doc, get().history)),
    redo: () => commit(redo(get().document.doc, get().history)),

    updateDocument: (doc) =>
      set((s) => {
        savedMark = {};
        const ids = new Set(doc.nodes.map((n) => n.id));
        const selection = s.ui.selection.filter((id) => ids.has(id));
        return {
          document: { ...s.document, doc, dirty: true },
          ui: selection.length === s.ui.selection.length ? s.ui : { ...s.ui, selection },
        };
      }),

    markSaved: (path, version) => {
      savedMark = topOf(get().history);
      set((s) => ({ document: { ...s.document, path, version, dirty: false } }));
    },

    select: (ids) =>
      set((s) => {
        const known = new Set(s.document.doc.nodes.map((n) => n.id));
        const selection = [...new Set(ids)].filter((id) => known.has(id));
        const same = selection.length === s.ui.selection.length && selection.every((id, i) => id === s.ui.selection[i]);
        return same ? s : { ui: { ...s.ui, selection } };
      }),

    setViewport: (viewport) =>
      set((s) => {
        const v = s.ui.viewport;
        if (v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return s;
        return { ui: { ...s.ui, viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } } };
      }),

    focusNode: (id, param) =>
      set((s) => {
        if (!s.document.doc.nodes.some((n) => n.id === id)) return s;
        const focusRequest: FocusRequest = param === undefined ? { id, seq: ++focusSeq } : { id, param, seq: ++focusSeq };
        return { ui: { ...s.ui, selection: [id], focusRequest } };
      }),

    setTrainingFault: (fault) =>
      set((s) => {
        if (fault === undefined) {
          if (!s.ui.trainingFault) return s;
          const { trainingFault: _gone, ...rest } = s.ui;
          return { ui: rest };
        }
        return { ui: { ...s.ui, trainingFault: fault } };
      }),
    };
  });
}

/** The name to show for the open document: its file name, else the graph's own name. */
export function displayName(document: OpenDocument): string {
  if (document.path) return document.path.slice(document.path.lastIndexOf("/") + 1);
  return document.doc.name || "Untitled";
}
