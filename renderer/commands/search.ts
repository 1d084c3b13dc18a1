/**
 * Ranking for the command palette: fuzzy over the title (as the layer palette does), then over
 * "Category: Title" and the keywords, weighted lower, so "undo" finds Undo and "dark" finds the
 * theme switch. Enabled commands come before the ones that cannot run now.
 */
import { fuzzyMatch } from "../palette/fuzzy.js";

export interface Searchable {
  readonly title: string;
  readonly category?: string;
  readonly keywords?: string;
}

export interface Ranked<T> {
  readonly item: T;
  /** Matched positions in the title, for highlighting. */
  readonly positions: readonly number[];
}

export function rankItems<T extends Searchable>(items: readonly T[], query: string, enabled: (item: T) => boolean = () => true): Ranked<T>[] {
  const q = query.trim();
  const scored: { item: T; score: number; positions: readonly number[]; on: boolean; at: number }[] = [];
  items.forEach((item, at) => {
    const on = enabled(item);
    if (!q) {
      scored.push({ item, score: 0, positions: [], on, at });
      return;
    }
    const title = fuzzyMatch(q, item.title);
    const full = item.category ? fuzzyMatch(q, `${item.category}: ${item.title}`) : null;
    const words = item.keywords ? Math.max(...item.keywords.split(/\s+/).map((w) => fuzzyMatch(q, w)?.score ?? -Infinity)) : -Infinity;
    const score = Math.max(title?.score ?? -Infinity, (full?.score ?? -Infinity) * 0.9, words * 0.7);
    if (score === -Infinity) return;
    scored.push({ item, score, positions: title && title.score >= score ? title.positions : [], on, at });
  });
  scored.sort((a, b) => Number(b.on) - Number(a.on) || b.score - a.score || a.at - b.at);
  return scored.map(({ item, positions }) => ({ item, positions }));
}
