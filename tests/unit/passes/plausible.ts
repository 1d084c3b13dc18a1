/**
 * Random but plausible documents: layers from the registry (and standard blocks) wired port to
 * port from earlier nodes, params mostly in range and small, inputs of random rank. Unlike fully
 * random documents, many of these infer shapes, so the layer rules, counts and compiler run for
 * real; a few out-of-range params and stray wires keep the error paths busy too.
 */
import type { GraphDocument, GraphEdge, GraphNode, ParamValue } from "../../../graph-ir/core/document.js";
import { resolveParams, type ParamSpec } from "../../../graph-ir/core/params.js";
import { LAYERS } from "../../../graph-ir/layers/registry.js";
import { STANDARD_BLOCKS } from "../../../graph-ir/blocks/library.js";
import { rng } from "../../support/generate.js";

const KINDS = [...Object.keys(LAYERS).filter((k) => LAYERS[k as keyof typeof LAYERS].category !== "input"), ...Object.keys(STANDARD_BLOCKS)];

function valueFor(spec: ParamSpec, rand: () => number, wild: boolean): ParamValue {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  if (wild) return spec.type === "intTuple" ? [0, -1] : spec.type === "enum" ? "bogus" : spec.type === "bool" ? 3 : 1e12;
  switch (spec.type) {
    case "int": {
      const lo = spec.min ?? 0, hi = Math.min(spec.max ?? 8, lo + 7);
      return int(lo, hi);
    }
    case "float": return Math.max(spec.min ?? 0, Math.min(spec.max ?? 1, Math.round(rand() * 90) / 100));
    case "bool": return rand() < 0.5;
    case "enum": return spec.options[int(0, spec.options.length - 1)]!;
    case "intTuple": {
      const n = int(spec.minLength, spec.maxLength);
      const lo = spec.min ?? 1;
      return Array.from({ length: n }, () => (spec.nullable && rand() < 0.2 ? null : int(lo, lo + 2)));
    }
  }
}

export function plausibleDocument(seed: number): GraphDocument {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const outputsOf: string[][] = [];
  const inputs: string[] = [];
  const nInputs = 1 + Math.floor(rand() * 2);
  for (let k = 0; k < nInputs; k++) {
    const id = `in${k}`;
    const rank = 1 + Math.floor(rand() * 3);
    const shape = Array.from({ length: rank }, () => (rand() < 0.1 && rank > 1 ? null : 1 + Math.floor(rand() * 9)));
    nodes.push({ id, kind: "Input", params: { shape } });
    outputsOf.push(["y"]);
    inputs.push(id);
  }
  const count = 1 + Math.floor(rand() * 9);
  for (let k = 0; k < count; k++) {
    const kind = pick(KINDS);
    const specs = kind in LAYERS ? LAYERS[kind as keyof typeof LAYERS].params : STANDARD_BLOCKS[kind as keyof typeof STANDARD_BLOCKS].params;
    const params: Record<string, ParamValue> = {};
    for (const [name, spec] of Object.entries(specs)) {
      if (rand() < 0.5) params[name] = valueFor(spec as ParamSpec, rand, rand() < 0.04);
    }
    const id = `n${k}`;
    let ports = { inputs: ["x"] as readonly string[], outputs: ["y"] as readonly string[] };
    if (kind in LAYERS) {
      const def = LAYERS[kind as keyof typeof LAYERS];
      ports = def.ports(resolveParams(def.params, params).values as never);
    }
    nodes.push({ id, kind, params });
    for (const port of ports.inputs) {
      if (rand() < 0.03) continue; // leave a port unfed now and then
      // Mostly from the latest nodes, so chains grow deep; sometimes from anywhere earlier.
      const earlier = nodes.length - 1;
      const src = rand() < 0.7 ? Math.max(0, earlier - 1 - Math.floor(rand() * 2)) : Math.floor(rand() * earlier);
      edges.push({ from: [nodes[src]!.id, pick(outputsOf[src]!)], to: [id, port] });
    }
    outputsOf.push([...ports.outputs]);
  }
  if (rand() < 0.1) edges.push({ from: ["ghost", "y"], to: [pick(nodes).id, "x"] });
  const last = nodes[nodes.length - 1]!.id;
  const extra = pick(nodes).id;
  return {
    format: "layerloom-graph", version: 1, name: `plausible ${seed}`, blocks: {}, nodes, edges, layout: {},
    networks: [{ id: "net", inputs, outputs: [...new Set([last, extra])] }],
  };
}
