import { describe, expect, it } from "vitest";
import { applyEdit, applyEdits, newBlockName, newNodeId, type ApplyResult } from "../../../graph-ir/core/apply.js";
import { BLOCK_IN, BLOCK_OUT, emptyDocument, type GraphDocument } from "../../../graph-ir/core/document.js";
import type { Edit } from "../../../graph-ir/core/edits.js";
import { blockDef, deepFreeze, edge, graph, mlp, node, richDocument } from "../../support/docs.js";

function applied(r: ApplyResult): { doc: GraphDocument; inverse: Edit } {
  if (!r.ok) throw new Error(`edit refused: ${r.error}`);
  return r;
}

function refused(r: ApplyResult): string {
  if (r.ok) throw new Error("edit was expected to be refused");
  return r.error;
}

/** Applies, checks the inverse gives back the original exactly, and returns the edited doc. */
function roundTrip(doc: GraphDocument, edit: Edit): GraphDocument {
  deepFreeze(doc);
  const { doc: after, inverse } = applied(applyEdit(doc, edit));
  expect(applied(applyEdit(deepFreeze(after), inverse)).doc).toStrictEqual(doc);
  return after;
}

describe("simple edits", () => {
  it("adds a node with a position and undoes it", () => {
    const after = roundTrip(mlp(), { op: "addNode", node: node("drop", "Dropout", { rate: 0.5 }), position: [10, 20] });
    expect(after.nodes.at(-1)).toEqual(node("drop", "Dropout", { rate: 0.5 }));
    expect(after.layout["drop"]).toEqual([10, 20]);
  });

  it("refuses a duplicate id, a bad id and a bad param value, naming what to change", () => {
    expect(refused(applyEdit(mlp(), { op: "addNode", node: node("h", "Dense") }))).toContain('A node "h" already exists');
    expect(refused(applyEdit(mlp(), { op: "addNode", node: node("my node", "Dense") }))).toMatch(/id must be 1 to 64 letters, digits, _ or -/);
    expect(refused(applyEdit(mlp(), { op: "addNode", node: node("__proto__", "Dense") }))).toContain("__proto__");
    expect(refused(applyEdit(mlp(), { op: "addNode", node: node("d", "Dense", { units: Number.NaN }) }))).toContain("params.units must be a finite number");
    expect(refused(applyEdit(mlp(), { op: "setParam", id: "h", param: "units", value: Infinity }))).toContain('"units" of node "h" must be a finite number');
    expect(refused(applyEdit(mlp(), { op: "setParam", id: "h", param: "kernel", value: [1, 2, 3, 4, 5, 6, 7, 8, 9] }))).toContain("at most 8 whole numbers");
    expect(refused(applyEdit(mlp(), { op: "setParam", id: "ghost", param: "units", value: 3 }))).toContain('no node "ghost"');
    expect(refused(applyEdit(mlp(), { op: "move", id: "h", position: [0, Number.POSITIVE_INFINITY] }))).toContain("two finite numbers");
  });

  it("sets, replaces and clears params, keeping key order so undo is exact", () => {
    const set = roundTrip(mlp(), { op: "setParam", id: "h", param: "units", value: 64 });
    expect(Object.keys(set.nodes[1]!.params)).toEqual(["units", "activation"]);
    expect(set.nodes[1]!.params["units"]).toBe(64);
    const cleared = roundTrip(mlp(), { op: "setParam", id: "h", param: "units", value: undefined });
    expect(cleared.nodes[1]!.params).toStrictEqual({ activation: "relu" });
    roundTrip(mlp(), { op: "setParam", id: "h", param: "useBias", value: false });
  });

  it("moves, renames and clears labels", () => {
    expect(roundTrip(mlp(), { op: "move", id: "h", position: [5, 6] }).layout["h"]).toEqual([5, 6]);
    expect(roundTrip(mlp(), { op: "move", id: "h", position: undefined }).layout).not.toHaveProperty("h");
    expect(roundTrip(mlp(), { op: "rename", id: "h", label: "Hidden" }).nodes[1]!.label).toBe("Hidden");
    const labelled = graph().node("a", "Dense", {}, { label: "A" }).build();
    expect(roundTrip(labelled, { op: "rename", id: "a", label: undefined }).nodes[0]).toStrictEqual(node("a", "Dense"));
  });

  it("connects and disconnects, refusing unknown nodes and repeats; undo keeps edge order", () => {
    const doc = mlp();
    expect(refused(applyEdit(doc, { op: "connect", edge: edge("x", "ghost") }))).toContain('there is no node "ghost"');
    expect(refused(applyEdit(doc, { op: "connect", edge: edge("x", "h") }))).toContain("already connected");
    expect(refused(applyEdit(doc, { op: "disconnect", edge: edge("out", "x") }))).toContain("not connected");
    const connected = roundTrip(doc, { op: "connect", edge: edge("x", ["out", "x"]) });
    expect(connected.edges).toHaveLength(3);
    // Removing the first of three edges: undo must put it back first, not last.
    const three = graph().node("a", "A").node("b", "B").edge("a", "b").edge("b", "a").edge("a", ["b", "z"]).build();
    expect(roundTrip(three, { op: "disconnect", edge: edge("a", "b") }).edges).toEqual([edge("b", "a"), edge("a", ["b", "z"])]);
  });

  it("puts, replaces and removes networks and blocks; removing a network keeps its place on undo", () => {
    const doc = richDocument();
    expect(roundTrip(doc, { op: "putNetwork", id: "classifier", network: undefined }).networks.map((n) => n.id)).toEqual(["generator"]);
    roundTrip(doc, { op: "putNetwork", id: "extra", network: { id: "extra", inputs: ["img"], outputs: ["gap"] } });
    roundTrip(doc, { op: "putNetwork", id: "generator", network: { id: "generator", inputs: ["noise"], outputs: ["gen"] } });
    expect(refused(applyEdit(doc, { op: "putNetwork", id: "a", network: { id: "b", inputs: [], outputs: [] } }))).toContain("must match");
    roundTrip(doc, { op: "putBlock", name: "ResUnit", block: undefined });
    roundTrip(doc, { op: "putBlock", name: "Other", block: blockDef({ inputs: ["x"], outputs: ["y"], nodes: [], edges: [] }) });
    expect(refused(applyEdit(doc, { op: "putBlock", name: "Gone", block: undefined }))).toContain('no block "Gone"');
    expect(refused(applyEdit(doc, { op: "putBlock", name: "Bad", block: blockDef({ inputs: ["x", "x"], outputs: [], nodes: [], edges: [] }) }))).toContain('repeats the port name "x"');
  });
});

describe("removeNode", () => {
  it("removes the node's edges, position, network mentions and losses, and undo restores all of them in place", () => {
    const doc = richDocument();
    const after = roundTrip(doc, { op: "removeNode", id: "aux" });
    expect(after.nodes.map((n) => n.id)).not.toContain("aux");
    expect(after.edges.some((e) => e.from[0] === "aux" || e.to[0] === "aux")).toBe(false);
    expect(after.layout).not.toHaveProperty("aux");
    expect(after.networks[0]!.outputs).toEqual(["logits"]);
    expect(after.training!.losses.map((l) => l.output)).toEqual(["logits"]);
  });

  it("restores edges interleaved with others at their old indices", () => {
    const doc = graph().node("a", "A").node("b", "B").node("c", "C").edge("a", "b").edge("b", "c").edge("a", ["c", "z"]).edge("c", ["a", "w"]).build();
    const after = roundTrip(doc, { op: "removeNode", id: "b" });
    expect(after.edges).toEqual([edge("a", ["c", "z"]), edge("c", ["a", "w"])]);
  });

  it("add then remove leaves dangling mentions that the document had before untouched", () => {
    // The network names "later" before it exists (a file may say so); adding and undoing must not drop it.
    const doc = graph().node("a", "A").network("net", ["a"], ["later"]).build();
    const after = roundTrip(doc, { op: "addNode", node: node("later", "Dense") });
    expect(after.networks[0]!.outputs).toEqual(["later"]);
  });
});

describe("group and ungroup", () => {
  const chain = () =>
    graph()
      .node("in", "Input", { shape: [8, 8, 3] }, { at: [0, 0] })
      .layer("conv1", "Conv2D", { filters: 4 }, "in")
      .layer("conv2", "Conv2D", { filters: 8 }, "conv1")
      .node("add", "Add", { inputs: 2 })
      .edge("conv2", ["add", "in0"])
      .edge("in", ["add", "in1"])
      .layer("out", "Dense", { units: 2 }, "add")
      .at("conv1", 0, 100)
      .at("conv2", 0, 200)
      .network("net", ["in"], ["out"])
      .build();

  it("moves the selection into a block with ports named after inner node and port", () => {
    const after = roundTrip(chain(), { op: "group", ids: ["conv1", "conv2"], block: "Pair", instanceId: "pair" });
    const def = after.blocks["Pair"]!;
    expect(def.inputs).toEqual(["conv1_x"]);
    expect(def.outputs).toEqual(["conv2_y"]);
    expect(def.params).toEqual({});
    expect(def.nodes.map((n) => n.id)).toEqual(["conv1", "conv2"]);
    expect(def.edges).toEqual([edge([BLOCK_IN, "conv1_x"], "conv1"), edge("conv1", "conv2"), edge("conv2", [BLOCK_OUT, "conv2_y"])]);
    expect(after.nodes.map((n) => n.id)).toEqual(["in", "pair", "add", "out"]);
    expect(after.nodes[1]).toStrictEqual(node("pair", "Pair"));
    expect(after.edges).toEqual([edge("in", ["pair", "conv1_x"]), edge(["pair", "conv2_y"], ["add", "in0"]), edge("in", ["add", "in1"]), edge("add", "out")]);
    expect(after.layout["pair"]).toEqual([0, 150]);
    expect(after.layout).not.toHaveProperty("conv1");
  });

  it("gives one input per outside source even when it feeds several inner nodes", () => {
    const doc = graph().node("src", "Input").layer("a", "Dense", {}, "src").layer("b", "Dense", {}, "src").node("m", "Add").edge("a", ["m", "in0"]).edge("b", ["m", "in1"]).build();
    const def = roundTrip(doc, { op: "group", ids: ["a", "b", "m"], block: "Fan", instanceId: "fan" }).blocks["Fan"]!;
    expect(def.inputs).toEqual(["a_x"]);
    expect(def.edges.filter((e) => e.from[0] === BLOCK_IN)).toEqual([edge([BLOCK_IN, "a_x"], "a"), edge([BLOCK_IN, "a_x"], "b")]);
    expect(def.outputs).toEqual([]);
  });

  it("refuses bad groups with a reason", () => {
    const doc = chain();
    expect(refused(applyEdit(doc, { op: "group", ids: [], block: "B", instanceId: "b" }))).toContain("at least one node");
    expect(refused(applyEdit(doc, { op: "group", ids: ["ghost"], block: "B", instanceId: "b" }))).toContain('no node "ghost"');
    expect(refused(applyEdit(doc, { op: "group", ids: ["conv1"], block: "B", instanceId: "conv2" }))).toContain('"conv2" already exists');
    expect(refused(applyEdit(doc, { op: "group", ids: ["conv1"], block: "Conv2D", instanceId: "b" }))).toContain('kind "Conv2D" already exist');
    expect(refused(applyEdit(doc, { op: "group", ids: ["out"], block: "B", instanceId: "b" }))).toContain('"out" is named in network "net"');
  });

  it("ungroups into prefixed ids, writes exposed params in, and rewires both sides", () => {
    const doc = richDocument();
    const after = roundTrip(doc, { op: "ungroup", id: "r2" });
    const ids = after.nodes.map((n) => n.id);
    expect(ids.slice(0, 6)).toEqual(["img", "stem", "r1", "r2_c1", "r2_c2", "r2_add"]);
    expect(after.nodes.find((n) => n.id === "r2_c1")!.params["filters"]).toBe(16);
    // r1 feeds the block input x, which fed c1 and add.in1; the block output feeds gap.
    expect(after.edges).toContainEqual(edge("r1", "r2_c1"));
    expect(after.edges).toContainEqual(edge("r1", ["r2_add", "in1"]));
    expect(after.edges).toContainEqual(edge("r2_c1", "r2_c2"));
    expect(after.edges).toContainEqual(edge(["r2_add", "y"], "gap"));
    expect(after.edges.some((e) => e.from[0] === "r2" || e.to[0] === "r2")).toBe(false);
    // r1 still uses the block, so its definition stays.
    expect(after.blocks).toHaveProperty("ResUnit");
    expect(after.layout).not.toHaveProperty("r2");
  });

  it("removes the block definition with its last instance, and uses instance param values", () => {
    const doc = graph()
      .block("B", blockDef({ inputs: ["x"], outputs: ["y"], params: { units: { default: 4, bind: [["d", "units"]] } }, nodes: [node("d", "Dense", { units: 4 })], edges: [edge([BLOCK_IN, "x"], "d"), edge("d", [BLOCK_OUT, "y"])] }))
      .node("in", "Input")
      .layer("b1", "B", { units: 7 }, "in")
      .network("net", ["in"], ["b1"])
      .training({ losses: [{ output: "b1", loss: "mse", weight: 1 }] })
      .at("b1", 10, 10)
      .build();
    const after = roundTrip(doc, { op: "ungroup", id: "b1" });
    expect(after.blocks).toEqual({});
    expect(after.nodes[1]).toStrictEqual(node("b1_d", "Dense", { units: 7 }));
    expect(after.networks[0]!.outputs).toEqual(["b1_d"]);
    expect(after.training!.losses[0]!.output).toBe("b1_d");
    expect(after.layout["b1_d"]).toEqual([10, 10]);
  });

  it("refuses to ungroup when a new id is taken, or the node is not a document block", () => {
    const doc = richDocument();
    const taken = applied(applyEdit(doc, { op: "addNode", node: node("r2_c1", "Dense") })).doc;
    expect(refused(applyEdit(taken, { op: "ungroup", id: "r2" }))).toContain('"r2_c1", but that id is taken');
    expect(refused(applyEdit(doc, { op: "ungroup", id: "logits" }))).toContain("not an instance of a block defined in this document");
  });

  it("group then ungroup gives back the same wiring under prefixed ids", () => {
    const grouped = applied(applyEdit(chain(), { op: "group", ids: ["conv1", "conv2"], block: "Pair", instanceId: "p" })).doc;
    const back = roundTrip(grouped, { op: "ungroup", id: "p" });
    expect(back.blocks).toEqual({});
    expect(back.nodes.map((n) => n.id)).toEqual(["in", "p_conv1", "p_conv2", "add", "out"]);
    expect(back.edges).toEqual([edge("in", "p_conv1"), edge("p_conv1", "p_conv2"), edge("p_conv2", ["add", "in0"]), edge("in", ["add", "in1"]), edge("add", "out")]);
  });
});

describe("batches, patches and ids", () => {
  it("applies a batch as one step and refuses it whole when a step fails", () => {
    const doc = deepFreeze(mlp());
    const edits: Edit[] = [
      { op: "addNode", node: node("drop", "Dropout") },
      { op: "disconnect", edge: edge("h", "out") },
      { op: "connect", edge: edge("h", "drop") },
      { op: "connect", edge: edge("drop", "out") },
    ];
    const { doc: after, inverse } = applied(applyEdits(doc, edits, "Insert Dropout"));
    expect(after.edges).toEqual([edge("x", "h"), edge("h", "drop"), edge("drop", "out")]);
    expect(applied(applyEdit(after, inverse)).doc).toStrictEqual(doc);
    const error = refused(applyEdits(doc, [...edits, { op: "connect", edge: edge("drop", "out") }], "Insert Dropout"));
    expect(error).toMatch(/^Insert Dropout \(step 5 of 5\): drop\.y → out\.x is already connected/);
  });

  it("refuses an undo step applied to a document it does not fit, instead of corrupting it", () => {
    const { inverse } = applied(applyEdit(mlp(), { op: "removeNode", id: "h" }));
    expect(refused(applyEdit(emptyDocument(), inverse))).toContain("no longer fits this document");
  });

  it("makes fresh ids per kind and fresh block names", () => {
    const doc = graph().node("conv2d_1", "Conv2D").node("conv2d_2", "Conv2D").build();
    expect(newNodeId(doc, "Conv2D")).toBe("conv2d_3");
    expect(newNodeId(doc, "Dense")).toBe("dense_1");
    expect(newNodeId(doc, "$weird kind!")).toBe("weird_kind_1");
    expect(newBlockName(richDocument(), "ResUnit")).toBe("ResUnit_2");
    expect(newBlockName(emptyDocument(), "constructor")).toBe("constructor_2");
  });
});
