/**
 * Which lines of an export to light up for the canvas selection: every span of every selected
 * node, sorted and with touching ranges merged, so the editor draws one band per run of lines.
 */
import { linesOfNode, type CodeSpan } from "../../graph-ir/export/typescript.js";

export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

export function highlightRanges(spans: readonly CodeSpan[], selection: readonly string[]): LineRange[] {
  const all = [...new Set(selection)].flatMap((id) => linesOfNode(spans, id)).sort((a, b) => a.startLine - b.startLine);
  const out: LineRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.startLine <= last.endLine + 1) out[out.length - 1] = { startLine: last.startLine, endLine: Math.max(last.endLine, r.endLine) };
    else out.push({ startLine: r.startLine, endLine: r.endLine });
  }
  return out;
}

/** Words for a screen reader: "Lines 34–37" or "Lines 34–37 and 52–53"; empty when nothing is lit. */
export function describeRanges(ranges: readonly LineRange[]): string {
  if (ranges.length === 0) return "";
  const parts = ranges.map((r) => (r.startLine === r.endLine ? `${r.startLine}` : `${r.startLine}–${r.endLine}`));
  const single = ranges.length === 1 && ranges[0]!.startLine === ranges[0]!.endLine;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0]!;
  return `${single ? "Line" : "Lines"} ${list}`;
}

/**
 * Where to scroll so that lines [top, bottom) (pixels from the start of the file) are seen: null
 * when they already are; else centred when they fit, their start at the top when they do not.
 */
export function scrollToShow(scrollTop: number, viewHeight: number, top: number, bottom: number): number | null {
  if (top >= scrollTop && bottom <= scrollTop + viewHeight) return null;
  const target = bottom - top <= viewHeight ? (top + bottom - viewHeight) / 2 : top;
  return Math.max(0, Math.round(target));
}
