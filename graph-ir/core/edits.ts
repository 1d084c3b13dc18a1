/**
 * Document edits as data. Every change a person (or a fix) makes to a document is one of these,
 * applied by applyEdit (apply.ts), which also returns the edit that undoes it.
 * Ids are stable: an edit never renames a node as a side effect.
 */
import type { BlockDef, GraphEdge, GraphNode, NetworkDef, ParamValue, TrainingSpec } from "./document.js";

export type Position = readonly [number, number];

/** Items taken out of a list (at their indices before) and put in (at their indices after); both ascending. */
export interface ListPatch<T> {
  readonly removed: readonly (readonly [number, T])[];
  readonly inserted: readonly (readonly [number, T])[];
}

/** One entry of a keyed map changing from `before` to `after`; undefined means absent. */
export interface EntryPatch<T> {
  readonly key: string;
  readonly before: T | undefined;
  readonly after: T | undefined;
}

export type Edit =
  | { readonly op: "addNode"; readonly node: GraphNode; readonly position?: Position }
  /** Removes the node, its edges, its layout entry, and its mentions in networks and losses. */
  | { readonly op: "removeNode"; readonly id: string }
  | { readonly op: "connect"; readonly edge: GraphEdge }
  | { readonly op: "disconnect"; readonly edge: GraphEdge }
  /** value undefined removes the stored value, so the param's default applies. */
  | { readonly op: "setParam"; readonly id: string; readonly param: string; readonly value: ParamValue | undefined }
  | { readonly op: "move"; readonly id: string; readonly position: Position | undefined }
  | { readonly op: "rename"; readonly id: string; readonly label: string | undefined }
  /** Moves the selected nodes into a new block named `block` and puts one instance `instanceId` in their place. */
  | { readonly op: "group"; readonly ids: readonly string[]; readonly block: string; readonly instanceId: string }
  /** Replaces a block instance by the block's nodes, with ids prefixed by the instance id. */
  | { readonly op: "ungroup"; readonly id: string }
  /** Adds, replaces (block given) or removes (block undefined) a block definition. */
  | { readonly op: "putBlock"; readonly name: string; readonly block: BlockDef | undefined }
  /** Adds, replaces or removes (network undefined) a network by id. */
  | { readonly op: "putNetwork"; readonly id: string; readonly network: NetworkDef | undefined }
  /**
   * An exact change to parts of the document, checked against what it expects to find. applyEdit
   * returns one as the undo of compound edits (addNode, removeNode, group, ungroup, ...), so that
   * undo restores the document exactly, order of lists included. Not meant to be written by hand.
   */
  | {
      readonly op: "patch";
      readonly label: string;
      readonly nodes?: ListPatch<GraphNode>;
      readonly edges?: ListPatch<GraphEdge>;
      readonly networks?: ListPatch<NetworkDef>;
      readonly layout?: readonly EntryPatch<Position>[];
      readonly blocks?: readonly EntryPatch<BlockDef>[];
      readonly training?: { readonly before: TrainingSpec | undefined; readonly after: TrainingSpec | undefined };
    }
  /** Several edits as one undo step. */
  | { readonly op: "batch"; readonly label: string; readonly edits: readonly Edit[] };
