/**
 * The palette's entries, made from the layer registry: one per layer kind and one per preset
 * (a 1x1 bottleneck is a Conv2D preset), searchable and grouped by category.
 */
import type { ParamValue } from "../../graph-ir/core/document.js";
import type { AnyLayerDef, Category } from "../../graph-ir/layers/types.js";
import { CATEGORY_LABEL, CATEGORY_ORDER } from "../ui/categories.js";
import { fuzzyMatch } from "./fuzzy.js";

export interface PaletteItem {
  /** Unique among items: the kind, or kind#n for its n-th preset. */
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly summary: string;
  readonly category: Category;
  /** Params a preset sets; empty for the plain layer. */
  readonly params: Readonly<Record<string, ParamValue>>;
}

export interface PaletteGroup {
  readonly category: Category;
  readonly label: string;
  readonly items: readonly PaletteItem[];
}

export interface RankedItem {
  readonly item: PaletteItem;
  readonly score: number;
  /** Matched character positions in the title, for highlighting. */
  readonly titleMatches: readonly number[];
}

/** The drag payload type a palette entry carries; the canvas reads it on drop. */
export const PALETTE_DRAG_TYPE = "application/x-layerloom-layer";

export interface PaletteDragPayload {
  readonly kind: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export function paletteItems(layers: Readonly<Record<string, AnyLayerDef>>): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const def of Object.values(layers)) {
    items.push({ id: def.kind, kind: def.kind, title: def.title, summary: def.summary, category: def.category, params: {} });
    def.presets?.forEach((preset, n) => {
      items.push({ id: `${def.kind}#${n}`, kind: def.kind, title: preset.title, summary: preset.summary, category: def.category, params: preset.params });
    });
  }
  return items;
}

export function groupByCategory(items: readonly PaletteItem[]): PaletteGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABEL[category],
    items: items.filter((i) => i.category === category).sort((a, b) => a.title.localeCompare(b.title)),
  })).filter((g) => g.items.length > 0);
}

/**
 * Items matching every word of the query, best first. A word may match the title, the kind
 * (Keras class name), the category or, weighted lower, the summary.
 */
export function searchPalette(items: readonly PaletteItem[], query: string): RankedItem[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const ranked: RankedItem[] = [];
  for (const item of items) {
    let total = 0;
    const titleMatches = new Set<number>();
    let matchedAll = true;
    for (const word of words) {
      const title = fuzzyMatch(word, item.title);
      const candidates = [
        title?.score ?? -Infinity,
        // A preset is found by its own title first; its layer's class name matters less.
        (fuzzyMatch(word, item.kind)?.score ?? -Infinity) * (item.id === item.kind ? 1 : 0.8),
        (fuzzyMatch(word, CATEGORY_LABEL[item.category])?.score ?? -Infinity) * 0.5,
        // In the summary only whole-word prefixes count, or every long sentence would match.
        wordPrefixIn(word, item.summary) ? 4 : -Infinity,
      ];
      const best = Math.max(...candidates);
      if (best === -Infinity) { matchedAll = false; break; }
      total += best;
      if (title && title.score === candidates[0]) title.positions.forEach((p) => titleMatches.add(p));
    }
    if (matchedAll) ranked.push({ item, score: total, titleMatches: [...titleMatches].sort((a, b) => a - b) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title));
}

function wordPrefixIn(word: string, text: string): boolean {
  const w = word.toLowerCase();
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((t) => t.startsWith(w));
}
