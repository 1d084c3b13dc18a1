// `npm run dist`: the installable desktop app for this OS (Windows: NSIS installer; macOS:
// universal DMG; Linux: AppImage and deb), in dist/release. Builds with electron-vite, stages
// only what runs into dist/app (no node_modules: main and preload are bundled), then runs
// electron-builder with electron-builder.yml. electron-builder downloads Electron for the target,
// so this needs a network that reaches GitHub's releases.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { buildDesktop } from "./build-desktop.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
buildDesktop({ force: true });

rmSync("dist/app", { recursive: true, force: true });
mkdirSync("dist/app/dist", { recursive: true });
// Same layout as the repository, so main finds the renderer and templates at the same places.
cpSync("dist/electron", "dist/app/dist/electron", { recursive: true, filter: (src) => !src.endsWith(".map") });
cpSync("dist/renderer", "dist/app/dist/renderer", { recursive: true });
cpSync("templates", "dist/app/templates", { recursive: true });
cpSync("build/icon.png", "dist/app/build/icon.png");
const staged = {
  name: pkg.name,
  productName: "Layerloom",
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  main: "dist/electron/main/index.js",
  type: "module",
  ...(pkg.author ? { author: pkg.author } : {}),
  ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
};
writeFileSync("dist/app/package.json", JSON.stringify(staged, null, 2));

const targets = [];
if (process.platform === "linux") {
  // A .deb must name a maintainer with an e-mail address and a homepage; without them, build the AppImage alone.
  const email = typeof pkg.author === "object" && pkg.author?.email;
  if (!email || !pkg.homepage) {
    console.log('Skipping the .deb: package.json needs "homepage" and "author": {"name", "email"} for it. Building the AppImage.');
    targets.push("--linux", "AppImage");
  }
}
try {
  execFileSync(process.execPath, ["node_modules/electron-builder/cli.js", "--config", "electron-builder.yml", "--publish", "never", ...targets], { stdio: "inherit" });
} catch {
  console.error("Packaging failed (the reason is above). If it could not download Electron, run `npm run dist` on a machine that can reach github.com.");
  process.exit(1);
}
if (existsSync("dist/release")) console.log("The installers are in dist/release.");
