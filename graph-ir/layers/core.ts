/** Inputs, Dense and Dropout: the layers every network starts and ends with. */
import { p, MAX_DIM } from "../core/params.js";
import { dimNames, isKnown, type Dim, type Shape } from "../core/shape.js";
import { activationParam, knownProduct, lastDim, singlePort } from "./common.js";
import { defineLayer, fail, ok } from "./types.js";

const SYMBOL_FOR: Record<string, string> = { time: "T", height: "H", width: "W" };

/** A free (null) dim of an Input becomes a named symbol so it can be followed through the graph. */
export function inputShape(shape: readonly (number | null)[]): Shape {
  const full: Dim[] = ["B", ...shape.map((d) => d ?? "?")];
  const names = dimNames(full);
  return full.map((d, i) => (d === "?" ? SYMBOL_FOR[names[i]!] ?? `D${i}` : d));
}

export const Input = defineLayer({
  kind: "Input",
  title: "Input",
  category: "input",
  summary: "Where data enters the network; the shape excludes the batch dimension.",
  params: {
    shape: p.tuple([28, 28, 1], { minLength: 1, maxLength: 4, min: 1, max: MAX_DIM, nullable: true, doc: "Size of one example; null for a free size (sequence length)." }),
    dtype: p.enum(["float32", "int32"], "float32", "int32 for token ids fed to an Embedding."),
  },
  ports: () => ({ inputs: [], outputs: ["y"] }),
  infer: (_inputs, q) => ok(inputShape(q.shape)),
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "InputLayer", config: { batch_input_shape: [null, ...q.shape], dtype: q.dtype, sparse: false } }),
  describe: (q) => q.shape.map((d) => d ?? "?").join("×"),
});

export const LatentInput = defineLayer({
  kind: "LatentInput",
  title: "Latent noise",
  category: "input",
  summary: "A random vector z fed to a generator; the recipe samples it each step.",
  params: {
    dim: p.int(8, 1, 65536, "Length of z."),
    distribution: p.enum(["normal", "uniform"], "normal", "How the training recipe samples z."),
  },
  ports: () => ({ inputs: [], outputs: ["y"] }),
  infer: (_inputs, q) => ok(["B", q.dim]),
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "InputLayer", config: { batch_input_shape: [null, q.dim], dtype: "float32", sparse: false } }),
  describe: (q) => `z ∈ ℝ^${q.dim} ${q.distribution}`,
});

export const Dense = defineLayer({
  kind: "Dense",
  title: "Dense",
  category: "core",
  summary: "Fully connected layer: every output unit sees every input feature.",
  params: {
    units: p.int(64, 1, MAX_DIM, "Number of output features."),
    activation: activationParam(),
    useBias: p.bool(true),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    if (x.length > 3) {
      return fail(`Dense expects a vector (or a sequence of vectors) but gets ${x.join("×")}`, {
        port: "x",
        fixes: [
          { label: "Insert Flatten", action: "insertBefore", port: "x", layer: "Flatten" },
          { label: "Insert Global Average Pooling", action: "insertBefore", port: "x", layer: x.length === 4 ? "GlobalAveragePooling2D" : "Flatten" },
        ],
      });
    }
    if (x.length < 2) return fail("Dense needs at least one feature dimension", { port: "x" });
    if (!isKnown(lastDim(x))) return fail(`Dense needs a known feature size, but the last dimension is ${String(lastDim(x))}`, { port: "x" });
    return ok([...x.slice(0, -1), q.units]);
  },
  paramCount: ([x], q) => (x ? (lastDim(x) as number) * q.units + (q.useBias ? q.units : 0) : 0),
  flops: ([x], _out, q) => (x ? 2 * knownProduct(x.slice(1)) * q.units : 0),
  toKeras: (q) => ({ className: "Dense", config: { units: q.units, activation: q.activation, use_bias: q.useBias } }),
  describe: (q) => `${q.units}${q.activation === "linear" ? "" : " " + q.activation}`,
});

export const Dropout = defineLayer({
  kind: "Dropout",
  title: "Dropout",
  category: "core",
  summary: "Zeroes a random fraction of values during training only, to fight overfitting.",
  params: { rate: p.float(0.5, 0, 0.99, "Fraction of values dropped.") },
  ports: () => singlePort,
  infer: ([x]) => (x ? ok(x) : fail("needs an input", { port: "x" })),
  paramCount: () => 0,
  flops: () => 0,
  toKeras: (q) => ({ className: "Dropout", config: { rate: q.rate } }),
  describe: (q) => `p=${q.rate}`,
});

export const coreLayers = { Input, LatentInput, Dense, Dropout };
