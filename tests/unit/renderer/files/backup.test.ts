/**
 * Backups of unsaved edits, on a fake clock: written at most a second after an edit under the
 * document's key (its path, or an untitled key), removed when the edits are saved or dropped,
 * and offered back after a crash only when newer than the file and not another tab's live work.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { KeyLocks } from "../../../../renderer/files/key-locks.js";
import type { MemoryPlatform } from "../../../../renderer/platform/memory.js";
import { mlp } from "../../../support/docs.js";
import { always, LENET, rename, rig, text } from "./support.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2025-03-03T14:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets the platform's promises settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("backups", () => {
  it("are written within a second of an edit, with the latest text, under the file's path", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "one");
    await vi.advanceTimersByTimeAsync(999);
    expect(await r.platform.listBackups()).toEqual([]);
    rename(r.app, "c1", "two");
    await vi.advanceTimersByTimeAsync(1);
    const backup = await r.platform.readBackup("g.json");
    expect(backup?.text).toBe(text(r.app.getState().document.doc));
    expect(backup?.text).toContain('"two"');
    expect(r.files.documentState()).toEqual({ path: "g.json", title: "g.json", dirty: true, backupKey: "g.json" });
  });

  it("keep coming every second during a long stream of edits (a drag), not only after it", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    const writes: number[] = [];
    const write = r.platform.writeBackup;
    r.platform.writeBackup = async (key, t) => {
      writes.push(Date.now());
      return write(key, t);
    };
    const start = Date.now();
    for (let i = 0; i < 25; i++) {
      expect(r.app.getState().edit({ op: "move", id: "c1", position: [i, i] }, "Move c1", "drag").ok).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes.map((t) => t - start)).toEqual([1000, 2000]);
  });

  it("are removed when the edits are saved, and not written again until the next edit", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "one");
    await vi.advanceTimersByTimeAsync(1000);
    expect(await r.platform.listBackups()).toHaveLength(1);
    await r.files.save();
    await settle();
    expect(await r.platform.listBackups()).toEqual([]);
    expect(r.files.documentState().backupKey).toBeNull();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r.platform.listBackups()).toEqual([]);
  });

  it("a save before the second is up cancels the pending backup", async () => {
    const r = rig({ seed: { files: { "g.json": LENET } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "one");
    await vi.advanceTimersByTimeAsync(300);
    await r.files.save();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r.platform.listBackups()).toEqual([]);
  });

  it("are removed when the person discards the changes for another document", async () => {
    const r = rig({ seed: { files: { "g.json": LENET, "h.json": text(mlp()) } } });
    await r.files.open("g.json");
    rename(r.app, "c1", "one");
    await vi.advanceTimersByTimeAsync(1000);
    r.answer = always("discard");
    await r.files.open("h.json");
    await settle();
    expect(await r.platform.listBackups()).toEqual([]);
  });

  it("of a graph never saved use an untitled key, which Save As replaces with the file's path", async () => {
    const r = rig({ doc: mlp() });
    rename(r.app, "h", "hidden");
    await vi.advanceTimersByTimeAsync(1000);
    const [untitled] = await r.platform.listBackups();
    expect(untitled?.key).toMatch(/^untitled-/);
    expect(r.files.documentState()).toEqual({ path: null, title: "MLP", dirty: true, backupKey: untitled!.key });
    r.saveAsWith = { path: "mlp.json", replace: false };
    await r.files.save();
    rename(r.app, "h", "again");
    await vi.advanceTimersByTimeAsync(1000);
    expect((await r.platform.listBackups()).map((b) => b.key)).toEqual(["mlp.json"]);
  });

  it("are not taken of a document nobody changed", async () => {
    const r = rig({ seed: { files: { "g.json": LENET }, templates: [{ id: "t", name: "T", text: LENET }] } });
    await r.files.open("g.json");
    await r.files.openTemplate("t");
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r.platform.listBackups()).toEqual([]);
  });
});

describe("recovery after a crash", () => {
  /** Edits g.json and an untitled graph in one "session", then starts a fresh app over the same host. */
  async function crashed() {
    const before = rig({ seed: { files: { "g.json": LENET, "old.json": LENET } } });
    await before.files.open("g.json");
    rename(before.app, "c1", "unsaved work");
    await vi.advanceTimersByTimeAsync(1000);
    before.stop();
    const untitled = rig({ doc: mlp(), platform: before.platform });
    rename(untitled.app, "h", "hidden");
    await vi.advanceTimersByTimeAsync(1000);
    untitled.stop();
    // A backup older than its file: the file was saved (by another program) after it.
    await before.platform.writeBackup("old.json", text(mlp()));
    await vi.advanceTimersByTimeAsync(60_000);
    before.platform.changeOutside("old.json", LENET);
    return rig({ platform: before.platform });
  }

  it("offers the backups newer than their files, newest first, with what they hold", async () => {
    const after = await crashed();
    const offered = await after.files.recoverable();
    expect(offered.map(({ key, path, name, layers, when }) => ({ key, path, name, layers, when }))).toEqual([
      { key: expect.stringMatching(/^untitled-/), path: null, name: "MLP", layers: 3, when: expect.stringMatching(/^at \d\d:\d\d$/) },
      { key: "g.json", path: "g.json", name: "g.json", layers: 9, when: expect.stringMatching(/^at \d\d:\d\d$/) },
    ]);
  });

  it("restores a file's backup as unsaved, saving on from the file as it is now", async () => {
    const after = await crashed();
    expect(await after.files.restoreBackup("g.json")).toBe(true);
    const { document } = after.app.getState();
    expect(document).toMatchObject({ path: "g.json", dirty: true, version: (await after.platform.readFile("g.json")).version });
    expect(document.doc.nodes.find((n) => n.id === "c1")!.label).toBe("unsaved work");
    expect(after.files.documentState().backupKey).toBe("g.json");
    expect(await after.files.save()).toBe(true);
    await settle();
    expect(after.platform.snapshot()["g.json"]).toContain("unsaved work");
    expect((await after.platform.listBackups()).map((b) => b.key)).not.toContain("g.json");
  });

  it("restores an untitled backup as an unsaved graph that keeps backing up under its key", async () => {
    const after = await crashed();
    const [untitled] = await after.files.recoverable();
    await after.files.restoreBackup(untitled!.key);
    expect(after.app.getState().document).toMatchObject({ path: null, dirty: true });
    expect(after.files.documentState().backupKey).toBe(untitled!.key);
    rename(after.app, "h", "more");
    await vi.advanceTimersByTimeAsync(1000);
    expect((await after.platform.readBackup(untitled!.key))?.text).toContain('"more"');
    // The document's own backup is live now: it is not offered to itself again.
    expect((await after.files.recoverable()).map((b) => b.key)).toEqual(["g.json"]);
  });

  it("discards a backup for good", async () => {
    const after = await crashed();
    await after.files.discardBackup("g.json");
    expect((await after.files.recoverable()).map((b) => b.path)).toEqual([null]);
  });

  it("leaves out backups another tab is still writing", async () => {
    const after = await crashed();
    const locks: KeyLocks = { hold: () => () => undefined, held: async () => new Set(["g.json"]) };
    const other = rig({ platform: after.platform, locks });
    expect((await other.files.recoverable()).map((b) => b.path)).toEqual([null]);
  });

  it("looks up files that may be gone without a failing read (the web host's 404 is a console error)", async () => {
    const failed: string[] = [];
    const watch = (platform: MemoryPlatform) => {
      const { readFile } = platform;
      platform.readFile = (path) => readFile(path).catch((e: unknown) => (failed.push(path), Promise.reject(e)));
    };
    const after = await crashed();
    watch(after.platform);
    after.platform.changeOutside("g.json", null);
    expect(await after.files.restoreBackup("g.json")).toBe(true);
    expect(after.app.getState().document).toMatchObject({ path: null, dirty: true });

    const r = rig({ seed: { files: { "h.json": LENET } } });
    watch(r.platform);
    await r.files.open("h.json");
    rename(r.app, "c1", "mine");
    r.platform.changeOutside("h.json", null);
    r.answer = always("cancel");
    await r.files.save();
    expect(r.asked[0]!.question).toBe("h.json was deleted or moved since you opened it.");
    expect(failed).toEqual([]);
  });

  it("offers the backup when its file is opened, and opens the saved file instead if asked", async () => {
    const after = await crashed();
    after.answer = always("restore");
    await after.files.open("g.json");
    expect(after.asked[0]!.question).toMatch(/^g\.json has changes from at \d\d:\d\d that were never saved\.$/);
    expect(after.app.getState().document.dirty).toBe(true);
    expect(after.app.getState().document.doc.nodes.find((n) => n.id === "c1")!.label).toBe("unsaved work");

    const fresh = await crashed();
    fresh.answer = always("open");
    await fresh.files.open("g.json");
    expect(fresh.app.getState().document).toMatchObject({ path: "g.json", dirty: false });
    expect(await fresh.platform.readBackup("g.json")).toBeNull();
  });
});
