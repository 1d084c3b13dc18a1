import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChecksumError, DownloadError, ensureFile, type DownloadProgress } from "../../../electron/host/data/download.js";
import { serveFiles, type FileServer } from "./http-fixture.js";
import { tempDir } from "./support.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const payload = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251);
const entry = { name: "data.bin", bytes: payload.length, sha256: sha(payload) };

let server: FileServer;
let cache: string;
beforeEach(async () => {
  server = await serveFiles();
  cache = await tempDir();
});
afterEach(() => server.close());

describe("cached downloads", () => {
  it("fetch a file once, verify it, and serve it from the cache after", async () => {
    server.files.set("data.bin", { bytes: payload });
    const progress: DownloadProgress[] = [];
    const path = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache, onProgress: (p) => progress.push(p) });
    expect(path).toBe(join(cache, "data.bin"));
    expect(sha(await readFile(path))).toBe(entry.sha256);
    expect(progress.at(-1)).toEqual({ file: "data.bin", received: payload.length, total: payload.length });
    expect(progress.every((p, i) => i === 0 || p.received >= progress[i - 1]!.received)).toBe(true);
    await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log).toEqual(["data.bin -"]);
  });

  it("refuse bytes whose checksum is wrong and keep nothing", async () => {
    const other = payload.slice();
    other[100] = other[100]! ^ 1;
    server.files.set("data.bin", { bytes: other });
    const err = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChecksumError);
    expect((err as Error).message).toMatch(new RegExp(`SHA-256 is ${sha(other)} but should be ${entry.sha256}; it was discarded and nothing was cached`));
    expect(existsSync(join(cache, "data.bin"))).toBe(false);
    expect(existsSync(join(cache, "data.bin.part"))).toBe(false);
  });

  it("keep an interrupted download aside and resume it with a range request", async () => {
    server.files.set("data.bin", { bytes: payload, cutAfter: 20_000 });
    const err = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as Error).message).toMatch(/try again to resume/);
    expect(existsSync(join(cache, "data.bin"))).toBe(false);
    const kept = (await stat(join(cache, "data.bin.part"))).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(payload.length);

    server.files.set("data.bin", { bytes: payload });
    const path = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log.at(-1)).toBe(`data.bin bytes=${kept}-`);
    expect(sha(await readFile(path))).toBe(entry.sha256);
    expect(existsSync(join(cache, "data.bin.part"))).toBe(false);
  });

  it("start over cleanly when the server ignores the range", async () => {
    await writeFile(join(cache, "data.bin.part"), payload.subarray(0, 1234));
    server.files.set("data.bin", { bytes: payload, ignoreRange: true });
    const path = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log).toEqual(["data.bin bytes=1234-"]);
    expect(sha(await readFile(path))).toBe(entry.sha256);
  });

  it("drop a resumed file that fails the check, so the next try starts from zero", async () => {
    // Someone else's bytes in the partial file: the resumed whole cannot match.
    await writeFile(join(cache, "data.bin.part"), new Uint8Array(1000).fill(9));
    server.files.set("data.bin", { bytes: payload });
    await expect(ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache })).rejects.toBeInstanceOf(ChecksumError);
    expect(existsSync(join(cache, "data.bin.part"))).toBe(false);
    await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log).toEqual(["data.bin bytes=1000-", "data.bin -"]);
  });

  it("finish a partial file that is already whole without sending it again", async () => {
    await writeFile(join(cache, "data.bin.part"), payload);
    server.files.set("data.bin", { bytes: payload });
    await ensureFile({ ...entry, bytes: 0 }, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log).toEqual(["data.bin bytes=50000-"]); // answered 416, then the checksum decided
    expect(existsSync(join(cache, "data.bin"))).toBe(true);
  });

  it("fetch again when the cached file was damaged on disk", async () => {
    server.files.set("data.bin", { bytes: payload });
    const path = await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    await writeFile(path, "damaged");
    await ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache });
    expect(server.log).toEqual(["data.bin -", "data.bin -"]);
    expect(sha(await readFile(path))).toBe(entry.sha256);
  });

  it("report HTTP errors and unreachable hosts, and refuse unsafe names", async () => {
    await expect(ensureFile(entry, { baseUrl: server.baseUrl, cacheDir: cache })).rejects.toThrow(/data.bin: the server answered HTTP 404/);
    await expect(ensureFile({ ...entry, name: "../evil" }, { baseUrl: server.baseUrl, cacheDir: cache })).rejects.toThrow(/not a safe cache file name/);
    const closed = await serveFiles();
    const url = closed.baseUrl;
    await closed.close();
    await expect(ensureFile(entry, { baseUrl: url, cacheDir: cache })).rejects.toThrow(/Could not reach http:\/\/127\.0\.0\.1:\d+\/data\/data.bin .*nothing was saved/);
  });
});
