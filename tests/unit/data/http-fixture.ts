/**
 * A local file server for download tests (127.0.0.1, a free port): honours Range requests and
 * can cut a response short, ignore ranges, or serve other bytes, to play a flaky mirror.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Served {
  bytes: Uint8Array;
  /** Send only this many bytes of the body, then drop the connection. */
  cutAfter?: number;
  /** Answer every request in full with 200, as servers without range support do. */
  ignoreRange?: boolean;
}

export interface FileServer {
  readonly baseUrl: string;
  readonly files: Map<string, Served>;
  /** Every request as "name range", e.g. "a.bin -" or "a.bin bytes=10-". */
  readonly log: string[];
  close(): Promise<void>;
}

export async function serveFiles(): Promise<FileServer> {
  const files = new Map<string, Served>();
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "/").split("/").pop() ?? "");
    const range = req.headers.range;
    log.push(`${name} ${range ?? "-"}`);
    const file = files.get(name);
    if (!file) {
      res.writeHead(404, "Not Found").end();
      return;
    }
    let start = 0;
    const m = range && !file.ignoreRange ? /^bytes=(\d+)-$/.exec(range) : null;
    if (m) {
      start = Number(m[1]);
      if (start >= file.bytes.length) {
        res.writeHead(416, { "Content-Range": `bytes */${file.bytes.length}` }).end();
        return;
      }
      res.writeHead(206, { "Content-Length": file.bytes.length - start, "Content-Range": `bytes ${start}-${file.bytes.length - 1}/${file.bytes.length}` });
    } else {
      res.writeHead(200, { "Content-Length": file.bytes.length });
    }
    const body = file.bytes.subarray(start);
    if (file.cutAfter !== undefined && file.cutAfter < body.length) {
      res.write(body.subarray(0, file.cutAfter), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/data/`,
    files,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
