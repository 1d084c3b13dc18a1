/**
 * A small builder for standard block bodies, so each block reads as the layer chain it is
 * rather than as hand-written node and edge lists. Single-input layers take port "x" and give
 * "y"; merge layers (Add, Concatenate) take in0..in{n-1}, with their `inputs` param set to n.
 */
import { BLOCK_IN, BLOCK_OUT, type GraphEdge, type GraphNode, type Params, type PortRef } from "../core/document.js";
import type { Dim, Shape } from "../core/shape.js";
import type { BlockBody } from "./types.js";

/** The block's own input port, as seen from inside the body. */
export const blockInput = (port = "x"): PortRef => [BLOCK_IN, port];

export class BodyBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];

  /** Adds a single-input layer fed from `from`; returns its output, ready to feed the next one. */
  layer(id: string, kind: string, params: Params, from: PortRef): PortRef {
    this.nodes.push({ id, kind, params });
    this.edges.push({ from, to: [id, "x"] });
    return [id, "y"];
  }

  /** Adds a merge layer with one input port per source, in order. */
  merge(id: string, kind: string, params: Params, from: readonly PortRef[]): PortRef {
    this.nodes.push({ id, kind, params: { ...params, inputs: from.length } });
    from.forEach((src, i) => this.edges.push({ from: src, to: [id, `in${i}`] }));
    return [id, "y"];
  }

  /**
   * Joins any number of sources with an associative merge (Concatenate on one axis, Add),
   * nesting merges when there are more sources than one merge node takes. Merging groups and
   * then the groups gives the same tensor in the same channel order. One source passes through.
   */
  mergeAll(id: string, kind: string, params: Params, from: readonly PortRef[], maxInputs: number): PortRef {
    if (from.length === 1) return from[0]!;
    if (from.length <= maxInputs) return this.merge(id, kind, params, from);
    const groups: PortRef[] = [];
    for (let i = 0; i < from.length; i += maxInputs) {
      const chunk = from.slice(i, i + maxInputs);
      groups.push(this.mergeAll(`${id}_${groups.length}`, kind, params, chunk, maxInputs));
    }
    return this.mergeAll(id, kind, params, groups, maxInputs);
  }

  /** A bias-free "same" convolution, as ResNet-style blocks put one before each batch norm. */
  conv(id: string, filters: number, kernel: number, strides: readonly (number | null)[], from: PortRef): PortRef {
    return this.layer(id, "Conv2D", { filters, kernelSize: [kernel, kernel], strides, padding: "same", useBias: false }, from);
  }

  bn(id: string, from: PortRef): PortRef {
    return this.layer(id, "BatchNormalization", {}, from);
  }

  relu(id: string, from: PortRef): PortRef {
    return this.layer(id, "ReLU", {}, from);
  }

  /**
   * Ends a residual block: the shortcut is the input itself when it already has the output's
   * shape, else a strided 1×1 projection with batch norm; main + shortcut, then ReLU, to the output.
   */
  residualOutput(main: PortRef, input: Shape | undefined, outChannels: number, strides: readonly (number | null)[]): BlockBody {
    const x = blockInput();
    const shortcut = identityFits(input, outChannels, strides) ? x : this.bn("proj_bn", this.conv("proj", outChannels, 1, strides, x));
    return this.output(this.relu("relu_out", this.merge("add", "Add", {}, [main, shortcut]))).done();
  }

  /** Wires `from` to the block's output port. */
  output(from: PortRef, port = "y"): this {
    this.edges.push({ from, to: [BLOCK_OUT, port] });
    return this;
  }

  done(): BlockBody {
    return { nodes: [...this.nodes], edges: [...this.edges] };
  }
}

/** Output size of a "same"-padded window along one axis; symbolic sizes stay unknown. */
export function sameOutSize(size: Dim | undefined, stride: number): number | undefined {
  return typeof size === "number" ? Math.ceil(size / stride) : undefined;
}

/**
 * Whether a residual shortcut can be the identity: the input must be a rank-4 image whose
 * channels already equal the block's and whose height and width the strided main path keeps
 * (stride 1 keeps any size, symbolic ones included). Otherwise the shortcut needs a projection,
 * which lines up with every input.
 */
export function identityFits(input: Shape | undefined, outChannels: number, strides: readonly (number | null)[]): boolean {
  if (!input || input.length !== 4) return false;
  const [, h, w, c] = input;
  if (c !== outChannels) return false;
  const keeps = (size: Dim | undefined, stride: number): boolean => stride === 1 || (sameOutSize(size, stride) ?? -1) === size;
  return keeps(h, strides[0] ?? 1) && keeps(w, strides[1] ?? strides[0] ?? 1);
}
