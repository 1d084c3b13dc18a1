/**
 * `layerloom serve [--port N] [--workspace DIR] [--no-open]`: the app in any browser. Serves the
 * built renderer (it builds nothing itself: run `npm run build`, or `npm run serve`, first) and
 * the workspace API on 127.0.0.1, behind a token printed with the address.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { HostError } from "../../electron/host/errors.js";
import { createHostServices } from "../../electron/host/services.js";
import { startWebHost, type WebHost } from "../../electron/host/web-host.js";
import type { Io } from "../io.js";

export const RENDERER_BUILD = fileURLToPath(new URL("../../dist/renderer", import.meta.url));
export const TEMPLATES = fileURLToPath(new URL("../../templates", import.meta.url));

const USAGE = "Usage: layerloom serve [--port N] [--workspace DIR] [--no-open]";

interface ServeArgs {
  readonly port: number;
  readonly workspace: string;
  readonly open: boolean;
}

export function parseServeArgs(args: readonly string[], cwd: string): ServeArgs | string {
  let port = 0;
  let workspace = cwd;
  let open = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (arg === "--no-open") open = false;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const text = arg.includes("=") ? arg.slice("--port=".length) : value();
      const n = Number(text);
      if (text === undefined || !Number.isInteger(n) || n < 0 || n > 65535) return `--port needs a port number from 0 to 65535 (0 picks a free one), not "${text ?? ""}".`;
      port = n;
    } else if (arg === "--workspace" || arg.startsWith("--workspace=")) {
      const text = arg.includes("=") ? arg.slice("--workspace=".length) : value();
      if (!text) return "--workspace needs a folder.";
      workspace = resolve(cwd, text);
    } else return `Unknown option "${arg}".`;
  }
  return { port, workspace, open };
}

/** Starts the host; resolves with its handle (the tests and `runServe` share this). */
export async function startServe(args: readonly string[], io: Io): Promise<WebHost | number> {
  const parsed = parseServeArgs(args, process.cwd());
  if (typeof parsed === "string") {
    io.err(`layerloom serve: ${parsed}\n${USAGE}`);
    return 2;
  }
  let host: WebHost;
  try {
    const services = await createHostServices({ workspace: parsed.workspace, templates: TEMPLATES });
    host = await startWebHost({ services, staticDir: RENDERER_BUILD, port: parsed.port, log: io.err });
  } catch (e) {
    if (e instanceof HostError) io.err(`layerloom serve: ${e.message}`);
    else if (e instanceof Error && "code" in e && e.code === "EADDRINUSE") io.err(`layerloom serve: port ${parsed.port} is in use. Pick another with --port, or leave --port out to use a free one.`);
    else throw e;
    return 2;
  }
  io.out(`Layerloom is running at ${host.url}`);
  io.out(`Workspace: ${parsed.workspace}`);
  io.out("Press Ctrl+C to stop.");
  if (parsed.open) openBrowser(host.url);
  return host;
}

export async function runServe(args: string[], io: Io): Promise<number> {
  const host = await startServe(args, io);
  if (typeof host === "number") return host;
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await host.close();
  return 0;
}

/** Best effort: where no browser can be started, the printed address is enough. */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === "darwin" ? ["open", url] :
    process.platform === "win32" ? ["cmd", "/c", "start", '""', url] :
    ["xdg-open", url];
  try {
    const child = spawn(command!, args, { stdio: "ignore", detached: true, windowsHide: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}
