/**
 * Typed parameter specs. One spec drives the inspector (widget, bounds, docs), validation of
 * stored values, and the TypeScript type a layer's rules see (ParamsOf).
 */
import type { ParamValue, Params } from "./document.js";

interface SpecBase {
  readonly label?: string;
  readonly doc?: string;
}
export interface IntSpec extends SpecBase { readonly type: "int"; readonly default: number; readonly min?: number; readonly max?: number }
export interface FloatSpec extends SpecBase { readonly type: "float"; readonly default: number; readonly min?: number; readonly max?: number }
export interface BoolSpec extends SpecBase { readonly type: "bool"; readonly default: boolean }
export interface EnumSpec<O extends string = string> extends SpecBase { readonly type: "enum"; readonly default: O; readonly options: readonly O[] }
/** A tuple of ints: kernel sizes, strides, shapes. `nullable` lets an entry be null ("any size"). */
export interface IntTupleSpec extends SpecBase {
  readonly type: "intTuple";
  readonly default: readonly (number | null)[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly min?: number;
  readonly max?: number;
  readonly nullable?: boolean;
}
export type ParamSpec = IntSpec | FloatSpec | BoolSpec | EnumSpec | IntTupleSpec;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S extends ParamSpec> =
  S extends IntSpec | FloatSpec ? number :
  S extends BoolSpec ? boolean :
  S extends EnumSpec<infer O> ? O :
  S extends IntTupleSpec ? readonly (number | null)[] : never;

/** The resolved, typed params a layer's rules receive (defaults filled in, values checked). */
export type ParamsOf<S extends ParamSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Largest size any single dimension or count may take; guards against absurd files. */
export const MAX_DIM = 1 << 20;

export interface ParamProblem {
  readonly param: string;
  readonly message: string;
}

/** Checks one value against its spec; returns a message in the user's terms, or undefined. */
export function checkParam(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.type) {
    case "int":
    case "float": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a finite number`;
      if (spec.type === "int" && !Number.isInteger(value)) return `must be a whole number`;
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
      return undefined;
    }
    case "bool":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "enum":
      return typeof value === "string" && spec.options.includes(value) ? undefined : `must be one of ${spec.options.join(", ")}`;
    case "intTuple": {
      if (!Array.isArray(value)) return `must be a list of whole numbers`;
      const arr = value as readonly unknown[];
      if (arr.length < spec.minLength || arr.length > spec.maxLength) {
        return spec.minLength === spec.maxLength ? `must have ${spec.minLength} entries` : `must have ${spec.minLength} to ${spec.maxLength} entries`;
      }
      for (const v of arr) {
        if (v === null) { if (!spec.nullable) return "entries must be whole numbers"; continue; }
        if (typeof v !== "number" || !Number.isInteger(v)) return "entries must be whole numbers";
        if (spec.min !== undefined && v < spec.min) return `entries must be at least ${spec.min}`;
        if (spec.max !== undefined && v > spec.max) return `entries must be at most ${spec.max}`;
      }
      return undefined;
    }
  }
}

/**
 * Fills defaults and checks every stored value. Unknown stored params are reported, never kept.
 * On problems the default stands in, so shape inference can still run and report more.
 */
export function resolveParams<S extends ParamSpecs>(specs: S, stored: Params): { values: ParamsOf<S>; problems: ParamProblem[] } {
  const values: Record<string, ParamValue> = Object.create(null) as Record<string, ParamValue>;
  const problems: ParamProblem[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const has = Object.prototype.hasOwnProperty.call(stored, name);
    const v = has ? stored[name]! : spec.default;
    const problem = has ? checkParam(spec, v) : undefined;
    if (problem) {
      problems.push({ param: name, message: problem });
      values[name] = spec.default;
    } else {
      values[name] = v;
    }
  }
  for (const name of Object.keys(stored)) {
    if (!Object.prototype.hasOwnProperty.call(specs, name)) problems.push({ param: name, message: "is not a parameter of this layer" });
  }
  return { values: values as ParamsOf<S>, problems };
}

/** Spec constructors keep layer files short and readable. */
export const p = {
  int: (def: number, min?: number, max?: number, doc?: string): IntSpec => ({ type: "int", default: def, min, max, doc }),
  float: (def: number, min?: number, max?: number, doc?: string): FloatSpec => ({ type: "float", default: def, min, max, doc }),
  bool: (def: boolean, doc?: string): BoolSpec => ({ type: "bool", default: def, doc }),
  enum: <const O extends string>(options: readonly O[], def: O, doc?: string): EnumSpec<O> => ({ type: "enum", options, default: def, doc }),
  tuple: (def: readonly (number | null)[], opts: { minLength?: number; maxLength?: number; min?: number; max?: number; nullable?: boolean; doc?: string } = {}): IntTupleSpec => ({
    type: "intTuple",
    default: def,
    minLength: opts.minLength ?? def.length,
    maxLength: opts.maxLength ?? def.length,
    min: opts.min,
    max: opts.max,
    nullable: opts.nullable,
    doc: opts.doc,
  }),
};
