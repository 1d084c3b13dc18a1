import { describe, expect, it } from "vitest";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { editCommands } from "../../../renderer/commands/edit-commands.js";
import { createCommandRegistry } from "../../../renderer/commands/registry.js";
import { mlp } from "../../support/docs.js";
import { testContext } from "./command-context.js";

function setup(doc: GraphDocument) {
  const ctx = testContext(doc);
  const registry = createCommandRegistry();
  registry.register(editCommands());
  return { ctx, run: (id: string) => registry.run(id, ctx), state: () => ctx.app.getState() };
}

describe("editing commands", () => {
  it("delete removes the selection and its wires as one labelled step", async () => {
    const { run, state } = setup(mlp());
    state().select(["h"]);
    await run("edit.delete");
    expect(state().document.doc.nodes.map((n) => n.id)).toEqual(["x", "out"]);
    expect(state().document.doc.edges).toEqual([]);
    expect(state().history.past.map((s) => s.label)).toEqual(["Delete h"]);
    expect(state().ui.selection).toEqual([]);
  });

  it("select all selects every layer, and commands that need a selection wait for one", async () => {
    const { ctx, run, state } = setup(mlp());
    const remove = editCommands().find((c) => c.id === "edit.delete")!;
    expect(remove.enabled!(ctx)).toBe(false);
    await run("edit.selectAll");
    expect(state().ui.selection).toEqual(["x", "h", "out"]);
    expect(remove.enabled!(ctx)).toBe(true);
  });

  it("groups into a new block with one instance in place, selected, and ungroups it back", async () => {
    // Without the network and training that name these layers, which grouping would refuse.
    const { training: _unused, ...rest } = mlp();
    const doc: GraphDocument = { ...rest, networks: [] };
    const { run, state } = setup(doc);
    state().select(["out", "h"]);
    await run("edit.group");
    const grouped = state().document.doc;
    expect(Object.keys(grouped.blocks)).toEqual(["Block"]);
    expect(grouped.nodes.map((n) => n.kind)).toEqual(["Input", "Block"]);
    expect(state().ui.selection).toEqual(["block_1"]);
    expect(state().history.past.at(-1)!.label).toBe("Group 2 layers into Block");
    await run("edit.ungroup");
    expect(state().document.doc.nodes.map((n) => n.id)).toEqual(["x", "block_1_h", "block_1_out"]);
    expect(state().ui.selection).toEqual(["block_1_h", "block_1_out"]);
    state().undo();
    state().undo();
    expect(state().document.doc).toEqual(doc);
  });

  it("tells why a group is refused and changes nothing", async () => {
    const { ctx, run, state } = setup(mlp());
    state().select(["out"]); // named as the network's output
    await run("edit.group");
    expect(ctx.notices).toHaveLength(1);
    expect(ctx.notices[0]).toMatch(/"out" is named in network "net"/);
    expect(state().history.past).toEqual([]);
  });
});
