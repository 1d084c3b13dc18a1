/**
 * Writes a document as graph file text that diffs well: a fixed key order (layout last), map
 * keys sorted, 2-space indentation, one param or edge per line, and short lists (ports, tuples,
 * positions) kept on one line. The result is plain JSON that parseGraphFile reads back equal.
 */
import type { BlockDef, GraphDocument, GraphEdge, GraphNode, TrainingSpec } from "./document.js";

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** Objects printed on one line (edges); set while building the ordered tree. */
const oneLine = new WeakSet<object>();

/** Copies `o` with keys in the order given, leaving out undefined values. */
function ordered(o: object, keys: readonly string[]): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v as Json;
  }
  return out;
}

function sortedMap<T>(rec: Readonly<Record<string, T>>, each: (v: T) => Json): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const k of Object.keys(rec).sort(byCodeUnit)) out[k] = each(rec[k]!);
  return out;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function node(n: GraphNode): Json {
  return { ...ordered(n, ["id", "kind", "label"]), params: sortedMap(n.params, (v) => v as Json) };
}

function edge(e: GraphEdge): Json {
  const out = { from: [...e.from], to: [...e.to] };
  oneLine.add(out);
  return out;
}

function block(b: BlockDef): Json {
  return {
    ...ordered(b, ["title", "summary", "inputs", "outputs"]),
    params: sortedMap(b.params, (p) => ({ default: p.default as Json, bind: p.bind as Json })),
    nodes: b.nodes.map(node),
    edges: b.edges.map(edge),
  };
}

function training(t: TrainingSpec): Json {
  return {
    ...ordered(t, ["recipe"]),
    networks: sortedMap(t.networks, (v) => v),
    dataset: t.dataset,
    losses: t.losses.map((l) => ordered(l, ["output", "loss", "weight"])),
    optimizer: ordered(t.optimizer, ["kind", "learningRate", "momentum", "beta1", "beta2", "weightDecay"]),
    ...ordered(t, ["batchSize", "epochs", "clipNorm", "metrics"]),
    ...(t.options ? { options: sortedMap(t.options, (v) => v) } : {}),
  };
}

const isPrimitive = (v: Json) => v === null || typeof v !== "object";

function print(v: Json, indent: string): string {
  if (isPrimitive(v)) return JSON.stringify(v);
  if (Array.isArray(v)) {
    const items = v as readonly Json[];
    if (items.length === 0) return "[]";
    if (items.every(isPrimitive) || items.every((x) => Array.isArray(x) && x.every(isPrimitive))) {
      return `[${items.map((x) => print(x, indent)).join(", ")}]`;
    }
    const inner = indent + "  ";
    return `[\n${items.map((x) => inner + print(x, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as { [k: string]: Json });
  if (entries.length === 0) return "{}";
  if (oneLine.has(v as object)) return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${print(x, indent)}`).join(", ")} }`;
  const inner = indent + "  ";
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${print(x, inner)}`).join(",\n")}\n${indent}}`;
}

/** The file text for a document. Same document, same text, whatever order edits were made in. */
export function serializeGraph(doc: GraphDocument): string {
  const tree: Json = {
    ...ordered(doc, ["format", "version", "name", "description"]),
    blocks: sortedMap(doc.blocks, block),
    nodes: doc.nodes.map(node),
    edges: doc.edges.map(edge),
    networks: doc.networks.map((n) => ordered(n, ["id", "inputs", "outputs"])),
    ...(doc.training ? { training: training(doc.training) } : {}),
    layout: sortedMap(doc.layout, (p) => [...p]),
  };
  return print(tree, "") + "\n";
}
