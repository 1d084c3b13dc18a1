import { describe, expect, it } from "vitest";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { serializeGraph } from "../../../graph-ir/core/load.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { clipboardText, copyFragment, PASTE_OFFSET, planPaste, readClipboard } from "../../../renderer/commands/clipboard.js";
import { createCommandRegistry } from "../../../renderer/commands/registry.js";
import { editCommands } from "../../../renderer/commands/edit-commands.js";
import { deepFreeze, graph, mlp, richDocument } from "../../support/docs.js";
import { testContext, type TestContext } from "./command-context.js";

function withCommands(doc: GraphDocument): TestContext & { run(id: string): Promise<unknown> } {
  const ctx = testContext(doc);
  const registry = createCommandRegistry();
  registry.register(editCommands());
  return Object.assign(ctx, { run: (id: string) => registry.run(id, ctx) });
}

const ids = (doc: GraphDocument) => doc.nodes.map((n) => n.id);

describe("copy", () => {
  it("takes the selected nodes, only the wires between them, and their positions", () => {
    const f = copyFragment(mlp(), ["out", "h"])!;
    expect(ids(f)).toEqual(["h", "out"]); // document order, not selection order
    expect(f.edges).toEqual([{ from: ["h", "y"], to: ["out", "x"] }]);
    expect(f.layout).toEqual({ h: [0, 120], out: [0, 240] });
    expect(f.networks).toEqual([]);
    expect(copyFragment(mlp(), ["ghost"])).toBeUndefined();
  });

  it("brings the block definitions the copied instances use", () => {
    const f = copyFragment(richDocument(), ["r1"])!;
    expect(Object.keys(f.blocks)).toEqual(["ResUnit"]);
    expect(Object.keys(copyFragment(richDocument(), ["stem"])!.blocks)).toEqual([]);
  });

  it("writes a graph file that reads back as the same layers", () => {
    const f = copyFragment(richDocument(), ["stem", "r1", "r2"])!;
    const back = readClipboard(clipboardText(f));
    expect(back.ok && back.fragment.nodes).toEqual(f.nodes);
    expect(back.ok && back.fragment.edges).toEqual(f.edges);
  });
});

describe("reading the clipboard", () => {
  it("refuses text that is not layers, with a reason and without throwing", () => {
    for (const text of [undefined, "", "hello", "{", '{"format":"other"}', '{"__proto__":{}}', "[".repeat(100000)]) {
      const r = readClipboard(text);
      expect(r.ok).toBe(false);
      expect(r.ok ? "" : r.error).toMatch(/clipboard|layers/i);
    }
  });

  it("accepts a whole graph file's text", () => {
    const r = readClipboard(serializeGraph(mlp()));
    expect(r.ok && ids(r.fragment)).toEqual(["x", "h", "out"]);
  });
});

describe("paste", () => {
  it("gives pasted nodes fresh ids, keeps their wires and labels, and offsets them", () => {
    const doc = deepFreeze(mlp());
    const plan = planPaste(doc, copyFragment(doc, ["h", "out"])!);
    expect(plan.ids).toEqual(["dense_1", "dense_2"]);
    const r = analyze(doc); // the source is untouched
    expect(r.doc).toBe(doc);
    const ctx = withCommands(doc);
    expect(ctx.app.getState().edit(plan.edit, plan.label).ok).toBe(true);
    const after = ctx.app.getState().document.doc;
    expect(ids(after)).toEqual(["x", "h", "out", "dense_1", "dense_2"]);
    expect(after.edges.filter((e) => e.to[0] === "dense_2")).toEqual([{ from: ["dense_1", "y"], to: ["dense_2", "x"] }]);
    expect(after.edges.some((e) => e.to[0] === "dense_1")).toBe(false); // the wire from x stayed behind
    expect(after.layout["dense_1"]).toEqual([PASTE_OFFSET[0], 120 + PASTE_OFFSET[1]]);
    expect(after.nodes[3]!.params).toEqual(doc.nodes[1]!.params);
  });

  it("moves each further paste on so copies never hide each other", () => {
    const ctx = withCommands(mlp());
    const fragment = copyFragment(mlp(), ["h"])!;
    for (let k = 1; k <= 3; k++) {
      const plan = planPaste(ctx.app.getState().document.doc, fragment);
      ctx.app.getState().edit(plan.edit, plan.label);
      expect(ctx.app.getState().document.doc.layout[plan.ids[0]!]).toEqual([k * PASTE_OFFSET[0], 120 + k * PASTE_OFFSET[1]]);
    }
  });

  it("pastes into another document in place, bringing a block it lacks", () => {
    const fragment = copyFragment(richDocument(), ["r1", "r2"])!;
    const target = graph("Other").node("in", "Input", { shape: [8, 8, 16] }, { at: [500, 500] }).build();
    const ctx = withCommands(target);
    const plan = planPaste(target, fragment);
    expect(ctx.app.getState().edit(plan.edit, plan.label).ok).toBe(true);
    const after = ctx.app.getState().document.doc;
    expect(after.blocks["ResUnit"]).toEqual(richDocument().blocks["ResUnit"]);
    expect(after.nodes.filter((n) => n.kind === "ResUnit")).toHaveLength(2);
    expect(after.layout[plan.ids[0]!]).toEqual(richDocument().layout["r1"]);
  });

  it("reuses an identical block and renames the copy's block when the target's differs", () => {
    const rich = richDocument();
    const same = planPaste(rich, copyFragment(rich, ["r1"])!);
    expect(same.edit.op === "batch" && same.edit.edits.some((e) => e.op === "putBlock")).toBe(false);

    const clash = { ...rich, blocks: { ResUnit: { ...rich.blocks["ResUnit"]!, title: "Something else" } } };
    const plan = planPaste(clash, copyFragment(rich, ["r1"])!);
    const ctx = withCommands(clash);
    expect(ctx.app.getState().edit(plan.edit, plan.label).ok).toBe(true);
    const after = ctx.app.getState().document.doc;
    const pasted = after.nodes.find((n) => n.id === plan.ids[0])!;
    expect(pasted.kind).toBe("ResUnit_2");
    expect(after.blocks["ResUnit_2"]).toEqual(rich.blocks["ResUnit"]);
    expect(after.blocks["ResUnit"]!.title).toBe("Something else");
  });

  it("is one undo step through the commands, and selects what it pasted", async () => {
    const doc = mlp();
    const ctx = withCommands(doc);
    ctx.app.getState().select(["h", "out"]);
    await ctx.run("edit.copy");
    await ctx.run("edit.paste");
    const s = ctx.app.getState();
    expect(s.history.past.map((p) => p.label)).toEqual(["Paste 2 layers"]);
    expect(s.ui.selection).toEqual(["dense_1", "dense_2"]);
    expect(s.document.doc.nodes).toHaveLength(5);
    s.undo();
    expect(ctx.app.getState().document.doc).toEqual(doc);
  });

  it("duplicates without touching the clipboard, and cut removes what it copied", async () => {
    const ctx = withCommands(mlp());
    ctx.app.getState().select(["h"]);
    await ctx.run("edit.duplicate");
    expect(await ctx.clipboard.read()).toBeUndefined();
    expect(ctx.app.getState().history.past.at(-1)!.label).toBe("Duplicate h");
    ctx.app.getState().select(["out"]);
    await ctx.run("edit.cut");
    expect(ids(ctx.app.getState().document.doc)).not.toContain("out");
    await ctx.run("edit.paste");
    expect(ctx.app.getState().document.doc.nodes.at(-1)!.kind).toBe("Dense");
  });

  it("tells the person when the clipboard holds no layers, and changes nothing", async () => {
    const ctx = withCommands(mlp());
    await ctx.clipboard.write("just some text");
    await ctx.run("edit.paste");
    expect(ctx.notices[0]).toMatch(/no layers/);
    expect(ctx.app.getState().history.past).toEqual([]);
  });
});
