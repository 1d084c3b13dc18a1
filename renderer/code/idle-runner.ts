/**
 * Runs the latest request once input has been quiet for a while: an export of a huge graph takes
 * hundreds of milliseconds, so it must not run on every drag frame or keystroke. Timers are
 * injected so tests can drive time by hand.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface IdleRunner<T> {
  /** Asks for `value` to be handled after `delayMs` of quiet; replaces any request still waiting. */
  request(value: T, delayMs: number): void;
  /** Drops the waiting request, if any (the view closed). */
  cancel(): void;
}

export function createIdleRunner<T>(run: (value: T) => void, timers: Timers = realTimers): IdleRunner<T> {
  let pending: unknown;
  let waiting = false;
  return {
    request(value, delayMs) {
      if (waiting) timers.clear(pending);
      waiting = true;
      pending = timers.set(() => {
        waiting = false;
        run(value);
      }, delayMs);
    },
    cancel() {
      if (waiting) timers.clear(pending);
      waiting = false;
    },
  };
}
