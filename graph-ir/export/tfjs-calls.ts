/**
 * One compiled Keras layer as the tfjs call that builds it: `tf.input(...)`,
 * `tf.layers.conv2d({...})`, or `new LayerloomAttention({...})` for a custom layer.
 *
 * The arguments are the compiled config passed through the same conversion tfjs's modelFromJSON
 * applies before it calls a layer's constructor (snake_case keys and string values to
 * camelCase, `name` kept as is), so the exported call and the app's model give the layer the
 * same config. A few entries equal to tfjs's own defaults are left out for readability; the
 * round-trip test holds every template's toJSON() equal to the app's.
 */
import type { KerasLayer } from "../passes/keras-topology.js";
import { isCustomLayerClass } from "./custom-layers.js";
import { camelFromSnake } from "./names.js";

/** tf.layers factory per Keras class name (tfjs 4.22's exports_layers). */
const FACTORIES: Readonly<Record<string, string>> = {
  Dense: "dense", Dropout: "dropout", Activation: "activation",
  Conv1D: "conv1d", Conv2D: "conv2d", DepthwiseConv2D: "depthwiseConv2d", SeparableConv2D: "separableConv2d", Conv2DTranspose: "conv2dTranspose",
  MaxPooling1D: "maxPooling1d", MaxPooling2D: "maxPooling2d", AveragePooling1D: "averagePooling1d", AveragePooling2D: "averagePooling2d",
  GlobalAveragePooling1D: "globalAveragePooling1d", GlobalAveragePooling2D: "globalAveragePooling2d",
  GlobalMaxPooling1D: "globalMaxPooling1d", GlobalMaxPooling2D: "globalMaxPooling2d",
  Flatten: "flatten", Reshape: "reshape", Permute: "permute", RepeatVector: "repeatVector",
  ZeroPadding2D: "zeroPadding2d", Cropping2D: "cropping2D", UpSampling2D: "upSampling2d",
  BatchNormalization: "batchNormalization", LayerNormalization: "layerNormalization",
  ReLU: "reLU", LeakyReLU: "leakyReLU", ELU: "elu", Softmax: "softmax",
  Add: "add", Concatenate: "concatenate", Multiply: "multiply", Average: "average",
  Embedding: "embedding", SimpleRNN: "simpleRNN", LSTM: "lstm", GRU: "gru", Bidirectional: "bidirectional",
};

export function hasTfjsFactory(className: string): boolean {
  return Object.prototype.hasOwnProperty.call(FACTORIES, className);
}

/** tfjs's convertPythonicToTs: keys and string values to camelCase, `name` values untouched. */
export function pythonicToTs(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return camelFromSnake(value);
  if (Array.isArray(value)) return value.map(pythonicToTs);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k === "name" ? k : camelFromSnake(k)] = k === "name" && typeof v === "string" ? v : pythonicToTs(v);
    }
    return out;
  }
  return value;
}

const isZeros = (v: unknown): boolean => JSON.stringify(v) === JSON.stringify({ className: "Zeros", config: {} });

/**
 * An initializer object with no settings ({ className: "GlorotUniform", config: { seed: null } })
 * as the identifier tfjs also accepts ("glorotUniform"): the same initializer, easier to read.
 */
function initializerText(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as { className?: unknown; config?: unknown };
  const keys = Object.keys(o);
  if (typeof o.className !== "string" || keys.length !== 2 || o.config === null || typeof o.config !== "object") return v;
  const config = Object.entries(o.config as Record<string, unknown>);
  if (config.some(([k, x]) => !(k === "seed" && x === null))) return v;
  return o.className.charAt(0).toLowerCase() + o.className.slice(1);
}

/**
 * Entries left out of built-in layers' arguments because they equal what tfjs uses when the
 * argument is absent (not kernel initializers: tfjs's default is glorotNormal, Keras's
 * glorotUniform, so they stay written out). GRU's resetAfter is also not in tfjs's GRULayerArgs type at all
 * (tfjs implements only resetAfter = false, which the compiled config states for Keras).
 */
const DEFAULTS: readonly ((key: string, value: unknown, className: string) => boolean)[] = [
  (k, v) => k === "dataFormat" && v === "channelsLast",
  (k, v) => k === "biasInitializer" && isZeros(v),
  (k, v, c) => c === "GRU" && k === "resetAfter" && v === false,
  (k, v) => k === "useBias" && v === true,
  (k, v, c) => k === "activation" && v === "linear" && c !== "Activation",
  (k, v, c) => CONVOLUTIONS.has(c) && (k === "strides" || k === "dilationRate") && allOnes(v),
  (k, v, c) => CONVOLUTIONS.has(c) && k === "padding" && v === "valid",
  (k, v, c) => RECURRENT.has(c) && (((k === "dropout" || k === "recurrentDropout") && v === 0) || (k === "returnState" && v === false)),
];

const CONVOLUTIONS: ReadonlySet<string> = new Set(["Conv1D", "Conv2D", "DepthwiseConv2D", "SeparableConv2D", "Conv2DTranspose"]);
const RECURRENT: ReadonlySet<string> = new Set(["SimpleRNN", "LSTM", "GRU"]);
const allOnes = (v: unknown): boolean => Array.isArray(v) && v.every((x) => x === 1);

/** The arguments object for a layer: camelCase config with the layer's name first. */
export function layerArgs(className: string, config: Readonly<Record<string, unknown>>, name: string | undefined): Record<string, unknown> {
  const ts = pythonicToTs(config) as Record<string, unknown>;
  const custom = isCustomLayerClass(className);
  const out: Record<string, unknown> = name === undefined ? {} : { name };
  for (const [k, v] of Object.entries(ts)) {
    if (k === "name") continue;
    if (!custom && DEFAULTS.some((omit) => omit(k, v, className))) continue;
    out[k] = k.endsWith("Initializer") ? initializerText(v) : v;
  }
  return out;
}

/** How a layer is made, before `.apply(...)`. */
export type LayerCall =
  | { readonly type: "input"; readonly args: Record<string, unknown> }
  | { readonly type: "factory"; readonly factory: string; readonly args: Record<string, unknown>; readonly nested?: { readonly key: string; readonly factory: string; readonly args: Record<string, unknown> } }
  | { readonly type: "custom"; readonly className: string; readonly args: Record<string, unknown> };

export function layerCall(layer: KerasLayer): LayerCall {
  const config = layer.config as Readonly<Record<string, unknown>>;
  if (layer.class_name === "InputLayer") {
    const shape = (config["batch_input_shape"] as readonly (number | null)[]).slice(1);
    const args: Record<string, unknown> = { name: layer.name, shape };
    if (config["dtype"] !== undefined && config["dtype"] !== "float32") args["dtype"] = config["dtype"];
    return { type: "input", args };
  }
  if (isCustomLayerClass(layer.class_name)) return { type: "custom", className: layer.class_name, args: layerArgs(layer.class_name, config, layer.name) };
  const factory = FACTORIES[layer.class_name];
  if (!factory) throw new Error(`no tfjs factory for Keras class ${layer.class_name}`);
  const args = layerArgs(layer.class_name, config, layer.name);
  if (layer.class_name === "Bidirectional") {
    // The wrapped RNN is a layer object in tfjs's arguments (modelFromJSON deserialises it first).
    const inner = config["layer"] as { class_name: string; config: Record<string, unknown> };
    const innerFactory = FACTORIES[inner.class_name];
    if (!innerFactory) throw new Error(`no tfjs factory for the wrapped class ${inner.class_name}`);
    return { type: "factory", factory, args, nested: { key: "layer", factory: innerFactory, args: layerArgs(inner.class_name, inner.config, undefined) } };
  }
  return { type: "factory", factory, args };
}
