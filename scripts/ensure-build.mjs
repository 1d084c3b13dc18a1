// Builds the renderer when dist/renderer is missing or older than any source it is made from, so
// `npm run serve` and `npm start` never serve a stale app and never rebuild without need.
import { existsSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const output = "dist/renderer/index.html";
const sources = ["renderer", "graph-ir", "runtime", "vite.config.ts", "package-lock.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), info.mtimeMs);
}

if (!existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newest))) {
  console.log("Building the app (vite build)…");
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], { stdio: "inherit" });
}
