/**
 * Fetches dataset files into a cache folder, verified by SHA-256. A file appears under its own
 * name only after its checksum matched, so an interrupted or corrupt download never poisons the
 * cache: the bytes wait in "<name>.part", the next attempt resumes them with an HTTP Range
 * request, and a resumed file that fails the check is deleted so the attempt after starts clean.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RemoteFile } from "../../../runtime/data/standard.js";

export class DownloadError extends Error {
  override readonly name: string = "DownloadError";
}

export class ChecksumError extends DownloadError {
  override readonly name: string = "ChecksumError";
}

export interface DownloadProgress {
  readonly file: string;
  readonly received: number;
  readonly total: number | undefined;
}

export interface DownloadOptions {
  /** Folder URL the file names are appended to (ends with "/"). */
  readonly baseUrl: string;
  readonly cacheDir: string;
  readonly fetch?: typeof fetch;
  readonly onProgress?: (p: DownloadProgress) => void;
  readonly signal?: AbortSignal;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then((s) => s.size, () => undefined);
}

/** Sidecar that lets a verified file skip re-hashing while its size and time are unchanged. */
interface Verified {
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

async function alreadyVerified(final: string, file: RemoteFile): Promise<boolean> {
  const info = await stat(final).catch(() => undefined);
  if (!info) return false;
  const mark = await readFile(`${final}.verified`, "utf8").then((t) => JSON.parse(t) as Verified, () => undefined);
  if (mark && mark.sha256 === file.sha256 && mark.size === info.size && mark.mtimeMs === info.mtimeMs) return true;
  if ((await sha256File(final)) === file.sha256) {
    await writeVerified(final, file.sha256);
    return true;
  }
  // Changed or damaged since it was verified: drop it and fetch again.
  await rm(final, { force: true });
  await rm(`${final}.verified`, { force: true });
  return false;
}

async function writeVerified(final: string, sha256: string): Promise<void> {
  const info = await stat(final);
  await writeFile(`${final}.verified`, JSON.stringify({ sha256, size: info.size, mtimeMs: info.mtimeMs } satisfies Verified));
}

function checkName(name: string): void {
  // Names come from our manifest, but a cache path must never climb out of its folder.
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith(".")) throw new DownloadError(`"${name}" is not a safe cache file name.`);
}

/** Makes sure `file` is in the cache, verified; returns its path. */
export async function ensureFile(file: RemoteFile, options: DownloadOptions): Promise<string> {
  checkName(file.name);
  await mkdir(options.cacheDir, { recursive: true });
  const final = join(options.cacheDir, file.name);
  if (await alreadyVerified(final, file)) return final;

  const part = `${final}.part`;
  const url = new URL(file.name, options.baseUrl).href;
  const doFetch = options.fetch ?? fetch;
  let have = (await sizeOf(part)) ?? 0;
  if (file.bytes && have > file.bytes) {
    await rm(part, { force: true });
    have = 0;
  }

  if (!(file.bytes && have === file.bytes)) {
    let res: Response;
    try {
      res = await doFetch(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {}, signal: options.signal, redirect: "follow" });
    } catch (e) {
      throw new DownloadError(`Could not reach ${url} (${e instanceof Error ? e.message : String(e)}). Check the network and try again; ${have > 0 ? `the ${have} bytes already received are kept` : "nothing was saved"}.`);
    }
    let append = false;
    if (res.status === 206 && have > 0) {
      const range = /^bytes (\d+)-/.exec(res.headers.get("content-range") ?? "");
      if (!range || Number(range[1]) !== have) {
        await res.body?.cancel();
        await rm(part, { force: true });
        throw new DownloadError(`${url}: the server resumed at a different position than asked (${res.headers.get("content-range") ?? "no Content-Range"}); the partial file was removed, try again.`);
      }
      append = true;
    } else if (res.status === 416 && have > 0) {
      // Nothing more to send: the part may already be whole; the checksum below decides.
      await res.body?.cancel();
    } else if (res.status !== 200) {
      await res.body?.cancel();
      throw new DownloadError(`${url}: the server answered HTTP ${res.status} ${res.statusText}.`);
    }
    if (res.status !== 416) {
      const total = append ? have + Number(res.headers.get("content-length") ?? NaN) : Number(res.headers.get("content-length") ?? NaN);
      const handle = await open(part, append ? "a" : "w");
      let received = append ? have : 0;
      try {
        if (!res.body) throw new DownloadError(`${url}: the server sent no body.`);
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          await handle.write(chunk);
          received += chunk.length;
          options.onProgress?.({ file: file.name, received, total: Number.isFinite(total) ? total : file.bytes });
        }
      } catch (e) {
        await handle.close();
        if (e instanceof DownloadError) throw e;
        throw new DownloadError(`Downloading ${url} stopped after ${received} bytes (${e instanceof Error ? e.message : String(e)}); try again to resume.`);
      }
      await handle.close();
    }
  }

  const size = (await sizeOf(part)) ?? 0;
  if (file.bytes && size < file.bytes) {
    throw new DownloadError(`Downloading ${url} stopped after ${size} of ${file.bytes} bytes; try again to resume.`);
  }
  const digest = await sha256File(part);
  if (digest !== file.sha256) {
    await rm(part, { force: true });
    throw new ChecksumError(`${url}: the file's SHA-256 is ${digest} but should be ${file.sha256}; it was discarded and nothing was cached. The server or a proxy sent different bytes; try again later or another mirror.`);
  }
  await rename(part, final);
  await writeVerified(final, file.sha256);
  return final;
}

/** Ensures every file, in order; returns their paths by name. */
export async function ensureFiles(files: readonly RemoteFile[], options: DownloadOptions): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const f of files) paths[f.name] = await ensureFile(f, options);
  return paths;
}
