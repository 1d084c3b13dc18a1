import { describe, expect, it } from "vitest";
import { emptyDocument, type GraphDocument } from "../../../graph-ir/core/document.js";
import { createAppStore, DEFAULT_VIEWPORT, displayName } from "../../../renderer/store/app-store.js";

function graph(ids: string[]): GraphDocument {
  return { ...emptyDocument("Net"), nodes: ids.map((id) => ({ id, kind: "Dense", params: {} })) };
}

describe("app store", () => {
  it("starts with an empty, clean, untitled document", () => {
    const s = createAppStore().getState();
    expect(s.document).toEqual({ doc: emptyDocument(), path: null, version: null, dirty: false });
    expect(s.ui).toEqual({ selection: [], viewport: DEFAULT_VIEWPORT });
    expect(displayName(s.document)).toBe("Untitled");
  });

  it("opens a document clean, with its file, and forgets the old selection and viewport", () => {
    const store = createAppStore(graph(["a"]));
    store.getState().select(["a"]);
    store.getState().setViewport({ x: 5, y: 6, zoom: 2 });
    const next = graph(["a", "b"]);
    store.getState().openDocument(next, { path: "nets/mlp.json", version: "v7" });
    const s = store.getState();
    expect(s.document).toEqual({ doc: next, path: "nets/mlp.json", version: "v7", dirty: false });
    expect(s.ui).toEqual({ selection: [], viewport: DEFAULT_VIEWPORT });
    expect(displayName(s.document)).toBe("mlp.json");
  });

  it("marks the document unsaved on update and clean again on save", () => {
    const store = createAppStore(graph(["a"]));
    store.getState().updateDocument(graph(["a", "b"]));
    expect(store.getState().document.dirty).toBe(true);
    store.getState().markSaved("n.json", "v2");
    expect(store.getState().document).toMatchObject({ path: "n.json", version: "v2", dirty: false });
  });

  it("is clean again when undo returns to the saved state, and unsaved anywhere else", () => {
    const store = createAppStore(graph(["a"]));
    const rename = (label: string, coalesce?: string) => store.getState().edit({ op: "rename", id: "a", label }, "Rename", coalesce);
    rename("one");
    expect(store.getState().document.dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().document.dirty).toBe(false); // back where it was opened
    rename("two");
    store.getState().markSaved("n.json", "v1");
    rename("three");
    expect(store.getState().document.dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().document.dirty).toBe(false); // back at the save
    store.getState().undo();
    expect(store.getState().document.dirty).toBe(true); // before the save: differs from the file
    // A scrub merged into the saved step changes what that step means: unsaved.
    store.getState().redo();
    rename("scrub-1", "k");
    store.getState().markSaved("n.json", "v2");
    rename("scrub-2", "k");
    expect(store.getState().document.dirty).toBe(true);
    // An edit outside the history is unsaved until the next save, whatever undo does.
    store.getState().updateDocument(graph(["a", "b"]));
    store.getState().undo();
    expect(store.getState().document.dirty).toBe(true);
  });

  it("drops selected nodes that an update removed, and keeps the rest in order", () => {
    const store = createAppStore(graph(["a", "b", "c"]));
    store.getState().select(["c", "a", "b"]);
    store.getState().updateDocument(graph(["a", "c"]));
    expect(store.getState().ui.selection).toEqual(["c", "a"]);
  });

  it("keeps UI changes out of the document: selecting and panning never touch it", () => {
    const doc = graph(["a", "b"]);
    const store = createAppStore(doc);
    store.getState().select(["b"]);
    store.getState().setViewport({ x: 10, y: -4, zoom: 0.5 });
    const s = store.getState();
    expect(s.document.doc).toBe(doc);
    expect(s.document.dirty).toBe(false);
    expect(s.ui).toEqual({ selection: ["b"], viewport: { x: 10, y: -4, zoom: 0.5 } });
  });

  it("selects only nodes that exist, once each", () => {
    const store = createAppStore(graph(["a", "b"]));
    store.getState().select(["b", "ghost", "b", "a"]);
    expect(store.getState().ui.selection).toEqual(["b", "a"]);
  });

  it("does not notify subscribers when a selection or viewport change changes nothing", () => {
    const store = createAppStore(graph(["a"]));
    store.getState().select(["a"]);
    store.getState().setViewport({ x: 1, y: 2, zoom: 1 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.getState().select(["a"]);
    store.getState().setViewport({ x: 1, y: 2, zoom: 1 });
    unsubscribe();
    expect(calls).toBe(0);
  });

  it("starts a new document with the given name", () => {
    const store = createAppStore(graph(["a"]));
    store.getState().updateDocument(graph(["a", "b"]));
    store.getState().newDocument("Scratch");
    expect(store.getState().document).toEqual({ doc: emptyDocument("Scratch"), path: null, version: null, dirty: false });
  });
});
