/**
 * Fuzzy matching for the palette search, in the manner of editor quick-open boxes: the query's
 * letters must appear in order; matches at word starts and runs of adjacent letters rank higher,
 * so "gap" finds Global Average Pooling and "c2d" finds Conv2D.
 */

export interface FuzzyMatch {
  readonly score: number;
  /** Indices of the matched characters in the text, for highlighting. */
  readonly positions: readonly number[];
}

const WORD_START = 8;
const FIRST_CHAR = 12;
const ADJACENT = 6;
const GAP_PENALTY = 1;

/** Where a word starts: after a separator, at a lower-to-upper case change, or at a digit run. */
function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1]!;
  const cur = text[i]!;
  if (/[\s_\-./()]/.test(prev)) return true;
  if (/[a-z]/.test(prev) && /[A-Z]/.test(cur)) return true;
  return /\D/.test(prev) && /\d/.test(cur);
}

/**
 * The best match of query in text, or null. Exhaustive over start positions but greedy after,
 * which is plenty for titles a few words long.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (q.length === 0) return { score: 0, positions: [] };
  if (q.length > t.length) return null;
  let best: FuzzyMatch | null = null;
  for (let start = t.indexOf(q[0]!); start !== -1; start = t.indexOf(q[0]!, start + 1)) {
    const positions = [start];
    let score = (start === 0 ? FIRST_CHAR : 0) + (isWordStart(text, start) ? WORD_START : 0);
    let i = start;
    for (let k = 1; k < q.length; k++) {
      // Prefer the next word start holding this letter when the adjacent letter does not match.
      let next = t[i + 1] === q[k] ? i + 1 : -1;
      if (next === -1) {
        for (let j = i + 1; j < t.length; j++) {
          if (t[j] === q[k] && isWordStart(text, j)) { next = j; break; }
        }
      }
      if (next === -1) next = t.indexOf(q[k]!, i + 1);
      if (next === -1) { score = -Infinity; break; }
      score += next === i + 1 ? ADJACENT : -GAP_PENALTY * Math.min(next - i - 1, 5);
      if (isWordStart(text, next)) score += WORD_START;
      positions.push(next);
      i = next;
    }
    if (score > -Infinity && (!best || score > best.score)) best = { score, positions };
  }
  // Shorter texts win ties: "Dense" before "Dense with a long name".
  return best && { score: best.score - text.length * 0.01, positions: best.positions };
}
