import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileCommands } from "../../../renderer/commands/file-commands.js";
import { createCommandRegistry } from "../../../renderer/commands/registry.js";
import { createAppStore } from "../../../renderer/store/app-store.js";
import { mlp } from "../../support/docs.js";
import { testContext } from "./command-context.js";

const LENET = readFileSync(new URL("../../fixtures/lenet5.layerloom.json", import.meta.url), "utf8");

describe("focus requests", () => {
  it("select the node and number each request, so asking twice acts twice", () => {
    const store = createAppStore(mlp());
    store.getState().focusNode("h", "units");
    const first = store.getState().ui.focusRequest!;
    expect(store.getState().ui.selection).toEqual(["h"]);
    expect(first).toMatchObject({ id: "h", param: "units" });
    store.getState().focusNode("h");
    const second = store.getState().ui.focusRequest!;
    expect(second.seq).toBeGreaterThan(first.seq);
    expect("param" in second).toBe(false);
  });

  it("ignore nodes that do not exist and never touch the document or its history", () => {
    const store = createAppStore(mlp());
    const before = store.getState();
    store.getState().focusNode("ghost");
    expect(store.getState()).toBe(before);
    store.getState().focusNode("out");
    expect(store.getState().document).toBe(before.document);
    expect(store.getState().history).toBe(before.history);
  });
});

describe("open command", () => {
  const registry = createCommandRegistry();
  registry.register(fileCommands());

  it("lists the workspace's graph files and opens the chosen one, clean", async () => {
    const ctx = testContext(undefined, { seed: { files: { "nets/lenet5.json": LENET, "mlp.json": "{}" } }, answer: (_, items) => items.find((i) => i.id.endsWith("lenet5.json")) });
    await registry.run("file.open", ctx);
    expect(ctx.asked).toHaveLength(1);
    const items = await (ctx.asked[0]!.items as () => Promise<readonly { id: string }[]>)();
    expect(items.map((i) => i.id)).toEqual(["mlp.json", "nets/lenet5.json"]);
    const { document } = ctx.app.getState();
    expect(document).toMatchObject({ path: "nets/lenet5.json", dirty: false });
    expect(document.doc.name).toBe("LeNet-5");
    expect(await ctx.platform.recentFiles()).toEqual(["nets/lenet5.json"]);
  });

  it("asks before dropping unsaved changes, and keeps them when told to", async () => {
    const ctx = testContext(mlp(), { seed: { files: { "lenet5.json": LENET } }, answer: (request, items) => (request.placeholder.includes("unsaved") ? items.find((i) => i.id === "cancel") : items[0]) });
    ctx.app.getState().edit({ op: "rename", id: "h", label: "hidden" }, "Rename h");
    await registry.run("file.open", ctx);
    expect(ctx.asked.map((q) => q.placeholder)).toEqual(["Open which graph file?", expect.stringContaining("unsaved changes")]);
    expect(ctx.app.getState().document.doc.nodes[1]!.label).toBe("hidden");
  });

  it("says why a file cannot be opened and leaves the open document alone", async () => {
    const ctx = testContext(mlp(), { seed: { files: { "broken.json": '{"format":"layerloom-graph","version":1,"nodes":7}' } }, answer: (_, items) => items[0] });
    await registry.run("file.open", ctx);
    expect(ctx.notices[0]).toMatch(/^broken\.json cannot be opened: /);
    expect(ctx.app.getState().document.doc.name).toBe("MLP");
  });
});
