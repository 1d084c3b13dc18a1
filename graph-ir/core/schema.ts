/**
 * The graph file format, version 1, as a zod schema. document.ts holds the types; this file
 * checks that untrusted JSON has exactly that shape and stays within limits that keep a hostile
 * file from exhausting memory or time. It checks structure only: unknown layer kinds, dangling
 * ports, cycles and out-of-range values load fine and are reported by validation.
 */
import { z } from "zod";
import type { BlockDef, BlockParam, GraphDocument, GraphEdge, GraphNode, LossTerm, NetworkDef, OptimizerSpec, TrainingSpec } from "./document.js";
import { BLOCK_IN, BLOCK_OUT, CURRENT_VERSION, FORMAT } from "./document.js";

/** Hard limits for one file. Generous for real networks, small enough to refuse attacks quickly. */
export const LIMITS = {
  /** Characters of file text, checked before parsing. */
  fileChars: 32 * 1024 * 1024,
  /** Nesting of lists and objects, checked on the raw text before parsing. */
  depth: 64,
  nodes: 20_000,
  edges: 50_000,
  blocks: 200,
  /** Any free text: names, descriptions, labels. */
  text: 10_000,
  idLength: 64,
  /** A string param value (enum options, names). */
  paramText: 256,
  tupleLength: 8,
  paramsPerNode: 256,
  blockPorts: 256,
  networks: 64,
  networkEnds: 1_000,
  losses: 256,
  metrics: 64,
  options: 256,
} as const;

/** Keys that can reach an object's prototype in programs that read these files. Never allowed. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A node id, port name, block name or kind: 1-64 letters, digits, _ or -, and not an unsafe key. */
export function isSafeId(s: unknown): s is string {
  return typeof s === "string" && ID_PATTERN.test(s) && !UNSAFE_KEYS.has(s);
}

export const ID_RULE = "must be 1 to 64 letters, digits, _ or - (and not __proto__, constructor or prototype)";
export const PARAM_VALUE_RULE = `must be a finite number, true or false, a text of at most ${LIMITS.paramText} characters, or a list of at most ${LIMITS.tupleLength} whole numbers or nulls`;

/**
 * Where in a parsed JSON value the first unsafe key sits, as path segments, or undefined.
 * JSON.parse stores "__proto__" as an own key, so Object.keys sees it. Recursion depth is
 * bounded because load.ts limits nesting before parsing.
 */
export function findUnsafeKey(value: unknown): (string | number)[] | undefined {
  // The path is built only on the way out of a hit, so clean files allocate nothing.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeKey(value[i]);
      if (found) return [i, ...found];
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (UNSAFE_KEYS.has(key)) return [key];
      const found = findUnsafeKey((value as Record<string, unknown>)[key]);
      if (found) return [key, ...found];
    }
  }
  return undefined;
}

const text = (max: number = LIMITS.text) => z.string().max(max, { error: `must be at most ${max} characters long` });

export const idSchema = z.string().refine(isSafeId, { error: ID_RULE });

/** A finite number (zod 4 refuses Infinity and NaN already; JSON turns 1e400 into Infinity). */
const finite = z.number();
const wholeNumber = z.number().int({ error: "must be a whole number" });

export const paramValueSchema = z.union(
  [finite, z.boolean(), z.string().max(LIMITS.paramText), z.array(z.union([z.number().int(), z.null()])).max(LIMITS.tupleLength)],
  { error: PARAM_VALUE_RULE },
);

/**
 * A record keyed by safe ids, with at most `max` entries. zod drops a "__proto__" key silently,
 * so unsafe keys are refused on the raw input before the record is parsed.
 */
function record<V extends z.ZodType>(value: V, max: number, what: string) {
  return z
    .unknown()
    .check((ctx) => {
      const v = ctx.value;
      if (v === null || typeof v !== "object" || Array.isArray(v)) return;
      const keys = Object.keys(v);
      const bad = keys.find((k) => UNSAFE_KEYS.has(k));
      if (bad !== undefined) ctx.issues.push({ code: "custom", message: `the key "${bad}" is not allowed`, input: v, path: [bad] });
      else if (keys.length > max) ctx.issues.push({ code: "custom", message: `has ${keys.length} ${what}; at most ${max} are allowed`, input: v });
    })
    .pipe(z.record(idSchema, value));
}

const positionSchema = z.tuple([finite, finite]);

export const nodeSchema = z.strictObject({
  id: idSchema,
  kind: idSchema,
  params: record(paramValueSchema, LIMITS.paramsPerNode, "params"),
  label: text().optional(),
});

const portRef = z.tuple([idSchema, idSchema]);
export const edgeSchema = z.strictObject({ from: portRef, to: portRef });

/** Inside a block, edges may start at "$in" (the block's inputs) and end at "$out" (its outputs). */
const blockEnd = (port: string, side: string) =>
  z.string().refine((s) => s === port || isSafeId(s), { error: `must be a node id of this block, or "${port}" for the block's ${side}` });
const blockEdgeSchema = z.strictObject({
  from: z.tuple([blockEnd(BLOCK_IN, "inputs"), idSchema]),
  to: z.tuple([blockEnd(BLOCK_OUT, "outputs"), idSchema]),
});

const blockParamSchema = z.strictObject({
  default: paramValueSchema,
  bind: z.array(z.tuple([idSchema, idSchema])).max(LIMITS.paramsPerNode),
});

const uniqueIds = (items: readonly { readonly id: string }[], listPath: string, what: string, ctx: z.core.$RefinementCtx) => {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else ctx.addIssue({ code: "custom", path: [listPath, i, "id"], message: `repeats the id "${item.id}" of ${listPath}[${seen}]; every ${what} needs its own id` });
  });
};

const uniqueNames = (names: readonly string[], listPath: string, ctx: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) ctx.addIssue({ code: "custom", path: [listPath, i], message: `repeats the port name "${name}"` });
    seen.add(name);
  });
};

export const blockDefSchema = z
  .strictObject({
    title: text().optional(),
    summary: text().optional(),
    inputs: z.array(idSchema).max(LIMITS.blockPorts),
    outputs: z.array(idSchema).max(LIMITS.blockPorts),
    params: record(blockParamSchema, LIMITS.paramsPerNode, "params"),
    nodes: z.array(nodeSchema).max(LIMITS.nodes),
    edges: z.array(blockEdgeSchema).max(LIMITS.edges),
  })
  .superRefine((b, ctx) => {
    uniqueIds(b.nodes, "nodes", "node", ctx);
    uniqueNames(b.inputs, "inputs", ctx);
    uniqueNames(b.outputs, "outputs", ctx);
  });

export const networkSchema = z.strictObject({
  id: idSchema,
  inputs: z.array(idSchema).max(LIMITS.networkEnds),
  outputs: z.array(idSchema).max(LIMITS.networkEnds),
});

const optimizerSchema = z.strictObject({
  kind: z.enum(["sgd", "adam", "rmsprop"], { error: 'must be "sgd", "adam" or "rmsprop"' }),
  learningRate: finite,
  momentum: finite.optional(),
  beta1: finite.optional(),
  beta2: finite.optional(),
  weightDecay: finite.optional(),
});

const trainingSchema = z.strictObject({
  recipe: idSchema,
  networks: record(idSchema, LIMITS.networks, "networks"),
  dataset: text(1_000),
  losses: z.array(z.strictObject({ output: idSchema, loss: idSchema, weight: finite })).max(LIMITS.losses),
  optimizer: optimizerSchema,
  batchSize: wholeNumber,
  epochs: wholeNumber,
  clipNorm: finite.optional(),
  metrics: z.array(idSchema).max(LIMITS.metrics).optional(),
  options: record(z.union([finite, z.string().max(LIMITS.paramText), z.boolean()], { error: `must be a finite number, a text of at most ${LIMITS.paramText} characters, or true or false` }), LIMITS.options, "options").optional(),
});

/**
 * A whole graph file at the current version. Lists and maps may be left out of hand-written
 * files and default to empty; unknown fields are refused (load.ts turns them into warnings).
 */
export const graphFileSchema = z
  .strictObject({
    format: z.literal(FORMAT),
    version: z.literal(CURRENT_VERSION),
    name: text(),
    description: text().optional(),
    blocks: record(blockDefSchema, LIMITS.blocks, "blocks").default({}),
    nodes: z.array(nodeSchema).max(LIMITS.nodes).default([]),
    edges: z.array(edgeSchema).max(LIMITS.edges).default([]),
    networks: z.array(networkSchema).max(LIMITS.networks).default([]),
    training: trainingSchema.optional(),
    layout: record(positionSchema, LIMITS.nodes, "positions").default({}),
  })
  .superRefine((d, ctx) => {
    uniqueIds(d.nodes, "nodes", "node", ctx);
    uniqueIds(d.networks, "networks", "network", ctx);
  });

export type GraphFile = z.output<typeof graphFileSchema>;

// Compile-time proof that the schema and document.ts agree both ways: what the schema lets
// through is a GraphDocument, and every field of the types has a place in the schema.
type Assert<T extends true> = T;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Out<S extends z.ZodType> = z.output<S>;
export type SchemaMatchesDocument = [
  Assert<GraphFile extends GraphDocument ? true : false>,
  Assert<SameKeys<GraphFile, GraphDocument>>,
  Assert<SameKeys<Out<typeof nodeSchema>, GraphNode>>,
  Assert<SameKeys<Out<typeof edgeSchema>, GraphEdge>>,
  Assert<SameKeys<Out<typeof blockDefSchema>, BlockDef>>,
  Assert<SameKeys<Out<typeof blockParamSchema>, BlockParam>>,
  Assert<SameKeys<Out<typeof networkSchema>, NetworkDef>>,
  Assert<SameKeys<Out<typeof trainingSchema>, TrainingSpec>>,
  Assert<SameKeys<Out<typeof optimizerSchema>, OptimizerSpec>>,
  Assert<SameKeys<Out<typeof trainingSchema>["losses"][number], LossTerm>>,
];

const TYPE_WORDS: Record<string, string> = {
  number: "a number", string: "a text", boolean: "true or false", array: "a list", object: "an object", null: "null",
  undefined: "missing", int: "a whole number", tuple: "a list", record: "an object", map: "an object", literal: "a fixed value",
};

/** "a", "a or b", "a, b or c". */
function either(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "a number too large to store";
  if (typeof v === "string") return "a text";
  if (typeof v === "boolean") return "true or false";
  if (typeof v === "object") return "an object";
  return "missing";
}

/** One zod issue as a phrase completing "<path> ...", in words a person editing the file understands. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      return input === undefined ? `is missing; it must be ${want}` : `must be ${want}, not ${kindOf(input)}`;
    }
    case "too_big":
      return issue.origin === "array"
        ? `has ${Array.isArray(input) ? input.length : "too many"} entries; at most ${issue.maximum} are allowed`
        : issue.origin === "string" ? `is longer than ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case "too_small":
      return issue.origin === "array" ? `must have at least ${issue.minimum} entries` : issue.origin === "string" ? `must not be empty` : `must be at least ${issue.minimum}`;
    case "invalid_value":
      return `must be ${either(issue.values.map((v) => JSON.stringify(v)))}`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_key":
      return `is not a valid name: names ${ID_RULE}`;
    default:
      return issue.message;
  }
}

/** JSON path segments as people read them: nodes[3].params.units, layout["my node"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || "The file";
}

/** The value at a path inside parsed JSON, or undefined (own properties only). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg as string | number)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg as string | number];
  }
  return cur;
}
