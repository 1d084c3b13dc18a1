/**
 * The import-boundary lint must fail when the dependency rule is broken. Runs the real
 * dependency-cruiser config over a throwaway tree laid out like the project.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(".");

function lint(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "layerloom-lint-"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "tsconfig.base.json"), "{}");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const output = execFileSync(process.execPath, [join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"), "--config", join(root, ".dependency-cruiser.cjs"), ...new Set(Object.keys(files).map((p) => p.split("/")[0]!))], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    return { ok: true, output };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { ok: false, output: err.stdout + err.stderr };
  }
}

describe("import-boundary lint", () => {
  it("passes a tree that follows the rule", () => {
    const r = lint({ "graph-ir/a.ts": "export const a = 1;\n", "runtime/b.ts": 'import { a } from "../graph-ir/a.js";\nexport const b = a;\n' });
    expect(r.output).toContain("no dependency violations");
    expect(r.ok).toBe(true);
  });

  it.each([
    ["graph-ir-is-pure", { "graph-ir/a.ts": 'import { readFileSync } from "node:fs";\nexport const a = readFileSync;\n' }],
    ["lower-layers-do-not-reach-up", { "graph-ir/a.ts": 'import { r } from "../renderer/r.js";\nexport const a = r;\n', "renderer/r.ts": "export const r = 1;\n" }],
    ["runtime-no-node-builtins", { "runtime/a.ts": 'import { join } from "node:path";\nexport const a = join;\n' }],
    ["renderer-no-electron-or-node", { "renderer/a.ts": 'import { h } from "../electron/host/h.js";\nexport const a = h;\n', "electron/host/h.ts": "export const h = 1;\n" }],
    ["no-cycles", { "runtime/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n', "runtime/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n' }],
  ])("fails on %s", (rule, files) => {
    const r = lint(files);
    expect(r.ok).toBe(false);
    expect(r.output).toContain(rule);
  });
});
