/**
 * Reading Keras layer configs as model.json files spell them: snake_case keys (Keras, tfjs's
 * saved files) or camelCase (some hand-made files), string values in snake_case ("channels_last",
 * "query_value") or camelCase, Keras 3's wrapped objects ({ module, class_name, config }).
 */
import { camelFromSnake, snakeFromCamel } from "../export/names.js";

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

export class Cfg {
  constructor(readonly raw: JsonObject) {}

  /** The value under a snake_case key or its camelCase spelling. */
  get(key: string): Json | undefined {
    const own = (k: string) => (Object.prototype.hasOwnProperty.call(this.raw, k) ? this.raw[k] : undefined);
    return own(key) ?? own(camelFromSnake(key));
  }

  has(key: string): boolean {
    const v = this.get(key);
    return v !== undefined && v !== null;
  }

  /** A string value in camelCase ("channels_last" -> "channelsLast"), or undefined. */
  word(key: string): string | undefined {
    const v = this.get(key);
    if (typeof v === "string") return camelFromSnake(v);
    // Keras 3 wraps some values: { class_name: "DTypePolicy", config: { name: "float32" } }.
    if (isObject(v) && isObject(v["config"]) && typeof v["config"]["name"] === "string") return v["config"]["name"];
    return undefined;
  }

  num(key: string): number | undefined {
    const v = this.get(key);
    return typeof v === "number" ? v : undefined;
  }

  bool(key: string): boolean | undefined {
    const v = this.get(key);
    return typeof v === "boolean" ? v : undefined;
  }

  /** A size given as n or [n, ...]: always a list of `rank` entries (n repeated), or undefined. */
  ints(key: string, rank: number): (number | null)[] | undefined {
    const v = this.get(key);
    if (typeof v === "number") return Array.from({ length: rank }, () => v);
    if (Array.isArray(v) && v.every((x) => typeof x === "number" || x === null)) return v as (number | null)[];
    return undefined;
  }

  /** Keras 3's nested layer / initializer objects, as a Cfg of their config and their class name. */
  nested(key: string): { className: string; config: Cfg } | undefined {
    const v = this.get(key);
    if (!isObject(v)) return undefined;
    const className = v["class_name"] ?? v["className"];
    const config = v["config"];
    return typeof className === "string" && isObject(config) ? { className, config: new Cfg(config) } : undefined;
  }
}

/** Settings a graph node cannot hold; set to anything but null they are dropped with a warning. */
export const DROPPED_SETTINGS = [
  "kernel_regularizer", "bias_regularizer", "activity_regularizer", "recurrent_regularizer", "embeddings_regularizer",
  "depthwise_regularizer", "pointwise_regularizer", "beta_regularizer", "gamma_regularizer",
  "kernel_constraint", "bias_constraint", "recurrent_constraint", "embeddings_constraint", "depthwise_constraint",
  "pointwise_constraint", "beta_constraint", "gamma_constraint",
] as const;

export { camelFromSnake, snakeFromCamel };
