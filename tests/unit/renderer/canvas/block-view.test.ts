import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../../graph-ir/core/load.js";
import { analyze } from "../../../../graph-ir/passes/analyze.js";
import { blockFlow, openBlock } from "../../../../renderer/canvas/block-view.js";
import { connectionEnds } from "../../../../renderer/canvas/connect-ends.js";
import { addressWithoutOpen, pathFromAddress } from "../../../../renderer/canvas/open-from-address.js";

const googlenet = (() => {
  const r = parseGraphFile(readFileSync("tests/fixtures/googlenet-mini.layerloom.json", "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
})();
const analysis = analyze(googlenet);

describe("the inside of a block", () => {
  it("opens an instance's body with a breadcrumb named by its label", () => {
    const opened = openBlock(analysis, ["inc3a"])!;
    expect(opened.crumbs).toEqual([{ id: "inc3a", title: "Inception (3a)" }]);
    expect(opened.body.nodes.length).toBeGreaterThan(4);
  });

  it("draws the body between the block's own ports, with this instance's shapes on the wires", () => {
    const opened = openBlock(analysis, ["inc3a"])!;
    const { nodes, edges } = blockFlow(opened, "RIGHT");
    expect(nodes[0]).toMatchObject({ id: "$in", data: { title: "Block inputs", outputs: ["x"] } });
    expect(nodes.at(-1)).toMatchObject({ id: "$out", data: { title: "Block outputs", inputs: ["y"] } });
    expect(nodes.every((n) => n.draggable === false && n.connectable === false && n.data.readOnly)).toBe(true);
    const input = analysis.nodes.get("inc3a")!.inputs.x!;
    const fromIn = edges.filter((e) => e.source === "$in");
    expect(fromIn.length).toBeGreaterThan(1);
    for (const e of fromIn) expect(e.data!.label).toBe(input.join("×"));
    const intoOut = edges.find((e) => e.target === "$out")!;
    expect(intoOut.data!.label).toBe(analysis.nodes.get("inc3a")!.outputs.y!.join("×"));
    // Each inner node sits in a column after every node that feeds it.
    const x = new Map(nodes.map((n) => [n.id, n.position.x]));
    for (const e of edges) expect(x.get(e.target)!).toBeGreaterThan(x.get(e.source)!);
  });

  it("opens a document block (the stem) as well as a standard one", () => {
    const opened = openBlock(analysis, ["stem"])!;
    expect(opened.body.nodes.map((n) => n.id)).toEqual(["conv1", "conv2", "pool"]);
    // The instance sets filters 64 through the block param bound to conv2.
    expect(opened.body.nodes[1]!.params.filters).toBe(64);
  });

  it("gives up on a path that no longer leads to a block", () => {
    expect(openBlock(analysis, [])).toBeUndefined();
    expect(openBlock(analysis, ["gap"])).toBeUndefined();
    expect(openBlock(analysis, ["inc3a", "nothing-here"])).toBeUndefined();
  });
});

describe("dragged wires", () => {
  it("read as output → input from whichever end the drag started", () => {
    expect(connectionEnds("a", { id: "y", type: "source" }, "b", { id: "x", type: "target" })).toEqual({ from: ["a", "y"], to: ["b", "x"], sameSide: false });
    expect(connectionEnds("b", { id: "x", type: "target" }, "a", { id: "y", type: "source" })).toEqual({ from: ["a", "y"], to: ["b", "x"], sameSide: false });
    expect(connectionEnds("a", { id: "y", type: "source" }, undefined, null)).toEqual({ from: ["a", "y"], to: undefined, sameSide: false });
    expect(connectionEnds("b", { id: "x", type: "target" }, undefined, null)).toEqual({ from: undefined, to: ["b", "x"], sameSide: false });
  });
});

describe("opening a file from the address", () => {
  it("reads ?open= and leaves the rest of the address alone", () => {
    expect(pathFromAddress("?open=nets%2Flenet.json&x=1")).toBe("nets/lenet.json");
    expect(pathFromAddress("?open=")).toBeUndefined();
    expect(pathFromAddress("")).toBeUndefined();
    expect(addressWithoutOpen("http://127.0.0.1:5/?open=a.json&theme=dark#top")).toBe("/?theme=dark#top");
  });
});
