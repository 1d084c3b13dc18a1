import { mkdtempSync, readFileSync, writeFileSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => { io.stdout += t + "\n"; }, err: (t: string) => { io.stderr += t + "\n"; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "layerloom-check-"));
const lenet = readFileSync("tests/fixtures/lenet5.layerloom.json", "utf8");

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("layerloom check", () => {
  it("prints every node's shape and params, the total, and exits 0 for a valid graph", async () => {
    const io = capture();
    expect(await main(["check", "tests/fixtures/lenet5.layerloom.json"], io)).toBe(0);
    expect(io.stdout).toMatch(/c1\s+Conv2D\s+B×28×28×6\s+156/);
    expect(io.stdout).toMatch(/total\s+61,706/);
    expect(io.stdout).toContain("No problems found.");
  });

  it("exits 1 and names the node, the param and the fix for a shape error", async () => {
    const doc = JSON.parse(lenet);
    const c3 = doc.nodes.find((n: { id: string }) => n.id === "c3");
    c3.params.kernelSize = [15, 15]; // 14x14 input: a 15x15 valid window does not fit
    const io = capture();
    expect(await main(["check", write("broken.json", JSON.stringify(doc))], io)).toBe(1);
    expect(io.stdout).toMatch(/error\s+\S+\s+c3/);
    expect(io.stdout).toContain("fix:");
  });

  it("gives machine-readable output with --json", async () => {
    const io = capture();
    expect(await main(["check", "tests/fixtures/toy-gan.layerloom.json", "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.valid).toBe(true);
    expect(report.networks.map((n: { id: string; params: number }) => [n.id, n.params])).toEqual([["G", 1102], ["D", 401]]);
  });

  it.each([
    ["missing.json", undefined, /no such file/],
    ["not-json.json", "{ nodes: [", /not-json|JSON/],
    ["other.json", JSON.stringify({ hello: "world" }), /Layerloom graph/],
  ])("exits 2 with a plain message for %s", async (name, text, expected) => {
    const path = text === undefined ? join(dir, name) : write(name, text);
    const io = capture();
    expect(await main(["check", path], io)).toBe(2);
    expect(io.stderr).toMatch(expected);
    expect(io.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses a 100 MB file before reading it, without a stack trace (real process)", () => {
    const path = join(dir, "huge.json");
    writeFileSync(path, "");
    truncateSync(path, 100 * 2 ** 20);
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, ["bin/layerloom.mjs", "check", path], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/100 MB; graph files are at most 32 MB/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("answers an unknown command with exit 2 and help", async () => {
    const io = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderr).toContain('unknown command "frobnicate"');
  });
});
