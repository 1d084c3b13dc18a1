import { describe, expect, it } from "vitest";
import { CURRENT_VERSION } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { MIGRATIONS, migrate, type JsonObject, type MigrationStep } from "../../../graph-ir/core/migrate.js";
import { deepFreeze } from "../../support/docs.js";

/** A pretend version 0 that called the graph's name "title". */
const renameTitle: MigrationStep = {
  from: 0,
  summary: 'the graph\'s "title" is now called "name"',
  up: ({ title, ...rest }) => ({ ...rest, name: title }),
};

const v0 = JSON.stringify({ format: "layerloom-graph", version: 0, title: "Old graph", nodes: [{ id: "a", kind: "Dense", params: { units: 3 } }] });

describe("migration on open", () => {
  it("has no steps yet, since version 1 is the first", () => {
    expect(CURRENT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it("upgrades an old file through an injected step and says so", () => {
    const r = parseGraphFile(v0, { migrations: [renameTitle] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.name).toBe("Old graph");
    expect(r.doc.version).toBe(1);
    expect(r.doc.nodes[0]!.params).toEqual({ units: 3 });
    expect(r.warnings).toEqual(['Upgraded from file format version 0 to 1: the graph\'s "title" is now called "name". Saving writes the new version.']);
  });

  it("refuses the same file when no step reads its version", () => {
    const r = parseGraphFile(v0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("unsupported-version");
    expect(r.error.message).toContain("version 0, which this Layerloom cannot upgrade");
  });

  it("chains steps in version order, sets each version, and never changes its input", () => {
    const seen: number[] = [];
    const step = (from: number): MigrationStep => ({ from, summary: `step ${from}`, up: (f) => { seen.push(f["version"] as number); return { ...f, trail: [...((f["trail"] as number[]) ?? []), from] }; } });
    const input: JsonObject = deepFreeze({ version: 1 });
    const r = migrate(input, 1, [step(2), step(1), step(3)], 4);
    expect(r).toEqual({ ok: true, file: { version: 4, trail: [1, 2, 3] }, applied: [expect.objectContaining({ from: 1 }), expect.objectContaining({ from: 2 }), expect.objectContaining({ from: 3 })] });
    expect(seen).toEqual([1, 2, 3]);
    expect(input).toEqual({ version: 1 });
  });

  it("reports a failing or broken step as migration-failed, not a crash", () => {
    const throws: MigrationStep = { from: 0, summary: "boom", up: () => { throw new Error("no layers field"); } };
    const broken: MigrationStep = { from: 0, summary: "bad", up: () => [] as unknown as JsonObject };
    for (const [s, says] of [[throws, "failed: no layers field"], [broken, "failed."]] as const) {
      const r = parseGraphFile(v0, { migrations: [s] });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe("migration-failed");
      expect(r.error.message).toContain(`version 0 to 1 ${says}`);
    }
  });

  it("tells the user to update Layerloom for a file from a newer version", () => {
    const r = migrate({ version: 5 }, 5, [], 1);
    expect(r).toEqual({ ok: false, error: { code: "unsupported-version", path: "version", message: expect.stringMatching(/newer Layerloom \(file format version 5; this Layerloom reads versions up to 1\)\. Update Layerloom to open it\./) } });
  });
});
