/**
 * compileNetwork: one network of a document as a Keras functional-model topology (plain JSON)
 * that tf.models.modelFromJSON loads. Blocks are expanded first; each layer node becomes one
 * Keras layer named after its id, called once, with its inputs in port order and its outputs as
 * tensor indices in port order.
 */
import type { GraphDocument, PortRef } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import { analyze } from "./analyze.js";
import { expandNodes, type FlatNode } from "./expand.js";
import { guarded, isRecord } from "./guard.js";
import { KERAS_BACKEND, KERAS_VERSION, type KerasInboundTensor, type KerasLayer, type KerasModelTopology, type KerasTensorRef } from "./keras-topology.js";
import { diag, type Analysis, type PassDiagnostic } from "./types.js";

/** A network input or output as compiled: where it is in the graph and in the Keras model. */
export interface CompiledPort {
  readonly nodeId: string;
  readonly port: string;
  /** The Keras layer and output index carrying it. */
  readonly layer: string;
  readonly tensorIndex: number;
  readonly shape: Shape;
}

export type CompileResult =
  | {
      readonly ok: true;
      readonly topology: KerasModelTopology;
      readonly inputs: readonly CompiledPort[];
      readonly outputs: readonly CompiledPort[];
      /** Keras layer name by flat node id ("inc3a/b1_1x1" -> "inc3a__b1_1x1"). */
      readonly layerNames: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly diagnostics: readonly PassDiagnostic[] };

/** Names tfjs accepts for layers: a letter or digit, then letters, digits and - . _ / (we avoid "/", which Keras uses for scopes). */
export function kerasName(id: string): string {
  const s = id.replace(/\//g, "__").replace(/[^A-Za-z0-9._-]/g, "_");
  return /^[A-Za-z0-9]/.test(s) ? s : `n${s}`;
}

const TRAINING_CODES: ReadonlySet<string> = new Set(["loss-unknown-output", "training-unknown-network"]);

export function compileNetwork(doc: GraphDocument, networkId: string, analysis?: Analysis): CompileResult {
  const a = analysis && analysis.doc === doc ? analysis : analyze(doc);
  const net = a.networks.get(networkId);
  if (!net) {
    const known = [...a.networks.keys()];
    return { ok: false, diagnostics: [diag("unknown-network", { network: networkId, message: `there is no network '${networkId}'${known.length ? ` (networks: ${known.join(", ")})` : "; add one that names its inputs and outputs"}` })] };
  }
  const members = new Set(net.nodeIds);
  // Problems of this network and of its nodes; training's problems do not stop the model from building.
  const errors = a.diagnostics.filter((d) => d.severity === "error" && !TRAINING_CODES.has(d.code)
    && (d.network === networkId || (d.network === undefined && d.nodeId !== undefined && members.has(d.nodeId))));
  if (errors.length) return { ok: false, diagnostics: errors };

  const expanded = expandNodes(a, [...net.inputs.map((i) => i.nodeId), ...net.nodeIds]);
  if (!expanded.ok) return expanded;
  const { nodes, edges, source } = expanded.expansion;
  const byId = new Map<string, FlatNode>(nodes.map((f) => [f.node.id, f]));

  const outputRefs = net.outputs.map((o) => ({ o, ref: source([o.nodeId, o.port]) }));
  const keep = reachedFrom(outputRefs.flatMap((x) => (x.ref ? [x.ref[0]] : [])), edges);
  for (const i of net.inputs) keep.add(i.nodeId);

  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of nodes) {
    if (!keep.has(f.node.id)) continue;
    let name = kerasName(f.node.id);
    for (let n = 2; taken.has(name); n++) name = `${kerasName(f.node.id)}_${n}`;
    taken.add(name);
    names.set(f.node.id, name);
  }
  const tensor = (ref: PortRef): KerasTensorRef | undefined => {
    const f = byId.get(ref[0]);
    const name = names.get(ref[0]);
    const index = f ? f.analysis.ports.outputs.indexOf(ref[1]) : -1;
    return f && name !== undefined && index >= 0 ? [name, 0, index] : undefined;
  };

  const feeders = new Map<string, PortRef>();
  for (const e of edges) feeders.set(`${e.to[0]}\u0000${e.to[1]}`, e.from);
  const layers: KerasLayer[] = [];
  const problems: PassDiagnostic[] = [];
  for (const f of nodes) {
    const name = names.get(f.node.id);
    if (name === undefined) continue;
    const def = f.analysis.resolved?.type === "layer" ? f.analysis.resolved.def : undefined;
    const inputShapes = f.analysis.ports.inputs.map((p) => f.analysis.inputs[p]!);
    const spec = def ? guarded(() => def.toKeras(f.analysis.params, inputShapes) as unknown) : undefined;
    if (!spec || !spec.ok || !isRecord(spec.value) || typeof spec.value.className !== "string" || !isRecord(spec.value.config)) {
      problems.push(diag("internal", { nodeId: f.path[0] ?? f.node.id, message: `'${f.node.id}' could not be compiled: its layer's Keras rule failed${spec && !spec.ok ? ` (${spec.error})` : ""}. This is a bug in Layerloom; please report it` }));
      continue;
    }
    const inbound: KerasInboundTensor[] = [];
    for (const port of f.analysis.ports.inputs) {
      const from = feeders.get(`${f.node.id}\u0000${port}`);
      const t = from && tensor(from);
      if (t) inbound.push([t[0], t[1], t[2], {}]);
    }
    layers.push({
      name,
      class_name: spec.value.className,
      config: { ...spec.value.config, name },
      inbound_nodes: inbound.length ? [inbound] : [],
    });
  }
  if (problems.length) return { ok: false, diagnostics: problems };

  const inputs: CompiledPort[] = net.inputs.map((i) => ({ nodeId: i.nodeId, port: a.nodes.get(i.nodeId)!.ports.outputs[0]!, layer: names.get(i.nodeId)!, tensorIndex: 0, shape: i.shape! }));
  const outputs: CompiledPort[] = outputRefs.map(({ o, ref }) => {
    const t = tensor(ref!)!;
    return { nodeId: o.nodeId, port: o.port, layer: t[0], tensorIndex: t[2], shape: o.shape! };
  });
  const topology: KerasModelTopology = {
    class_name: "Model",
    config: {
      name: kerasName(networkId),
      layers,
      input_layers: inputs.map((i) => [i.layer, 0, 0] as const),
      output_layers: outputs.map((o) => [o.layer, 0, o.tensorIndex] as const),
    },
    keras_version: KERAS_VERSION,
    backend: KERAS_BACKEND,
  };
  return { ok: true, topology, inputs, outputs, layerNames: names };
}

/** Flat node ids the given nodes depend on (themselves included). */
function reachedFrom(starts: readonly string[], edges: readonly { from: PortRef; to: PortRef }[]): Set<string> {
  const into = new Map<string, string[]>();
  for (const e of edges) {
    const list = into.get(e.to[0]);
    if (list) list.push(e.from[0]);
    else into.set(e.to[0], [e.from[0]]);
  }
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length) {
    for (const u of into.get(stack.pop()!) ?? []) if (!seen.has(u)) { seen.add(u); stack.push(u); }
  }
  return seen;
}
