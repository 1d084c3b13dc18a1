// Builds the desktop app (electron-vite: main, preload and renderer into dist/) when the build
// is missing or older than any source it is made from. `npm start` and `npm run dist` use it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const outputs = ["dist/electron/main/index.js", "dist/electron/preload/index.cjs", "dist/renderer/index.html"];
const sources = ["electron", "renderer", "graph-ir", "runtime", "electron.vite.config.ts", "package-lock.json"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), info.mtimeMs);
}

export function buildDesktop({ force = false } = {}) {
  const built = outputs.every((o) => existsSync(o)) ? Math.min(...outputs.map((o) => statSync(o).mtimeMs)) : 0;
  if (!force && built >= Math.max(...sources.map(newest))) return;
  console.log("Building the desktop app (electron-vite build)…");
  execFileSync(process.execPath, ["node_modules/electron-vite/bin/electron-vite.js", "build", "--logLevel", "warn"], { stdio: "inherit" });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) buildDesktop({ force: process.argv.includes("--force") });
