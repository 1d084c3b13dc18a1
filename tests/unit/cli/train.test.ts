/**
 * `layerloom train` and `layerloom export` end to end: a seeded run writes the same history
 * twice, Ctrl-C checkpoints and --resume continues with the losses of an uninterrupted run, webgpu
 * matches cpu, bad input gets a plain message and its own exit status, and an exported model
 * loads with plain tfjs in a separate process and predicts what the app predicts.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type Io } from "../../../cli/main.js";
import { nodeCandidates } from "../../../electron/host/backend/node-backends.js";
import { readCheckpoint } from "../../../electron/host/train/checkpoint-files.js";
import { serializeWeights } from "../../../runtime/train/weights-file.js";
import { materializeNetwork } from "../../../runtime/materialize/materialize.js";
import * as tf from "../../../runtime/tf.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { graph } from "../../support/docs.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "layerloom-train-cli-"));
const cache = join(dir, "cache");
let savedCache: string | undefined;

beforeAll(async () => {
  savedCache = process.env.LAYERLOOM_CACHE;
  process.env.LAYERLOOM_CACHE = cache;
  await tf.setBackend("cpu");
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.LAYERLOOM_CACHE;
  else process.env.LAYERLOOM_CACHE = savedCache;
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => { io.stdout += t + "\n"; }, err: (t: string) => { io.stderr += t + "\n"; } };
  return io;
}

/** Gaussian blobs through a spectrally normalised layer (a custom layer) into a softmax. */
function blobs(extra: Partial<NonNullable<GraphDocument["training"]>> = {}): GraphDocument {
  return graph("Blobs")
    .node("x", "Input", { shape: [2] })
    .layer("sn", "SpectralNormalization", { layer: "Dense", units: 8, activation: "relu" }, "x")
    .layer("drop", "Dropout", { rate: 0.1 }, "sn")
    .layer("out", "Dense", { units: 3, activation: "softmax" }, "drop")
    .network("net", ["x"], ["out"])
    .training({ dataset: "synthetic:gaussians", losses: [{ output: "out", loss: "categoricalCrossentropy", weight: 1 }], metrics: ["accuracy"], optimizer: { kind: "adam", learningRate: 0.01 }, batchSize: 100, epochs: 2, ...extra })
    .build();
}

function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

interface History { status: string; backend: string; epochs: { values: Record<string, number> }[] }
const history = (runDir: string): History => JSON.parse(readFileSync(join(runDir, "history.json"), "utf8")) as History;
const values = (h: History) => h.epochs.map((e) => e.values);

async function trainCli(args: string[]): Promise<{ code: number; io: ReturnType<typeof capture> }> {
  const io = capture();
  const code = await main(["train", ...args], io);
  return { code, io };
}

describe("layerloom train", () => {
  it("trains, prints one line per epoch, writes model, checkpoint and history, and repeats exactly with the same seed", async () => {
    const f = file("blobs.json", blobs());
    const a = await trainCli([f, "--backend", "cpu", "--seed", "3", "--out", join(dir, "a")]);
    expect(a.io.stderr).toBe("");
    expect(a.code).toBe(0);
    expect(a.io.stdout).toMatch(/^Blobs: supervised training on Gaussian blobs, 2 epochs of 20 batches of 100, seed 3\nbackend: cpu/);
    expect(a.io.stdout).toMatch(/epoch 1\/2  loss \d\.\d{4}  accuracy \d\.\d{4}  lr 0\.0100  \d+ samples\/s  0:\d\d\nepoch 2\/2 /);
    for (const p of ["model/model.json", "model/weights.bin", "checkpoint/checkpoint.json", "history.json"]) expect(existsSync(join(dir, "a", p)), p).toBe(true);
    const h = history(join(dir, "a"));
    expect(h.status).toBe("completed");
    expect(h.epochs[1]!.values.loss!).toBeLessThan(h.epochs[0]!.values.loss!);
    const b = await trainCli([f, "--backend", "cpu", "--seed", "3", "--out", join(dir, "b"), "--epochs", "2"]);
    expect(b.code).toBe(0);
    expect(values(history(join(dir, "b")))).toEqual(values(h));
  });

  it.each([
    [["--backend", "foo"], 2, 'Unknown backend "foo". Choose one of cpu, wasm, webgpu, auto.'],
    [["--backend", "webgl"], 2, 'Unknown backend "webgl" (webgl needs a browser; the app uses it there)'],
    [["--epochs", "0"], 2, '--epochs needs a whole number from 1 to 1000000, not "0".'],
  ])("refuses %j with exit %i", async (args, code, message) => {
    const r = await trainCli([file("ok.json", blobs()), ...args]);
    expect(r.code).toBe(code);
    expect(r.io.stderr).toContain(message);
  });

  it.each([
    ["data that does not fit the Input node", () => ({ ...blobs(), nodes: blobs().nodes.map((n) => (n.id === "x" ? { ...n, params: { shape: [3] } } : n)) }), 3, "The dataset synthetic:gaussians gives samples of shape 2, but input 'x' of network 'net' takes 3"],
    ["an unknown dataset", () => blobs({ dataset: "synthetic:digits" }), 3, 'training.dataset: Unknown dataset "synthetic:digits". Known datasets: synthetic:gaussians'],
    ["a graph error", () => ({ ...blobs(), nodes: blobs().nodes.map((n) => (n.id === "out" ? { ...n, params: { units: -1 } } : n)) }), 1, "out: "],
    ["no training section", () => ({ ...blobs(), training: undefined }), 3, "has no training section"],
  ])("explains %s", async (_what, doc, code, message) => {
    const r = await trainCli([file("bad.json", doc()), "--backend", "cpu", "--out", join(dir, "bad")]);
    expect(r.code).toBe(code);
    expect(r.io.stderr).toContain(message);
    expect(r.io.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes a checkpoint on Ctrl-C (exit 130), and --resume gives the losses of a run that never stopped", async () => {
    const f = file("long.json", blobs({ epochs: 200 }));
    const runDir = join(dir, "interrupted");
    const child = spawn(process.execPath, ["bin/layerloom.mjs", "train", f, "--backend", "cpu", "--seed", "5", "--out", runDir], { env: { ...process.env, LAYERLOOM_CACHE: cache }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (/epoch 1\/200/.test(stdout)) resolve();
      });
      child.on("exit", () => reject(new Error(`layerloom exited before its first epoch:\n${stdout}`)));
    });
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // tfjs's "install tfjs-node" banner is advice a person here cannot take.
    expect(stderr).not.toMatch(/tfjs-node|TensorFlow\.js in Node/);
    expect(stdout).toMatch(/Interrupted at epoch \d+, batch \d+\. Checkpoint: .*checkpoint\nContinue with: layerloom train .* --resume /);
    const stoppedAt = (JSON.parse(readFileSync(join(runDir, "checkpoint", "checkpoint.json"), "utf8")) as { loop: { epoch: number } }).loop.epoch;
    expect(history(runDir).status).toBe("interrupted");

    const epochs = String(stoppedAt + 2);
    const resumed = await trainCli([f, "--backend", "cpu", "--resume", runDir, "--epochs", epochs]);
    expect(resumed.code).toBe(0);
    expect(resumed.io.stdout).toMatch(/resuming from .* at epoch \d+, batch \d+/);
    const whole = await trainCli([f, "--backend", "cpu", "--seed", "5", "--out", join(dir, "whole"), "--epochs", epochs]);
    expect(whole.code).toBe(0);
    expect(values(history(runDir))).toEqual(values(history(join(dir, "whole"))));
  });

  it("with --backend auto, times the Node backends once and then reuses the fastest", async () => {
    const f = file("auto.json", blobs({ epochs: 1 }));
    const first = await trainCli([f, "--backend", "auto", "--seed", "1", "--out", join(dir, "auto1")]);
    expect(first.code).toBe(0);
    expect(first.io.stdout).toMatch(/backend: (cpu|wasm|webgpu) \(fastest: [\d.]+ ms\/step/);
    const second = await trainCli([f, "--backend", "auto", "--seed", "1", "--out", join(dir, "auto2")]);
    expect(second.code).toBe(0);
    expect(second.io.stdout).toMatch(/\(measured fastest earlier on this machine for this model/);
    expect(history(join(dir, "auto2")).backend).toBe(history(join(dir, "auto1")).backend);
    expect(values(history(join(dir, "auto2")))).toEqual(values(history(join(dir, "auto1"))));
    await tf.setBackend("cpu");
  }, 60_000);

  describe("on webgpu", () => {
    let unavailable: string | undefined;
    beforeAll(async () => {
      try {
        await nodeCandidates({ only: ["webgpu"] })[0]!.init();
      } catch (e) {
        unavailable = e instanceof Error ? e.message : String(e);
        console.log(`webgpu training test skipped: ${unavailable}`);
      }
      await tf.setBackend("cpu");
    }, 60_000);

    it("trains through the CLI with the cpu backend's losses to 1e-4", async (ctx) => {
      if (unavailable) ctx.skip();
      const f = file("gpu.json", blobs({ optimizer: { kind: "sgd", learningRate: 0.1, momentum: 0.9 }, clipNorm: 1, options: { validationSplit: 0.2 } }));
      const gpu = await trainCli([f, "--backend", "webgpu", "--seed", "9", "--out", join(dir, "gpu")]);
      expect(gpu.io.stderr).toBe("");
      expect(gpu.code).toBe(0);
      expect(history(join(dir, "gpu")).backend).toBe("webgpu");
      const cpu = await trainCli([f, "--backend", "cpu", "--seed", "9", "--out", join(dir, "cpu")]);
      expect(cpu.code).toBe(0);
      const [g, c] = [values(history(join(dir, "gpu"))), values(history(join(dir, "cpu")))];
      expect(Object.keys(g[0]!)).toEqual(Object.keys(c[0]!));
      g.forEach((epoch, i) => {
        for (const [k, v] of Object.entries(epoch)) expect(Math.abs(v - c[i]![k]!), `epoch ${i + 1} ${k}: webgpu ${v}, cpu ${c[i]![k]}`).toBeLessThan(1e-4);
      });
    }, 60_000);
  });
});

describe("layerloom export", () => {
  const inputs = [[0.1, 0.2], [1, -1], [-2, 0.5]];

  async function loadElsewhere(modelDir: string): Promise<number[]> {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/support/load-exported.mjs", modelDir, JSON.stringify(inputs)]);
    return (JSON.parse(stdout.trim().split("\n").pop()!) as number[][])[0]!;
  }

  it("writes a model that plain tfjs loads in another process and that predicts what the app predicts", async () => {
    const f = file("export.json", blobs());
    const out = join(dir, "exported");
    const io = capture();
    expect(await main(["export", f, "--model", out, "--seed", "4"], io)).toBe(0);
    expect(io.stdout).toMatch(/^net: .*exported\/model\.json \+ weights\.bin \(59 params, initial weights, seed 4\)/);
    const net = await materializeNetwork(blobs(), "net", { seed: 4 });
    const expected = Array.from(await (net.model.predict(tf.tensor(inputs)) as tf.Tensor).data());
    net.model.dispose();
    const got = await loadElsewhere(out);
    expect(got).toHaveLength(9);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it("exports a training run's weights with --from, the same model train wrote", async () => {
    const f = file("trained.json", blobs({ epochs: 1 }));
    const runDir = join(dir, "trained");
    expect((await trainCli([f, "--backend", "cpu", "--seed", "2", "--out", runDir])).code).toBe(0);
    const out = join(dir, "from-run");
    expect(await main(["export", f, "--model", out, "--from", runDir], capture())).toBe(0);
    expect(readFileSync(join(out, "weights.bin"))).toEqual(readFileSync(join(runDir, "model", "weights.bin")));
    expect(await loadElsewhere(out)).toEqual(await loadElsewhere(join(runDir, "model")));
  });

  it("exports the weights the app keeps beside a graph (GRAPH.weights.json) with --from", async () => {
    const f = file("kept.json", blobs({ epochs: 1 }));
    const runDir = join(dir, "kept");
    expect((await trainCli([f, "--backend", "cpu", "--seed", "3", "--out", runDir])).code).toBe(0);
    const { networks } = await readCheckpoint(runDir);
    const weightsFile = join(dir, "kept.weights.json");
    writeFileSync(weightsFile, serializeWeights({ format: "layerloom-weights", version: 1, graphHash: "0", run: { id: "r", label: "Run 1", steps: 1, savedAt: "" }, networks }));
    const out = join(dir, "from-weights");
    expect(await main(["export", f, "--model", out, "--from", weightsFile], capture())).toBe(0);
    expect(readFileSync(join(out, "weights.bin"))).toEqual(readFileSync(join(runDir, "model", "weights.bin")));

    writeFileSync(weightsFile, readFileSync(weightsFile, "utf8").replace('"format": "layerloom-weights"', '"format": "other"'));
    const io = capture();
    expect(await main(["export", f, "--model", out, "--from", weightsFile], io)).toBe(2);
    expect(io.stderr).toMatch(/kept\.weights\.json is not a Layerloom weights file: format/);
  });

  it("explains a missing network, a missing --model and a missing checkpoint", async () => {
    const f = file("e.json", blobs());
    const cases: [string[], RegExp][] = [
      [[f, "--model", join(dir, "x"), "--network", "gen"], /has no network 'gen'; its networks: net/],
      [[f], /say what to write: .*--model DIR/],
      [[f, "--model", join(dir, "x"), "--from", join(dir, "nothing")], /No checkpoint in .*nothing/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(["export", ...args], io)).toBe(2);
      expect(io.stderr).toMatch(message);
    }
  });
});
