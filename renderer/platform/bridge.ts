/**
 * What the Electron preload exposes as window.layerloom: one function per Platform method.
 * Failures come back as values, not rejections, because Electron's IPC turns a thrown error into
 * a bare message and loses its code.
 */
import type { PlatformErrorCode } from "./contract.js";
import type { Platform } from "./platform.js";

export type BridgeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: PlatformErrorCode; readonly message: string } };

type Methods = Omit<Platform, "kind">;

export type LayerloomBridge = {
  readonly [K in keyof Methods]: (...args: Parameters<Methods[K]>) => Promise<BridgeResult<Awaited<ReturnType<Methods[K]>>>>;
};
