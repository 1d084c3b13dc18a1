/**
 * What a wire says about its tensor: the shape as a short label (B×28×28×32), each dimension
 * by name for the hover card (batch, height, width, channels), and, for layers with a sliding
 * window, the arithmetic that produced each spatial size ("28 = ⌊(32 − 5 + 0)/1⌋ + 1"), so a
 * person can see why a size came out as it did. Pure: derived from the analysis.
 */
import type { ParamValue } from "../../graph-ir/core/document.js";
import { dimNames, formatShape, isKnown, type Dim, type Shape } from "../../graph-ir/core/shape.js";
import type { NodeAnalysis } from "../../graph-ir/passes/types.js";

/** The label on a wire; undefined when the shape is not known (an error upstream). */
export function shapeLabel(shape: Shape | undefined): string | undefined {
  return shape ? formatShape(shape) : undefined;
}

export interface NamedDim {
  readonly name: string;
  readonly size: string;
}

/** The dims of a shape by name: batch B, height 28, ... ("B" reads "any" for the batch). */
export function namedDims(shape: Shape): NamedDim[] {
  const names = dimNames(shape);
  return shape.map((d, i) => ({ name: names[i] ?? `d${i}`, size: String(d) }));
}

const num = (v: ParamValue | undefined): number[] | undefined =>
  Array.isArray(v) ? v.map((x) => (typeof x === "number" ? x : NaN)) : typeof v === "number" ? [v] : undefined;

/** One axis of a window: kernel taps, stride, dilation. */
interface Axis {
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
}

interface WindowSpec {
  readonly axes: readonly Axis[];
  readonly padding: string;
  readonly transposed: boolean;
  /** How the output channels come about, when the layer sets them. */
  readonly channels?: string;
}

const CONV = new Set(["Conv1D", "Conv2D", "SeparableConv2D", "DepthwiseConv2D"]);
const POOL = /^(Max|Average)Pooling[12]D$/;

/** The window settings of a node whose output size comes from sliding a window; else undefined. */
function windowSpec(node: NodeAnalysis): WindowSpec | undefined {
  const p = node.params;
  const padding = typeof p.padding === "string" ? p.padding : "valid";
  if (CONV.has(node.kind) || node.kind === "Conv2DTranspose") {
    const kernel = num(p.kernelSize), strides = num(p.strides);
    if (!kernel || !strides) return undefined;
    const dilation = num(p.dilationRate) ?? kernel.map(() => 1);
    const axes = kernel.map((k, i) => ({ kernel: k, stride: strides[i] ?? 1, dilation: dilation[i] ?? 1 }));
    const channels =
      node.kind === "DepthwiseConv2D"
        ? `input channels × depthMultiplier ${String(p.depthMultiplier ?? 1)}`
        : typeof p.filters === "number" ? `filters` : undefined;
    return { axes, padding, transposed: node.kind === "Conv2DTranspose", ...(channels ? { channels } : {}) };
  }
  if (POOL.test(node.kind)) {
    const pool = num(p.poolSize);
    if (!pool) return undefined;
    // An empty stride means "the pool size", as Keras's strides=None.
    const strides = Array.isArray(p.strides) ? p.strides : [];
    const axes = pool.map((k, i) => {
      const s = strides[i];
      return { kernel: k, stride: typeof s === "number" ? s : k, dilation: 1 };
    });
    return { axes, padding, transposed: false };
  }
  return undefined;
}

const paren = (d: Dim): string => (isKnown(d) || /^[\p{L}_]\w*$/u.test(d) ? String(d) : `(${d})`);

/** The arithmetic for one spatial axis, as tfjs computes it (see conv.ts convOutSize/deconvOutSize). */
function axisLine(name: string, input: Dim, output: Dim, a: Axis, padding: string, transposed: boolean): string {
  const out = String(output);
  if (transposed) {
    const extra = padding === "valid" ? ` + max(${a.kernel} − ${a.stride}, 0)` : "";
    return `${name}: ${out} = ${paren(input)}·${a.stride}${extra}`;
  }
  if (padding === "same") return `${name}: ${out} = ⌈${paren(input)}/${a.stride}⌉ (padding same)`;
  const span = a.kernel + (a.kernel - 1) * (a.dilation - 1);
  const dilated = a.dilation > 1 ? ` (kernel ${a.kernel} dilated by ${a.dilation} spans ${span})` : "";
  return `${name}: ${out} = ⌊(${paren(input)} − ${span} + 0)/${a.stride}⌋ + 1${dilated}`;
}

/**
 * How the node's output on `port` got its size, one line per derived dim; empty when the layer
 * does not slide a window or the shapes are not known.
 */
export function shapeArithmetic(node: NodeAnalysis, port: string): string[] {
  const spec = windowSpec(node);
  const input = node.inputs[node.ports.inputs[0] ?? ""];
  const output = node.outputs[port];
  if (!spec || !input || !output || input.length !== output.length || input.length !== spec.axes.length + 2) return [];
  const names = dimNames(output);
  const lines = spec.axes.map((a, i) => axisLine(names[i + 1] ?? `d${i + 1}`, input[i + 1]!, output[i + 1]!, a, spec.padding, spec.transposed));
  const channels = output[output.length - 1]!;
  if (spec.channels) lines.push(`${names[names.length - 1] ?? "channels"}: ${String(channels)} = ${spec.channels}`);
  return lines;
}
