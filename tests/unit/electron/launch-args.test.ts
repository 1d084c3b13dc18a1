/** Files and options on the command line, as the OS, a second launch or `npm start` passes them. */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLaunchArgs } from "../../../electron/main/argv.js";

describe("launch arguments", () => {
  it("takes the files after the program, resolved against the working folder", () => {
    expect(parseLaunchArgs(["/opt/Layerloom/layerloom", "nets/lenet.json", "/tmp/gan.json"], "/home/ada", 1)).toEqual({ files: [resolve("/home/ada", "nets/lenet.json"), resolve("/tmp/gan.json")], workspace: null });
  });

  it("skips the main script when run from source, Chromium's switches, macOS's -psn and --", () => {
    const argv = ["/x/electron", "dist/electron/main/index.js", "--allow-file-access-from-files", "-psn_0_1234", "--", "a.json", "--original-process-start-time=1"];
    expect(parseLaunchArgs(argv, "/w", 2)).toEqual({ files: [resolve("/w", "a.json")], workspace: null });
  });

  it("reads --workspace in both spellings", () => {
    expect(parseLaunchArgs(["e", "--workspace", "nets"], "/home/ada", 1).workspace).toBe(resolve("/home/ada", "nets"));
    expect(parseLaunchArgs(["e", "--workspace=/data"], "/home/ada", 1).workspace).toBe(resolve("/data"));
    expect(parseLaunchArgs(["e", "--workspace"], "/home/ada", 1)).toEqual({ files: [], workspace: null });
  });
});
