/**
 * The documents the crash test writes: edit n is a valid graph whose name says n and whose size
 * varies from a few hundred bytes to tens of kilobytes, so a torn write could not pass for a
 * whole one.
 */
import { emptyDocument, type GraphDocument, type GraphNode } from "../../../../graph-ir/core/document.js";
import { serializeGraph } from "../../../../graph-ir/core/serialize.js";

export const WORKSPACE_FILE = "net.json";
export const BACKUP_KEY = WORKSPACE_FILE;

export function graphText(n: number): string {
  const count = (n % 5) * 120;
  const nodes: GraphNode[] = Array.from({ length: count }, (_, i) => ({ id: `d${i}`, kind: "Dense", params: { units: 1 + ((n + i) % 512) }, label: `layer ${i} of edit ${n}` }));
  const doc: GraphDocument = { ...emptyDocument(`edit ${n}`), nodes, layout: Object.fromEntries(nodes.map((node, i) => [node.id, [i * 10, n] as const])) };
  return serializeGraph(doc);
}

/** The edit a document text comes from, or null when it is not one of ours. */
export function editOf(text: string): number | null {
  const m = /"name": ?"edit (\d+)"/.exec(text);
  return m ? Number(m[1]) : null;
}
