/**
 * The Platform over the web host's HTTP API (electron/host/web-api.ts lists the routes). Every
 * request carries the session token the host printed with its address.
 */
import type { Backup, BackupEntry, ErrorBody, FileContent, FileEntry, PlatformErrorCode, SaveResult, TemplateInfo } from "./contract.js";
import { PlatformError, type Platform } from "./platform.js";

export const TOKEN_HEADER = "x-layerloom-token";
const TOKEN_KEY = "layerloom.token";

const CODES: readonly PlatformErrorCode[] = ["invalid-path", "not-found", "conflict", "too-large", "bad-request", "forbidden", "unavailable"];

export interface WebPlatformOptions {
  /** The host's origin, e.g. "http://127.0.0.1:5123". */
  readonly origin: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

export function createWebPlatform({ origin, token, fetch: doFetch = globalThis.fetch.bind(globalThis) }: WebPlatformOptions): Platform {
  async function request<T>(method: string, route: string, query: Record<string, string> = {}, body?: unknown): Promise<T> {
    const url = new URL(route, origin);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { [TOKEN_HEADER]: token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new PlatformError("unavailable", `Cannot reach the Layerloom host at ${origin}. Is "layerloom serve" still running?`);
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toError(response.status, data);
    return data as T;
  }

  return {
    kind: "web",
    listFiles: async () => (await request<{ files: FileEntry[] }>("GET", "/api/files")).files,
    readFile: (path) => request<FileContent>("GET", "/api/file", { path }),
    readFileIfExists: (path) => request<FileContent | null>("GET", "/api/file-if-exists", { path }),
    writeFile: (path, text, options = {}) => request<SaveResult>("PUT", "/api/file", { path }, { text, ...options }),
    recentFiles: async () => (await request<{ paths: string[] }>("GET", "/api/recent")).paths,
    addRecentFile: async (path) => (await request<{ paths: string[] }>("POST", "/api/recent", {}, { path })).paths,
    listTemplates: async () => (await request<{ templates: TemplateInfo[] }>("GET", "/api/templates")).templates,
    readTemplate: async (id, configuration) => (await request<{ text: string }>("GET", "/api/template", configuration === undefined ? { id } : { id, configuration })).text,
    readTemplateNotebook: async (id) => (await request<{ text: string | null }>("GET", "/api/template-notebook", { id })).text,
    writeBackup: async (key, text) => void (await request("PUT", "/api/backup", { key }, { text })),
    readBackup: (key) => request<Backup | null>("GET", "/api/backup", { key }),
    listBackups: async () => (await request<{ backups: BackupEntry[] }>("GET", "/api/backups")).backups,
    removeBackup: async (key) => void (await request("DELETE", "/api/backup", { key })),
  };
}

function toError(status: number, data: unknown): PlatformError {
  const error = (data as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.message === "string" && CODES.includes(error.code)) return new PlatformError(error.code, error.message);
  return new PlatformError(status === 403 ? "forbidden" : "unavailable", `The Layerloom host answered ${status} without an explanation.`);
}

/**
 * The session token: taken from ?token= on first load, then kept for this tab only and removed
 * from the address bar, so it is not left in history, bookmarks or screenshots.
 */
export function takeWebToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete("token");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}
