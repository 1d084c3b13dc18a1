/**
 * The Node candidates on the real packages: wasm and webgpu load onto the same tfjs instance
 * runtime/tf.ts uses; webgpu runs for real where Dawn finds a Vulkan driver (skipped elsewhere,
 * with the reason printed).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonFileStorage, nodeMachineDescription } from "../../../electron/host/backend/choice-cache.js";
import { nodeCandidates, nodeGpuAdapter } from "../../../electron/host/backend/node-backends.js";
import { modelProbe } from "../../../runtime/backend/probe.js";
import { selectBackend } from "../../../runtime/backend/select.js";
import * as tf from "../../../runtime/tf.js";

const convProbe = modelProbe({
  build() {
    const m = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 }), tf.layers.flatten(), tf.layers.dense({ units: 2, activation: "softmax" })] });
    m.compile({ optimizer: "sgd", loss: "categoricalCrossentropy" });
    return m;
  },
  batch: () => ({ xs: tf.ones([2, 6, 6, 1]), ys: tf.tensor2d([[1, 0], [0, 1]]) }),
});

function denseProbe(seed: number) {
  return modelProbe({
    build() {
      const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed }) })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
      return m;
    },
    batch: () => ({ xs: tf.tensor2d([[1, 2, 3, 4], [0, 1, 0, 1]]), ys: tf.tensor2d([[1, 0, 0], [0, 1, 1]]) }),
  });
}

describe("one tfjs instance in Node", () => {
  it("runs tfjs's ES2017 bundle and no second tfjs-core, even with the wasm backend loaded", async () => {
    await nodeCandidates({ only: ["wasm"] })[0]!.init();
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes("@tensorflow"));
    expect(loaded.some((k) => k.endsWith("@tensorflow/tfjs/dist/tf.es2017.js"))).toBe(true);
    expect(loaded.filter((k) => /tfjs-core|tf\.node\.js|tf-backend-(wasm|webgpu)\.node\.js/.test(k))).toEqual([]);
    expect(tf.getBackend()).toBe("wasm");
    // The wasm kernels answer through our instance.
    expect(await tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]))).data()).toEqual(new Float32Array([4, 6]));
    await tf.setBackend("cpu");
  });
});

describe("Node backend candidates", () => {
  it("explain why webgl and wasm are skipped for a conv model, and fall back to cpu", async () => {
    const choice = await selectBackend({ candidates: nodeCandidates({ only: ["webgl", "wasm", "cpu"] }), probe: convProbe });
    expect(choice.backend).toBe("cpu");
    expect(choice.attempts.map((a) => a.reason ?? "ok")).toEqual([
      "webgl: could not start (WebGL needs a browser; in Node use webgpu, wasm or cpu)",
      "wasm: cannot train conv layers (no Conv2DBackpropFilter kernel)",
      "ok",
    ]);
  });

  it("train a dense model on wasm to the same loss as cpu", async () => {
    const losses: number[] = [];
    for (const name of ["wasm", "cpu"] as const) {
      const choice = await selectBackend({ candidates: nodeCandidates({ only: [name] }), probe: denseProbe(3) });
      expect(choice.backend).toBe(name);
      const p = await denseProbe(3)(name);
      losses.push(await p.step(), await p.step());
      p.dispose();
    }
    expect(losses[0]).toBeCloseTo(losses[2]!, 5);
    expect(losses[1]).toBeCloseTo(losses[3]!, 5);
    expect(losses[1]!).toBeLessThan(losses[0]!);
  });
});

describe("webgpu through Dawn", () => {
  let unavailable: string | undefined;
  beforeAll(async () => {
    try {
      await nodeCandidates({ only: ["webgpu"] })[0]!.init();
    } catch (e) {
      unavailable = e instanceof Error ? e.message : String(e);
      console.log(`webgpu test skipped: ${unavailable}`);
    }
  }, 60_000);

  it("trains on the GPU Dawn found and matches cpu", async (ctx) => {
    if (unavailable) ctx.skip();
    expect(nodeGpuAdapter()?.vendor).toBeTypeOf("string");
    const choice = await selectBackend({ candidates: nodeCandidates({ only: ["webgpu"] }), probe: denseProbe(5) });
    expect(choice.backend).toBe("webgpu");
    const gpu = await denseProbe(5)("webgpu");
    const gpuLosses = [await gpu.step(), await gpu.step()];
    gpu.dispose();
    await tf.setBackend("cpu");
    const cpu = await denseProbe(5)("cpu");
    const cpuLosses = [await cpu.step(), await cpu.step()];
    cpu.dispose();
    expect(gpuLosses[0]).toBeCloseTo(cpuLosses[0]!, 4);
    expect(gpuLosses[1]).toBeCloseTo(cpuLosses[1]!, 4);
  }, 60_000);
});

describe("remembered choices for the CLI", () => {
  it("survive in a JSON file, shrug off a damaged one, and are keyed by machine", async () => {
    const dir = await mkdtemp(join(tmpdir(), "layerloom-backend-"));
    try {
      const path = join(dir, "sub", "backends.json");
      const a = jsonFileStorage(path);
      expect(await a.get("k")).toBeUndefined();
      await a.set("k", "v1");
      await a.set("j", "v2");
      expect(await jsonFileStorage(path).get("k")).toBe("v1");
      expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ k: "v1", j: "v2" });
      await writeFile(path, "{broken");
      expect(await a.get("k")).toBeUndefined();
      await a.set("k", "v3");
      expect(await a.get("k")).toBe("v3");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(nodeMachineDescription()).toMatch(new RegExp(`^node ${process.platform}-${process.arch} \\| .+ x\\d+ \\| `));
  });
});
