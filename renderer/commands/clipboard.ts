/**
 * Copy and paste of layers, as pure functions over documents.
 *
 * What goes on the clipboard is a graph file (the selected nodes, the wires between them, their
 * positions and the blocks they use), so pasting runs the same hardened loader as opening a file,
 * a copy pasted into a text editor is a file that opens, and a graph file's text pastes as layers.
 * Pasting adds everything as one batch edit, so it is one undo step. Pasted nodes get fresh ids;
 * block definitions come along, reused when the target already has the same one and renamed
 * when it has a different one of that name.
 */
import { newBlockName, newNodeId } from "../../graph-ir/core/apply.js";
import type { BlockDef, GraphDocument, GraphNode } from "../../graph-ir/core/document.js";
import type { Edit, Position } from "../../graph-ir/core/edits.js";
import { parseGraphFile, serializeGraph } from "../../graph-ir/core/load.js";
import { fallbackPosition } from "../canvas/to-flow.js";
import { plural } from "./edit-ops.js";

/** How far each paste lands from the last one: down more than a card's height, so the copy shows. */
export const PASTE_OFFSET: Position = [40, 80];

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Where a node is drawn: its stored position, else where the canvas puts nodes without one. */
export function positionOf(doc: GraphDocument, id: string): Position {
  const stored = own(doc.layout, id) ? doc.layout[id] : undefined;
  if (stored) return stored;
  const p = fallbackPosition(Math.max(0, doc.nodes.findIndex((n) => n.id === id)));
  return [p.x, p.y];
}

/** Names of the document blocks these kinds use, directly or through blocks inside blocks. */
function blocksUsed(blocks: Readonly<Record<string, BlockDef>>, kinds: Iterable<string>): string[] {
  const found: string[] = [];
  const visit = (kind: string) => {
    if (!own(blocks, kind) || found.includes(kind)) return;
    found.push(kind);
    for (const n of blocks[kind]!.nodes) visit(n.kind);
  };
  for (const k of kinds) visit(k);
  return found;
}

/** The selected nodes as a document of their own; undefined when none of the ids exist. */
export function copyFragment(doc: GraphDocument, ids: readonly string[]): GraphDocument | undefined {
  const chosen = new Set(ids);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return undefined;
  const inside = new Set(nodes.map((n) => n.id));
  const blocks: Record<string, BlockDef> = {};
  for (const name of blocksUsed(doc.blocks, nodes.map((n) => n.kind))) blocks[name] = doc.blocks[name]!;
  return {
    format: doc.format,
    version: doc.version,
    name: doc.name || "Untitled",
    blocks,
    nodes,
    edges: doc.edges.filter((e) => inside.has(e.from[0]) && inside.has(e.to[0])),
    networks: [],
    layout: Object.fromEntries(nodes.map((n) => [n.id, positionOf(doc, n.id)])),
  };
}

export function clipboardText(fragment: GraphDocument): string {
  return serializeGraph(fragment);
}

export type ClipboardRead = { readonly ok: true; readonly fragment: GraphDocument } | { readonly ok: false; readonly error: string };

/** Reads clipboard text as layers. Anything that is not a graph is refused with a reason, never thrown. */
export function readClipboard(text: string | undefined): ClipboardRead {
  if (!text || !text.trimStart().startsWith("{")) return { ok: false, error: "The clipboard holds no layers. Copy layers first (Ctrl/Cmd+C on the canvas)." };
  const r = parseGraphFile(text);
  if (!r.ok) return { ok: false, error: `The clipboard text is not Layerloom layers: ${r.error.message}` };
  if (r.doc.nodes.length === 0) return { ok: false, error: "The graph on the clipboard has no layers to paste." };
  return { ok: true, fragment: r.doc };
}

/** Deep equality of plain JSON data, ignoring key order and absent-versus-undefined. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a), kb = keys(b);
  return ka.length === kb.length && ka.every((k) => own(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface PastePlan {
  readonly edit: Edit;
  readonly label: string;
  /** Ids of the pasted nodes, in the fragment's order: select these afterwards. */
  readonly ids: readonly string[];
}

/**
 * The edit that pastes `fragment` into `doc`. Networks and training in the fragment are left
 * out: a pasted copy is new layers, not a second model. `verb` words the undo label.
 */
export function planPaste(doc: GraphDocument, fragment: GraphDocument, verb = "Paste"): PastePlan {
  // Blocks first: reuse an identical definition, bring a missing one, rename on a clash.
  const rename = new Map<string, string>();
  let working: GraphDocument = doc;
  const putBlocks: Edit[] = [];
  const needed = blocksUsed(fragment.blocks, fragment.nodes.map((n) => n.kind));
  for (const name of needed) {
    const def = fragment.blocks[name]!;
    if (own(working.blocks, name) && sameData(working.blocks[name], def)) continue;
    const target = own(working.blocks, name) || working.nodes.some((n) => n.kind === name) ? newBlockName(working, name) : name;
    if (target !== name) rename.set(name, target);
    working = { ...working, blocks: { ...working.blocks, [target]: def } };
  }
  const kindOf = (kind: string) => rename.get(kind) ?? kind;
  for (const name of needed) {
    const target = kindOf(name);
    if (own(doc.blocks, target)) continue;
    const def = fragment.blocks[name]!;
    const block: BlockDef = rename.size ? { ...def, nodes: def.nodes.map((n) => ({ ...n, kind: kindOf(n.kind) })) } : def;
    putBlocks.push({ op: "putBlock", name: target, block });
  }

  // Fresh ids in the style of new nodes ("conv2d_2"), each taken before the next is chosen.
  const idMap = new Map<string, string>();
  let taken: GraphDocument = working;
  const nodes: GraphNode[] = fragment.nodes.map((n) => {
    const kind = kindOf(n.kind);
    const id = newNodeId(taken, kind);
    idMap.set(n.id, id);
    const node: GraphNode = { ...n, id, kind };
    taken = { ...taken, nodes: [...taken.nodes, node] };
    return node;
  });

  // The smallest offset at which no copy lands exactly on a node already there.
  const occupied = new Set(doc.nodes.map((n) => positionOf(doc, n.id).join(",")));
  const from = fragment.nodes.map((n) => positionOf(fragment, n.id));
  let step = 0;
  const [dx, dy] = PASTE_OFFSET;
  while (step < 64 && from.some((p) => occupied.has(`${p[0] + step * dx},${p[1] + step * dy}`))) step++;

  const ids = nodes.map((n) => n.id);
  const label = ids.length === 1 ? `${verb} ${fragment.nodes[0]!.label ?? fragment.nodes[0]!.id}` : `${verb} ${plural(ids.length, "layer")}`;
  const edits: Edit[] = [
    ...putBlocks,
    ...nodes.map((node, k): Edit => ({ op: "addNode", node, position: [from[k]![0] + step * dx, from[k]![1] + step * dy] })),
    ...fragment.edges.flatMap((e): Edit[] => {
      const a = idMap.get(e.from[0]), b = idMap.get(e.to[0]);
      return a && b ? [{ op: "connect", edge: { from: [a, e.from[1]], to: [b, e.to[1]] } }] : [];
    }),
  ];
  return { edit: { op: "batch", label, edits }, label, ids };
}
