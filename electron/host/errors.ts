/** Failures of host services, coded so the web host and Electron main can report them alike. */
import type { PlatformErrorCode } from "../../renderer/platform/contract.js";

export class HostError extends Error {
  override readonly name = "HostError";
  constructor(readonly code: PlatformErrorCode, message: string) {
    super(message);
  }
}

/** Node's error code (ENOENT, EACCES, ...) when there is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
}
