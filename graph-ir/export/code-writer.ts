/** Writing an exported source file line by line, remembering which lines belong to which graph node. */

/** Lines of the file that belong to one graph node (1-based, inclusive). */
export interface CodeSpan {
  /** The top-level node on the canvas (a block instance for its inner layers). */
  readonly nodeId: string;
  readonly network: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** Collects lines and the node spans they belong to; TypeScript and Python export share it. */
export class CodeWriter {
  readonly lines: string[] = [];
  readonly spans: CodeSpan[] = [];

  push(...lines: string[]): void {
    for (const l of lines) this.lines.push(...l.split("\n"));
  }

  /** Lines written by `fn` count as the node's; consecutive lines of one node make one span. */
  forNode(nodeId: string, network: string, fn: () => void): void {
    const start = this.lines.length + 1;
    fn();
    const end = this.lines.length;
    if (end < start) return;
    const last = this.spans[this.spans.length - 1];
    if (last && last.nodeId === nodeId && last.network === network && last.endLine === start - 1) {
      this.spans[this.spans.length - 1] = { ...last, endLine: end };
    } else {
      this.spans.push({ nodeId, network, startLine: start, endLine: end });
    }
  }
}
