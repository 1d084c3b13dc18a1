/**
 * The web host: serves the built renderer and a JSON API over the host services, on 127.0.0.1
 * only. Every API request must carry the session token (header x-layerloom-token or ?token=),
 * which only the person who started the host has seen, so other local users and web pages
 * cannot read or write the workspace.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LIMITS, type ErrorBody } from "../../renderer/platform/contract.js";
import { CONTENT_SECURITY_POLICY } from "./content-policy.js";
import { HostError } from "./errors.js";
import { handleApi } from "./web-api.js";
import type { HostServices } from "./services.js";
import { loadStaticFiles } from "./static-files.js";

export const TOKEN_HEADER = "x-layerloom-token";

export interface WebHostOptions {
  readonly services: HostServices;
  /** The renderer build (vite's output folder). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** For tests; normally a fresh random token per start. */
  readonly token?: string;
  /** Where unexpected failures are logged (never sent to the browser in detail). */
  readonly log?: (message: string) => void;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const files = await loadStaticFiles(options.staticDir);
  const token = options.token ?? randomBytes(24).toString("base64url");
  const expected = Buffer.from(token);
  const log = options.log ?? ((m: string) => process.stderr.write(m + "\n"));
  let port = 0;

  const server = createServer((req, res) => {
    void respond(req, res).catch((e: unknown) => {
      if (e instanceof HostError) return sendError(res, e);
      log(`layerloom serve: ${req.method} ${req.url}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      if (!res.headersSent) sendError(res, new HostError("unavailable", "The Layerloom host failed on this request; see the terminal where it runs."));
      else res.destroy();
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("X-Content-Type-Options", "nosniff");
    // The token travels in the first URL; no page of ours may leak it to another site.
    res.setHeader("Referrer-Policy", "no-referrer");
    // A page on another site that points a DNS name at 127.0.0.1 gets its own Host header: refuse it.
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendError(res, new HostError("forbidden", "This Layerloom host only answers on 127.0.0.1."));
    }
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      res.setHeader("Cache-Control", "no-store");
      if (!hasToken(req, url)) {
        return sendError(res, new HostError("forbidden", "Missing or wrong Layerloom token. Open the address printed by `layerloom serve`, which includes it."));
      }
      const body = req.method === "PUT" || req.method === "POST" ? await readBody(req) : undefined;
      return sendJson(res, 200, await handleApi(options.services, req.method ?? "GET", url, body));
    }
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, new HostError("bad-request", "Only GET is served outside /api/."), 405);
    const file = files.get(url.pathname);
    if (!file) return sendError(res, new HostError("not-found", `Nothing at ${url.pathname}.`));
    res.statusCode = 200;
    res.setHeader("Content-Type", file.type);
    res.setHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (file.type.startsWith("text/html")) res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (req.method === "HEAD") return void res.end();
    await new Promise<void>((resolve, reject) => {
      createReadStream(file.absolute).on("error", reject).pipe(res).on("finish", resolve).on("error", reject);
    });
  }

  function hasToken(req: IncomingMessage, url: URL): boolean {
    const header = req.headers[TOKEN_HEADER];
    const given = Buffer.from((typeof header === "string" ? header : undefined) ?? url.searchParams.get("token") ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Reads a JSON body, refusing anything larger than a graph file could need. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  // JSON escaping can double a text's size; anything past that is not a graph.
  const limit = 2 * LIMITS.fileBytes + 4096;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HostError("too-large", "The request is larger than any graph file Layerloom saves.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HostError("bad-request", "The request body is not valid JSON.");
  }
}

const STATUS: Record<string, number> = { "invalid-path": 400, "bad-request": 400, forbidden: 403, "not-found": 404, conflict: 409, "too-large": 413, unavailable: 500 };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

export function sendError(res: ServerResponse, error: HostError, status = STATUS[error.code] ?? 500): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  sendJson(res, status, body);
}
