/**
 * Builds window.layerloom from an ipcRenderer: one function per contract method, each sending
 * its arguments on its own channel, and the shell-event subscription. The page never sees
 * ipcRenderer or an IPC event object, only these functions. Kept free of 'electron' imports so
 * tests pass a fake ipcRenderer.
 */
import type { BridgeResult, LayerloomBridge, ShellEvent } from "../../renderer/platform/bridge.js";
import { INVOKE_METHODS, SHELL_EVENT_CHANNEL, channelOf } from "../contract/methods.js";

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Events kept for a page that has not subscribed yet; beyond this the oldest are dropped. */
const MAX_PENDING_EVENTS = 64;

export function createBridge(ipc: IpcRendererLike): LayerloomBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of INVOKE_METHODS) {
    bridge[method] = async (...args: unknown[]): Promise<BridgeResult<unknown>> => {
      try {
        return (await ipc.invoke(channelOf(method), ...args)) as BridgeResult<unknown>;
      } catch (e) {
        // Main answers with values; a rejection means main itself is gone or broken.
        return { ok: false, error: { code: "unavailable", message: `The Layerloom window lost its connection to the app (${e instanceof Error ? e.message : String(e)}). Restart Layerloom; unsaved changes are kept in the backup.` } };
      }
    };
  }

  // Main may send an event (a file to open) before the page has mounted and subscribed.
  const listeners = new Set<(event: ShellEvent) => void>();
  const pending: ShellEvent[] = [];
  ipc.on(SHELL_EVENT_CHANNEL, (_event, payload) => {
    const event = payload as ShellEvent;
    if (listeners.size === 0) {
      pending.push(event);
      if (pending.length > MAX_PENDING_EVENTS) pending.shift();
      return;
    }
    for (const listener of listeners) listener(event);
  });
  bridge.onShellEvent = (listener: (event: ShellEvent) => void) => {
    if (typeof listener !== "function") throw new TypeError("onShellEvent needs a function.");
    listeners.add(listener);
    if (pending.length > 0) {
      const queued = pending.splice(0);
      // After the caller has its unsubscribe function, as with any later event.
      queueMicrotask(() => queued.forEach((e) => listener(e)));
    }
    return () => void listeners.delete(listener);
  };
  return Object.freeze(bridge) as LayerloomBridge;
}
