/** Suggested file names, typed names completed, and which backups are worth offering back. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { completeFileName, suggestFileName } from "../../../../renderer/files/file-names.js";
import { webKeyLocks } from "../../../../renderer/files/key-locks.js";
import { fileOfKey, offerableBackups, untitledKey, whenSaved } from "../../../../renderer/files/recovery.js";
import { tabTitle } from "../../../../renderer/files/web-window.js";
import { parseWorkspacePath } from "../../../../renderer/platform/paths.js";

describe("suggested file names", () => {
  it("are the graph's name, made fit for the workspace", () => {
    expect(suggestFileName("LeNet-5", [])).toBe("LeNet-5.json");
    expect(suggestFileName("ResNeXt-50 (32×4d)", [])).toBe("ResNeXt-50 (32x4d).json");
    expect(suggestFileName("a/b: c?", [])).toBe("a-b- c.json");
    expect(suggestFileName("...", [])).toBe("Untitled.json");
    expect(suggestFileName("lenet.json", [])).toBe("lenet.json");
  });

  it("never name a file that exists (whatever its case)", () => {
    expect(suggestFileName("MLP", ["MLP.json", "mlp (2).json"])).toBe("MLP (3).json");
  });

  it("are always names the workspace accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const suggested = suggestFileName(name, []);
        expect(parseWorkspacePath(suggested).ok, suggested).toBe(true);
      }),
      { seed: 20250303, numRuns: 500 },
    );
  });

  it("complete what was typed with .json and trim it", () => {
    expect(completeFileName(" nets/lenet ")).toBe("nets/lenet.json");
    expect(completeFileName("lenet.JSON")).toBe("lenet.JSON");
    expect(completeFileName("nets\\lenet")).toBe("nets/lenet.json");
    expect(completeFileName("")).toBe("");
  });
});

describe("backups worth offering", () => {
  const files = [{ path: "a.json", size: 1, modified: 100 }, { path: "b.json", size: 1, modified: 500 }];

  it("are newer than their file, or have no file, are not live, and come newest first", () => {
    const backups = [
      { key: "a.json", savedAt: 200 },
      { key: "b.json", savedAt: 300 }, // older than b.json: saved since
      { key: "gone.json", savedAt: 50 },
      { key: untitledKey("x"), savedAt: 400 },
      { key: untitledKey("live"), savedAt: 900 },
    ];
    expect(offerableBackups(backups, files, new Set([untitledKey("live")])).map((b) => b.key)).toEqual(["untitled-x", "a.json", "gone.json"]);
  });

  it("know a file's key from an untitled one", () => {
    expect(fileOfKey("nets/a.json")).toBe("nets/a.json");
    expect(fileOfKey(untitledKey("123"))).toBeNull();
  });

  it("say when they were taken, with the date when not today", () => {
    const now = new Date(2025, 2, 3, 18, 0).getTime();
    expect(whenSaved(new Date(2025, 2, 3, 14, 5).getTime(), now)).toBe("at 14:05");
    expect(whenSaved(new Date(2025, 2, 1, 9, 30).getTime(), now)).toBe("on 1 Mar at 09:30");
  });
});

describe("web locks on backup keys", () => {
  it("hold a key until released, and list the keys held", async () => {
    const held = new Map<string, Promise<void>>();
    const locks = webKeyLocks({
      request: async (name, callback) => {
        const p = callback();
        held.set(name, p);
        await p;
        held.delete(name);
      },
      query: async () => ({ held: [...held.keys()].map((name) => ({ name })).concat([{ name: "someone-else" }]) }),
    })!;
    const release = locks.hold("a.json");
    locks.hold("untitled-1");
    expect(await locks.held()).toEqual(new Set(["a.json", "untitled-1"]));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await locks.held()).toEqual(new Set(["untitled-1"]));
    expect(webKeyLocks(undefined)).toBeNull();
  });
});

describe("the browser tab's title", () => {
  it("names the file and marks unsaved changes as the desktop window does", () => {
    expect(tabTitle({ path: "a.json", title: "a.json", dirty: true, backupKey: "a.json" })).toBe("● a.json — Layerloom");
    expect(tabTitle({ path: null, title: "", dirty: false, backupKey: null })).toBe("Untitled — Layerloom");
  });
});
