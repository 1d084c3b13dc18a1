import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseServeArgs, startServe } from "../../../cli/commands/serve.js";
import { tempDir } from "./temp.js";

describe("layerloom serve arguments", () => {
  it("defaults to a free port, the current folder and opening a browser", () => {
    expect(parseServeArgs([], "/home/u")).toEqual({ port: 0, workspace: "/home/u", open: true });
  });

  it("reads --port, --workspace (relative to the current folder) and --no-open, in both spellings", () => {
    expect(parseServeArgs(["--port", "8080", "--workspace", "nets", "--no-open"], "/home/u")).toEqual({ port: 8080, workspace: "/home/u/nets", open: false });
    expect(parseServeArgs(["--port=0", "--workspace=/data"], "/home/u")).toEqual({ port: 0, workspace: "/data", open: true });
  });

  it("explains bad arguments", () => {
    expect(parseServeArgs(["--port", "http"], "/")).toBe('--port needs a port number from 0 to 65535 (0 picks a free one), not "http".');
    expect(parseServeArgs(["--port"], "/")).toMatch(/--port needs a port number/);
    expect(parseServeArgs(["--workspace"], "/")).toBe("--workspace needs a folder.");
    expect(parseServeArgs(["--open-wide"], "/")).toBe('Unknown option "--open-wide".');
  });

  it("fails with exit code 2 and one plain line when the workspace does not exist", async () => {
    const missing = join(await tempDir(), "missing");
    const err: string[] = [];
    const code = await startServe(["--workspace", missing, "--no-open"], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err).toEqual([`layerloom serve: The workspace folder "${missing}" does not exist. Create it, or pass another with --workspace.`]);
  });
});
