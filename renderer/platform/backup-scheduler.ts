/**
 * When unsaved edits are backed up: at most `delayMs` (one second) after any edit, however fast
 * edits come, and never two writes at once. The document is read when the backup is written,
 * not on every edit, so a drag of a thousand steps costs one serialisation a second.
 * Imports nothing and touches no DOM or Node global beyond timers, so the page (which may not
 * import electron/) and the host's crash test share this one implementation, each with its own writer.
 */
export interface BackupSchedulerOptions {
  /** The document's current text (serialised when the backup is taken). */
  readonly read: () => string;
  readonly write: (text: string) => Promise<void>;
  readonly remove: () => Promise<void>;
  readonly delayMs?: number;
  /** Told when a backup could not be written; the next edit tries again. */
  readonly onError?: (error: unknown) => void;
  readonly timers?: {
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

export interface BackupScheduler {
  /** The document changed and is not saved. */
  edited(): void;
  /** Writes any pending backup now (before the window closes, say). */
  flush(): Promise<void>;
  /** The document was saved or its changes discarded: cancel what is pending and remove the backup. */
  clear(): Promise<void>;
}

export const BACKUP_DELAY_MS = 1000;

export function createBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const delay = options.delayMs ?? BACKUP_DELAY_MS;
  const timers = options.timers ?? {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  /** Edits not yet in a backup that has started writing. */
  let pending = false;
  /** The write (or removal) in progress; the next one waits for it. */
  let chain: Promise<void> = Promise.resolve();

  const run = (task: () => Promise<void>): Promise<void> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };

  const writeNow = (): Promise<void> =>
    run(async () => {
      if (!pending) return;
      pending = false;
      try {
        await options.write(options.read());
      } catch (e) {
        pending = true;
        options.onError?.(e);
      }
    });

  const cancelTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  return {
    edited() {
      pending = true;
      // The first edit since the last backup starts the clock; later ones ride along, so no
      // edit waits longer than `delay` (a debounce would starve during a long drag).
      if (timer !== null) return;
      timer = timers.setTimeout(() => {
        timer = null;
        void writeNow();
      }, delay);
    },
    flush() {
      cancelTimer();
      return writeNow();
    },
    clear() {
      cancelTimer();
      pending = false;
      return run(() => options.remove());
    },
  };
}
