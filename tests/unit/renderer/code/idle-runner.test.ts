import { describe, expect, it } from "vitest";
import { createIdleRunner, type Timers } from "../../../../renderer/code/idle-runner.js";

/** Timers driven by hand: advance(ms) fires what falls due, in order. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set(fn, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clear(h) {
      queue.delete(h as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...queue.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      queue.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { timers, advance, pending: () => queue.size };
}

describe("createIdleRunner", () => {
  it("runs only the latest request, once input has been quiet for the delay", () => {
    const t = manualTimers();
    const ran: string[] = [];
    const runner = createIdleRunner<string>((v) => ran.push(v), t.timers);
    runner.request("v1", 300);
    t.advance(200);
    runner.request("v2", 300); // an edit before the pause ends restarts the wait
    t.advance(299);
    expect(ran).toEqual([]);
    t.advance(1);
    expect(ran).toEqual(["v2"]);
    expect(t.pending()).toBe(0);
  });

  it("runs again for a later request and never for a cancelled one", () => {
    const t = manualTimers();
    const ran: number[] = [];
    const runner = createIdleRunner<number>((v) => ran.push(v), t.timers);
    runner.request(1, 0);
    t.advance(0);
    runner.request(2, 300);
    t.advance(300);
    runner.request(3, 300);
    runner.cancel();
    t.advance(1000);
    expect(ran).toEqual([1, 2]);
    expect(t.pending()).toBe(0);
  });

  it("works with real timers", async () => {
    const ran: string[] = [];
    const runner = createIdleRunner<string>((v) => ran.push(v));
    runner.request("a", 5);
    runner.request("b", 5);
    await new Promise((r) => setTimeout(r, 40));
    expect(ran).toEqual(["b"]);
  });
});
