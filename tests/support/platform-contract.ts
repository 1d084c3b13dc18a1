/**
 * One behaviour, every host: the same checks run against the in-memory platform and against
 * the web platform talking to a real web host, so tests written against memory hold for real.
 */
import { describe, expect, it } from "vitest";
import type { Platform } from "../../renderer/platform/platform.js";
import { isPlatformError } from "../../renderer/platform/platform.js";

export interface ContractSubject {
  readonly platform: Platform;
  /** Seeds a file in the workspace behind the platform's back (as another program would). */
  seed(path: string, text: string): Promise<void>;
  /** Removes a file behind the platform's back. */
  remove(path: string): Promise<void>;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export function platformContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`${name}: the Platform contract`, () => {
    it("saves, lists and reads back files, in subfolders too", async () => {
      const { platform } = await make();
      const saved = await platform.writeFile("nets/lenet.json", '{"a":1}');
      await platform.writeFile("mlp.json", "{}");
      const files = await platform.listFiles();
      expect(files.map((f) => f.path)).toEqual(["mlp.json", "nets/lenet.json"]);
      expect(files[1]!.size).toBe(7);
      const read = await platform.readFile("nets/lenet.json");
      expect(read).toEqual({ path: "nets/lenet.json", text: '{"a":1}', version: saved.version });
    });

    it("refuses to overwrite a file that changed since it was read", async () => {
      const s = await make();
      await s.seed("g.json", "one");
      const { version } = await s.platform.readFile("g.json");
      await s.seed("g.json", "two");
      const e = await failure(s.platform.writeFile("g.json", "mine", { ifVersion: version }));
      expect(isPlatformError(e, "conflict")).toBe(true);
      expect((await s.platform.readFile("g.json")).text).toBe("two");
    });

    it("saves over a file still at the version read, and returns the new version", async () => {
      const { platform } = await make();
      const first = await platform.writeFile("g.json", "one");
      const second = await platform.writeFile("g.json", "two", { ifVersion: first.version });
      expect(second.version).not.toBe(first.version);
      expect((await platform.readFile("g.json")).version).toBe(second.version);
    });

    it("with ifVersion null, creates a file but never replaces one", async () => {
      const { platform } = await make();
      await platform.writeFile("new.json", "x", { ifVersion: null });
      const e = await failure(platform.writeFile("new.json", "y", { ifVersion: null }));
      expect(isPlatformError(e, "conflict")).toBe(true);
      expect((await platform.readFile("new.json")).text).toBe("x");
    });

    it("reports a deleted file as a conflict when saving over the version read", async () => {
      const s = await make();
      await s.seed("gone.json", "x");
      const { version } = await s.platform.readFile("gone.json");
      await s.remove("gone.json");
      expect(isPlatformError(await failure(s.platform.writeFile("gone.json", "y", { ifVersion: version })), "conflict")).toBe(true);
    });

    it("says not-found for a missing file and invalid-path for names outside the workspace", async () => {
      const { platform } = await make();
      expect(isPlatformError(await failure(platform.readFile("missing.json")), "not-found")).toBe(true);
      for (const bad of ["../up.json", "/etc/passwd.json", "a/../../b.json", ".hidden.json", "notes.txt", "tab\there.json"]) {
        const e = await failure(platform.writeFile(bad, "x"));
        expect(isPlatformError(e, "invalid-path"), bad).toBe(true);
        expect((e as Error).message).toContain("cannot be used as a file name");
      }
      expect(await platform.listFiles()).toEqual([]);
    });

    it("reads a file that may be absent: null when it is not there, its content when it is, names outside still refused", async () => {
      const s = await make();
      expect(await s.platform.readFileIfExists("g.runs.json")).toBeNull();
      expect(await s.platform.readFileIfExists("no-such-folder/g.runs.json")).toBeNull();
      await s.seed("g.runs.json", '{"runs":[]}');
      const read = await s.platform.readFileIfExists("g.runs.json");
      expect(read).toEqual(await s.platform.readFile("g.runs.json"));
      expect(read?.text).toBe('{"runs":[]}');
      await s.remove("g.runs.json");
      expect(await s.platform.readFileIfExists("g.runs.json")).toBeNull();
      for (const bad of ["../up.json", "/etc/passwd.json", "a/../../b.json", ".hidden.json", "notes.txt"]) {
        const e = await failure(s.platform.readFileIfExists(bad));
        expect(isPlatformError(e, "invalid-path"), bad).toBe(true);
        expect((e as Error).message).toContain("cannot be used as a file name");
      }
    });

    it("keeps recent files newest first, without duplicates or files that are gone", async () => {
      const s = await make();
      await s.seed("a.json", "{}");
      await s.seed("b.json", "{}");
      await s.platform.addRecentFile("a.json");
      await s.platform.addRecentFile("b.json");
      expect(await s.platform.addRecentFile("a.json")).toEqual(["a.json", "b.json"]);
      await s.remove("b.json");
      expect(await s.platform.recentFiles()).toEqual(["a.json"]);
      expect(isPlatformError(await failure(s.platform.addRecentFile("nope.json")), "not-found")).toBe(true);
    });

    it("keeps, lists, replaces and removes backups by key", async () => {
      const { platform } = await make();
      expect(await platform.readBackup("untitled-1")).toBeNull();
      await platform.writeBackup("untitled-1", "draft");
      await platform.writeBackup("nets/lenet.json", "edited");
      await platform.writeBackup("untitled-1", "draft 2");
      expect((await platform.readBackup("untitled-1"))?.text).toBe("draft 2");
      expect((await platform.listBackups()).map((b) => b.key).sort()).toEqual(["nets/lenet.json", "untitled-1"]);
      await platform.removeBackup("untitled-1");
      expect(await platform.readBackup("untitled-1")).toBeNull();
      expect((await platform.listBackups()).map((b) => b.key)).toEqual(["nets/lenet.json"]);
      expect(isPlatformError(await failure(platform.writeBackup("", "x")), "bad-request")).toBe(true);
    });
  });
}
