/**
 * Adding layers from the palette (drag and drop, or Enter in its search) and from the menu that
 * opens when a wire is dropped on empty canvas. Planning is pure: a document and a layer in, one
 * labelled edit out, so adding and wiring a layer is a single undo step. Where a layer goes
 * when no drop point is given (at the pointer, else mid-view) is the mounted canvas's answer,
 * kept per app store so several apps (tests) never share it.
 */
import { newNodeId } from "../../graph-ir/core/apply.js";
import type { GraphDocument, PortRef } from "../../graph-ir/core/document.js";
import type { Edit, Position } from "../../graph-ir/core/edits.js";
import { resolveParams } from "../../graph-ir/core/params.js";
import { layerDef } from "../../graph-ir/layers/registry.js";
import type { PaletteDragPayload } from "../palette/palette-items.js";
import type { AppStore } from "../store/app-store.js";
import { CARD } from "./to-flow.js";

export interface AddPlan {
  readonly edit: Edit;
  readonly label: string;
  /** The new node's id: select it afterwards. */
  readonly id: string;
}

/** A drop point is where the pointer is; the card is centred on it under the title. */
export function cardPositionAt(point: { readonly x: number; readonly y: number }): Position {
  return [Math.round(point.x - CARD.width / 2), Math.round(point.y - CARD.padY - CARD.header / 2)];
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The first card position at or below `at` that overlaps no existing card, stepping down: a
 * layer added mid-view (no pointer to say where) must not land on top of another.
 */
export function freeSpot(at: Position, size: { width: number; height: number }, taken: readonly Box[], step = 24, tries = 200): Position {
  const clear = (y: number) => !taken.some((b) => at[0] < b.x + b.width + 8 && b.x < at[0] + size.width + 8 && y < b.y + b.height + 8 && b.y < y + size.height + 8);
  for (let i = 0; i < tries; i++) if (clear(at[1] + i * step)) return [at[0], at[1] + i * step];
  return at;
}

const titleOf = (kind: string) => layerDef(kind)?.title ?? kind;

/** Reads a palette drag payload; anything else (a file, text from another app) is refused. */
export function readPayload(text: string): PaletteDragPayload | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null) return undefined;
    const { kind, params } = v as { kind?: unknown; params?: unknown };
    if (typeof kind !== "string" || !layerDef(kind)) return undefined;
    if (params !== undefined && (typeof params !== "object" || params === null || Array.isArray(params))) return undefined;
    return { kind, params: (params ?? {}) as PaletteDragPayload["params"] };
  } catch {
    return undefined;
  }
}

export function planAddLayer(doc: GraphDocument, layer: PaletteDragPayload, at: Position): AddPlan {
  const id = newNodeId(doc, layer.kind);
  const label = `Add ${titleOf(layer.kind)}`;
  return { id, label, edit: { op: "addNode", node: { id, kind: layer.kind, params: { ...layer.params } }, position: at } };
}

/** The input a new layer is fed through: its first one, with its params as they will be. */
export function firstInput(layer: PaletteDragPayload): string | undefined {
  const def = layerDef(layer.kind);
  if (!def) return undefined;
  try {
    return def.ports(resolveParams(def.params, layer.params).values).inputs[0];
  } catch {
    return undefined;
  }
}

/** Adds a layer and wires `from` into its first input, as one undo step. */
export function planAddConnected(doc: GraphDocument, layer: PaletteDragPayload, at: Position, from: PortRef): AddPlan | undefined {
  const port = firstInput(layer);
  if (port === undefined) return undefined;
  const add = planAddLayer(doc, layer, at);
  const label = `Add ${titleOf(layer.kind)} after ${from[0]}`;
  return { id: add.id, label, edit: { op: "batch", label, edits: [add.edit, { op: "connect", edge: { from, to: [add.id, port] } }] } };
}

/** What the mounted canvas offers the rest of the app. */
export interface CanvasHandle {
  /** Where a layer added without a drop point goes: its top-left corner, in flow coordinates. */
  newLayerPosition(): Position;
  /** Gives the keyboard back to the canvas. */
  focus(): void;
}

const handles = new WeakMap<AppStore, CanvasHandle>();

export function provideCanvas(app: AppStore, handle: CanvasHandle): () => void {
  handles.set(app, handle);
  return () => {
    if (handles.get(app) === handle) handles.delete(app);
  };
}

export function canvasHandle(app: AppStore): CanvasHandle | undefined {
  return handles.get(app);
}

/** Adds a layer where the canvas says (at the pointer, else mid-view) and selects it. */
export function addLayerToCanvas(app: AppStore, layer: PaletteDragPayload): { ok: true; id: string } | { ok: false; error: string } {
  const at = canvasHandle(app)?.newLayerPosition() ?? [0, 0];
  const plan = planAddLayer(app.getState().document.doc, layer, at);
  const r = app.getState().edit(plan.edit, plan.label);
  if (!r.ok) return r;
  app.getState().select([plan.id]);
  return { ok: true, id: plan.id };
}
