/**
 * A scratch folder where exported code is compiled and run as a person would: `tsc --strict` over
 * the exported files, then plain `node`, with @tensorflow/tfjs resolved from a node_modules link
 * to the project's own (the exported code's only dependency).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { MaterializedNetwork } from "../../../runtime/materialize/materialize.js";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;

export interface Workspace {
  readonly dir: string;
  /** The emitted .js path of a .ts file written with write(). */
  emitted(file: string): string;
  write(file: string, text: string): string;
  /** Type-checks every written .ts file with tsc --strict (and the project's extra strictness) and emits JavaScript. */
  compile(): Promise<{ ok: boolean; errors: Map<string, string[]> }>;
  node(script: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
  remove(): void;
}

export const TSC_FLAGS = [
  "--strict", "--noUncheckedIndexedAccess", "--noImplicitOverride", "--noUnusedLocals", "--noUnusedParameters",
  "--target", "ES2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "ES2022,DOM",
  "--skipLibCheck", "--outDir", "out",
];

export function workspace(prefix: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `layerloom-${prefix}-`));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const files: string[] = [];
  return {
    dir,
    emitted: (file) => join(dir, "out", file.replace(/\.ts$/, ".js")),
    write(file, text) {
      writeFileSync(join(dir, file), text);
      if (file.endsWith(".ts")) files.push(file);
      return join(dir, file);
    },
    async compile() {
      const errors = new Map<string, string[]>();
      try {
        await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), ...TSC_FLAGS, ...files], { cwd: dir, maxBuffer: 64 << 20 });
        return { ok: true, errors };
      } catch (e) {
        const out = String((e as { stdout?: string }).stdout ?? e);
        for (const line of out.split("\n")) {
          const m = /^([^(]+)\(\d+,\d+\): error/.exec(line);
          if (!m) continue;
          const list = errors.get(m[1]!) ?? [];
          list.push(line);
          errors.set(m[1]!, list);
        }
        if (errors.size === 0) errors.set("(tsc)", [out]);
        return { ok: false, errors };
      }
    },
    node: (script, args) => run(process.execPath, [script, ...args], { cwd: dir, maxBuffer: 256 << 20 }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Weights of every layer into one binary file, with the manifest the exported-code runner reads. */
export function writeWeights(net: MaterializedNetwork, file: string): unknown[] {
  const layers: unknown[] = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const layer of net.model.layers) {
    const weights = layer.getWeights().map((w) => {
      const values = w.dataSync() as Float32Array;
      chunks.push(values);
      const spec = { shape: w.shape, offset, size: values.length };
      offset += values.length;
      return spec;
    });
    if (weights.length) layers.push({ name: layer.name, weights });
  }
  writeFileSync(file, Buffer.concat(chunks.map((c) => new Uint8Array(c.buffer, c.byteOffset, c.byteLength))));
  return layers;
}
