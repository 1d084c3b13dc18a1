/**
 * Graph documents for tests, built tersely and always as fresh objects.
 *
 *   const doc = graph("MLP")
 *     .node("x", "Input", { shape: [784] }, { at: [0, 0] })
 *     .layer("h", "Dense", { units: 32 }, "x")        // node + edge x.y -> h.x
 *     .layer("out", "Dense", { units: 10 }, "h")
 *     .network("net", ["x"], ["out"])
 *     .build();
 *
 * Port shorthand: a bare node id means its "y" output when it is the source of an edge and its
 * "x" input when it is the target, which is what single-port layers use; pass [id, port] for any
 * other port. Nothing here checks that kinds or ports exist: tests of validation need bad graphs.
 */
import type { BlockDef, BlockParam, GraphDocument, GraphEdge, GraphNode, NetworkDef, ParamValue, PortRef, TrainingSpec } from "../../graph-ir/core/document.js";
import { BLOCK_IN, BLOCK_OUT, emptyDocument } from "../../graph-ir/core/document.js";

export type End = string | PortRef;
type Params = Record<string, ParamValue>;

const source = (e: End): PortRef => (typeof e === "string" ? [e, "y"] : e);
const target = (e: End): PortRef => (typeof e === "string" ? [e, "x"] : e);

/** An edge from `from` to `to`, with the port shorthand above. */
export function edge(from: End, to: End): GraphEdge {
  return { from: source(from), to: target(to) };
}

export class GraphBuilder {
  private nodes: GraphNode[] = [];
  private edges: GraphEdge[] = [];
  private networks: NetworkDef[] = [];
  private blocks: Record<string, BlockDef> = {};
  private layout: Record<string, readonly [number, number]> = {};
  private trainingSpec: TrainingSpec | undefined;
  private descriptionText: string | undefined;

  constructor(private readonly name: string) {}

  /** Adds a node; `at` also records its position. */
  node(id: string, kind: string, params: Params = {}, opts: { label?: string; at?: readonly [number, number] } = {}): this {
    this.nodes.push({ id, kind, params: { ...params }, ...(opts.label !== undefined ? { label: opts.label } : {}) });
    if (opts.at) this.layout[id] = [...opts.at] as const;
    return this;
  }

  /** Adds a node fed from each of `inputs` into its "x" port (the usual single-input layer). */
  layer(id: string, kind: string, params: Params, ...inputs: End[]): this {
    this.node(id, kind, params);
    for (const i of inputs) this.edge(i, id);
    return this;
  }

  edge(from: End, to: End): this {
    this.edges.push(edge(from, to));
    return this;
  }

  at(id: string, x: number, y: number): this {
    this.layout[id] = [x, y];
    return this;
  }

  network(id: string, inputs: readonly string[], outputs: readonly string[]): this {
    this.networks.push({ id, inputs: [...inputs], outputs: [...outputs] });
    return this;
  }

  block(name: string, def: BlockDef): this {
    this.blocks[name] = def;
    return this;
  }

  /** A supervised training section; anything given overrides the defaults. */
  training(spec: Partial<TrainingSpec> = {}): this {
    this.trainingSpec = {
      recipe: "supervised",
      networks: { model: this.networks[0]?.id ?? "net" },
      dataset: "synthetic:shapes-10",
      losses: [],
      optimizer: { kind: "adam", learningRate: 0.001 },
      batchSize: 32,
      epochs: 1,
      ...spec,
    };
    return this;
  }

  description(text: string): this {
    this.descriptionText = text;
    return this;
  }

  build(): GraphDocument {
    return structuredClone({
      ...emptyDocument(this.name),
      ...(this.descriptionText !== undefined ? { description: this.descriptionText } : {}),
      blocks: this.blocks,
      nodes: this.nodes,
      edges: this.edges,
      networks: this.networks,
      ...(this.trainingSpec ? { training: this.trainingSpec } : {}),
      layout: this.layout,
    });
  }
}

export function graph(name = "Test graph"): GraphBuilder {
  return new GraphBuilder(name);
}

/**
 * A block definition. Inside it, edges use BLOCK_IN / BLOCK_OUT for the block's own ports:
 * blockDef({ inputs: ["x"], outputs: ["y"], nodes: [...], edges: [edge([BLOCK_IN, "x"], "conv"), edge("conv", [BLOCK_OUT, "y"])] }).
 */
export function blockDef(def: {
  inputs: readonly string[];
  outputs: readonly string[];
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  params?: Record<string, BlockParam>;
  title?: string;
  summary?: string;
}): BlockDef {
  return { ...def, params: def.params ?? {} };
}

/** A node value for blockDef and addNode edits. */
export function node(id: string, kind: string, params: Params = {}, label?: string): GraphNode {
  return { id, kind, params: { ...params }, ...(label !== undefined ? { label } : {}) };
}

/** Input(784) -> Dense(32, relu) -> Dense(10), one network, a training section, a layout. */
export function mlp(): GraphDocument {
  return graph("MLP")
    .node("x", "Input", { shape: [784] }, { at: [0, 0] })
    .layer("h", "Dense", { units: 32, activation: "relu" }, "x")
    .layer("out", "Dense", { units: 10 }, "h")
    .at("h", 0, 120)
    .at("out", 0, 240)
    .network("net", ["x"], ["out"])
    .training({ losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], metrics: ["accuracy"] })
    .build();
}

/**
 * A document that uses every part of the format: a description, labels, a block with an
 * exposed param bound to inner nodes and a pass-through, two instances of it, an auxiliary head,
 * a merge, two networks, training with several losses, optimizer extras, options and a layout.
 */
export function richDocument(): GraphDocument {
  const res = blockDef({
    title: "Residual unit",
    summary: "Two convolutions with a skip connection.",
    inputs: ["x"],
    outputs: ["y"],
    params: { filters: { default: 16, bind: [["c1", "filters"], ["c2", "filters"]] } },
    nodes: [node("c1", "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same" }), node("c2", "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same" }), node("add", "Add", { inputs: 2 })],
    edges: [edge([BLOCK_IN, "x"], "c1"), edge("c1", "c2"), edge("c2", ["add", "in0"]), edge([BLOCK_IN, "x"], ["add", "in1"]), edge(["add", "y"], [BLOCK_OUT, "y"])],
  });
  return graph("Rich test graph")
    .description("Every part of the graph format, for round-trip and fuzz tests.")
    .block("ResUnit", res)
    .node("img", "Input", { shape: [32, 32, 3] }, { at: [0, 0], label: "Image" })
    .layer("stem", "Conv2D", { filters: 16, kernelSize: [3, 3], padding: "same", activation: "relu" }, "img")
    .layer("r1", "ResUnit", {}, "stem")
    .layer("r2", "ResUnit", { filters: 16 }, "r1")
    .layer("gap", "GlobalAveragePooling2D", {}, "r2")
    .layer("logits", "Dense", { units: 10, activation: "softmax" }, "gap")
    .layer("auxPool", "AveragePooling2D", { poolSize: [5, 5], strides: [3, 3] }, "r1")
    .layer("auxFlat", "Flatten", {}, "auxPool")
    .layer("aux", "Dense", { units: 10, activation: "softmax", useBias: false }, "auxFlat")
    .node("noise", "LatentInput", { dim: 8, distribution: "normal" }, { at: [400, 0] })
    .layer("gen", "Dense", { units: 16 }, "noise")
    .node("cat", "Concatenate", { inputs: 2, axis: -1 })
    .edge("gen", ["cat", "in0"])
    .edge("noise", ["cat", "in1"])
    .at("stem", 0, 100).at("r1", 0, 200).at("r2", 0, 300).at("logits", 0, 500).at("aux", 200, 400).at("cat", 400, 200)
    .network("classifier", ["img"], ["logits", "aux"])
    .network("generator", ["noise"], ["cat"])
    .training({
      networks: { model: "classifier" },
      losses: [
        { output: "logits", loss: "categoricalCrossentropy", weight: 1 },
        { output: "aux", loss: "categoricalCrossentropy", weight: 0.3 },
      ],
      optimizer: { kind: "sgd", learningRate: 0.01, momentum: 0.9, weightDecay: 0.0005 },
      batchSize: 64,
      epochs: 5,
      clipNorm: 1,
      metrics: ["accuracy"],
      options: { labelSmoothing: 0.1, augment: true, schedule: "cosine" },
    })
    .build();
}

/** Freezes a value and everything in it, so a test fails loudly if code mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
