/**
 * Which backup keys an open tab is writing right now, so another tab of the same app does not
 * offer that tab's live edits as "recovered". In a browser this is the Web Locks API: a tab holds
 * a lock named after each key it backs up, and the browser releases it when the tab goes away
 * (closed, crashed, reloaded), which is exactly when the backup becomes worth recovering.
 */

export interface KeyLocks {
  /** Holds the key until the returned function is called. */
  hold(key: string): () => void;
  /** Keys some tab holds now (this one included). */
  held(): Promise<ReadonlySet<string>>;
}

const PREFIX = "layerloom-backup:";

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
}

/** The browser's locks, or null where the API is missing (old engines, insecure origins). */
export function webKeyLocks(locks: LockManagerLike | undefined): KeyLocks | null {
  if (!locks) return null;
  return {
    hold(key) {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      // The lock is granted at once unless another tab holds this key; either way it is ours
      // until release. A refusal only means another tab will offer this backup, so it is ignored.
      locks.request(PREFIX + key, () => held).catch(() => undefined);
      return release;
    },
    async held() {
      try {
        const state = await locks.query();
        return new Set((state.held ?? []).flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
      } catch {
        return new Set();
      }
    },
  };
}
