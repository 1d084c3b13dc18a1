// `npm start`: the desktop app where Electron is installed, otherwise the same app in a browser
// through the web host. Extra arguments go to `layerloom serve` (e.g. -- --workspace DIR).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";

// The Electron main entry the desktop shell builds; absent until that shell exists.
const ELECTRON_MAIN = "dist/electron/main.js";

function electronBinary() {
  try {
    // The electron package's main export is the path of its downloaded binary.
    const path = createRequire(import.meta.url)("electron");
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (binary && existsSync(ELECTRON_MAIN)) {
  run(binary, [ELECTRON_MAIN, ...process.argv.slice(2)]);
} else {
  console.log("The Electron desktop shell is not available on this machine, so Layerloom will open in your browser instead.");
  await import("./ensure-build.mjs");
  run(process.execPath, ["bin/layerloom.mjs", "serve", ...process.argv.slice(2)]);
}
