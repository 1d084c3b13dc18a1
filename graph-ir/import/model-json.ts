/**
 * Import: a tfjs or Keras model.json in the Layers format (tfjs's saved model.json, Keras's
 * model.to_json() from Keras 2 or 3, functional or Sequential) becomes an editable graph with an
 * automatic layout. Layers Layerloom has no kind for are reported by name and left out; the rest
 * still imports, with the wires from a missing layer left open for the person to reconnect.
 *
 * Like parseGraphFile, it never throws and never runs anything from the file; the cheap checks
 * (size, nesting depth on the raw text, unsafe keys) come before anything reads the data.
 */
import type { GraphDocument, GraphEdge, GraphNode, NetworkDef } from "../core/document.js";
import { CURRENT_VERSION, FORMAT } from "../core/document.js";
import { excessiveNesting, parseGraphFile } from "../core/load.js";
import { resolveParams } from "../core/params.js";
import { LIMITS, findUnsafeKey, formatPath, isSafeId } from "../core/schema.js";
import { serializeGraph } from "../core/serialize.js";
import { layerDef } from "../layers/registry.js";
import { analyze } from "../passes/analyze.js";
import { mapLayer } from "./layer-map.js";
import { layeredLayout, type LayoutFn } from "./layout.js";
import { Cfg, isObject, type Json, type JsonObject } from "./read-config.js";
import type { ImportError, ImportErrorCode, ImportIssue, ImportResult } from "./types.js";
import { checkWeights, readManifest } from "./weights.js";

export interface ImportOptions {
  /** The document's name; the model's own name (or "Imported model") otherwise. */
  readonly name?: string;
  /** Positions for the imported nodes; a layered layout by default. */
  readonly layout?: LayoutFn;
}

/** Nesting a model.json may have; Keras topologies stay far below it. */
export const IMPORT_DEPTH = 64;

type Ref = readonly [layer: string, node: number, tensor: number];

interface Entry {
  readonly name: string;
  readonly className: string;
  readonly config: Cfg;
  /** The tensors of each call of the layer, in order. */
  readonly calls: readonly (readonly Ref[])[];
}

class Refused extends Error {
  constructor(readonly code: ImportErrorCode, message: string, readonly path?: string) {
    super(message);
  }
}

const fail = (code: ImportErrorCode, message: string, path?: string): never => { throw new Refused(code, message, path); };

export function importModelJson(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importText(text, options);
  } catch (e) {
    if (e instanceof Refused) {
      const error: ImportError = e.path === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, path: e.path };
      return { ok: false, error };
    }
    return { ok: false, error: { code: "invalid", message: `This model.json could not be imported because of an internal error (${e instanceof Error ? e.message : String(e)}). Please report it with the file attached.` } };
  }
}

function parse(text: string): JsonObject {
  if (typeof text !== "string") fail("not-json", "Expected the text of a model.json file.");
  if (text.length > LIMITS.fileChars) fail("too-large", `This file is ${(text.length / 2 ** 20).toFixed(1)} MB; a model.json (the weights live in separate .bin files) is at most ${LIMITS.fileChars / 2 ** 20} MB.`);
  const deep = excessiveNesting(text, IMPORT_DEPTH);
  if (deep >= 0) fail("too-deep", `Lists and objects nest more than ${IMPORT_DEPTH} levels deep (at character ${deep}); Keras and tfjs models never do. This is not a model.json, or it is damaged.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail("not-json", `This file is not valid JSON: ${(e instanceof Error ? e.message : String(e)).slice(0, 160)}.`);
  }
  const unsafe = findUnsafeKey(data);
  if (unsafe) fail("unsafe-key", `${formatPath(unsafe)}: the key "${String(unsafe[unsafe.length - 1])}" is not allowed (it can be used to attack programs that read the file).`, formatPath(unsafe));
  if (!isObject(data)) fail("not-a-model", "This JSON file holds no model: expected an object with a modelTopology (tfjs) or a class_name and config (Keras's model.to_json()).");
  return data as JsonObject;
}

/** The Keras model object inside the file: { class_name, config }. */
function locateModel(root: JsonObject): { className: string; config: Json; path: string } {
  if (root["format"] === "graph-model" || (isObject(root["modelTopology"]) && Array.isArray(root["modelTopology"]["node"]))) {
    fail("unsupported-model", "This is a tfjs graph model (a frozen TensorFlow graph of operations), not a Layers model; Layerloom imports Layers models. Convert the Keras model with tensorflowjs_converter --output_format tfjs_layers_model, or save it with model.to_json().");
  }
  let topo: Json | undefined = root["modelTopology"] ?? root;
  let path = root["modelTopology"] !== undefined ? "modelTopology" : "";
  if (isObject(topo) && isObject(topo["model_config"])) {
    topo = topo["model_config"];
    path = `${path}.model_config`;
  }
  if (!isObject(topo) || typeof topo["class_name"] !== "string") {
    return fail("not-a-model", "This JSON file holds no Keras model: expected a modelTopology (tfjs model.json) or class_name and config (Keras's model.to_json()).");
  }
  return { className: topo["class_name"], config: topo["config"] ?? null, path };
}

/** Tensor references of one Keras 3 call ({ args, kwargs } with __keras_tensor__ objects), in order. */
function keras3Refs(call: JsonObject): Ref[] {
  const refs: Ref[] = [];
  const walk = (v: Json | undefined): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!isObject(v)) return;
    const cfg = v["config"];
    if (v["class_name"] === "__keras_tensor__" && isObject(cfg) && Array.isArray(cfg["keras_history"])) {
      const [l, n, t] = cfg["keras_history"];
      if (typeof l === "string" && typeof n === "number" && typeof t === "number") refs.push([l, n, t]);
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk(call["args"]);
  walk(call["kwargs"]);
  return refs;
}

function readCalls(entry: JsonObject, where: string): Ref[][] {
  const inbound = entry["inbound_nodes"];
  if (inbound === undefined || inbound === null) return [];
  if (!Array.isArray(inbound)) return fail("invalid", `${where}.inbound_nodes is not a list`, `${where}.inbound_nodes`);
  return inbound.map((call, k) => {
    if (isObject(call)) return keras3Refs(call);
    if (!Array.isArray(call)) return fail("invalid", `${where}.inbound_nodes[${k}] is not a list of input tensors`, `${where}.inbound_nodes[${k}]`);
    return call.map((t, i): Ref => {
      if (Array.isArray(t) && typeof t[0] === "string" && typeof t[1] === "number" && typeof t[2] === "number") return [t[0], t[1], t[2]];
      return fail("invalid", `${where}.inbound_nodes[${k}][${i}] is not a [layer, node, tensor] reference`, `${where}.inbound_nodes[${k}][${i}]`);
    });
  });
}

function readEntries(list: readonly Json[], path: string): Entry[] {
  if (list.length > LIMITS.nodes) fail("too-many-layers", `The model has ${list.length} layers; a graph holds at most ${LIMITS.nodes}.`);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const where = `${path}.layers[${i}]`;
    if (!isObject(raw)) return fail("invalid", `${where} is not a layer object`, where);
    const className = raw["class_name"] ?? raw["className"];
    const config = isObject(raw["config"]) ? raw["config"] : {};
    const name = typeof raw["name"] === "string" ? raw["name"] : typeof config["name"] === "string" ? config["name"] : `layer_${i}`;
    if (typeof className !== "string") return fail("invalid", `${where} has no class_name`, where);
    if (seen.has(name)) fail("invalid", `two layers are named '${name.slice(0, 80)}'; Keras layer names are unique`, where);
    seen.add(name);
    return { name, className, config: new Cfg(config), calls: readCalls(raw, where) };
  });
}

/** Refs like [["in", 0, 0], ...], or a single ["in", 0, 0] (Keras 3 writes one input that way). */
function readEnds(v: Json | undefined, what: string): Ref[] {
  if (!Array.isArray(v)) return [];
  const list = typeof v[0] === "string" ? [v] : v;
  return list.flatMap((r, i): Ref[] => {
    if (Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "number" && typeof r[2] === "number") return [[r[0], r[1], r[2]]];
    return fail("invalid", `${what}[${i}] is not a [layer, node, tensor] reference`, what);
  });
}

interface Topology {
  readonly name: string | undefined;
  readonly entries: readonly Entry[];
  readonly inputs: readonly Ref[];
  readonly outputs: readonly Ref[];
}

function functional(config: Json, path: string): Topology {
  if (!isObject(config) || !Array.isArray(config["layers"])) return fail("invalid", `${path}.config.layers is not a list of layers`, `${path}.config.layers`);
  const entries = readEntries(config["layers"], `${path}.config`);
  return {
    name: typeof config["name"] === "string" ? config["name"] : undefined,
    entries,
    inputs: readEnds(config["input_layers"], "input_layers"),
    outputs: readEnds(config["output_layers"], "output_layers"),
  };
}

/** A Sequential model as a chain: an InputLayer first (made from the first layer's input shape when absent). */
function sequential(config: Json, path: string): Topology {
  const list = Array.isArray(config) ? config : isObject(config) && Array.isArray(config["layers"]) ? config["layers"] : undefined;
  if (!list) return fail("invalid", `${path}.config has no list of layers`, `${path}.config`);
  if (list.length === 0) return fail("not-a-model", "The Sequential model has no layers.");
  const raw = readEntries(list, `${path}.config`);
  const entries: Entry[] = [];
  let previous: string;
  if (raw[0]!.className === "InputLayer") {
    entries.push({ ...raw[0]!, calls: [] });
    previous = raw[0]!.name;
  } else {
    const first = raw[0]!.config;
    const build = isObject(config) ? config["build_input_shape"] : undefined;
    const batchShape = first.get("batch_input_shape") ?? first.get("batch_shape")
      ?? (Array.isArray(first.get("input_shape")) ? [null, ...(first.get("input_shape") as Json[])] : undefined) ?? build;
    if (!Array.isArray(batchShape)) return fail("invalid", "The Sequential model does not say its input shape (no InputLayer, batch_input_shape or build_input_shape); Layerloom needs it to size the layers.");
    let name = "input";
    for (let n = 2; raw.some((e) => e.name === name); n++) name = `input_${n}`;
    entries.push({ name, className: "InputLayer", config: new Cfg({ batch_input_shape: batchShape, dtype: first.get("dtype") ?? "float32" }), calls: [] });
    previous = name;
  }
  for (const e of raw.slice(entries[0]!.name === raw[0]!.name ? 1 : 0)) {
    entries.push({ ...e, calls: [[[previous, 0, 0]]] });
    previous = e.name;
  }
  return {
    name: isObject(config) && typeof config["name"] === "string" ? config["name"] : undefined,
    entries,
    inputs: [[entries[0]!.name, 0, 0]],
    outputs: [[previous, 0, 0]],
  };
}

/** A node id for a Keras name: safe characters, at most 64, unique; the label keeps the original. */
function idFor(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 56);
  if (!isSafeId(base)) base = `layer_${base}`.slice(0, 56);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

const MODEL_CLASSES = new Set(["Model", "Functional"]);

function importText(text: string, options: ImportOptions): ImportResult {
  const root = parse(text);
  const located = locateModel(root);
  let topo: Topology;
  if (MODEL_CLASSES.has(located.className)) topo = functional(located.config, located.path || "model");
  else if (located.className === "Sequential") topo = sequential(located.config, located.path || "model");
  else return fail("unsupported-model", `The model is a ${located.className.slice(0, 80)}, not a functional or Sequential Keras model; Layerloom imports those two. Save a subclassed model's functional equivalent instead.`);

  const issues: ImportIssue[] = [];
  const unsupported: string[] = [];
  const taken = new Set<string>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  /** Graph port per Keras tensor "layer/node/tensor". */
  const ports = new Map<string, readonly [string, string]>();
  /** Bypassed layers: their output tensor is their input's. */
  const aliases = new Map<string, Ref>();
  const nodeIds = new Map<string, string>();
  const callNodes: { entry: Entry; nodeId: string; call: readonly Ref[]; inputPorts: readonly string[] }[] = [];
  const key = (r: Ref): string => `${r[0]}\u0000${r[1]}\u0000${r[2]}`;
  const entryByName = new Map(topo.entries.map((e) => [e.name, e]));

  for (const entry of topo.entries) {
    const calls = entry.calls.length ? entry.calls : [[]];
    if (MODEL_CLASSES.has(entry.className) || entry.className === "Sequential") {
      unsupported.push(entry.name);
      issues.push({ code: "unsupported-layer", severity: "error", layer: entry.name, message: `'${entry.name}' is a whole ${entry.className} model used as a layer; nested models are not imported. Flatten it into the outer model, or import it on its own` });
      continue;
    }
    const mapped = mapLayer(entry.className, entry.config, calls[0]!.length);
    if (mapped.type === "refused") {
      unsupported.push(entry.name);
      issues.push({ code: mapped.code, severity: "error", layer: entry.name, message: `'${entry.name}': ${mapped.message}; it was not imported` });
      continue;
    }
    if (mapped.type === "bypass") {
      calls.forEach((call, k) => { if (call[0]) aliases.set(key([entry.name, k, 0]), call[0]); });
      continue;
    }
    if (calls.length > 1) {
      issues.push({ code: "shared-layer", severity: "warning", layer: entry.name, message: `'${entry.name}' is called ${calls.length} times; it became ${calls.length} nodes, which no longer share weights` });
    }
    const def = layerDef(mapped.kind)!;
    const resolved = resolveParams(def.params, mapped.params).values;
    const layerPorts = def.ports(resolved);
    calls.forEach((call, k) => {
      const id = idFor(k === 0 ? entry.name : `${entry.name}_call${k + 1}`, taken);
      const renamed = id !== entry.name && k === 0;
      if (renamed) issues.push({ code: "renamed", severity: "warning", layer: entry.name, nodeId: id, message: `'${entry.name.slice(0, 80)}' is not a valid node id; it became '${id}' (its label keeps the name)` });
      nodes.push({ id, kind: mapped.kind, params: { ...mapped.params }, ...(renamed ? { label: entry.name.slice(0, LIMITS.text) } : {}) });
      if (k === 0) nodeIds.set(entry.name, id);
      layerPorts.outputs.forEach((port, t) => ports.set(key([entry.name, k, t]), [id, port]));
      callNodes.push({ entry, nodeId: id, call, inputPorts: layerPorts.inputs });
    });
    for (const note of mapped.notes) issues.push({ code: note.code, severity: "warning", layer: entry.name, nodeId: nodeIds.get(entry.name)!, message: `'${entry.name}': ${note.message}` });
  }

  /** The graph port carrying a Keras tensor, following bypassed layers. */
  const source = (r: Ref): readonly [string, string] | undefined => {
    let ref = r;
    for (let hops = 0; hops < topo.entries.length + 1; hops++) {
      const alias = aliases.get(key(ref));
      if (!alias) break;
      ref = alias;
    }
    return ports.get(key(ref));
  };
  const missing = (r: Ref): string => {
    const e = entryByName.get(r[0]);
    return e ? `'${r[0]}', which was not imported` : `'${r[0].slice(0, 80)}', which is not a layer of the model`;
  };

  for (const { entry, nodeId, call, inputPorts } of callNodes) {
    if (call.length !== inputPorts.length && entry.className !== "InputLayer") {
      issues.push({ code: "unconnected", severity: "error", layer: entry.name, nodeId, message: `'${entry.name}' is called on ${call.length} tensor${call.length === 1 ? "" : "s"} but its Layerloom kind takes ${inputPorts.length}; connect its inputs by hand` });
    }
    call.forEach((r, i) => {
      const port = inputPorts[i];
      if (port === undefined) return;
      const from = source(r);
      if (from) edges.push({ from, to: [nodeId, port] });
      else issues.push({ code: "unconnected", severity: "error", layer: entry.name, nodeId, message: `input ${port} of '${entry.name}' came from ${missing(r)}; connect it by hand` });
    });
  }

  const ends = (refs: readonly Ref[], what: string): string[] => {
    const ids: string[] = [];
    for (const r of refs) {
      const p = source(r);
      if (p) { if (!ids.includes(p[0])) ids.push(p[0]); }
      else issues.push({ code: "unconnected", severity: "error", layer: r[0], message: `the model's ${what} ${missing(r)}; the network leaves it out` });
    }
    return ids;
  };
  const name = options.name ?? topo.name ?? "Imported model";
  const netId = idFor(topo.name ?? "model", new Set(taken));
  const network: NetworkDef = { id: netId, inputs: ends(topo.inputs, "input comes from"), outputs: ends(topo.outputs, "output comes from") };

  const layout = (options.layout ?? layeredLayout)(nodes, edges);
  let doc: GraphDocument = {
    format: FORMAT, version: CURRENT_VERSION, name: name.slice(0, LIMITS.text),
    blocks: {}, nodes, edges, networks: network.outputs.length ? [network] : [], layout,
  };
  if (!network.outputs.length) issues.push({ code: "unconnected", severity: "error", message: "none of the model's outputs could be imported, so the graph has no network yet; mark its output nodes as network outputs by hand" });

  // The schema is the judge of what a graph file may hold: the document must survive a save.
  const checked = parseGraphFile(serializeGraph(doc));
  if (!checked.ok) return fail("invalid", `The imported graph does not form a valid graph file (${checked.error.message}). Please report it with the model attached.`);
  doc = checked.doc;

  const hasWeights = root["weightsManifest"] !== undefined;
  if (hasWeights) {
    const manifest = readManifest(root["weightsManifest"]);
    if (!manifest.ok) issues.push({ code: "weights-invalid", severity: "error", message: `${manifest.message}; the graph imports, but its weights cannot be loaded` });
    else {
      const a = analyze(doc);
      const layers = new Map<string, { nodeId: string; params: number }>();
      for (const [layer, nodeId] of nodeIds) layers.set(layer, { nodeId, params: a.nodes.get(nodeId)?.paramCount ?? 0 });
      issues.push(...checkWeights(manifest.manifest, layers, new Set([...unsupported, ...aliases.keys()].map((k) => k.split("\u0000")[0]!))));
    }
  }
  return { ok: true, doc, unsupported, issues, nodeIds, hasWeights };
}
