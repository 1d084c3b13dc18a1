/** Backups of unsaved edits: within a second of any edit, one write at a time, the latest text. */
import { describe, expect, it } from "vitest";
import { BACKUP_DELAY_MS, createBackupScheduler } from "../../../renderer/platform/backup-scheduler.js";

/** A clock the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        pending.set(id, { at: now + ms, run });
        return id;
      },
      clearTimeout: (id: unknown) => void pending.delete(id as number),
    },
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await new Promise((r) => setImmediate(r));
      }
      now = until;
      await new Promise((r) => setImmediate(r));
    },
    get now() {
      return now;
    },
  };
}

function harness(write: (text: string) => Promise<void> = async () => undefined) {
  const clock = fakeTimers();
  let doc = "v0";
  const writes: { at: number; text: string }[] = [];
  let removed = 0;
  let reads = 0;
  const scheduler = createBackupScheduler({
    read: () => {
      reads++;
      return doc;
    },
    write: async (text) => {
      writes.push({ at: clock.now, text });
      await write(text);
    },
    remove: async () => void removed++,
    timers: clock.timers,
  });
  return {
    clock,
    scheduler,
    writes,
    edit(text: string) {
      doc = text;
      scheduler.edited();
    },
    get removed() {
      return removed;
    },
    get reads() {
      return reads;
    },
  };
}

describe("backup scheduler", () => {
  it("backs up at most one second after an edit, even while edits keep coming", async () => {
    const h = harness();
    expect(BACKUP_DELAY_MS).toBe(1000);
    for (let t = 0; t < 3000; t += 100) {
      h.edit(`v${t}`);
      await h.clock.advance(100);
    }
    // A steady stream of edits (a long drag) still gets a backup every second.
    expect(h.writes.map((w) => w.at)).toEqual([1000, 2000, 3000]);
    expect(h.writes.map((w) => w.text)).toEqual(["v900", "v1900", "v2900"]);
    // Serialised once per backup, not once per edit.
    expect(h.reads).toBe(3);
    await h.clock.advance(5000);
    expect(h.writes).toHaveLength(3);
  });

  it("writes nothing without an edit, and cancels a pending backup once saved, removing the old one", async () => {
    const h = harness();
    await h.clock.advance(5000);
    expect(h.writes).toEqual([]);
    h.edit("v1");
    await h.scheduler.clear();
    await h.clock.advance(2000);
    expect(h.writes).toEqual([]);
    expect(h.removed).toBe(1);
  });

  it("flushes at once when asked (before a window closes)", async () => {
    const h = harness();
    h.edit("v1");
    await h.scheduler.flush();
    expect(h.writes).toEqual([{ at: 0, text: "v1" }]);
    await h.clock.advance(2000);
    expect(h.writes).toHaveLength(1);
  });

  it("never runs two writes at once, and a failed write is retried after the next edit", async () => {
    let inFlight = 0;
    let most = 0;
    let fail = true;
    const errors: unknown[] = [];
    const clock = fakeTimers();
    let doc = "";
    const writes: string[] = [];
    const scheduler = createBackupScheduler({
      read: () => doc,
      write: async (text) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        if (fail) throw new Error("disk full");
        writes.push(text);
      },
      remove: async () => undefined,
      onError: (e) => void errors.push(e),
      timers: clock.timers,
    });
    doc = "a";
    scheduler.edited();
    await clock.advance(1000);
    expect(errors).toHaveLength(1);
    fail = false;
    doc = "b";
    scheduler.edited();
    const flushes = [scheduler.flush(), scheduler.flush()];
    await Promise.all(flushes);
    await clock.advance(1000);
    expect(writes).toEqual(["b"]);
    expect(most).toBe(1);
  });
});
