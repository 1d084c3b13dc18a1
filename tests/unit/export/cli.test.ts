/**
 * `layerloom export FILE --ts/--keras [--strategy]` and `layerloom import MODEL.json OUT`:
 * files written, exit codes, and messages that say what to do.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { exportKeras } from "../../../graph-ir/export/keras.js";
import { exportTypeScript } from "../../../graph-ir/export/typescript.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import { modelFiles } from "../../../runtime/export/model-artifacts.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import { lenet } from "./samples.js";

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => { io.stdout += t + "\n"; }, err: (t: string) => { io.stderr += t + "\n"; } };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "layerloom-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LENET = "tests/fixtures/lenet5.layerloom.json";

describe("layerloom export --ts / --keras", () => {
  it("writes the TypeScript and the Keras script the exporters produce", async () => {
    const io = capture();
    const ts = join(dir, "lenet.ts");
    const py = join(dir, "lenet.py");
    expect(await main(["export", LENET, "--ts", ts, "--keras", py, "--strategy", "mirrored"], io)).toBe(0);
    const t = exportTypeScript(lenet());
    const k = exportKeras(lenet(), { strategy: "mirrored" });
    expect(t.ok && k.ok).toBe(true);
    if (!t.ok || !k.ok) return;
    expect(readFileSync(ts, "utf8")).toBe(t.text);
    expect(readFileSync(py, "utf8")).toBe(k.text);
    expect(io.stdout).toContain(`TypeScript: ${ts}`);
    expect(io.stdout).toContain(`Keras script (strategy mirrored): ${py}`);
  });

  it("exits 1 and lists the problems when the graph has errors, writing nothing", async () => {
    const doc = JSON.parse(readFileSync(LENET, "utf8"));
    doc.nodes.find((n: { id: string }) => n.id === "c3").params.kernelSize = [15, 15];
    const file = join(dir, "broken.layerloom.json");
    writeFileSync(file, JSON.stringify(doc));
    const io = capture();
    const out = join(dir, "broken.ts");
    expect(await main(["export", file, "--ts", out], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot be exported until these problems are fixed/);
    expect(io.stderr).toContain("'c3'");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 with the usage for a missing target, a bad strategy, or a strategy without --keras", async () => {
    for (const args of [[LENET], [LENET, "--keras", join(dir, "x.py"), "--strategy", "tpu"], [LENET, "--ts", join(dir, "x.ts"), "--strategy", "mirrored"]]) {
      const io = capture();
      expect(await main(["export", ...args], io)).toBe(2);
      expect(io.stderr).toContain("Usage: layerloom export FILE");
    }
  });
});

describe("layerloom import", () => {
  it("turns a saved model.json into a graph file that checks clean, and refuses to overwrite it", async () => {
    const net = await materializeNetwork(lenet(), "lenet");
    const files = await modelFiles(net.model);
    net.model.dispose();
    const model = join(dir, "model.json");
    writeFileSync(model, files.modelJson);
    const out = join(dir, "imported.layerloom.json");
    const io = capture();
    expect(await main(["import", model, out, "--name", "LeNet again"], io)).toBe(0);
    expect(io.stdout).toContain("9 nodes, 8 wires, 61,706 params");
    const loaded = parseGraphFile(readFileSync(out, "utf8"));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.doc.name).toBe("LeNet again");
    expect(analyze(loaded.doc).diagnostics).toEqual([]);

    const again = capture();
    expect(await main(["import", model, out], again)).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(await main(["import", model, out, "--force"], capture())).toBe(0);
  });

  it("exits 1 and names the layers it left out", async () => {
    const net = await materializeNetwork(lenet(), "lenet");
    const json = JSON.parse((await modelFiles(net.model)).modelJson);
    net.model.dispose();
    json.modelTopology.config.layers.find((l: { name: string }) => l.name === "f6").class_name = "GaussianNoise";
    const model = join(dir, "partial.json");
    writeFileSync(model, JSON.stringify(json));
    const io = capture();
    expect(await main(["import", model, join(dir, "partial.layerloom.json")], io)).toBe(1);
    expect(io.stdout).toContain("not imported (1): f6");
    expect(io.stdout).toMatch(/error\s+unsupported-layer\s+'f6': Layerloom has no layer like Keras's GaussianNoise/);
  });

  it("exits 2 with the typed reason for a file that is not a model", async () => {
    const file = join(dir, "deep.json");
    writeFileSync(file, "[".repeat(5000) + "]".repeat(5000));
    const io = capture();
    expect(await main(["import", file, join(dir, "never.layerloom.json")], io)).toBe(2);
    expect(io.stderr).toContain("(too-deep)");
    expect(existsSync(join(dir, "never.layerloom.json"))).toBe(false);
  });
});
