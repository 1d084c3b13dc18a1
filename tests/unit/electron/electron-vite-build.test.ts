/**
 * `electron-vite build` of main, preload and renderer succeeds (into a temporary folder), and its
 * output has the shape the packaged app relies on: main an ES module needing only electron and
 * Node's built-ins (everything else bundled, since no node_modules ship), the preload CommonJS
 * (a sandboxed preload cannot be an ES module) needing only electron, the renderer's index.html.
 */
import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "../host/temp.js";

const run = promisify(execFile);

/** Module names a bundle still imports or requires at run time. */
function importsOf(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s[^;]*?\bfrom\s*"([^"]+)"|^\s*import\s*"([^"]+)"|\brequire\("([^"]+)"\)|\bimport\("([^"]+)"\)/gm)) found.add((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return [...found].sort();
}

const nodeBuiltin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);

describe("electron-vite build", () => {
  it("builds main, preload and renderer, bundled as the packaged app needs them", async () => {
    const out = await tempDir("layerloom-build-");
    await run(process.execPath, ["node_modules/electron-vite/bin/electron-vite.js", "build", "--logLevel", "error"], {
      env: { ...process.env, LAYERLOOM_BUILD_DIR: out },
      maxBuffer: 16 * 1024 * 1024,
    });

    const main = await readFile(join(out, "electron/main/index.js"), "utf8");
    expect(main).toMatch(/^import .* from "electron";/m);
    expect(importsOf(main).filter((m) => m !== "electron" && !nodeBuiltin(m))).toEqual([]);
    expect(main).toContain("layerloom:shell-event");

    const preload = await readFile(join(out, "electron/preload/index.cjs"), "utf8");
    expect(importsOf(preload)).toEqual(["electron"]);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("layerloom"');

    const html = await readFile(join(out, "renderer/index.html"), "utf8");
    // Relative asset URLs, so the page loads from app://layerloom/ as from the web host; no inline script.
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await readdir(join(out, "renderer/assets"))).some((f) => f.endsWith(".js"))).toBe(true);
  }, 180_000);
});
