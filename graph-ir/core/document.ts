/**
 * The graph document: what a graph file holds once it has been parsed and validated.
 * Meaning (nodes, edges, blocks, networks, training) is kept apart from layout.
 * Shapes are never stored: they are derived by passes/infer.
 */

/** A param value as stored in a file. Tuples may hold null for "any size" (Input shapes). */
export type ParamValue = number | boolean | string | readonly (number | null)[];
export type Params = Readonly<Record<string, ParamValue>>;

export interface GraphNode {
  readonly id: string;
  /** A layer kind from the registry, a block defined in this document, or a standard block. */
  readonly kind: string;
  readonly params: Params;
  readonly label?: string;
}

/** [nodeId, portName]. Inside a block, "$in" and "$out" stand for the block's own ports. */
export type PortRef = readonly [string, string];

export interface GraphEdge {
  readonly from: PortRef;
  readonly to: PortRef;
}

export const BLOCK_IN = "$in";
export const BLOCK_OUT = "$out";

/** An exposed block param: its default and the inner node params it sets. */
export interface BlockParam {
  readonly default: ParamValue;
  readonly bind: readonly (readonly [string, string])[];
}

/** A reusable subgraph defined in the document; nodes whose kind names it are instances. */
export interface BlockDef {
  readonly title?: string;
  readonly summary?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly params: Readonly<Record<string, BlockParam>>;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** A trainable network: the nodes it starts from and the ones whose outputs it returns. */
export interface NetworkDef {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

export interface LossTerm {
  /** A node id named in the network's outputs. */
  readonly output: string;
  readonly loss: string;
  readonly weight: number;
}

export interface OptimizerSpec {
  readonly kind: "sgd" | "adam" | "rmsprop";
  readonly learningRate: number;
  readonly momentum?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly weightDecay?: number;
}

export interface TrainingSpec {
  readonly recipe: string;
  /** The networks the recipe binds, by role: { "model": "net" } or { "generator": "G", "discriminator": "D" }. */
  readonly networks: Readonly<Record<string, string>>;
  readonly dataset: string;
  readonly losses: readonly LossTerm[];
  readonly optimizer: OptimizerSpec;
  readonly batchSize: number;
  readonly epochs: number;
  readonly clipNorm?: number;
  readonly metrics?: readonly string[];
  /** Recipe-specific settings (numbers, strings, booleans only). */
  readonly options?: Readonly<Record<string, number | string | boolean>>;
}

export interface GraphDocument {
  readonly format: "layerloom-graph";
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  readonly blocks: Readonly<Record<string, BlockDef>>;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly networks: readonly NetworkDef[];
  readonly training?: TrainingSpec;
  /** Positions by node id; not part of the graph's meaning. */
  readonly layout: Readonly<Record<string, readonly [number, number]>>;
}

export const FORMAT = "layerloom-graph";
export const CURRENT_VERSION = 1;

export function emptyDocument(name = "Untitled"): GraphDocument {
  return { format: FORMAT, version: CURRENT_VERSION, name, blocks: {}, nodes: [], edges: [], networks: [], layout: {} };
}
