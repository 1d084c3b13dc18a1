// Writes renderer/notebook/tf-types.generated.json: the .d.ts files of @tensorflow/tfjs that its
// entry reaches (tfjs, tfjs-core, tfjs-layers, tfjs-data, tfjs-converter), keyed by their
// node_modules path, so Monaco's TypeScript service in the notebook resolves
// `import("@tensorflow/tfjs")` to the real API. The backends' declarations are left out (cells
// never need them; their `export *` then adds nothing). License headers are dropped to save size.
// Run after upgrading tfjs; tests/unit/renderer/notebook/tf-types.test.ts fails while stale.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, posix } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const OUT = "renderer/notebook/tf-types.generated.json";
const PACKAGES = ["tfjs", "tfjs-core", "tfjs-layers", "tfjs-data", "tfjs-converter"];
const ENTRY = "node_modules/@tensorflow/tfjs/dist/index.d.ts";

/** The node_modules path of the .d.ts a specifier names, or undefined when it is not ours. */
function resolve(spec, from) {
  let base;
  if (spec.startsWith(".")) base = posix.join(posix.dirname(from), spec);
  else {
    const m = /^@tensorflow\/([\w-]+)(\/.*)?$/.exec(spec);
    if (!m || !PACKAGES.includes(m[1])) return undefined;
    base = m[2] ? `node_modules/@tensorflow/${m[1]}${m[2]}` : `node_modules/@tensorflow/${m[1]}/dist/index`;
  }
  base = base.replace(/\.js$/, "");
  for (const p of [`${base}.d.ts`, `${base}/index.d.ts`]) if (existsSync(`${root}${p}`)) return p;
  return undefined;
}

const strip = (text) => text.replace(/\/\*\*?\s*\n?\s*\*\s*@license[\s\S]*?\*\/\s*/g, "").replace(/^\/\/# sourceMappingURL=.*$/gm, "");

/** { path: text } for every declaration file the entry reaches, in a stable order. */
export function generate() {
  const files = {};
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.shift();
    if (file in files) continue;
    const text = strip(readFileSync(`${root}${file}`, "utf8"));
    files[file] = text;
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|<reference\s+path=)['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specs) {
      const p = resolve(s, file);
      if (p && !(p in files)) queue.push(p);
    }
  }
  // Bare package imports resolve through an index.d.ts at the package root.
  for (const pkg of PACKAGES) files[`node_modules/@tensorflow/${pkg}/index.d.ts`] = 'export * from "./dist/index";\n';
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k]]));
  return JSON.stringify(sorted) + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generate();
  writeFileSync(`${root}${OUT}`, text);
  console.log(`wrote ${OUT}: ${Object.keys(JSON.parse(text)).length} files, ${(text.length / 1024).toFixed(0)} KiB`);
}
