// `npm start`: the desktop app where Electron can run, otherwise the same app in a browser
// through the web host, so the one command always gives a working app. Extra arguments go to
// the app (graph files to open, --workspace DIR); the web host takes --workspace, --port, --no-open.
import { existsSync, readFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { buildDesktop } from "./build-desktop.mjs";

const DESKTOP_MAIN = "dist/electron/main/index.js";
const ELECTRON = "node_modules/electron";
/** A desktop app that exits with an error this soon never got going: fall back to the browser. */
const EARLY_EXIT_MS = 15_000;
const args = process.argv.slice(2);

/** The Electron binary, downloading it once if needed, or why there is none. */
function electronBinary() {
  if (!existsSync(join(ELECTRON, "package.json"))) return { why: "Electron is not installed" };
  const pathFile = join(ELECTRON, "path.txt");
  if (!existsSync(pathFile) || !existsSync(join(ELECTRON, "dist", readFileSync(pathFile, "utf8")))) {
    console.log("Downloading the Electron binary…");
    const r = spawnSync(process.execPath, [join(ELECTRON, "install.js")], { encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0 || !existsSync(pathFile)) return { why: `the Electron binary could not be downloaded (${reason(r)})` };
  }
  const binary = join(ELECTRON, "dist", readFileSync(pathFile, "utf8"));
  if (!existsSync(binary)) return { why: "the Electron binary is missing" };
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { why: "this machine has no display to show a window on" };
  return { binary };
}

function reason(result) {
  if (result.error) return result.error.message;
  const line = `${result.stderr ?? ""}`.split("\n").map((l) => l.trim()).filter(Boolean).find((l) => /error/i.test(l));
  return line ? line.replace(/^.*?Error:\s*/, "") : `exit code ${result.status}`;
}

function run(command, commandArgs, onExit) {
  const child = spawn(command, commandArgs, { stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    onExit(code ?? (signal ? 1 : 0));
  });
}

/**
 * The web host's arguments: its own options pass through; a graph file named for the desktop
 * app makes its folder the workspace (the browser opens files from there).
 */
function serveArgs(given) {
  const kept = [];
  let folder = null;
  for (let i = 0; i < given.length; i++) {
    const a = given[i];
    if (a === "--workspace" || a === "--port") kept.push(a, given[++i] ?? "");
    else if (a.startsWith("--workspace=") || a.startsWith("--port=") || a === "--no-open") kept.push(a);
    else if (!a.startsWith("-") && folder === null) folder = dirname(resolve(a));
  }
  const hasWorkspace = kept.some((a) => a.startsWith("--workspace"));
  return folder !== null && !hasWorkspace ? [...kept, "--workspace", folder] : kept;
}

async function startInBrowser(why) {
  console.log(`Layerloom cannot open its desktop window here because ${why}, so it is starting in your browser instead.`);
  await import("./ensure-build.mjs");
  run(process.execPath, ["bin/layerloom.mjs", "serve", ...serveArgs(args)], (code) => process.exit(code));
}

const found = electronBinary();
if ("why" in found) {
  await startInBrowser(found.why);
} else {
  buildDesktop();
  const started = Date.now();
  run(found.binary, [DESKTOP_MAIN, ...args], (code) => {
    if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) void startInBrowser(`the desktop window failed to start (exit code ${code}; its message is above)`);
    else process.exit(code);
  });
}
