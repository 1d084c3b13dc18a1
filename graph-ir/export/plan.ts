/**
 * What every code export prints, taken from the compiled Keras topology (compileNetwork), so
 * exported code and the app's model are built from one description and cannot drift. The plan
 * adds what the topology does not carry but readable code wants: which graph node (and which
 * block instance) each Keras layer came from, its kind and label, and its output port names.
 */
import type { GraphDocument, NetworkDef } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import { analyze } from "../passes/analyze.js";
import { compileNetwork, type CompiledPort } from "../passes/compile.js";
import { expandNodes, type FlatNode } from "../passes/expand.js";
import type { KerasLayer, KerasModelTopology } from "../passes/keras-topology.js";
import { diag, type Analysis, type PassDiagnostic } from "../passes/types.js";

/** One Keras layer of a network, in topological order, with where it came from in the graph. */
export interface PlannedLayer {
  /** The layer exactly as compiled: name, class, snake_case config, inbound tensors. */
  readonly keras: KerasLayer;
  /** The flat node id ("inc3a/b1_1x1"); the top-level id outside blocks. */
  readonly flatId: string;
  /** The top-level node on the canvas this layer belongs to (the instance, inside a block). */
  readonly nodeId: string;
  /** The block instances it sits in, outermost first; empty for a top-level node. */
  readonly path: readonly string[];
  /** The layer kind (registry key) the node has. */
  readonly kind: string;
  readonly title: string;
  /** The node's label, for top-level nodes that have one. */
  readonly label?: string;
  /** Output port names in tensor order ("y", then "h", "c" for an LSTM returning its state). */
  readonly outputPorts: readonly string[];
  readonly outputShapes: readonly Shape[];
  /** The tensors it is called on, in input-port order: [layer name, tensor index]. */
  readonly inputs: readonly (readonly [string, number])[];
  readonly paramCount: number;
  /** The short line under the node title ("6@5x5 s1 valid tanh"), when the layer has one. */
  readonly describe?: string;
}

/** A block instance as readable code introduces it. */
export interface PlannedBlock {
  /** Instance path, outermost first (["stage2", "inc4a"]). */
  readonly path: readonly string[];
  readonly kind: string;
  readonly title: string;
  readonly label?: string;
  readonly paramCount: number;
}

export interface PlannedNetwork {
  readonly id: string;
  readonly def: NetworkDef;
  readonly topology: KerasModelTopology;
  readonly layers: readonly PlannedLayer[];
  readonly inputs: readonly CompiledPort[];
  readonly outputs: readonly CompiledPort[];
  readonly paramCount: number;
  /** Block instances by path joined with "/". */
  readonly blocks: ReadonlyMap<string, PlannedBlock>;
}

export interface ExportPlan {
  readonly doc: GraphDocument;
  readonly analysis: Analysis;
  readonly networks: readonly PlannedNetwork[];
}

export type PlanResult = { readonly ok: true; readonly plan: ExportPlan } | { readonly ok: false; readonly diagnostics: readonly PassDiagnostic[] };

/** Plans every network of the document; any network that does not compile stops the export. */
export function planExport(doc: GraphDocument, analysis?: Analysis): PlanResult {
  const a = analysis && analysis.doc === doc ? analysis : analyze(doc);
  if (doc.networks.length === 0) {
    return { ok: false, diagnostics: [diag("network-no-outputs", { message: "the document has no network to export; add a network that names its inputs and outputs" })] };
  }
  const networks: PlannedNetwork[] = [];
  const problems: PassDiagnostic[] = [];
  for (const def of doc.networks) {
    const r = planNetwork(a, def);
    if (r.ok) networks.push(r.network);
    else problems.push(...r.diagnostics);
  }
  return problems.length ? { ok: false, diagnostics: problems } : { ok: true, plan: { doc, analysis: a, networks } };
}

function planNetwork(a: Analysis, def: NetworkDef): { ok: true; network: PlannedNetwork } | { ok: false; diagnostics: readonly PassDiagnostic[] } {
  const compiled = compileNetwork(a.doc, def.id, a);
  if (!compiled.ok) return compiled;
  const summary = a.networks.get(def.id)!;
  // The same expansion compileNetwork made (same analysis, same node list), for kinds and ports.
  const expanded = expandNodes(a, [...summary.inputs.map((i) => i.nodeId), ...summary.nodeIds]);
  if (!expanded.ok) return expanded;
  const flatByName = new Map<string, FlatNode>();
  const byFlatId = new Map(expanded.expansion.nodes.map((f) => [f.node.id, f]));
  for (const [flatId, name] of compiled.layerNames) {
    const f = byFlatId.get(flatId);
    if (f) flatByName.set(name, f);
  }
  const topNodes = new Map(a.doc.nodes.map((n) => [n.id, n]));
  const blocks = new Map<string, PlannedBlock>();
  const layers: PlannedLayer[] = [];
  let paramCount = 0;
  for (const layer of compiled.topology.config.layers) {
    const f = flatByName.get(layer.name);
    if (!f) {
      return { ok: false, diagnostics: [diag("internal", { network: def.id, message: `layer '${layer.name}' of network '${def.id}' has no graph node; this is a bug in Layerloom, please report it` })] };
    }
    const nodeId = f.path[0] ?? f.node.id;
    const top = topNodes.get(nodeId);
    const resolved = f.analysis.resolved;
    const outputPorts = f.analysis.ports.outputs;
    const described = resolved?.type === "layer" ? safeDescribe(resolved.def.describe, f.analysis.params) : undefined;
    layers.push({
      keras: layer,
      flatId: f.node.id,
      nodeId,
      path: f.path,
      kind: f.node.kind,
      title: resolved?.title ?? f.node.kind,
      ...(f.path.length === 0 && top?.label !== undefined ? { label: top.label } : {}),
      outputPorts,
      outputShapes: outputPorts.map((p) => f.analysis.outputs[p]!),
      inputs: (layer.inbound_nodes[0] ?? []).map((t) => [t[0], t[2]] as const),
      paramCount: f.analysis.paramCount,
      ...(described ? { describe: described } : {}),
    });
    paramCount += f.analysis.paramCount;
    for (let depth = 1; depth <= f.path.length; depth++) {
      const path = f.path.slice(0, depth);
      const key = path.join("/");
      if (!blocks.has(key)) blocks.set(key, describeBlock(a, path));
    }
  }
  return {
    ok: true,
    network: { id: def.id, def, topology: compiled.topology, layers, inputs: compiled.inputs, outputs: compiled.outputs, paramCount, blocks },
  };
}

function safeDescribe(fn: ((p: never) => string) | undefined, params: unknown): string | undefined {
  if (!fn) return undefined;
  try {
    return (fn as (p: unknown) => string)(params) || undefined;
  } catch {
    return undefined;
  }
}

/** Kind, title, label and size of the instance at `path`, walking the analysed block bodies. */
function describeBlock(a: Analysis, path: readonly string[]): PlannedBlock {
  let node = a.nodes.get(path[0]!);
  for (const id of path.slice(1)) node = node?.body?.nodes.find((n) => n.id === id);
  const label = path.length === 1 ? a.doc.nodes.find((n) => n.id === path[0])?.label : undefined;
  return {
    path,
    kind: node?.kind ?? "block",
    title: node?.resolved?.title ?? node?.kind ?? "block",
    ...(label !== undefined ? { label } : {}),
    paramCount: node?.paramCount ?? 0,
  };
}
