/**
 * Files named on the command line: by the OS when a graph file is double-clicked (Windows and
 * Linux pass it as an argument), by a second launch (forwarded to the running one), or by a
 * person (`npm start -- nets/lenet.json`).
 */
import { resolve } from "node:path";

export interface LaunchArgs {
  /** Absolute paths of the files to open, in order. */
  readonly files: readonly string[];
  /** The folder new, untitled windows start in (--workspace DIR). */
  readonly workspace: string | null;
}

/**
 * `argv` as Electron gives it; `skip` is how many leading entries are the program itself (1 when
 * packaged, 2 when run as `electron main.js`). Switches (Chromium adds its own) are ignored.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string, skip: number): LaunchArgs {
  const files: string[] = [];
  let workspace: string | null = null;
  const args = argv.slice(skip);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--workspace" || arg.startsWith("--workspace=")) {
      const value = arg.includes("=") ? arg.slice("--workspace=".length) : args[++i];
      if (value) workspace = resolve(cwd, value);
      continue;
    }
    if (arg === "--") continue;
    // Switches, and macOS's process serial number (-psn_0_12345).
    if (arg.startsWith("-")) continue;
    files.push(resolve(cwd, arg));
  }
  return { files, workspace };
}
