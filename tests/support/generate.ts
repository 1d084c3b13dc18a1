/**
 * Generated documents for benchmarks and tests: inception-like branching conv nets of an exact
 * node count, deterministic for a seed. Every node is a plain registry layer, every wire valid,
 * so the analysis of a generated graph has no errors and its cost is pure inference.
 */
import type { GraphDocument, GraphEdge, GraphNode, Params, PortRef } from "../../graph-ir/core/document.js";

/** mulberry32: a tiny seeded PRNG, so a seed gives the same graph on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Builder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private n = 0;

  add(prefix: string, kind: string, params: Params, from: readonly PortRef[]): PortRef {
    const id = `${prefix}${this.n++}`;
    this.nodes.push({ id, kind, params });
    if (from.length === 1) this.edges.push({ from: from[0]!, to: [id, "x"] });
    else from.forEach((src, i) => this.edges.push({ from: src, to: [id, `in${i}`] }));
    return [id, "y"];
  }
}

const conv = (filters: number, k: number, activation = "linear"): Params => ({ filters, kernelSize: [k, k], padding: "same", activation });

/**
 * An inception-like conv net with exactly `nodeCount` nodes (at least 4): Input, a stem
 * convolution, then inception modules (1x1 / 3x3 / 5x5 / pooled branches with ReLUs, joined by
 * Concatenate), residual modules (two convolutions added to the input, then ReLU) and the
 * occasional 2x2 max pooling, then global average pooling and a Dense classifier. One network
 * "net" from "input" to the classifier.
 */
export function generateConvNet(nodeCount: number, seed: number): GraphDocument {
  if (!Number.isInteger(nodeCount) || nodeCount < 4) throw new Error(`generateConvNet needs at least 4 nodes, got ${nodeCount}`);
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const b = new Builder();
  const input = b.add("input", "Input", { shape: [32, 32, 3] }, []);
  let x = b.add("stem", "Conv2D", conv(16, 3, "relu"), [input]);
  let channels = 16;
  let size = 32;
  const head = 2;
  const left = () => nodeCount - b.nodes.length - head;

  while (left() > 0) {
    const budget = left();
    const roll = rand();
    if (roll < 0.1 && size > 4 && budget >= 1) {
      x = b.add("pool", "MaxPooling2D", { poolSize: [2, 2], padding: "valid" }, [x]);
      size /= 2;
    } else if (roll < 0.45 && budget >= 5) {
      // Residual: conv-ReLU-conv keeps the channels, so the Add lines up with the input.
      const main = b.add("res_conv", "Conv2D", conv(channels, 3), [b.add("res_conv", "Conv2D", conv(channels, 3, "relu"), [x])]);
      x = b.add("res_relu", "ReLU", {}, [b.add("res_add", "Add", { inputs: 2 }, [main, x])]);
    } else if (budget >= 6) {
      // Inception: as many branches as the budget allows (a branch costs 1 to 4 nodes).
      const branches: PortRef[] = [];
      let spent = 1;
      let out = 0;
      const kinds = ["1x1", "3x3", "5x5", "pool"] as const;
      for (const kind of kinds) {
        const cost = kind === "1x1" ? 2 : 4;
        if (spent + cost > budget || (branches.length >= 2 && rand() < 0.25)) continue;
        const f = pick([4, 8, 12, 16]);
        out += f;
        spent += cost;
        if (kind === "1x1") branches.push(b.add("b1x1_relu", "ReLU", {}, [b.add("b1x1", "Conv2D", conv(f, 1), [x])]));
        else if (kind === "pool") {
          const pooled = b.add("bpool", "MaxPooling2D", { poolSize: [3, 3], strides: [1, 1], padding: "same" }, [x]);
          branches.push(b.add("bpool_relu", "ReLU", {}, [b.add("bpool_proj", "Conv2D", conv(f, 1), [b.add("bpool_bn", "BatchNormalization", {}, [pooled])])]));
        } else {
          const k = kind === "3x3" ? 3 : 5;
          const reduce = b.add(`b${kind}_reduce`, "Conv2D", conv(pick([4, 8]), 1, "relu"), [x]);
          branches.push(b.add(`b${kind}_relu`, "ReLU", {}, [b.add(`b${kind}_bn`, "BatchNormalization", {}, [b.add(`b${kind}`, "Conv2D", conv(f, k), [reduce])])]));
        }
      }
      if (branches.length >= 2) {
        x = b.add("concat", "Concatenate", { inputs: branches.length, axis: -1 }, branches);
        channels = out;
      } else if (branches.length === 1) {
        x = branches[0]!;
        channels = out;
      }
    } else {
      x = b.add("relu", "ReLU", {}, [x]);
    }
  }
  const pooled = b.add("gap", "GlobalAveragePooling2D", {}, [x]);
  const logits = b.add("logits", "Dense", { units: 10, activation: "softmax" }, [pooled]);
  return {
    format: "layerloom-graph", version: 1, name: `Generated conv net (${nodeCount} nodes, seed ${seed})`,
    blocks: {}, nodes: b.nodes, edges: b.edges,
    networks: [{ id: "net", inputs: [input[0]], outputs: [logits[0]] }],
    layout: {},
  };
}
