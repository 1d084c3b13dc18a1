/**
 * The shape of one layer definition. Every layer kind is one object of this type in
 * graph-ir/layers/<family>.ts; the registry (registry.ts) lists them all.
 */
import type { Shape } from "../core/shape.js";
import type { ParamSpecs, ParamsOf } from "../core/params.js";
import type { ParamValue } from "../core/document.js";

export type Category =
  | "input" | "core" | "convolution" | "pooling" | "normalization" | "activation"
  | "reshape" | "recurrent" | "attention" | "memory" | "merge" | "block";

export interface Ports {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/**
 * A suggested remedy, in terms a layer can know: the validator turns it into document edits.
 * - setParam: change a param on this node.
 * - insertBefore: put a new layer between this node's input port and whatever feeds it.
 */
export type FixHint =
  | { readonly label: string; readonly action: "setParam"; readonly param: string; readonly value: ParamValue }
  | { readonly label: string; readonly action: "insertBefore"; readonly port: string; readonly layer: string; readonly params?: Readonly<Record<string, ParamValue>> };

export interface ShapeIssue {
  readonly message: string;
  readonly port?: string;
  readonly param?: string;
  readonly fixes?: readonly FixHint[];
}

export type InferResult =
  | { readonly ok: true; readonly shapes: readonly Shape[] }
  | { readonly ok: false; readonly issues: readonly ShapeIssue[] };

/** A layer as Keras (and tfjs's modelFromJSON) spells it: class name and snake_case config. */
export interface KerasLayerSpec {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface LayerDef<S extends ParamSpecs = ParamSpecs> {
  /** Keras class name where Keras has the layer. */
  readonly kind: string;
  readonly title: string;
  readonly category: Category;
  /** One sentence for the palette and inspector. */
  readonly summary: string;
  readonly params: S;
  /** Named ports; may depend on params (an LSTM returning its state has three outputs). */
  ports(p: ParamsOf<S>): Ports;
  /** Output shapes from input shapes (batch first), or issues in the user's words. Pure. */
  infer(inputs: readonly Shape[], p: ParamsOf<S>): InferResult;
  /** Trainable + non-trainable weights, as Keras's countParams() counts them. */
  paramCount(inputs: readonly Shape[], p: ParamsOf<S>): number;
  /** Multiply-adds x2 for one example (batch of 1), a rough cost for the status bar. */
  flops(inputs: readonly Shape[], outputs: readonly Shape[], p: ParamsOf<S>): number;
  /** The Keras layer this node compiles to (the compiler adds name and inbound nodes). */
  toKeras(p: ParamsOf<S>, inputs: readonly Shape[]): KerasLayerSpec;
  /** The short line under the node title, e.g. "32@3x3 s1 same". */
  describe?(p: ParamsOf<S>): string;
  /** Presets shown in the palette as their own entries (a 1x1 bottleneck is a Conv2D preset). */
  readonly presets?: readonly { readonly title: string; readonly summary: string; readonly params: Readonly<Record<string, ParamValue>> }[];
}

/** Any layer definition, as the registry stores it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLayerDef = LayerDef<any>;

/** Declares a layer with its param types inferred from the specs. */
export function defineLayer<const S extends ParamSpecs>(def: LayerDef<S>): LayerDef<S> {
  return def;
}

export const ok = (...shapes: Shape[]): InferResult => ({ ok: true, shapes });
export const fail = (message: string, extra: Omit<ShapeIssue, "message"> = {}): InferResult => ({ ok: false, issues: [{ message, ...extra }] });
