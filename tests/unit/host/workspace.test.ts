import { mkdir, readFile, readdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../renderer/platform/contract.js";
import { HostError } from "../../../electron/host/errors.js";
import { openWorkspace } from "../../../electron/host/workspace.js";
import { tempDir } from "./temp.js";

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e;
}

describe("workspace file service", () => {
  it("refuses traversal, absolute paths and odd names, and writes nothing anywhere", async () => {
    const parent = await tempDir();
    const root = join(parent, "ws");
    await mkdir(root);
    const ws = await openWorkspace(root);
    const bad = [
      "../escape.json", "a/../../escape.json", "./x.json", "/tmp/abs.json", "C:\\x.json", "\\\\server\\x.json",
      "a\\..\\x.json", "nul\u0000.json", "bidi\u202Egnp.json", "line\nbreak.json", ".hidden.json", "CON.json",
      "trailing. /x.json", "a//b.json", "cafe\u0301.json", "",
    ];
    for (const path of bad) {
      const e = await refusal(ws.write(path, "x"));
      expect(e.code, path).toBe("invalid-path");
      expect((await refusal(ws.read(path))).code, path).toBe("invalid-path");
    }
    expect(await readdir(parent)).toEqual(["ws"]);
    expect(await readdir(root)).toEqual([]);
  });

  it("explains a refused name in the user's terms", async () => {
    const ws = await openWorkspace(await tempDir());
    expect((await refusal(ws.write("../x.json", "x"))).message).toBe('"../x.json" cannot be used as a file name: ".." is not allowed: paths must stay inside the workspace.');
    expect((await refusal(ws.write("/etc/x.json", "x"))).message).toMatch(/absolute path; give a path inside the workspace/);
    expect((await refusal(ws.write("bidi\u202E.json", "x"))).message).toContain("\\u202e");
  });

  it("never follows a symlink out of the workspace, for reading or writing", async () => {
    const parent = await tempDir();
    const root = join(parent, "ws");
    const outside = join(parent, "outside");
    await mkdir(root);
    await mkdir(outside);
    await writeFile(join(outside, "secret.json"), "secret");
    await symlink(outside, join(root, "linkdir"));
    await symlink(join(outside, "secret.json"), join(root, "link.json"));
    const ws = await openWorkspace(root);

    expect((await refusal(ws.read("linkdir/secret.json"))).code).toBe("invalid-path");
    expect((await refusal(ws.read("link.json"))).code).toBe("invalid-path");
    expect((await refusal(ws.write("linkdir/secret.json", "pwned"))).code).toBe("invalid-path");
    expect((await refusal(ws.write("linkdir/new.json", "pwned"))).code).toBe("invalid-path");
    expect((await refusal(ws.write("link.json", "pwned"))).message).toMatch(/goes through a link/);
    expect(await readFile(join(outside, "secret.json"), "utf8")).toBe("secret");
    expect(await readdir(outside)).toEqual(["secret.json"]);
    expect((await ws.list()).map((f) => f.path)).toEqual([]);
  });

  it("lists graph files only: no hidden files, links, node_modules or other extensions", async () => {
    const root = await tempDir();
    await mkdir(join(root, "nets/deep"), { recursive: true });
    await mkdir(join(root, "node_modules/pkg"), { recursive: true });
    await mkdir(join(root, ".git"));
    await writeFile(join(root, "b.json"), "{}");
    await writeFile(join(root, "nets/a.json"), "{}");
    await writeFile(join(root, "nets/deep/c.json"), "{}");
    await writeFile(join(root, "notes.txt"), "");
    await writeFile(join(root, ".secret.json"), "");
    await writeFile(join(root, ".git/config.json"), "");
    await writeFile(join(root, "node_modules/pkg/package.json"), "");
    await symlink(join(root, "b.json"), join(root, "alias.json"));
    const ws = await openWorkspace(root);
    const files = await ws.list();
    expect(files.map((f) => f.path)).toEqual(["b.json", "nets/a.json", "nets/deep/c.json"]);
    expect(files[0]!.size).toBe(2);
    expect(files[0]!.modified).toBeGreaterThan(0);
  });

  it("replaces files atomically: no temp file is left and the content is whole", async () => {
    const root = await tempDir();
    const ws = await openWorkspace(root);
    const big = "x".repeat(3 * 1024 * 1024);
    await ws.write("g.json", "old");
    await Promise.all([ws.write("g.json", big), ws.write("g.json", "small")]);
    const text = await readFile(join(root, "g.json"), "utf8");
    expect(["small", big]).toContain(text);
    expect(await readdir(root)).toEqual(["g.json"]);
  });

  it("makes missing folders on save, but only real ones inside the workspace", async () => {
    const root = await tempDir();
    const ws = await openWorkspace(root);
    await ws.write("a/b/c.json", "{}");
    expect(await readFile(join(root, "a/b/c.json"), "utf8")).toBe("{}");
    await writeFile(join(root, "file.json"), "");
    expect((await refusal(ws.write("file.json/x.json", "{}"))).message).toMatch(/is a file/);
  });

  it("refuses files over the size limit and files that are not UTF-8 text", async () => {
    const root = await tempDir();
    const ws = await openWorkspace(root);
    expect((await refusal(ws.write("big.json", "x".repeat(LIMITS.fileBytes + 1)))).code).toBe("too-large");
    await writeFile(join(root, "bin.json"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect((await refusal(ws.read("bin.json"))).message).toMatch(/not valid UTF-8/);
  });

  it("reads a file that may be absent as null, and refuses everything else exactly as read does", async () => {
    const parent = await tempDir();
    const root = join(parent, "ws");
    await mkdir(join(root, "nets"), { recursive: true });
    await writeFile(join(parent, "secret.json"), "secret");
    await symlink(join(parent, "secret.json"), join(root, "link.json"));
    await writeFile(join(root, "bin.json"), Buffer.from([0xff, 0xfe]));
    await writeFile(join(root, "big.json"), "");
    await truncate(join(root, "big.json"), LIMITS.fileBytes + 1); // sparse: large without writing 32 MB
    await writeFile(join(root, "nets/g.runs.json"), "{}");
    const ws = await openWorkspace(root);

    expect(await ws.readIfExists("nets/none.runs.json")).toBeNull();
    expect(await ws.readIfExists("missing-folder/g.runs.json")).toBeNull();
    expect(await ws.readIfExists("nets/g.runs.json")).toEqual(await ws.read("nets/g.runs.json"));
    for (const path of ["../secret.json", "link.json", "nets", "bin.json", "big.json"]) {
      const expected = await refusal(ws.read(path));
      const e = await refusal(ws.readIfExists(path));
      expect([e.code, e.message], path).toEqual([expected.code, expected.message]);
    }
    expect((await refusal(ws.readIfExists("link.json"))).code).toBe("invalid-path");
    expect((await refusal(ws.readIfExists("big.json"))).code).toBe("too-large");
    expect((await refusal(ws.readIfExists("bin.json"))).code).toBe("bad-request");
  });

  it("gives the same version for the same bytes and a new one for new bytes", async () => {
    const root = await tempDir();
    const ws = await openWorkspace(root);
    const a = await ws.write("g.json", "same");
    await writeFile(join(root, "g.json"), "same"); // touched by another program, unchanged
    expect((await ws.read("g.json")).version).toBe(a.version);
    expect((await ws.write("g.json", "same", { ifVersion: a.version })).version).toBe(a.version);
    await writeFile(join(root, "g.json"), "changed");
    expect((await refusal(ws.write("g.json", "mine", { ifVersion: a.version }))).message).toMatch(/changed on disk since it was opened/);
  });

  it("says clearly when the workspace folder does not exist", async () => {
    const e = await refusal(openWorkspace(join(await tempDir(), "missing")));
    expect(e.code).toBe("not-found");
    expect(e.message).toMatch(/does not exist.*--workspace/);
  });
});
