/**
 * The state one graph level is evaluated in: the kinds known, the block-body cache, the nesting
 * depth, and the level itself (the document's top level, or a block body).
 */
import type { GraphDocument } from "../core/document.js";
import type { Shape } from "../core/shape.js";
import type { Ports } from "../layers/types.js";
import type { GraphIndex } from "./graph-index.js";
import type { BodyResult, KindEnv, NodeAnalysis } from "./types.js";

/** Largest weight count of one layer: beyond it nothing could allocate, let alone train it. */
export const MAX_PARAMS = 2e9;
/** How deep block instances may nest. */
export const MAX_BLOCK_DEPTH = 16;

export interface EvalContext {
  readonly env: KindEnv;
  /** Document blocks that contain themselves, with the chain that shows it. */
  readonly recursive: ReadonlyMap<string, readonly string[]>;
  readonly cache: Map<string, BodyResult>;
  readonly depth: number;
  /** Counts "too deep" cut-offs: a body that hit one depends on its depth, so is not cached. */
  readonly cutoffs: { count: number };
  /** Evaluates a level (a block body, from inside an instance); evaluate.ts supplies it. */
  readonly evaluate: (ctx: EvalContext, level: Level) => NodeAnalysis[];
}

export interface TopLevel {
  readonly doc: GraphDocument;
  readonly networkOutputs: ReadonlySet<string>;
}

export interface BodyLevel {
  readonly title: string;
  readonly ports: Ports;
  readonly inputs: readonly Shape[];
}

/** One graph level. In a body, nodes 0 and 1 stand for the block's inputs and outputs. */
export interface Level {
  readonly graph: GraphIndex;
  readonly top?: TopLevel;
  readonly body?: BodyLevel;
}

/** What arrives at a node's input ports. */
export interface Wiring {
  /** Shapes by input port (undefined where unknown). */
  readonly shapes: (Shape | undefined)[];
  /** Index of the single edge feeding each input port, if any. */
  readonly feeders: (number | undefined)[];
  readonly complete: boolean;
}
