/**
 * Graph document -> tf.LayersModel for every network, with seeded initial weights and a way
 * back from Keras layer names to the nodes on the canvas.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { MaterializeError, materializeDocument, materializeNetwork } from "../../../runtime/materialize/materialize.js";
import { describeNode } from "../../../runtime/materialize/node-ref.js";
import * as tf from "../../../runtime/tf.js";
import { graph } from "../../support/docs.js";
import { useCpu } from "./support.js";

beforeAll(useCpu);

function fixture(name: string): GraphDocument {
  const r = parseGraphFile(readFileSync(`tests/fixtures/${name}.layerloom.json`, "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

/** x -> a -> b; with `extra`, a branch c beside a (built first) whose output is added to a's. */
function chain(extra: boolean): GraphDocument {
  const g = graph("chain").node("x", "Input", { shape: [4] });
  if (!extra) g.layer("a", "Dense", { units: 5 }, "x").layer("b", "Dense", { units: 3 }, "a");
  else {
    g.layer("c", "Dense", { units: 5 }, "x").layer("a", "Dense", { units: 5 }, "x")
      .node("sum", "Add", { inputs: 2 }).edge("a", ["sum", "in0"]).edge("c", ["sum", "in1"])
      .layer("b", "Dense", { units: 3 }, "sum");
  }
  return g.network("net", ["x"], ["b"]).build();
}

describe("materialize", () => {
  it("builds every network of a document with its inputs and outputs", async () => {
    const nets = await materializeDocument(fixture("toy-gan"), { seed: 1 });
    expect([...nets.keys()]).toEqual(["G", "D"]);
    const g = nets.get("G")!, d = nets.get("D")!;
    expect([g.model.inputs[0]!.shape, g.model.outputs[0]!.shape]).toEqual([[null, 8], [null, 2]]);
    expect([d.model.inputs[0]!.shape, d.model.outputs[0]!.shape]).toEqual([[null, 2], [null, 1]]);
    expect([g.model.countParams(), d.model.countParams()]).toEqual([1102, 401]);
    for (const n of nets.values()) n.model.dispose();
  });

  it("maps Keras layer names back to graph nodes, inside blocks too", async () => {
    const net = await materializeNetwork(fixture("googlenet-mini"), "net", { seed: 1 });
    expect(net.outputs.map((o) => [o.nodeId, o.layer])).toEqual([["logits", "logits"], ["aux1", "aux1__classifier"], ["aux2", "aux2__classifier"]]);
    expect(net.nodeOf("inc4a__b3_5x5")).toEqual({ nodeId: "inc4a", inner: ["b3_5x5"], kind: "Inception", label: "Inception (4a)", layerClass: "Conv2D" });
    expect(describeNode(net.nodeOf("inc4a__b3_5x5")!)).toBe(`'inc4a' (Inception, "Inception (4a)") › b3_5x5 (Conv2D)`);
    expect(describeNode(net.nodeOf("gap")!)).toBe("'gap' (GlobalAveragePooling2D)");
    expect(net.layerOrder[0]).toBe("image");
    expect(net.layerOrder.indexOf("inc3a__concat")).toBeLessThan(net.layerOrder.indexOf("inc3b__b1_1x1"));
    net.model.dispose();
  });

  it("gives the same weights for the same seed, other weights for another seed", async () => {
    const lenet = fixture("lenet5");
    const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => materializeNetwork(lenet, "lenet", { seed })));
    expect(weightsOf(b!.model)).toEqual(weightsOf(a!.model));
    expect(weightsOf(c!.model)[0]).not.toEqual(weightsOf(a!.model)[0]);
    // The initialisers themselves still say "no seed", so an exported model initialises as usual.
    expect(JSON.stringify(a!.model.toJSON(null, false))).not.toMatch(/"seed":\s*\d/);
    for (const n of [a, b, c]) n!.model.dispose();
  });

  it("seeds each layer on its own: adding a node elsewhere leaves the other layers' weights as they were", async () => {
    const small = await materializeNetwork(chain(false), "net", { seed: 5 });
    const big = await materializeNetwork(chain(true), "net", { seed: 5 });
    expect(big.layerOrder.indexOf("c")).toBeLessThan(big.layerOrder.indexOf("a"));
    expect(weightsOf(big.model.getLayer("a") as unknown as tf.LayersModel)).toEqual(weightsOf(small.model.getLayer("a") as unknown as tf.LayersModel));
    small.model.dispose();
    big.model.dispose();
  });

  it("gives two weights that share an initialiser different values (attention's query and key)", async () => {
    const doc = graph("att").node("x", "Input", { shape: [4, 6] }).layer("att", "Attention", { heads: 1, keyDim: 6 }, "x").network("net", ["x"], ["att"]).build();
    const net = await materializeNetwork(doc, "net", { seed: 3 });
    const kernels = net.model.getLayer("att").getWeights().filter((w) => w.shape.length >= 2 && w.shape[0] === 6 && w.shape[w.shape.length - 1] === 6);
    expect(kernels.length).toBeGreaterThanOrEqual(2);
    expect(Array.from(kernels[0]!.dataSync())).not.toEqual(Array.from(kernels[1]!.dataSync()));
    net.model.dispose();
  });

  it("leaves Math.random as it was", async () => {
    const before = Math.random;
    const net = await materializeNetwork(chain(false), "net", { seed: 1 });
    expect(Math.random).toBe(before);
    net.model.dispose();
  });

  it("refuses a network with graph errors, naming the node", async () => {
    const doc = graph("bad").node("x", "Input", { shape: [4] }).layer("conv", "Conv2D", { filters: 2 }, "x").network("net", ["x"], ["conv"]).build();
    const err = await materializeNetwork(doc, "net").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MaterializeError);
    expect((err as Error).message).toMatch(/^Network 'net' cannot be built until these problems are fixed:\n  - 'conv': /);
    await expect(materializeNetwork(doc, "nope")).rejects.toThrow(/there is no network 'nope' \(networks: net\)/);
  });
});
