import { describe, expect, it } from "vitest";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { canConnect } from "../../../graph-ir/passes/connect.js";
import { generateConvNet } from "../../support/generate.js";
import { chain, doc, net, node, wire } from "./builders.js";

/** img -> conv -> relu -> gap -> fc; img -> join (Add, in1 free) -> l1 -> l2; free: a Conv2D, an Add, an Inception, a vector Input. */
const d = doc({
  nodes: [
    node("img", "Input", { shape: [8, 8, 3] }),
    node("conv", "Conv2D", { filters: 4, padding: "same" }),
    node("relu", "ReLU"),
    node("gap", "GlobalAveragePooling2D"),
    node("fc", "Dense", { units: 2 }),
    node("vec", "Input", { shape: [5] }),
    node("freeConv", "Conv2D", { filters: 4, padding: "same" }),
    node("add", "Add"),
    node("inc", "Inception"),
    node("join", "Add"),
    node("l1", "ReLU"),
    node("l2", "ReLU"),
  ],
  edges: [...chain("img", "conv", "relu", "gap", "fc"), wire("conv.y", "add.in0"), wire("img.y", "join.in0"), ...chain("join", "l1", "l2")],
  networks: [net("n", ["img"], ["fc"])],
});
const a = analyze(d);
const check = (from: string, to: string) => {
  const [f, fp] = from.split("."), [t, tp] = to.split(".");
  return canConnect(d, a, [f!, fp!], [t!, tp!]);
};
const reason = (from: string, to: string): string => {
  const r = check(from, to);
  expect(r.ok).toBe(false);
  return r.ok ? "" : r.reason;
};

describe("canConnect", () => {
  it("accepts a wire the target can take", () => {
    expect(check("relu.y", "freeConv.x")).toEqual({ ok: true });
    expect(check("img.y", "inc.x")).toEqual({ ok: true });
    // Add's other input is still free: only what this wire causes counts.
    expect(check("relu.y", "add.in1")).toEqual({ ok: true });
  });

  it("refuses a self-loop", () => {
    expect(reason("relu.y", "relu.x")).toContain("cannot feed itself");
  });

  it("refuses a wire that would close a loop, however long", () => {
    expect(reason("l1.y", "join.in1")).toBe("'join' already feeds 'l1', so this wire would make a loop");
    expect(reason("l2.y", "join.in1")).toContain("would make a loop");
    expect(check("img.y", "join.in1")).toEqual({ ok: true });
  });

  it("refuses an input port that is already fed", () => {
    expect(reason("img.y", "relu.x")).toBe("input x of 'relu' is already fed by conv.y; remove that wire first");
  });

  it("refuses unknown ports and nodes", () => {
    expect(reason("relu.h", "freeConv.x")).toBe("'relu' has no output 'h'");
    expect(reason("relu.y", "freeConv.z")).toBe("'freeConv' has no input 'z' (its inputs: x)");
    expect(reason("relu.y", "vec.x")).toContain("it takes no inputs");
    expect(reason("ghost.y", "freeConv.x")).toBe("there is no node 'ghost'");
  });

  it("refuses a shape the target cannot take, in the target's words", () => {
    const r = reason("vec.y", "freeConv.x");
    expect(r).toMatch(/^freeConv cannot take B×5 on x: /);
    expect(r).toContain("Conv2D");
    // Add needs equal shapes: a vector cannot join an image.
    expect(reason("vec.y", "add.in1")).toMatch(/^add cannot take B×5 on in1: /);
    // A standard block checks its body with the candidate input.
    expect(reason("vec.y", "inc.x")).toMatch(/^inc cannot take B×5 on x: In Inception module 'inc': /);
  });

  it("answers from a stale analysis of an edited document too", () => {
    const edited = { ...d, edges: d.edges.filter((e) => e.to[0] !== "relu") };
    expect(canConnect(edited, a, ["img", "y"], ["relu", "x"])).toEqual({ ok: true });
  });

  it("checks a 2,000-node graph's loops by lookup after the first question of a drag", () => {
    const big = generateConvNet(2000, 4);
    const ab = analyze(big);
    const last = big.nodes[big.nodes.length - 1]!.id;
    const first = big.nodes[1]!.id;
    const r = canConnect(big, ab, [last, "y"], [first, "x"]);
    expect(r.ok).toBe(false);
    for (const n of big.nodes.slice(0, 200)) {
      const q = canConnect(big, ab, [last, "y"], [n.id, "x"]);
      if (!q.ok) expect(q.reason).toMatch(/loop|already fed|has no input|cannot take/);
    }
  });
});
