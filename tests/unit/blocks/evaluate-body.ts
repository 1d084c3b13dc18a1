/**
 * Runs a block body through the registry's own shape rules, node by node, the way the analyzer
 * will after expanding an instance. Tests use it to check a body against the real layer
 * definitions: every kind exists, every param is valid, every merge lines up.
 */
import { BLOCK_IN, BLOCK_OUT } from "../../../graph-ir/core/document.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { Shape } from "../../../graph-ir/core/shape.js";
import type { BlockBody } from "../../../graph-ir/blocks/types.js";
import { layerDef } from "../../../graph-ir/layers/registry.js";

export interface BodyResult {
  /** Output shape per block output port. */
  readonly outputs: Readonly<Record<string, Shape>>;
  /** Output shape per inner node (its first output). */
  readonly nodeShapes: ReadonlyMap<string, Shape>;
  readonly paramCount: number;
  /** Param count per inner node. */
  readonly nodeParams: ReadonlyMap<string, number>;
}

const key = (node: string, port: string) => `${node}\u0000${port}`;

/** Throws, naming the node, when a kind is unknown, a param is invalid or a shape rule fails. */
export function evaluateBody(body: BlockBody, inputs: Readonly<Record<string, Shape>>): BodyResult {
  const produced = new Map<string, Shape>();
  for (const [port, shape] of Object.entries(inputs)) produced.set(key(BLOCK_IN, port), shape);
  const nodeShapes = new Map<string, Shape>();
  const nodeParams = new Map<string, number>();
  const pending = new Set(body.nodes.map((n) => n.id));
  let total = 0;
  while (pending.size > 0) {
    let progressed = false;
    for (const node of body.nodes) {
      if (!pending.has(node.id)) continue;
      const def = layerDef(node.kind);
      if (!def) throw new Error(`${node.id}: ${node.kind} is not a registered layer kind`);
      const { values, problems } = resolveParams(def.params, node.params);
      if (problems.length > 0) throw new Error(`${node.id} (${node.kind}): ${problems.map((q) => `${q.param} ${q.message}`).join("; ")}`);
      const ports = def.ports(values);
      const feeds = ports.inputs.map((port) => {
        const edge = body.edges.find((e) => e.to[0] === node.id && e.to[1] === port);
        if (!edge) throw new Error(`${node.id}: input port ${port} is not connected`);
        return produced.get(key(edge.from[0], edge.from[1]));
      });
      if (feeds.some((s) => s === undefined)) continue;
      const shapes = feeds as Shape[];
      const r = def.infer(shapes, values);
      if (!r.ok) throw new Error(`${node.id} (${node.kind}): ${r.issues.map((i) => i.message).join("; ")}`);
      ports.outputs.forEach((port, i) => produced.set(key(node.id, port), r.shapes[i]!));
      nodeShapes.set(node.id, r.shapes[0]!);
      const count = def.paramCount(shapes, values);
      nodeParams.set(node.id, count);
      total += count;
      pending.delete(node.id);
      progressed = true;
    }
    if (!progressed) throw new Error(`nodes never receive an input: ${[...pending].join(", ")}`);
  }
  const outputs: Record<string, Shape> = {};
  for (const e of body.edges) {
    if (e.to[0] !== BLOCK_OUT) continue;
    const s = produced.get(key(e.from[0], e.from[1]));
    if (!s) throw new Error(`block output ${e.to[1]} is fed from ${e.from.join(".")}, which produces nothing`);
    outputs[e.to[1]] = s;
  }
  return { outputs, nodeShapes, paramCount: total, nodeParams };
}
