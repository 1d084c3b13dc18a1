/**
 * The lint keeps Electron at the edges: only main's and the preload's entry files may load it,
 * so every other module stays testable without the Electron binary. Type-only imports are fine.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(".");

function lint(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "layerloom-lint-"));
  try {
    writeFileSync(join(dir, "tsconfig.base.json"), "{}");
    // A stand-in electron package: the rule matches on where the import resolves.
    const stub = { "node_modules/electron/package.json": '{"name":"electron","main":"index.js","types":"electron.d.ts"}', "node_modules/electron/index.js": "module.exports = {};\n", "node_modules/electron/electron.d.ts": "declare module 'electron' { export const app: unknown; export const dialog: unknown; export const contextBridge: unknown; export type MenuItemConstructorOptions = object; }\n" };
    for (const [path, text] of Object.entries({ ...stub, ...files })) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const output = execFileSync(process.execPath, [join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"), "--config", join(root, ".dependency-cruiser.cjs"), "electron"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    return { ok: true, output };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { ok: false, output: err.stdout + err.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("electron-only-at-the-edges", () => {
  it("lets the two entry files load Electron, and anything take its types", () => {
    const r = lint({
      "electron/main/index.ts": 'import { app } from "electron";\nexport const a = app;\n',
      "electron/preload/index.ts": 'import { contextBridge } from "electron";\nexport const c = contextBridge;\n',
      "electron/main/menu.ts": 'import type { MenuItemConstructorOptions } from "electron";\nexport type M = MenuItemConstructorOptions;\n',
    });
    expect(r.output).toContain("no dependency violations");
    expect(r.ok).toBe(true);
  });

  it("fails when a plain module loads Electron", () => {
    const r = lint({ "electron/main/documents.ts": 'import { dialog } from "electron";\nexport const d = dialog;\n' });
    expect(r.ok).toBe(false);
    expect(r.output).toContain("electron-only-at-the-edges");
  });
});
