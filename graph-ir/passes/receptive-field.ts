/**
 * Receptive field along the time axis: for each node of an analysed document, how many steps of
 * the network's input sequence one output step can depend on, how far apart (in input steps)
 * consecutive output steps are, and whether an output step depends only on the past.
 *
 * Windowed layers grow the field: a convolution with kernel k and dilation d whose input steps
 * are j input steps apart adds (k-1)·d·j steps; strides multiply j. A stack of causal
 * convolutions with dilations 1, 2, 4, ..., 2^(L-1) and kernel k therefore sees
 * 1 + (k-1)(2^L - 1) steps (dilatedStackSteps): the depth needed for a field of R steps is
 * O(log R), where undilated convolutions would need O(R).
 * Layers that mix every step (recurrence, attention, global pooling, flattening) see "all" of it;
 * layers that work per step (Dense on a sequence, activations, normalization, merges) pass the
 * field on unchanged. Layers whose effect on the time axis is not modelled here (reshapes, image
 * layers) are reported as "all" and not causal, which never understates what a step can see.
 *
 * Pure: reads the analysis only. Block instances get the field their body gives; inner nodes are
 * listed under "instance/inner" paths.
 */
import { BLOCK_IN, BLOCK_OUT, type GraphEdge, type ParamValue } from "../core/document.js";
import type { Analysis, NodeAnalysis } from "./types.js";

export interface TimeField {
  /** Input steps one output step can depend on; "all" when it can see the whole sequence. */
  readonly steps: number | "all";
  /** Input steps between consecutive output steps (the product of the strides so far). */
  readonly stride: number;
  /** True when output step t depends only on input steps at or before t. */
  readonly causal: boolean;
}

/** Steps seen by L levels of dilations 1, 2, ..., 2^(L-1), kernel k, with `convsPerLevel` convolutions per level (TCN blocks have 2). */
export function dilatedStackSteps(kernel: number, levels: number, convsPerLevel = 1): number {
  return 1 + convsPerLevel * (kernel - 1) * (2 ** levels - 1);
}

const SOURCE: TimeField = { steps: 1, stride: 1, causal: true };

const POINTWISE = new Set([
  "Dense", "Dropout", "Embedding", "ReLU", "LeakyReLU", "ELU", "Softmax", "Sigmoid", "Tanh",
  "BatchNormalization", "LayerNormalization", "SpectralNormalization", "Add", "Multiply", "Average",
]);
/** Each output step sees its own and every earlier step. */
const FORWARD_RECURRENT = new Set(["SimpleRNN", "LSTM", "GRU", "Memory"]);

const num = (v: ParamValue | undefined, fallback: number): number => (typeof v === "number" ? v : fallback);
const first = (v: ParamValue | undefined, fallback: number): number => (Array.isArray(v) && typeof v[0] === "number" ? v[0] : fallback);

const grow = (f: TimeField, span: number, stride: number, causal: boolean): TimeField => ({
  steps: f.steps === "all" ? "all" : f.steps + span * f.stride,
  stride: f.stride * stride,
  causal: f.causal && causal,
});

const everything = (f: TimeField, causal: boolean): TimeField => ({ steps: "all", stride: f.stride, causal: f.causal && causal });

/** The widest of several inputs' fields (a merge sees what each of its inputs sees). */
function widest(fields: readonly TimeField[]): TimeField | undefined {
  if (fields.length === 0) return undefined;
  let steps: number | "all" = 1;
  let stride = 1;
  let causal = true;
  for (const f of fields) {
    steps = steps === "all" || f.steps === "all" ? "all" : Math.max(steps, f.steps);
    stride = Math.max(stride, f.stride);
    causal &&= f.causal;
  }
  return { steps, stride, causal };
}

/** Whether an Input starts a sequence: batch×time×features, or batch×time token ids. */
function startsSequence(n: NodeAnalysis): boolean {
  const y = n.outputs["y"];
  return y !== undefined && (y.length === 3 || (y.length === 2 && n.params["dtype"] === "int32"));
}

/** The field of one layer's output, given its inputs' fields. */
function layerField(n: NodeAnalysis, input: TimeField): TimeField {
  const q = n.params;
  switch (n.kind) {
    case "DilatedCausalConv1D":
      return grow(input, (num(q["kernelSize"], 1) - 1) * num(q["dilationRate"], 1), 1, true);
    case "Conv1D": {
      // A window wider than one step reaches later steps ("same" pads both ends; "valid" shifts indices).
      const span = (first(q["kernelSize"], 1) - 1) * first(q["dilationRate"], 1);
      return grow(input, span, first(q["strides"], 1), span === 0);
    }
    case "MaxPooling1D":
    case "AveragePooling1D": {
      const pool = first(q["poolSize"], 1);
      return grow(input, pool - 1, first(q["strides"], pool), pool === 1);
    }
    case "Attention":
      return everything(input, q["causal"] === true);
    case "Concatenate": {
      const rank = n.outputs["y"]?.length ?? 0;
      const axis = num(q["axis"], -1);
      return (axis < 0 ? axis + rank : axis) === 1 && rank === 3 ? everything(input, false) : input;
    }
    case "RepeatVector":
      return input;
  }
  if (POINTWISE.has(n.kind)) return input;
  if (FORWARD_RECURRENT.has(n.kind)) return everything(input, true);
  // Bidirectional, global pooling, Flatten, and anything not modelled: the whole sequence.
  return everything(input, false);
}

/**
 * Fields of one graph level, in topological order; `entry` holds the fields arriving on a block's
 * input ports. Block bodies recurse with their own edges.
 */
function fieldsOfLevel(
  nodes: readonly NodeAnalysis[], edges: readonly GraphEdge[], entry: ReadonlyMap<string, TimeField | undefined>,
  out: Map<string, TimeField>, prefix: string,
): Map<string, TimeField | undefined> {
  const local = new Map<string, TimeField | undefined>();
  const into = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = into.get(e.to[0]);
    if (list) list.push(e);
    else into.set(e.to[0], [e]);
  }
  const sourceField = (e: GraphEdge): TimeField | undefined => (e.from[0] === BLOCK_IN ? entry.get(e.from[1]) : local.get(e.from[0]));
  for (const n of nodes) {
    const inputs = (into.get(n.id) ?? []).map(sourceField).filter((f): f is TimeField => f !== undefined);
    let field: TimeField | undefined;
    if (n.status !== "ok") field = undefined;
    else if (n.kind === "Input") field = startsSequence(n) ? SOURCE : undefined;
    else if (n.body) {
      const ports = new Map<string, TimeField | undefined>();
      for (const e of into.get(n.id) ?? []) ports.set(e.to[1], sourceField(e));
      const inner = fieldsOfLevel(n.body.nodes, n.body.edges, ports, out, `${prefix}${n.id}/`);
      const exits = n.body.edges.filter((e) => e.to[0] === BLOCK_OUT).map((e) => (e.from[0] === BLOCK_IN ? ports.get(e.from[1]) : inner.get(e.from[0])));
      field = widest(exits.filter((f): f is TimeField => f !== undefined));
    } else {
      const merged = widest(inputs);
      field = merged && layerField(n, merged);
    }
    local.set(n.id, field);
    if (field) out.set(prefix + n.id, field);
  }
  return local;
}

/**
 * Every node's time-axis receptive field, by node id (block-inner nodes by "instance/inner").
 * Nodes with no time axis upstream, or whose shapes are unknown, are absent.
 */
export function receptiveFields(analysis: Analysis): ReadonlyMap<string, TimeField> {
  const out = new Map<string, TimeField>();
  const nodes = analysis.order.map((id) => analysis.nodes.get(id)).filter((n): n is NodeAnalysis => n !== undefined);
  fieldsOfLevel(nodes, analysis.doc.edges, new Map(), out, "");
  return out;
}

/** "33 steps, causal", "all steps" : how the inspector can word a field. */
export function describeTimeField(f: TimeField): string {
  const steps = f.steps === "all" ? "all steps" : `${f.steps} step${f.steps === 1 ? "" : "s"}`;
  const stride = f.stride > 1 ? `, every ${f.stride} steps` : "";
  return `${steps}${stride}${f.causal ? ", causal" : ""}`;
}
