/**
 * A graph's thumbnail for the template gallery: every node a box in its category's colour where
 * the canvas draws it, every wire a line between box centres, the whole scaled to fit the
 * picture and centred (a long, flat network may stretch up to MAX_STRETCH times across). Pure data (GraphThumbnail.tsx draws it as SVG), so the drawing is tested
 * without a browser. Boxes keep a minimum size, so a hundred-layer network still reads as a
 * chain of coloured blocks rather than a haze.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Category } from "../../graph-ir/layers/types.js";
import { layerDef } from "../../graph-ir/layers/registry.js";
import { standardBlock } from "../../graph-ir/blocks/library.js";
import { CARD, fallbackPosition } from "../canvas/to-flow.js";
import { categoryColor } from "../ui/categories.js";

export interface ThumbnailBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** undefined: a kind Layerloom does not know. */
  readonly category: Category | undefined;
  /** A CSS colour (a theme token), for the box's fill. */
  readonly color: string;
}

export interface ThumbnailWire {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Thumbnail {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly ThumbnailBox[];
  readonly wires: readonly ThumbnailWire[];
}

export interface ThumbnailSize {
  readonly width: number;
  readonly height: number;
  /** Space kept clear around the drawing. */
  readonly padding?: number;
}

/** A node's size on the canvas, as the gallery approximates it (cards vary a little with ports). */
export const NODE_BOX = { width: CARD.width, height: 2 * CARD.padY + CARD.header + CARD.detail } as const;
/** How much more one axis may be scaled than the other. */
export const MAX_STRETCH = 3;
/** The smallest box drawn, in thumbnail pixels. */
export const MIN_BOX = { width: 4, height: 3 } as const;

const round = (v: number) => Math.round(v * 10) / 10;

export function categoryOf(doc: GraphDocument, kind: string): Category | undefined {
  const def = layerDef(kind);
  if (def) return def.category;
  return Object.prototype.hasOwnProperty.call(doc.blocks, kind) || standardBlock(kind) ? "block" : undefined;
}

export function thumbnail(doc: GraphDocument, size: ThumbnailSize): Thumbnail {
  const pad = size.padding ?? 8;
  const placed = doc.nodes.map((node, index) => {
    const stored = Object.prototype.hasOwnProperty.call(doc.layout, node.id) ? doc.layout[node.id] : undefined;
    const p = stored ? { x: stored[0], y: stored[1] } : fallbackPosition(index);
    return { node, x: p.x, y: p.y };
  });
  if (placed.length === 0) return { width: size.width, height: size.height, boxes: [], wires: [] };

  const left = Math.min(...placed.map((p) => p.x));
  const top = Math.min(...placed.map((p) => p.y));
  const spanX = Math.max(...placed.map((p) => p.x)) + NODE_BOX.width - left;
  const spanY = Math.max(...placed.map((p) => p.y)) + NODE_BOX.height - top;
  const fitX = (size.width - 2 * pad) / spanX;
  const fitY = (size.height - 2 * pad) / spanY;
  const uniform = Math.min(fitX, fitY);
  // A long chain would be a hairline at one scale; the short side may stretch a little, so two
  // towers or an inception module's branches stay apart.
  const scaleX = Math.min(fitX, uniform * MAX_STRETCH);
  const scaleY = Math.min(fitY, uniform * MAX_STRETCH);
  // Centred both ways: the drawing's unused room is split evenly.
  const offsetX = (size.width - spanX * scaleX) / 2;
  const offsetY = (size.height - spanY * scaleY) / 2;
  // Boxes never wider than a card's proportions nor taller than wide, so a stretch shows as
  // room between them rather than as bars.
  const ratio = NODE_BOX.width / NODE_BOX.height;
  const stretchedW = NODE_BOX.width * scaleX;
  const stretchedH = NODE_BOX.height * scaleY;
  const w = Math.max(MIN_BOX.width, Math.min(stretchedW, stretchedH * ratio));
  const h = Math.max(MIN_BOX.height, Math.min(stretchedH, stretchedW));

  const centres = new Map<string, { x: number; y: number }>();
  const boxes = placed.map(({ node, x, y }): ThumbnailBox => {
    const cx = offsetX + (x - left + NODE_BOX.width / 2) * scaleX;
    const cy = offsetY + (y - top + NODE_BOX.height / 2) * scaleY;
    centres.set(node.id, { x: cx, y: cy });
    const category = categoryOf(doc, node.kind);
    return { id: node.id, x: round(cx - w / 2), y: round(cy - h / 2), width: round(w), height: round(h), category, color: categoryColor(category) };
  });
  const wires = doc.edges.flatMap((e): ThumbnailWire[] => {
    const a = centres.get(e.from[0]);
    const b = centres.get(e.to[0]);
    return a && b ? [{ x1: round(a.x), y1: round(a.y), x2: round(b.x), y2: round(b.y) }] : [];
  });
  return { width: size.width, height: size.height, boxes, wires };
}
