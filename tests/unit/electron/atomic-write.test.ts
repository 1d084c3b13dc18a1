/** Atomic saves ride out Windows' transient locks (EPERM, EBUSY) and still fail on real errors. */
import { readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../electron/host/atomic-write.js";
import { tempDir } from "../host/temp.js";

const errno = (code: string) => Object.assign(new Error(`${code}: operation not permitted, rename`), { code });

function flakyRename(failures: string[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    rename: async (from: string, to: string) => {
      calls++;
      const code = failures.shift();
      if (code) throw errno(code);
      await rename(from, to);
    },
  };
}

describe("atomic write", () => {
  it("retries a rename Windows refuses while another program holds the file, then replaces it", async () => {
    const dir = await tempDir();
    const target = join(dir, "g.json");
    await writeFile(target, "old");
    const flaky = flakyRename(["EPERM", "EBUSY", "EPERM", "EACCES"]);
    const waits: number[] = [];
    await writeFileAtomic(target, "new", { rename: flaky.rename, windows: true, sleep: async (ms) => void waits.push(ms) });
    expect(await readFile(target, "utf8")).toBe("new");
    expect(flaky.calls).toBe(5);
    expect(waits).toEqual([10, 20, 40, 80]);
    expect(await readdir(dir)).toEqual(["g.json"]);
  });

  it("gives up after about two seconds and leaves the old file and no temp file", async () => {
    const dir = await tempDir();
    const target = join(dir, "g.json");
    await writeFile(target, "old");
    const flaky = flakyRename(Array(50).fill("EBUSY"));
    let waited = 0;
    await expect(writeFileAtomic(target, "new", { rename: flaky.rename, windows: true, sleep: async (ms) => void (waited += ms) })).rejects.toMatchObject({ code: "EBUSY" });
    expect(waited).toBeGreaterThanOrEqual(1500);
    expect(waited).toBeLessThanOrEqual(2500);
    expect(await readFile(target, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["g.json"]);
  });

  it("does not retry elsewhere, nor errors that are not transient", async () => {
    const dir = await tempDir();
    const target = join(dir, "g.json");
    const onLinux = flakyRename(["EPERM"]);
    await expect(writeFileAtomic(target, "x", { rename: onLinux.rename, windows: false, sleep: async () => undefined })).rejects.toMatchObject({ code: "EPERM" });
    expect(onLinux.calls).toBe(1);
    const full = flakyRename(["ENOSPC"]);
    await expect(writeFileAtomic(target, "x", { rename: full.rename, windows: true, sleep: async () => undefined })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(full.calls).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });
});
