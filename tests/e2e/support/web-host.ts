/**
 * Starts `layerloom serve` (the command's own code, in this process) on a free port over a
 * fresh temporary workspace, and reads the address it prints, as a person would.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServe } from "../../../cli/commands/serve.js";

export interface RunningHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly workspace: string;
  /** Everything the command printed. */
  readonly output: readonly string[];
  stop(): Promise<void>;
}

export async function startTestHost(): Promise<RunningHost> {
  const workspace = await mkdtemp(join(tmpdir(), "layerloom-e2e-"));
  const output: string[] = [];
  const host = await startServe(["--port", "0", "--workspace", workspace, "--no-open"], { out: (t) => output.push(t), err: (t) => output.push(t) });
  if (typeof host === "number") throw new Error(`layerloom serve failed to start:\n${output.join("\n")}`);
  const printed = output.join("\n").match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
  if (!printed) throw new Error(`layerloom serve printed no address with a token:\n${output.join("\n")}`);
  const url = new URL(printed[0]);
  return {
    url: printed[0],
    origin: url.origin,
    token: url.searchParams.get("token")!,
    workspace,
    output,
    async stop() {
      await host.close();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
