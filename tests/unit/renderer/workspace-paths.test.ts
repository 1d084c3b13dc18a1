import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseWorkspacePath } from "../../../renderer/platform/paths.js";

describe("workspace path rule", () => {
  it("accepts ordinary names, in any script, in subfolders", () => {
    for (const ok of ["lenet.json", "nets/LeNet-5 (v2).json", "réseaux/modèle_1.json", "模型/网络.json", "a+b.json", "x.JSON"]) {
      expect(parseWorkspacePath(ok), ok).toEqual({ ok: true, segments: ok.split("/") });
    }
  });

  it("never accepts a path that resolves outside the workspace or to a hidden file", () => {
    const part = fc.oneof(fc.constantFrom("..", ".", "", "a", ".git", "b.json", "/", "\\", "C:", "~"), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const path = parts.join("/");
        const r = parseWorkspacePath(path);
        if (!r.ok) return;
        const resolved = posix.resolve("/ws", path);
        expect(resolved.startsWith("/ws/")).toBe(true);
        expect(posix.relative("/ws", resolved)).toBe(path);
        expect(r.segments.every((s) => !s.startsWith(".") && !/[\\:\p{Cc}\p{Cf}]/u.test(s))).toBe(true);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("says why a name is refused", () => {
    const why = (p: string) => {
      const r = parseWorkspacePath(p);
      return r.ok ? "accepted" : r.message;
    };
    expect(why("")).toBe("A file name is needed.");
    expect(why("a/")).toMatch(/empty folder name/);
    expect(why("notes.txt")).toMatch(/opens and saves only \.json, \.ipynb files/);
    expect(why("aux.json")).toMatch(/device name on Windows/);
    expect(why("a?.json")).toMatch(/only letters, digits, spaces/);
    expect(why("x".repeat(1001))).toMatch(/longer than 1000 characters/);
  });
});
