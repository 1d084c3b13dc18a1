/**
 * compileNetwork's topology, loaded by real tfjs: output shapes and weight counts must equal our
 * analysis, inputs must meet multi-input layers in port order, and multi-output layers must give
 * each port its tensor.
 */
import { describe, expect, it } from "vitest";
import * as tf from "../../../runtime/tf.js";
import { readFileSync } from "node:fs";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { toKerasShape } from "../../../graph-ir/core/shape.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { compileNetwork, kerasName } from "../../../graph-ir/passes/compile.js";
import { chain, doc, net, node, wire } from "./builders.js";
import { plausibleDocument } from "./plausible.js";

async function load(d: GraphDocument, network: string) {
  const a = analyze(d);
  const c = compileNetwork(d, network, a);
  if (!c.ok) throw new Error(c.diagnostics.map((x) => x.message).join("\n"));
  // Through JSON, as a saved topology would travel.
  const modelTopology = JSON.parse(JSON.stringify(c.topology)) as tf.io.ModelJSON["modelTopology"];
  const model = await tf.models.modelFromJSON({ modelTopology } as tf.io.ModelJSON);
  return { a, c, model };
}

/** Output shapes of a tfjs model, one list per output. */
const outShapes = (m: tf.LayersModel) => m.outputs.map((o) => o.shape);

/**
 * tfjs's symbolic shapes leave open some sizes it settles only when it runs (Reshape with -1
 * gives [null, null]); where tfjs says null, ours may know the size. Ranks and every size tfjs
 * does know must agree.
 */
const knownByTfjs = (tfjsShapes: (number | null)[][], ours: (number | null)[][]) => ours.map((o, i) => o.map((d, j) => (tfjsShapes[i]?.[j] === null ? null : d)));

/**
 * Two inputs. An image branch: conv -> {1x1 conv, pool} -> concat -> gap -> fc. A sequence
 * branch: LSTM returning its states. h joins fc in an Add, then a softmax head.
 */
const branching = doc({
  nodes: [
    node("img", "Input", { shape: [8, 8, 3] }),
    node("conv", "Conv2D", { filters: 4, padding: "same", activation: "relu" }),
    node("b1", "Conv2D", { filters: 2, kernelSize: [1, 1] }),
    node("b2", "MaxPooling2D", { poolSize: [3, 3], strides: [1, 1], padding: "same" }),
    node("cat", "Concatenate", { inputs: 2 }),
    node("gap", "GlobalAveragePooling2D"),
    node("fc", "Dense", { units: 5 }),
    node("seq", "Input", { shape: [6, 3] }),
    node("lstm", "LSTM", { units: 5, returnState: true }),
    node("add", "Add"),
    node("head", "Dense", { units: 3, activation: "softmax" }),
  ],
  edges: [
    ...chain("img", "conv", "b1"), wire("conv.y", "b2.x"), wire("b1.y", "cat.in0"), wire("b2.y", "cat.in1"), ...chain("cat", "gap", "fc"),
    ...chain("seq", "lstm"), wire("lstm.h", "add.in0"), wire("fc.y", "add.in1"), ...chain("add", "head"),
  ],
  networks: [net("two-branches", ["img", "seq"], ["head", "lstm", "cat"])],
});

describe("compileNetwork", () => {
  it("compiles a branching network with two inputs, merges and a multi-output layer that tfjs loads as analysed", async () => {
    const { a, c, model } = await load(branching, "two-branches");
    const summary = a.networks.get("two-branches")!;
    expect(model.countParams()).toBe(summary.params);
    expect(model.inputs.map((i) => i.shape)).toEqual(summary.inputs.map((i) => toKerasShape(i.shape!)));
    expect(outShapes(model)).toEqual(summary.outputs.map((o) => toKerasShape(o.shape!)));
    expect(c.outputs.map((o) => `${o.layer}:${o.tensorIndex}`)).toEqual(["head:0", "lstm:0", "lstm:1", "lstm:2", "cat:0"]);
    expect(c.topology.config.name).toBe("two-branches");
    // Every kept layer's own weight count agrees with the node's.
    for (const n of a.nodes.values()) expect(model.getLayer(n.id).countParams()).toBe(n.paramCount);
    // LSTM's h is its last output: port index = tensor index.
    const x = tf.randomNormal([2, 6, 3], 0, 1, "float32", 1);
    const outs = model.predict([tf.zeros([2, 8, 8, 3]), x]) as tf.Tensor[];
    expect(await outs[1]!.array()).toEqual(await outs[2]!.array());
    expect(await outs[1]!.array()).not.toEqual(await outs[3]!.array());
    model.dispose();
  });

  it("feeds a multi-input layer its inputs in port order", async () => {
    const d = doc({
      nodes: [node("a", "Input", { shape: [2] }), node("b", "Input", { shape: [3] }), node("cat", "Concatenate", { inputs: 2 })],
      // Wires listed b-first: the order must come from the ports, not the wire list.
      edges: [wire("b.y", "cat.in1"), wire("a.y", "cat.in0")],
      networks: [net("n", ["b", "a"], ["cat"])],
    });
    const { c, model } = await load(d, "n");
    expect(c.topology.config.layers.find((l) => l.name === "cat")!.inbound_nodes).toEqual([[["a", 0, 0, {}], ["b", 0, 0, {}]]]);
    const y = model.predict([tf.tensor2d([[7, 8, 9]]), tf.tensor2d([[1, 2]])]) as tf.Tensor;
    expect(await y.array()).toEqual([[1, 2, 7, 8, 9]]);
    model.dispose();
  });

  it("expands document and standard blocks into layers named instance__inner (GoogLeNet-mini)", async () => {
    const r = parseGraphFile(readFileSync("tests/fixtures/googlenet-mini.layerloom.json", "utf8"));
    if (!r.ok) throw new Error(r.error.message);
    const { a, c, model } = await load(r.doc, "net");
    const summary = a.networks.get("net")!;
    expect(model.countParams()).toBe(summary.params);
    expect(outShapes(model)).toEqual(summary.outputs.map((o) => toKerasShape(o.shape!)));
    const names = c.topology.config.layers.map((l) => l.name);
    expect(names).toContain("stem__conv1");
    expect(names).toContain("inc3a__concat");
    expect(names.every((n) => /^[A-Za-z0-9][-A-Za-z0-9._]*$/.test(n))).toBe(true);
    expect(c.layerNames.get("inc3a/concat")).toBe("inc3a__concat");
    model.dispose();
  });

  it("compiles each network of a document on its own (a GAN's generator and discriminator)", async () => {
    const r = parseGraphFile(readFileSync("tests/fixtures/toy-gan.layerloom.json", "utf8"));
    if (!r.ok) throw new Error(r.error.message);
    for (const id of ["G", "D"]) {
      const { a, model } = await load(r.doc, id);
      expect(model.countParams()).toBe(a.networks.get(id)!.params);
      model.dispose();
    }
  });

  it("refuses a network with errors, giving the errors, and an unknown network", () => {
    const bad = doc({ nodes: [node("img", "Input", { shape: [4, 4, 1] }), node("fc", "Dense")], edges: chain("img", "fc"), networks: [net("n", ["img"], ["fc"])] });
    const r = compileNetwork(bad, "n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([["shape-mismatch", "fc"]]);
    const u = compileNetwork(bad, "m");
    expect(!u.ok && u.diagnostics[0]!.code).toBe("unknown-network");
  });

  it("agrees with tfjs on shapes and weights for random plausible networks that compile (seeded)", async () => {
    const known = tf.serialization.SerializationMap.getMap().classNameMap;
    let checked = 0;
    for (let seed = 0; checked < 40 && seed < 2000; seed++) {
      const d = plausibleDocument(seed * 7919);
      const a = analyze(d);
      const c = compileNetwork(d, "net", a);
      // Layers tfjs lacks compile to custom classes that runtime/ registers; leave those out here.
      if (!c.ok || !c.topology.config.layers.every((l) => l.class_name in known)) continue;
      const model = await tf.models.modelFromJSON({ modelTopology: JSON.parse(JSON.stringify(c.topology)) } as tf.io.ModelJSON);
      const summary = a.networks.get("net")!;
      expect(model.countParams(), `seed ${seed * 7919}`).toBe(summary.params);
      const theirs = outShapes(model);
      expect(theirs, `seed ${seed * 7919}`).toEqual(knownByTfjs(theirs, summary.outputs.map((o) => toKerasShape(o.shape!))));
      model.dispose();
      checked++;
    }
    expect(checked).toBe(40);
  });

  it("makes Keras-safe layer names", () => {
    expect(kerasName("inc3a/b1_1x1")).toBe("inc3a__b1_1x1");
    expect(kerasName("_hidden")).toBe("n_hidden");
    expect(kerasName("a b")).toBe("a_b");
  });
});
