/**
 * Turns a layer's fix hints into document edits, and builds the wiring fixes the passes offer
 * themselves (remove a wire, add a node to a network's outputs).
 */
import type { Fix } from "../core/diagnostics.js";
import { newNodeId } from "../core/apply.js";
import type { GraphDocument, GraphEdge, NetworkDef } from "../core/document.js";
import { resolveParams } from "../core/params.js";
import type { FixHint } from "../layers/types.js";
import { guarded, isRecord, isStringList } from "./guard.js";
import type { KindEnv } from "./types.js";

/**
 * setParam becomes a setParam edit; insertBefore becomes one batch edit that adds the layer,
 * removes the wire feeding the port, and wires old source -> new layer -> this node.
 * Returns undefined when the hint cannot be applied (unknown layer, port not fed).
 */
export function fixFromHint(env: KindEnv, doc: GraphDocument, nodeId: string, hint: FixHint, feeder: GraphEdge | undefined): Fix | undefined {
  if (hint.action === "setParam") {
    return { label: hint.label, edits: [{ op: "setParam", id: nodeId, param: hint.param, value: hint.value }] };
  }
  if (!feeder || !Object.prototype.hasOwnProperty.call(env.layers, hint.layer)) return undefined;
  const def = env.layers[hint.layer]!;
  const params = hint.params ?? {};
  const ports = guarded(() => def.ports(resolveParams(def.params, params).values) as unknown);
  if (!ports.ok || !isRecord(ports.value) || !isStringList(ports.value.inputs) || !isStringList(ports.value.outputs)) return undefined;
  const input = ports.value.inputs[0];
  const output = ports.value.outputs[0];
  if (input === undefined || output === undefined) return undefined;
  // The same fresh-id rule as adding a node by hand ("flatten_1").
  const id = newNodeId(doc, hint.layer);
  return {
    label: hint.label,
    edits: [{
      op: "batch",
      label: hint.label,
      edits: [
        { op: "addNode", node: { id, kind: hint.layer, params } },
        { op: "disconnect", edge: feeder },
        { op: "connect", edge: { from: feeder.from, to: [id, input] } },
        { op: "connect", edge: { from: [id, output], to: feeder.to } },
      ],
    }],
  };
}

export function disconnectFix(label: string, edges: readonly GraphEdge[]): Fix {
  return { label, edits: edges.map((edge) => ({ op: "disconnect", edge }) as const) };
}

export function wireText(e: GraphEdge): string {
  return `${e.from[0]}.${e.from[1]} → ${e.to[0]}.${e.to[1]}`;
}

export function addOutputFix(network: NetworkDef, nodeId: string): Fix {
  return {
    label: `Make '${nodeId}' an output of network '${network.id}'`,
    edits: [{ op: "putNetwork", id: network.id, network: { ...network, outputs: [...network.outputs, nodeId] } }],
  };
}

export function addInputFix(network: NetworkDef, nodeId: string): Fix {
  return {
    label: `Add '${nodeId}' to the inputs of network '${network.id}'`,
    edits: [{ op: "putNetwork", id: network.id, network: { ...network, inputs: [...network.inputs, nodeId] } }],
  };
}

export function dropFromNetworkFix(network: NetworkDef, nodeId: string, list: "inputs" | "outputs"): Fix {
  return {
    label: `Remove '${nodeId}' from the ${list} of network '${network.id}'`,
    edits: [{ op: "putNetwork", id: network.id, network: { ...network, [list]: network[list].filter((id) => id !== nodeId) } }],
  };
}
