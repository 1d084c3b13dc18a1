/**
 * One Keras layer (class name and config, as model.json holds it) as a Layerloom layer kind and
 * params: the reverse of each definition's toKeras. Settings the graph cannot hold are dropped
 * or approximated with a note; classes and settings it cannot represent at all are refused with
 * the reason, so the importer can report the layer by name and go on with the rest.
 */
import type { ParamValue } from "../core/document.js";
import { checkParam } from "../core/params.js";
import { ACTIVATIONS } from "../layers/common.js";
import { layerDef } from "../layers/registry.js";
import { Cfg, DROPPED_SETTINGS } from "./read-config.js";

export interface MapNote {
  readonly code: "setting-dropped" | "approximated";
  readonly message: string;
}

export type Mapped =
  | { readonly type: "layer"; readonly kind: string; readonly params: Readonly<Record<string, ParamValue>>; readonly notes: readonly MapNote[] }
  /** An identity (a linear Activation): its consumers read its input instead. */
  | { readonly type: "bypass" }
  | { readonly type: "refused"; readonly code: "unsupported-layer" | "bad-config"; readonly message: string };

type Params = Record<string, ParamValue>;

class Refusal extends Error {}
const refuse = (message: string): never => { throw new Refusal(message); };

/** Collects notes while a config is read. */
class Reader {
  readonly notes: MapNote[] = [];
  constructor(readonly c: Cfg, readonly className: string) {}

  activation(key = "activation", fallback = "linear"): string {
    const a = this.c.word(key) ?? fallback;
    if (!(ACTIVATIONS as readonly string[]).includes(a)) refuse(`its ${key} "${a}" is not one Layerloom offers (${ACTIVATIONS.join(", ")})`);
    return a;
  }

  channelsLast(): void {
    const f = this.c.word("data_format");
    if (f !== undefined && f !== "channelsLast") refuse(`it is ${this.c.get("data_format")}; Layerloom's layers are channels_last (batch×height×width×channels)`);
  }

  padding(options: readonly string[] = ["valid", "same"]): string {
    const p = this.c.word("padding") ?? "valid";
    if (!options.includes(p)) refuse(`its padding "${p}" is not one of ${options.join(", ")}`);
    return p;
  }

  tuple(key: string, rank: number, fallback?: number): number[] {
    const v = this.c.ints(key, rank);
    if (v === undefined) {
      if (fallback !== undefined) return Array.from({ length: rank }, () => fallback);
      return refuse(`its ${key} is missing or not a list of whole numbers`);
    }
    if (v.length !== rank || v.some((x) => x === null)) refuse(`its ${key} ${JSON.stringify(v)} is not ${rank} whole number${rank === 1 ? "" : "s"}`);
    return v as number[];
  }

  num(key: string, fallback?: number): number {
    const v = this.c.num(key);
    if (v === undefined) return fallback ?? refuse(`its ${key} is missing`);
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    return this.c.bool(key) ?? fallback;
  }

  dropped(): void {
    for (const key of DROPPED_SETTINGS) {
      if (this.c.has(key)) this.notes.push({ code: "setting-dropped", message: `its ${key} was left out: Layerloom graphs have no ${key.endsWith("constraint") ? "weight constraints" : "regularizers"}` });
    }
  }

  approx(message: string): void {
    this.notes.push({ code: "approximated", message });
  }
}

const CONV_KINDS: Readonly<Record<string, number>> = { Conv1D: 1, Conv2D: 2, DepthwiseConv2D: 2, SeparableConv2D: 2, Conv2DTranspose: 2 };

function conv(r: Reader, kind: string): { kind: string; params: Params } {
  const rank = CONV_KINDS[kind]!;
  r.channelsLast();
  r.dropped();
  const base: Params = {
    kernelSize: r.tuple("kernel_size", rank),
    strides: r.tuple("strides", rank, 1),
    activation: r.activation(),
    useBias: r.bool("use_bias", true),
  };
  if (kind === "Conv1D" && r.c.word("padding") === "causal") {
    const strides = base["strides"] as number[];
    if (strides[0] !== 1) refuse("it is a causal Conv1D with strides above 1, which Layerloom's causal convolution does not offer");
    const dilation = r.tuple("dilation_rate", 1, 1);
    return { kind: "DilatedCausalConv1D", params: { filters: r.num("filters"), kernelSize: (base["kernelSize"] as number[])[0]!, dilationRate: dilation[0]!, activation: base["activation"]!, useBias: base["useBias"]! } };
  }
  const padding = r.padding();
  switch (kind) {
    case "DepthwiseConv2D":
      if (r.tuple("dilation_rate", 2, 1).some((d) => d !== 1)) refuse("it dilates, which tfjs's DepthwiseConv2D ignores");
      return { kind, params: { ...base, padding, depthMultiplier: r.num("depth_multiplier", 1) } };
    case "Conv2DTranspose":
      if (r.tuple("dilation_rate", 2, 1).some((d) => d !== 1)) refuse("it dilates, which tfjs's Conv2DTranspose does not support");
      if (r.c.has("output_padding")) refuse("it sets output_padding, which tfjs's Conv2DTranspose does not support");
      return { kind, params: { ...base, padding, filters: r.num("filters") } };
    case "SeparableConv2D":
      return { kind, params: { ...base, padding, filters: r.num("filters"), dilationRate: r.tuple("dilation_rate", 2, 1), depthMultiplier: r.num("depth_multiplier", 1) } };
    default:
      if (r.c.num("groups") !== undefined && r.c.num("groups") !== 1) refuse(`it is a grouped convolution (groups ${r.c.num("groups")}), which tfjs does not build`);
      return { kind, params: { ...base, padding, filters: r.num("filters"), dilationRate: r.tuple("dilation_rate", rank, 1) } };
  }
}

function pool(r: Reader, kind: string, rank: number): { kind: string; params: Params } {
  r.channelsLast();
  const pool = r.tuple("pool_size", rank, 2);
  const given = r.c.ints("strides", rank);
  const strides = given === undefined ? pool.map(() => null) : given;
  if (strides.length !== rank) refuse(`its strides ${JSON.stringify(given)} do not have ${rank} entries`);
  return { kind, params: { poolSize: pool, strides, padding: r.padding() } };
}

/** ZeroPadding2D / Cropping2D sizes: n, [h, w] or [[top, bottom], [left, right]] -> 2 or 4 entries. */
function borders(r: Reader, key: string): number[] {
  const v = r.c.get(key);
  if (typeof v === "number") return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number")) return v as number[];
  if (Array.isArray(v) && v.length === 2 && v.every((x) => Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === "number"))) {
    const [[t, b], [l, rr]] = v as number[][] as [[number, number], [number, number]];
    return [t, b, l, rr];
  }
  return refuse(`its ${key} ${JSON.stringify(v)} is not a size, two sizes or two pairs of sizes`);
}

const GLOBAL_POOL_ALIASES: Readonly<Record<string, string>> = {
  GlobalAvgPool1D: "GlobalAveragePooling1D", GlobalAvgPool2D: "GlobalAveragePooling2D",
  GlobalMaxPool1D: "GlobalMaxPooling1D", GlobalMaxPool2D: "GlobalMaxPooling2D",
};

const RNN_KINDS = new Set(["SimpleRNN", "LSTM", "GRU"]);

function rnnParams(r: Reader, kind: string): Params {
  r.dropped();
  if (r.c.bool("use_bias") === false) refuse("it has no bias, and Layerloom's recurrent layers always have one");
  for (const key of ["go_backwards", "stateful", "unroll"]) if (r.c.bool(key) === true) refuse(`it sets ${key}, which Layerloom's recurrent layers do not offer`);
  if (kind !== "SimpleRNN") {
    const ra = r.c.word("recurrent_activation") ?? "sigmoid";
    if (ra !== "sigmoid") r.approx(`its recurrent_activation "${ra}" became "sigmoid", the gate function Layerloom's ${kind} uses`);
  }
  if (kind === "GRU" && r.c.bool("reset_after") === true) r.approx("it used reset_after=true (Keras 2's default), which tfjs cannot build; it became reset_after=false, which has one bias vector instead of two");
  if (kind === "LSTM" && r.c.bool("unit_forget_bias") === false) r.approx("its unit_forget_bias=false became true, as Layerloom's LSTM always starts the forget gate at 1");
  return {
    units: r.num("units"),
    activation: r.activation("activation", "tanh"),
    returnSequences: r.bool("return_sequences", false),
    returnState: r.bool("return_state", false),
    dropout: r.num("dropout", 0),
    recurrentDropout: r.num("recurrent_dropout", 0),
  };
}

/** Axis given as n or [n]: a single axis. */
function oneAxis(r: Reader, fallback: number): number {
  const v = r.c.get("axis");
  if (v === undefined || v === null) return fallback;
  if (typeof v === "number") return v;
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === "number") return v[0];
  return refuse(`its axis ${JSON.stringify(v)} names more than one axis`);
}

function mapKnown(className: string, r: Reader, inputs: number): { kind: string; params: Params } | "bypass" {
  const c = r.c;
  switch (className) {
    case "InputLayer": {
      const shape = c.get("batch_input_shape") ?? c.get("batch_shape");
      if (!Array.isArray(shape) || shape.length < 2) return refuse("it has no batch_input_shape (or batch_shape) with at least one size after the batch");
      const dtype = c.word("dtype") ?? "float32";
      let kindDtype = dtype;
      if (dtype !== "float32" && dtype !== "int32") {
        kindDtype = dtype.startsWith("int") || dtype.startsWith("uint") ? "int32" : "float32";
        r.approx(`its dtype "${dtype}" became "${kindDtype}"`);
      }
      return { kind: "Input", params: { shape: shape.slice(1) as (number | null)[], dtype: kindDtype } };
    }
    case "Dense":
      r.dropped();
      return { kind: "Dense", params: { units: r.num("units"), activation: r.activation(), useBias: r.bool("use_bias", true) } };
    case "Dropout":
      if (c.has("noise_shape")) r.approx("its noise_shape was left out: Layerloom's Dropout drops each value independently");
      return { kind: "Dropout", params: { rate: r.num("rate") } };
    case "Conv1D": case "Conv2D": case "DepthwiseConv2D": case "SeparableConv2D": case "Conv2DTranspose":
      return conv(r, className);
    case "DilatedCausalConv1D":
      r.dropped();
      return { kind: "DilatedCausalConv1D", params: { filters: r.num("filters"), kernelSize: r.tuple("kernel_size", 1)[0]!, dilationRate: r.tuple("dilation_rate", 1, 1)[0]!, activation: r.activation(), useBias: r.bool("use_bias", true) } };
    case "MaskedConv2D": {
      r.dropped();
      const [kh, kw] = r.tuple("kernel_size", 2);
      if (kh !== kw || kh! % 2 === 0) refuse(`its kernel is ${kh}×${kw}; Layerloom's MaskedConv2D needs a square kernel of odd size`);
      const mask = (r.c.word("mask_type") ?? "B").toUpperCase();
      if (mask !== "A" && mask !== "B") refuse(`its mask_type is "${mask}", not A or B`);
      return { kind: "MaskedConv2D", params: { filters: r.num("filters"), kernelSize: kh!, maskType: mask, activation: r.activation(), useBias: r.bool("use_bias", true) } };
    }
    case "MaxPooling1D": case "MaxPool1D": return pool(r, "MaxPooling1D", 1);
    case "AveragePooling1D": case "AvgPool1D": case "AvgPooling1D": return pool(r, "AveragePooling1D", 1);
    case "MaxPooling2D": case "MaxPool2D": return pool(r, "MaxPooling2D", 2);
    case "AveragePooling2D": case "AvgPool2D": case "AvgPooling2D": return pool(r, "AveragePooling2D", 2);
    case "GlobalAveragePooling1D": case "GlobalAveragePooling2D": case "GlobalMaxPooling1D": case "GlobalMaxPooling2D":
    case "GlobalAvgPool1D": case "GlobalAvgPool2D": case "GlobalMaxPool1D": case "GlobalMaxPool2D": {
      r.channelsLast();
      if (c.bool("keepdims") === true) refuse("it keeps the pooled axes (keepdims), which Layerloom's global pooling does not");
      return { kind: GLOBAL_POOL_ALIASES[className] ?? className, params: {} };
    }
    case "Flatten":
      r.channelsLast();
      return { kind: "Flatten", params: {} };
    case "Reshape":
      return { kind: "Reshape", params: { targetShape: r.tuple("target_shape", (c.get("target_shape") as unknown[] | undefined)?.length ?? 0) } };
    case "Permute":
      return { kind: "Permute", params: { dims: r.tuple("dims", (c.get("dims") as unknown[] | undefined)?.length ?? 0) } };
    case "RepeatVector":
      return { kind: "RepeatVector", params: { n: r.num("n") } };
    case "ZeroPadding2D":
      r.channelsLast();
      return { kind: "ZeroPadding2D", params: { padding: borders(r, "padding") } };
    case "Cropping2D":
      r.channelsLast();
      return { kind: "Cropping2D", params: { cropping: borders(r, "cropping") } };
    case "UpSampling2D": {
      r.channelsLast();
      const interpolation = c.word("interpolation") ?? "nearest";
      if (interpolation !== "nearest" && interpolation !== "bilinear") refuse(`its interpolation "${interpolation}" is not nearest or bilinear`);
      return { kind: "UpSampling2D", params: { size: r.tuple("size", 2, 2), interpolation } };
    }
    case "BatchNormalization":
      r.dropped();
      return { kind: "BatchNormalization", params: { axis: oneAxis(r, -1), momentum: r.num("momentum", 0.99), epsilon: r.num("epsilon", 1e-3), center: r.bool("center", true), scale: r.bool("scale", true) } };
    case "LayerNormalization": {
      r.dropped();
      const axis = c.get("axis");
      const axes = typeof axis === "number" ? [axis] : Array.isArray(axis) ? (axis as number[]) : [-1];
      return { kind: "LayerNormalization", params: { axis: axes, epsilon: r.num("epsilon", 1e-3), center: r.bool("center", true), scale: r.bool("scale", true) } };
    }
    case "LocalResponseNormalization":
      return { kind: "LocalResponseNormalization", params: { depthRadius: r.num("depth_radius", 2), bias: r.num("bias", 2), alpha: r.num("alpha", 1e-4), beta: r.num("beta", 0.75) } };
    case "ReLU": {
      const slope = c.num("negative_slope") ?? 0;
      if (c.has("max_value")) refuse(`it caps its output at max_value ${c.get("max_value")}, which Layerloom's ReLU does not`);
      if ((c.num("threshold") ?? 0) !== 0) refuse(`its threshold ${c.num("threshold")} is not 0`);
      return slope === 0 ? { kind: "ReLU", params: {} } : { kind: "LeakyReLU", params: { alpha: slope } };
    }
    case "LeakyReLU":
      return { kind: "LeakyReLU", params: { alpha: c.num("alpha") ?? c.num("negative_slope") ?? 0.3 } };
    case "ELU":
      return { kind: "ELU", params: { alpha: r.num("alpha", 1) } };
    case "Softmax":
      return { kind: "Softmax", params: { axis: oneAxis(r, -1) } };
    case "Activation": {
      const a = r.activation();
      switch (a) {
        case "linear": return "bypass";
        case "sigmoid": return { kind: "Sigmoid", params: {} };
        case "tanh": return { kind: "Tanh", params: {} };
        case "relu": return { kind: "ReLU", params: {} };
        case "softmax": return { kind: "Softmax", params: { axis: -1 } };
        case "elu": return { kind: "ELU", params: { alpha: 1 } };
        default: return refuse(`it applies "${a}", which Layerloom has only as a layer's activation setting, not as a layer of its own`);
      }
    }
    case "Add": case "Multiply": case "Average":
      return { kind: className, params: { inputs } };
    case "Concatenate":
      return { kind: "Concatenate", params: { inputs, axis: r.num("axis", -1) } };
    case "Embedding":
      r.dropped();
      return { kind: "Embedding", params: { inputDim: r.num("input_dim"), outputDim: r.num("output_dim"), maskZero: r.bool("mask_zero", false) } };
    case "SimpleRNN": case "LSTM": case "GRU":
      return { kind: className, params: rnnParams(r, className) };
    case "Bidirectional": {
      const inner = c.nested("layer");
      if (!inner || !RNN_KINDS.has(inner.className)) return refuse(`it wraps ${inner ? inner.className : "no layer"}; Layerloom's Bidirectional wraps LSTM, GRU or SimpleRNN`);
      if (c.has("backward_layer")) refuse("it has a separate backward layer, which Layerloom's Bidirectional does not");
      const mode = c.word("merge_mode");
      if (mode !== "concat" && mode !== "sum" && mode !== "mul" && mode !== "ave") refuse(`its merge_mode ${JSON.stringify(c.get("merge_mode"))} is not concat, sum, mul or ave`);
      const ir = new Reader(inner.config, inner.className);
      const p = rnnParams(ir, inner.className);
      r.notes.push(...ir.notes);
      if (p["returnState"] === true) refuse("its wrapped layer returns states, which Layerloom's Bidirectional does not");
      if (p["activation"] !== "tanh" || p["dropout"] !== 0 || p["recurrentDropout"] !== 0) r.approx("its wrapped layer's activation and dropout became Layerloom's Bidirectional defaults (tanh, no dropout)");
      return { kind: "Bidirectional", params: { layer: inner.className, units: p["units"]!, returnSequences: p["returnSequences"]!, mergeMode: mode! } };
    }
    case "LayerloomAttention":
      return {
        kind: "Attention",
        params: {
          inputMode: c.word("input_mode") ?? "self", score: c.word("score") ?? "dot", heads: r.num("num_heads", 1), keyDim: r.num("key_dim"),
          valueDim: r.num("value_dim", 0), causal: r.bool("causal", false), useBias: r.bool("use_bias", true), outputDim: r.num("output_dim", 0),
          returnScores: r.bool("return_scores", false),
        },
      };
    case "NTMMemory":
      return {
        kind: "Memory",
        params: {
          memorySlots: r.num("memory_slots"), slotSize: r.num("slot_size"), readHeads: r.num("read_heads", 1), writeHeads: r.num("write_heads", 1),
          controllerUnits: r.num("controller_units"), shiftRange: r.num("shift_range", 1), outputDim: r.num("output_dim"),
        },
      };
    case "SpectralNormalization": {
      const inner = c.nested("layer");
      if (!inner || (inner.className !== "Dense" && inner.className !== "Conv2D")) return refuse(`it wraps ${inner ? inner.className : "no layer"}; Layerloom's spectral norm wraps Dense or Conv2D`);
      const ir = new Reader(inner.config, inner.className);
      const mapped = inner.className === "Dense"
        ? { units: ir.num("units"), activation: ir.activation(), useBias: ir.bool("use_bias", true) }
        : (() => {
          const p = conv(ir, "Conv2D").params;
          if ((p["dilationRate"] as number[]).some((d) => d !== 1)) refuse("its wrapped Conv2D dilates, which Layerloom's spectral norm does not offer");
          return { filters: p["filters"]!, kernelSize: p["kernelSize"]!, strides: p["strides"]!, padding: p["padding"]!, activation: p["activation"]!, useBias: p["useBias"]! };
        })();
      r.notes.push(...ir.notes);
      return { kind: "SpectralNormalization", params: { layer: inner.className, ...mapped, powerIterations: r.num("power_iterations", 1) } };
    }
    default:
      return refuse("");
  }
}

/** Maps one layer; `inputs` is how many tensors its (first) call takes. */
export function mapLayer(className: string, config: Cfg, inputs: number): Mapped {
  const r = new Reader(config, className);
  let m: { kind: string; params: Params } | "bypass";
  try {
    m = mapKnown(className, r, inputs);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return e.message === ""
      ? { type: "refused", code: "unsupported-layer", message: `Layerloom has no layer like Keras's ${className}` }
      : { type: "refused", code: "bad-config", message: `the ${className} cannot be imported: ${e.message}` };
  }
  if (m === "bypass") return { type: "bypass" };
  const def = layerDef(m.kind);
  if (!def) return { type: "refused", code: "unsupported-layer", message: `Layerloom has no layer like Keras's ${className}` };
  for (const [name, value] of Object.entries(m.params)) {
    const spec = def.params[name];
    if (!spec) throw new Error(`import maps ${className} to ${m.kind} param '${name}', which ${m.kind} does not have`);
    const problem = checkParam(spec, value);
    if (problem) return { type: "refused", code: "bad-config", message: `the ${className} cannot be imported: its ${name} ${JSON.stringify(value)} ${problem}` };
  }
  return { type: "layer", kind: m.kind, params: m.params, notes: r.notes };
}
