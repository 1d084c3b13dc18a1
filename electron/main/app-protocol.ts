/**
 * The app's pages come from app://layerloom/, a custom protocol serving only the files of the
 * renderer build (a fixed table, see electron/host/static-files.ts), never file://. So the page
 * has a real origin of its own, and no URL can reach any other file on disk.
 */
import { CONTENT_SECURITY_POLICY } from "../host/content-policy.js";
import type { StaticFile } from "../host/static-files.js";

export const APP_SCHEME = "app";
export const APP_HOST = "layerloom";
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin; nothing more. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/**
 * Whether url is a page of the app: app://layerloom/..., or, when developing with a dev
 * server, that server's origin.
 */
export function isAppUrl(text: string, devOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  // URL.origin is "null" for schemes Node does not know, so compare scheme and host.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devOrigin !== null && url.origin === devOrigin;
}

export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The file to send as the body; absent for errors (the body is then a short text). */
  readonly file?: string;
  readonly text?: string;
}

/** Answers one request to app://. */
export function appResponse(files: ReadonlyMap<string, StaticFile>, requestUrl: string, method = "GET"): AppResponse {
  const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" };
  const fail = (status: number, text: string): AppResponse => ({ status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" }, text });
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return fail(400, "Bad address.");
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return fail(404, "Not part of Layerloom.");
  if (method !== "GET" && method !== "HEAD") return fail(405, "Only GET.");
  const file = files.get(url.pathname);
  if (!file) return fail(404, `Nothing at ${url.pathname}.`);
  return {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": file.type,
      ...(file.type.startsWith("text/html") ? { "Content-Security-Policy": CONTENT_SECURITY_POLICY } : {}),
    },
    file: file.absolute,
  };
}
