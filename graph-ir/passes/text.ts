/** Small formatting helpers so every message names things the same way. */
import type { ParamValue } from "../core/document.js";
import { formatShape, type Shape } from "../core/shape.js";

/** "Dense 'fc'": the node's kind title and id, as messages name a node. */
export function nodeName(title: string, id: string): string {
  return `${title} '${id}'`;
}

/** A node as messages name it (or a fixed phrase), turned into words only when a message is written. */
export type Who = { readonly title: string | undefined; readonly id: string } | string;

export function say(who: Who): string {
  if (typeof who === "string") return who;
  return who.title !== undefined ? nodeName(who.title, who.id) : `'${who.id}'`;
}

/** A param value as the user typed it; long lists are cut short so a hostile file cannot flood a message. */
export function showValue(v: ParamValue | undefined): string {
  if (v === undefined) return "nothing";
  const text = typeof v === "string" ? `"${v}"` : Array.isArray(v) ? `[${v.slice(0, 8).map((d) => (d === null ? "null" : String(d))).join(", ")}${v.length > 8 ? ", …" : ""}]` : String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** 1234567 -> "1,234,567"; huge or fractional numbers stay readable. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e21) return n.toExponential(2);
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function shapeText(s: Shape): string {
  return formatShape(s);
}

/** The closest name by edit distance (case-insensitive), if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), bestDist);
    if (d < bestDist) { best = c; bestDist = d; }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length]!;
}
