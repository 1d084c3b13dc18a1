/**
 * Shared pieces of the custom layers: reading configs as tfjs hands them over, and turning
 * initializer and activation names into the objects tfjs uses.
 *
 * tfjs's modelFromJSON (and loadLayersModel) runs the whole topology through
 * convertPythonicToTs before any constructor sees it: every key AND every string value goes
 * snake_case -> camelCase ("kernel_size" -> "kernelSize", "class_name" -> "className",
 * "query_value" -> "queryValue"). Saving reverses it. So constructors read camelCase keys only,
 * and getConfig returns camelCase keys.
 */
import * as tf from "../tf.js";

export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
export type Kwargs = Parameters<tf.layers.Layer["call"]>[1];
export type LayerShape = tf.Shape;

/** A config as it reaches a constructor: camelCase keys, values of any JSON kind. */
export type Config = Record<string, unknown>;

/** The one tensor a single-input layer receives (tfjs may wrap it in a list). */
export function single<T>(x: T | T[], layer: string): T {
  if (!Array.isArray(x)) return x;
  if (x.length !== 1) throw new Error(`${layer} takes one input but was given ${x.length}; connect a single tensor`);
  return x[0]!;
}

/** One shape, for layers with one input. */
export function singleShape(s: LayerShape | LayerShape[], layer: string): LayerShape {
  return Array.isArray(s[0]) || s.length === 0 ? single(s as LayerShape[], layer) : (s as LayerShape);
}

/** Shapes as a list (tfjs passes a bare shape for one input, a list for several). */
export function shapeList(s: LayerShape | LayerShape[]): LayerShape[] {
  return Array.isArray(s[0]) ? (s as LayerShape[]) : [s as LayerShape];
}

/** A positive whole number from a config, given either as n or as [n] (Conv1D's tuple style). */
export function intParam(config: Config, key: string, layer: string, fallback?: number, min = 1): number {
  let v = config[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new Error(`${layer} config is missing "${key}"; set it to a whole number ≥ ${min}`);
    return fallback;
  }
  if (Array.isArray(v)) {
    if (v.length !== 1) throw new Error(`${layer} "${key}" must be one number (or a list of one), got [${v.join(", ")}]`);
    v = v[0];
  }
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new Error(`${layer} "${key}" must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return v;
}

export function numberParam(config: Config, key: string, layer: string, fallback: number): number {
  const v = config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${layer} "${key}" must be a finite number, got ${JSON.stringify(v)}`);
  return v;
}

export function boolParam(config: Config, key: string, layer: string, fallback: boolean): boolean {
  const v = config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "boolean") throw new Error(`${layer} "${key}" must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

export function enumParam<const O extends string>(config: Config, key: string, layer: string, options: readonly O[], fallback: O): O {
  const v = config[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "string" || !(options as readonly string[]).includes(v)) {
    throw new Error(`${layer} "${key}" must be one of ${options.join(", ")}, got ${JSON.stringify(v)}`);
  }
  return v as O;
}

/**
 * An initializer from a config value: a tfjs Initializer, a { className, config } object (how
 * Keras files and tfjs's own getConfig spell it), or an identifier such as "glorotUniform".
 */
export function initializer(spec: unknown, fallback: () => Initializer, layer: string, key: string): Initializer {
  if (spec === undefined || spec === null) return fallback();
  if (spec instanceof tf.serialization.Serializable) return spec as Initializer;
  let className: string | undefined;
  let config: tf.serialization.ConfigDict = {};
  if (typeof spec === "string") {
    // tfjs's identifiers are the class names with a lower-case first letter.
    className = spec.charAt(0).toUpperCase() + spec.slice(1);
  } else if (typeof spec === "object" && typeof (spec as Config)["className"] === "string") {
    className = (spec as Config)["className"] as string;
    config = ((spec as Config)["config"] ?? {}) as tf.serialization.ConfigDict;
  }
  const entry = className === undefined ? undefined : tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) {
    throw new Error(`${layer} "${key}" names no known initializer (${JSON.stringify(spec)}); use e.g. { className: "GlorotUniform", config: {} } or "zeros"`);
  }
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config) as Initializer;
}

/** An initializer as getConfig writes it, so it survives a save. */
export function serializeInitializer(init: Initializer): tf.serialization.ConfigDict {
  return { className: init.getClassName(), config: init.getConfig() };
}

/** An activation by its tfjs name, applied exactly as tfjs's own layers apply it. */
export interface Activation {
  readonly name: string;
  apply(x: tf.Tensor): tf.Tensor;
}

export function activation(name: unknown, layer: string): Activation {
  const id = name === undefined || name === null ? "linear" : name;
  if (typeof id !== "string") throw new Error(`${layer} "activation" must be a name such as "relu", got ${JSON.stringify(id)}`);
  let impl: tf.layers.Layer;
  try {
    impl = tf.layers.activation({ activation: id as Parameters<typeof tf.layers.activation>[0]["activation"] });
  } catch {
    throw new Error(`${layer} has unknown activation "${id}"; use linear, relu, relu6, elu, selu, sigmoid, tanh, softmax, softplus, softsign, swish or gelu`);
  }
  return { name: id, apply: (x) => impl.call(x, {}) as tf.Tensor };
}

/**
 * Identity forward, zero gradient: lets power-iteration vectors be computed from a kernel
 * without the gradient flowing through them (tfjs has no stopGradient op).
 */
export const stopGradient = tf.customGrad((x) => ({
  value: (x as tf.Tensor).clone(),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as (x: tf.Tensor) => tf.Tensor;
