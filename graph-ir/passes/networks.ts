/**
 * Networks and training, checked against the analysed nodes: network inputs must be input
 * nodes, outputs must exist and be computable from the inputs, losses must name outputs of the
 * networks training binds. Also the per-network summaries (shapes, counts, error counts).
 */
import type { GraphDocument, NetworkDef } from "../core/document.js";
import { addInputFix, addOutputFix, dropFromNetworkFix } from "./fixes.js";
import type { GraphIndex } from "./graph-index.js";
import { diag, type NetworkSummary, type NodeAnalysis, type PassDiagnostic } from "./types.js";

/** Per entry of doc.networks: the node indices its outputs depend on, in topological order. */
export function networkMembers(doc: GraphDocument, g: GraphIndex): number[][] {
  return doc.networks.map((net) => {
    const seen = new Uint8Array(g.nodes.length);
    const stack: number[] = [];
    for (const id of net.outputs) {
      const i = g.index.get(id);
      if (i !== undefined && !seen[i]) { seen[i] = 1; stack.push(i); }
    }
    while (stack.length) {
      const v = stack.pop()!;
      for (const k of g.incoming[v]!) {
        const u = g.edgeFrom[k]!;
        if (u >= 0 && !seen[u]) { seen[u] = 1; stack.push(u); }
      }
    }
    const members: number[] = [];
    for (let p = 0; p < g.order.length; p++) if (seen[g.order[p]!]) members.push(g.order[p]!);
    return members;
  });
}

const isInputNode = (r: NodeAnalysis | undefined): boolean => r?.resolved?.type === "layer" && r.resolved.def.category === "input";

export function checkNetworks(
  doc: GraphDocument, g: GraphIndex, results: readonly NodeAnalysis[], members: readonly (readonly number[])[],
): { diagnostics: PassDiagnostic[]; summaries: Map<string, NetworkSummary> } {
  const diagnostics: PassDiagnostic[] = [];
  const summaries = new Map<string, NetworkSummary>();
  const at = (id: string): NodeAnalysis | undefined => {
    const i = g.index.get(id);
    return i === undefined ? undefined : results[i];
  };
  doc.networks.forEach((net, n) => {
    const own: PassDiagnostic[] = [];
    const where = `network '${net.id}'`;
    if (summaries.has(net.id)) {
      diagnostics.push(diag("network-duplicate-id", { network: net.id, message: `two networks share the id '${net.id}'; rename one` }));
      return;
    }
    const inputs = new Set(net.inputs);
    for (const id of net.inputs) {
      const r = at(id);
      if (!r) own.push(diag("network-unknown-node", { network: net.id, message: `${where} lists input '${id}', which is not a node of the graph`, fixes: [dropFromNetworkFix(net, id, "inputs")] }));
      else if (r.resolved && !isInputNode(r)) own.push(diag("network-bad-input", { network: net.id, nodeId: id, message: `${where} lists '${id}' (${r.resolved.title}) as an input, but only Input and Latent noise nodes can be network inputs`, fixes: [dropFromNetworkFix(net, id, "inputs")] }));
    }
    if (net.outputs.length === 0) own.push(diag("network-no-outputs", { network: net.id, message: `${where} has no outputs; add the node(s) whose results it returns` }));
    for (const id of net.outputs) {
      if (!at(id)) own.push(diag("network-unknown-node", { network: net.id, message: `${where} lists output '${id}', which is not a node of the graph`, fixes: [dropFromNetworkFix(net, id, "outputs")] }));
    }
    const nodeIds: string[] = [];
    let params = 0;
    let flops = 0;
    let errors = 0;
    for (const i of members[n]!) {
      const r = results[i]!;
      nodeIds.push(r.id);
      params += r.paramCount;
      flops += r.flops;
      for (const d of r.diagnostics) if (d.severity === "error") errors++;
      if (isInputNode(r) && !inputs.has(r.id)) {
        own.push(diag("network-missing-input", { network: net.id, nodeId: r.id, message: `${where}'s outputs depend on input '${r.id}', which is not among its inputs; add it`, fixes: [addInputFix(net, r.id)] }));
      }
    }
    for (const d of own) if (d.severity === "error") errors++;
    diagnostics.push(...own);
    summaries.set(net.id, {
      id: net.id,
      inputs: net.inputs.map((id) => {
        const r = at(id);
        const port = r?.ports.outputs[0];
        return { nodeId: id, shape: r && port !== undefined ? r.outputs[port] : undefined };
      }),
      outputs: net.outputs.flatMap((id) => {
        const r = at(id);
        return r ? r.ports.outputs.map((port) => ({ nodeId: id, port, shape: r.outputs[port] })) : [];
      }),
      nodeIds, params, flops, errors,
    });
  });
  return { diagnostics, summaries };
}

export function checkTraining(doc: GraphDocument, g: GraphIndex): PassDiagnostic[] {
  const t = doc.training;
  if (!t) return [];
  const out: PassDiagnostic[] = [];
  const bound: NetworkDef[] = [];
  for (const [role, id] of Object.entries(t.networks)) {
    const net = doc.networks.find((x) => x.id === id);
    if (net) bound.push(net);
    else out.push(diag("training-unknown-network", { network: id, message: `training binds ${role} to network '${id}', which does not exist` }));
  }
  t.losses.forEach((loss) => {
    if (bound.some((net) => net.outputs.includes(loss.output))) return;
    const exists = g.index.has(loss.output);
    out.push(diag("loss-unknown-output", {
      nodeId: exists ? loss.output : undefined,
      message: `the ${loss.loss} loss is on '${loss.output}', which is ${exists ? "not an output of" : "not a node of the graph, let alone an output of"} the network${bound.length === 1 ? ` '${bound[0]!.id}'` : "s"} training uses`,
      fixes: exists ? bound.map((net) => addOutputFix(net, loss.output)) : undefined,
    }));
  });
  return out;
}
