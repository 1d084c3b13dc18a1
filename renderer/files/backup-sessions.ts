/**
 * Backups of the open document's unsaved edits, one backup key per document: its workspace path,
 * or an untitled key chosen at its first edit. The timing is the shared backup scheduler's (at
 * most a second after any edit, one write at a time). When the document is saved or replaced,
 * its backup is removed, and the next document's first write waits for that removal, so a
 * removal can never land after a newer backup under the same key.
 */
import { createBackupScheduler, type BackupScheduler, type BackupSchedulerOptions } from "../platform/backup-scheduler.js";
import type { Platform } from "../platform/platform.js";
import type { KeyLocks } from "./key-locks.js";

export interface BackupSessionsOptions {
  readonly platform: Pick<Platform, "writeBackup" | "removeBackup">;
  /** The open document's text now. */
  readonly read: () => string;
  readonly newKey: () => string;
  readonly locks?: KeyLocks | null;
  readonly delayMs?: number;
  readonly timers?: BackupSchedulerOptions["timers"];
  /** A backup could not be written or removed; called once until a write succeeds again. */
  readonly onFailure?: (error: unknown) => void;
}

export interface BackupSessions {
  /**
   * The open document was saved under a new name or replaced by another: the old backup goes
   * (its edits are saved, or the person chose to drop them). `key` is the new document's key;
   * null: an untitled key, chosen when it is first edited. Resolves once the old backup is gone.
   */
  replace(key: string | null): Promise<void>;
  /** The open document changed and is not saved. */
  edited(): void;
  /** The key the open document's edits are backed up under; null while it has none. */
  activeKey(): string | null;
  /** Writes any pending backup now. */
  flush(): Promise<void>;
}

interface Session {
  readonly key: string;
  readonly scheduler: BackupScheduler;
  readonly release: () => void;
}

export function createBackupSessions(options: BackupSessionsOptions): BackupSessions {
  let docKey: string | null = null;
  let session: Session | null = null;
  /** The last session's removal; the next session's writes wait for it. */
  let previous: Promise<void> = Promise.resolve();
  let failing = false;

  const failed = (e: unknown) => {
    if (failing) return;
    failing = true;
    options.onFailure?.(e);
  };

  function start(): Session {
    const key = (docKey ??= options.newKey());
    const after = previous;
    const scheduler = createBackupScheduler({
      read: options.read,
      async write(text) {
        await after;
        await options.platform.writeBackup(key, text);
        failing = false;
      },
      async remove() {
        await after;
        await options.platform.removeBackup(key);
      },
      onError: failed,
      ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
    return { key, scheduler, release: options.locks?.hold(key) ?? (() => {}) };
  }

  return {
    replace(key) {
      const old = session;
      session = null;
      docKey = key;
      if (old) {
        // Released once the backup is gone, so no other tab offers it in between.
        previous = old.scheduler.clear().catch(failed).finally(old.release);
      }
      return previous;
    },
    edited() {
      session ??= start();
      session.scheduler.edited();
    },
    activeKey: () => session?.key ?? null,
    flush: () => session?.scheduler.flush() ?? Promise.resolve(),
  };
}
