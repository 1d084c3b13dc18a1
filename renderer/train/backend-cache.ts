/**
 * Where the worker remembers which backend measured fastest for a model on this machine, so
 * only the first run of a model pays for timing every backend. IndexedDB, because a worker has
 * no localStorage. Failures (private windows, quota) only lose the memory, never the run.
 */
import type { BackendStorage } from "../../runtime/backend/select.js";

const DB = "layerloom";
const STORE = "backend-choice";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB did not open"));
  });
}

function request<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error("IndexedDB transaction failed"));
        };
      }),
  );
}

export function indexedDbBackendStorage(): BackendStorage | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  return {
    async get(key) {
      const value = await request("readonly", (s) => s.get(key) as IDBRequest<unknown>).catch(() => undefined);
      return typeof value === "string" ? value : undefined;
    },
    async set(key, value) {
      await request("readwrite", (s) => s.put(value, key)).catch(() => undefined);
    },
  };
}

/** What tells one machine from another for the cache: the browser build and its cores. */
export function machineKey(): string {
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator;
  return `${nav?.userAgent ?? "unknown"}|${nav?.hardwareConcurrency ?? 0}`;
}
