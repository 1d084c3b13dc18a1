import { describe, expect, it } from "vitest";
import { createMemoryPlatform } from "../../../renderer/platform/memory.js";
import { isPlatformError } from "../../../renderer/platform/platform.js";
import { platformContract } from "../../support/platform-contract.js";

platformContract("memory platform", async () => {
  const platform = createMemoryPlatform();
  return {
    platform,
    seed: async (path, text) => platform.changeOutside(path, text),
    remove: async (path) => platform.changeOutside(path, null),
  };
});

describe("memory platform", () => {
  it("starts from seeded files and templates", async () => {
    const platform = createMemoryPlatform({
      files: { "a.json": "{}" },
      templates: [{ id: "lenet", name: "LeNet-5", description: "Two convs", text: '{"format":"layerloom-graph"}' }],
    });
    expect((await platform.listFiles()).map((f) => f.path)).toEqual(["a.json"]);
    expect(await platform.listTemplates()).toEqual([
      { id: "lenet", name: "LeNet-5", description: "Two convs", configurations: [{ id: "default", title: "LeNet-5" }], defaultConfiguration: "default" },
    ]);
    expect(await platform.readTemplate("lenet")).toBe('{"format":"layerloom-graph"}');
    const e = await platform.readTemplate("nope").catch((x: unknown) => x);
    expect(isPlatformError(e, "not-found")).toBe(true);
  });

  it("reads each configuration of a template, the default one when none is named", async () => {
    const platform = createMemoryPlatform({
      templates: [{
        id: "vgg", name: "VGG-16", defaultConfiguration: "mini",
        configurations: [{ id: "full", title: "Paper sizes", text: "F" }, { id: "mini", title: "Mini", description: "Small", text: "M" }],
      }],
    });
    expect(await platform.listTemplates()).toEqual([
      { id: "vgg", name: "VGG-16", configurations: [{ id: "full", title: "Paper sizes" }, { id: "mini", title: "Mini", description: "Small" }], defaultConfiguration: "mini" },
    ]);
    expect([await platform.readTemplate("vgg"), await platform.readTemplate("vgg", "full")]).toEqual(["M", "F"]);
    expect(isPlatformError(await platform.readTemplate("vgg", "huge").catch((x: unknown) => x), "not-found")).toBe(true);
  });

  it("serves a template's notebook, or null when it has none", async () => {
    const platform = createMemoryPlatform({ templates: [{ id: "lenet", name: "LeNet-5", text: "G", notebook: "NB" }, { id: "plain", name: "Plain", text: "G" }] });
    expect(await platform.readTemplateNotebook("lenet")).toBe("NB");
    expect(await platform.readTemplateNotebook("plain")).toBeNull();
    expect(isPlatformError(await platform.readTemplateNotebook("nope").catch((x: unknown) => x), "not-found")).toBe(true);
    expect((await platform.listTemplates())[0]).not.toHaveProperty("notebook");
  });

  it("refuses seeded files with names no host would allow", () => {
    expect(() => createMemoryPlatform({ files: { "../x.json": "{}" } })).toThrow(/cannot be used as a file name/);
  });

  it("stamps backups with its clock and lists the newest first", async () => {
    let t = 1000;
    const platform = createMemoryPlatform({ now: () => t });
    await platform.writeBackup("old", "1");
    t = 2000;
    await platform.writeBackup("new", "2");
    expect(await platform.listBackups()).toEqual([{ key: "new", savedAt: 2000 }, { key: "old", savedAt: 1000 }]);
  });
});
