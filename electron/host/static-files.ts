/**
 * The built renderer, as a fixed table of files made once at start: a request can only ever get
 * a file that was in the build folder then, so no URL trick reaches anything else.
 */
import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import { HostError } from "./errors.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticFile {
  readonly absolute: string;
  readonly type: string;
  /** Vite puts content-hashed files under /assets/: those never change, so cache them for good. */
  readonly immutable: boolean;
}

/** Maps URL paths ("/", "/assets/index-3f2a.js") to the files of the build folder. */
export async function loadStaticFiles(folder: string): Promise<Map<string, StaticFile>> {
  const table = new Map<string, StaticFile>();
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const url = `${prefix}${entry.name}`;
        table.set(url, { absolute: join(dir, entry.name), type: TYPES[extname(entry.name)] ?? "application/octet-stream", immutable: url.startsWith("/assets/") });
      }
    }
  }
  try {
    await walk(folder, "/");
  } catch {
    table.clear();
  }
  const index = table.get("/index.html");
  if (!index) throw new HostError("not-found", `The app has not been built yet (no index.html in ${folder}). Run "npm run build", or start it with "npm run serve", which builds first.`);
  table.set("/", index);
  return table;
}
