/**
 * Standard blocks: composite nodes that ship with Layerloom (auxiliary classifier head,
 * inception module, residual block, ResNeXt block). Like blocks defined in a document, an
 * instance expands to a subgraph; unlike them, the body is built by code from the params and
 * the input shapes (a residual block adds a projection shortcut only when shapes differ).
 * Inside the body, edges from [BLOCK_IN, port] and to [BLOCK_OUT, port] are the block's ports.
 */
import type { GraphEdge, GraphNode } from "../core/document.js";
import type { ParamSpecs, ParamsOf } from "../core/params.js";
import type { Shape } from "../core/shape.js";

export interface BlockBody {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface StandardBlock<S extends ParamSpecs = ParamSpecs> {
  readonly kind: string;
  readonly title: string;
  readonly summary: string;
  readonly params: S;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Loss weight a training section should give this block's output by default (aux heads: 0.3). */
  readonly defaultLossWeight?: number;
  build(p: ParamsOf<S>, inputs: readonly Shape[]): BlockBody;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStandardBlock = StandardBlock<any>;

export function defineBlock<const S extends ParamSpecs>(def: StandardBlock<S>): StandardBlock<S> {
  return def;
}
