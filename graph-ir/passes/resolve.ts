/**
 * What a node is: its kind resolved to a layer definition (registry), a block defined in the
 * document, or a standard block, in that order; its params with defaults filled in and checked;
 * and its ports (from the layer's ports(params), or the block's inputs and outputs).
 */
import type { Fix } from "../core/diagnostics.js";
import type { BlockDef, GraphDocument, GraphNode, ParamValue, Params } from "../core/document.js";
import { resolveParams } from "../core/params.js";
import { LAYERS } from "../layers/registry.js";
import type { Ports } from "../layers/types.js";
import { STANDARD_BLOCKS } from "../blocks/library.js";
import { guarded, isRecord, isStringList } from "./guard.js";
import { closestName, nodeName, showValue } from "./text.js";
import { diag, type AnalyzeOptions, type KindEnv, type PassDiagnostic, type Resolved } from "./types.js";

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

export function kindEnv(doc: GraphDocument, options?: AnalyzeOptions): KindEnv {
  return { layers: options?.layers ?? LAYERS, docBlocks: doc.blocks, standardBlocks: options?.standardBlocks ?? STANDARD_BLOCKS };
}

export function resolveKind(env: KindEnv, kind: string): Resolved | undefined {
  if (own(env.layers, kind)) {
    const def = env.layers[kind]!;
    return { type: "layer", kind, title: def.title, def };
  }
  if (own(env.docBlocks, kind)) {
    const block = env.docBlocks[kind]!;
    return { type: "block", kind, title: block.title ?? kind, block };
  }
  if (own(env.standardBlocks, kind)) {
    const block = env.standardBlocks[kind]!;
    return { type: "standard", kind, title: block.title, block };
  }
  return undefined;
}

export function allKinds(env: KindEnv): string[] {
  return [...Object.keys(env.layers), ...Object.keys(env.docBlocks), ...Object.keys(env.standardBlocks)];
}

export interface ResolvedNode {
  readonly resolved: Resolved | undefined;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly ports: Ports;
  /** False when the kind is unknown or its ports rule failed: wires into it cannot be checked. */
  readonly portsKnown: boolean;
  readonly diagnostics: readonly PassDiagnostic[];
}

const NO_PORTS: Ports = { inputs: [], outputs: [] };
const NO_PARAMS: Readonly<Record<string, ParamValue>> = Object.freeze({});

/**
 * Resolutions by node object. Nodes are immutable, so an unchanged node keeps its resolution
 * across analyses (a full re-analysis after a structural edit re-resolves only new nodes).
 */
const memo = new WeakMap<GraphNode, { readonly env: KindEnv; readonly result: ResolvedNode }>();

const sameEnv = (a: KindEnv, b: KindEnv): boolean => a === b || (a.layers === b.layers && a.docBlocks === b.docBlocks && a.standardBlocks === b.standardBlocks);

export function resolveNode(env: KindEnv, node: GraphNode): ResolvedNode {
  const hit = memo.get(node);
  if (hit && sameEnv(hit.env, env)) return hit.result;
  const result = resolveFresh(env, node);
  memo.set(node, { env, result });
  return result;
}

function resolveFresh(env: KindEnv, node: GraphNode): ResolvedNode {
  const resolved = resolveKind(env, node.kind);
  if (!resolved) {
    const guess = closestName(node.kind, allKinds(env));
    return {
      resolved, params: NO_PARAMS, ports: NO_PORTS, portsKnown: false,
      diagnostics: [diag("unknown-kind", {
        nodeId: node.id,
        message: `'${node.id}' has kind '${node.kind}', which is not a layer or a block${guess ? `; did you mean ${guess}?` : "; pick a kind from the palette"}`,
      })],
    };
  }
  const name = nodeName(resolved.title, node.id);
  const diagnostics: PassDiagnostic[] = [];
  if (resolved.type === "block") {
    const params = blockParams(resolved.block, node, name, diagnostics);
    return { resolved, params, ports: { inputs: resolved.block.inputs, outputs: resolved.block.outputs }, portsKnown: true, diagnostics };
  }
  const specs = resolved.type === "layer" ? resolved.def.params : resolved.block.params;
  const { values, problems } = resolveParams(specs, node.params);
  for (const pr of problems) {
    if (own(specs, pr.param)) {
      const spec = specs[pr.param]!;
      diagnostics.push(diag("bad-param", {
        nodeId: node.id, param: pr.param,
        message: `${name}: ${pr.param} ${pr.message} (it is ${showValue(node.params[pr.param])}); the default ${showValue(spec.default)} stands in until it is fixed`,
        fixes: [{ label: `Reset ${pr.param} to ${showValue(spec.default)}`, edits: [{ op: "setParam", id: node.id, param: pr.param, value: undefined }] }],
      }));
    } else {
      diagnostics.push(unknownParam(name, node, pr.param, Object.keys(specs)));
    }
  }
  if (resolved.type === "standard") {
    return { resolved, params: values, ports: { inputs: resolved.block.inputs, outputs: resolved.block.outputs }, portsKnown: true, diagnostics };
  }
  const ports = guarded(() => resolved.def.ports(values) as unknown);
  if (!ports.ok || !isRecord(ports.value) || !isStringList(ports.value.inputs) || !isStringList(ports.value.outputs)) {
    diagnostics.push(diag("internal", {
      nodeId: node.id,
      message: `${name}: the layer's ports rule failed${ports.ok ? " (it returned no port lists)" : ` (${ports.error})`}. This is a bug in Layerloom; please report it`,
    }));
    return { resolved, params: values, ports: NO_PORTS, portsKnown: false, diagnostics };
  }
  return { resolved, params: values, ports: { inputs: ports.value.inputs, outputs: ports.value.outputs }, portsKnown: true, diagnostics };
}

/** A document block's params: the instance's stored values over the block's defaults. */
function blockParams(block: BlockDef, node: GraphNode, name: string, out: PassDiagnostic[]): Readonly<Record<string, ParamValue>> {
  const values: Record<string, ParamValue> = Object.create(null) as Record<string, ParamValue>;
  for (const [p, bp] of Object.entries(block.params)) values[p] = own(node.params, p) ? node.params[p]! : bp.default;
  for (const p of Object.keys(node.params)) {
    if (!own(block.params, p)) out.push(unknownParam(name, node, p, Object.keys(block.params)));
  }
  return values;
}

function unknownParam(name: string, node: GraphNode, param: string, known: readonly string[]): PassDiagnostic {
  const guess = closestName(param, known);
  const remove = { op: "setParam", id: node.id, param, value: undefined } as const;
  const fixes: Fix[] = [{ label: `Remove '${param}'`, edits: [remove] }];
  if (guess !== undefined && !own(node.params, guess)) {
    fixes.unshift({ label: `Rename to '${guess}'`, edits: [remove, { op: "setParam", id: node.id, param: guess, value: node.params[param] }] });
  }
  return diag("unknown-param", {
    nodeId: node.id, param,
    message: `${name} has no param '${param}'${guess ? `; did you mean '${guess}'?` : ""}`,
    fixes,
  });
}

/** Stored params as a plain record (used when building bodies and flat graphs). */
export function withParam(params: Params, name: string, value: ParamValue): Params {
  const out: Record<string, ParamValue> = Object.create(null) as Record<string, ParamValue>;
  for (const k of Object.keys(params)) out[k] = params[k]!;
  out[name] = value;
  return out;
}
