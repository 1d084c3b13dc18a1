/**
 * Graph document -> tf.LayersModel: compileNetwork's Keras topology loaded by tfjs's own
 * modelFromJSON (the path an exported model takes too), with seeded weights, for one network or
 * for every network of a document.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import { compileNetwork, type CompiledPort } from "../../graph-ir/passes/compile.js";
import type { KerasModelTopology } from "../../graph-ir/passes/keras-topology.js";
import type { Analysis, PassDiagnostic } from "../../graph-ir/passes/types.js";
import * as tf from "../tf.js";
import "../layers/index.js";
import { describeNode, nodeRefs, type NodeRef } from "./node-ref.js";
import { withSeededInit } from "./seeded-init.js";

export interface MaterializedNetwork {
  readonly id: string;
  readonly model: tf.LayersModel;
  readonly topology: KerasModelTopology;
  /** Model inputs and outputs in order, with the graph node and port each stands for. */
  readonly inputs: readonly CompiledPort[];
  readonly outputs: readonly CompiledPort[];
  /** Keras layer names in topological order. */
  readonly layerOrder: readonly string[];
  /** The graph node a Keras layer came from. */
  nodeOf(layerName: string): NodeRef | undefined;
}

export class MaterializeError extends Error {
  override readonly name = "MaterializeError";
  constructor(message: string, readonly network: string, readonly diagnostics: readonly PassDiagnostic[] = []) {
    super(message);
  }
}

export interface MaterializeOptions {
  /** Fixes every initial weight (default 0). */
  readonly seed?: number;
  /** An analysis of this document, to save recomputing it. */
  readonly analysis?: Analysis;
}

function diagnosticLine(d: PassDiagnostic): string {
  const where = d.nodeId ? `'${d.nodeId}'${d.inner?.length ? ` › ${d.inner.join(" › ")}` : ""}: ` : "";
  return `${where}${d.message}`;
}

export async function materializeNetwork(doc: GraphDocument, networkId: string, options: MaterializeOptions = {}): Promise<MaterializedNetwork> {
  const compiled = compileNetwork(doc, networkId, options.analysis);
  if (!compiled.ok) {
    const lines = compiled.diagnostics.slice(0, 8).map((d) => `  - ${diagnosticLine(d)}`);
    const more = compiled.diagnostics.length > 8 ? `\n  (and ${compiled.diagnostics.length - 8} more)` : "";
    throw new MaterializeError(`Network '${networkId}' cannot be built until these problems are fixed:\n${lines.join("\n")}${more}`, networkId, compiled.diagnostics);
  }
  const { topology } = compiled;
  const classes = new Map(topology.config.layers.map((l) => [l.name, l.class_name]));
  const refs = nodeRefs(doc, compiled.layerNames, (layer) => classes.get(layer) ?? "layer");
  // modelFromJSON builds every layer (and so runs every initialiser) before its first await;
  // only weight loading, which has nothing to load here, is asynchronous. The promise is boxed
  // so the seeded section sees a plain value.
  const artifacts = { modelTopology: topology } as unknown as tf.io.ModelJSON;
  let model: tf.LayersModel;
  try {
    const built = withSeededInit(options.seed ?? 0, () => ({ promise: tf.models.modelFromJSON(artifacts) }));
    model = await built.promise;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const culprit = [...refs.entries()].find(([layer]) => message.includes(`"${layer}"`) || message.includes(`'${layer}'`));
    const where = culprit ? ` at node ${describeNode(culprit[1])}` : "";
    throw new MaterializeError(`Network '${networkId}' could not be built${where}: ${message}`, networkId);
  }
  return {
    id: networkId,
    model,
    topology,
    inputs: compiled.inputs,
    outputs: compiled.outputs,
    layerOrder: topology.config.layers.map((l) => l.name),
    nodeOf: (layer) => refs.get(layer),
  };
}

/** Every network of the document, each seeded from the same run seed, by network id. */
export async function materializeDocument(doc: GraphDocument, options: MaterializeOptions = {}): Promise<Map<string, MaterializedNetwork>> {
  const analysis = options.analysis && options.analysis.doc === doc ? options.analysis : analyze(doc);
  const out = new Map<string, MaterializedNetwork>();
  try {
    for (const net of doc.networks) out.set(net.id, await materializeNetwork(doc, net.id, { ...options, analysis }));
  } catch (e) {
    for (const m of out.values()) m.model.dispose();
    throw e;
  }
  return out;
}
