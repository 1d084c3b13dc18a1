import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BACKEND_NAMES, parseBackendName } from "../../../runtime/backend/names.js";
import { modelProbe } from "../../../runtime/backend/probe.js";
import { initFailureReason, trainingFailureReason } from "../../../runtime/backend/reasons.js";
import { backendCacheKey, modelSignature, selectBackend, type BackendCandidate, type BackendStorage, type ProbeFactory } from "../../../runtime/backend/select.js";
import { switchTo } from "../../../runtime/backend/switch.js";
import * as tf from "../../../runtime/tf.js";

// Stand-ins made from tfjs's real cpu backend (neither package is loaded in this file):
//   "webgpu": the cpu backend with every cpu kernel copied, so it trains (a second passing backend);
//   "wasm":   the cpu backend with no kernels at all, so it starts but cannot run a training step.
beforeAll(() => {
  const cpu = tf.findBackendFactory("cpu")!;
  tf.registerBackend("webgpu", cpu);
  for (const k of tf.getKernelsForBackend("cpu")) tf.registerKernel({ ...k, backendName: "webgpu" });
  tf.registerBackend("wasm", cpu);
});

afterEach(async () => {
  await tf.setBackend("cpu");
});

const failingInit: BackendCandidate = { name: "webgl", init: () => Promise.reject(new Error("this browser offers no WebGL 2")) };
const fake = (name: "webgpu" | "wasm"): BackendCandidate => ({ name, init: () => switchTo(name) });
const cpu: BackendCandidate = { name: "cpu", init: () => switchTo("cpu") };

/** A small dense model trained one step per call; counts how often it was built. */
function denseProbe(onStep?: () => void): { probe: ProbeFactory; builds: string[] } {
  const builds: string[] = [];
  const base = modelProbe({
    build() {
      const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 4, activation: "relu" }), tf.layers.dense({ units: 2, activation: "softmax" })] });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: "categoricalCrossentropy" });
      return m;
    },
    batch: () => ({ xs: tf.tensor2d([[1, 2, 3], [0, -1, 2]]), ys: tf.tensor2d([[1, 0], [0, 1]]) }),
  });
  return {
    builds,
    probe: async (name) => {
      builds.push(name);
      const p = await base(name);
      return { step: () => (onStep?.(), p.step()), dispose: p.dispose };
    },
  };
}

function mapStorage(): BackendStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
}

describe("backend names", () => {
  it("accepts the four backends in any case and lists them for anything else", () => {
    expect(BACKEND_NAMES).toEqual(["webgpu", "webgl", "wasm", "cpu"]);
    expect(parseBackendName(" WebGPU ")).toBe("webgpu");
    expect(() => parseBackendName("cuda")).toThrow('Unknown backend "cuda". Valid backends: webgpu, webgl, wasm, cpu.');
  });
});

describe("failure reasons", () => {
  it("name the layer family a missing gradient kernel stops", () => {
    const e = new Error("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'");
    expect(trainingFailureReason("wasm", e)).toBe("wasm: cannot train conv layers (no Conv2DBackpropFilter kernel)");
    expect(trainingFailureReason("wasm", new Error("Kernel 'Erfinv' not registered for backend 'wasm'"))).toBe("wasm: cannot train this model (no Erfinv kernel)");
    expect(initFailureReason("webgpu", new Error("no adapter\nstack..."))).toBe("webgpu: could not start (no adapter)");
  });
});

describe("first-passing selection", () => {
  it("skips a backend that cannot start and one that fails its training step, then trains on cpu", async () => {
    const { probe, builds } = denseProbe();
    const choice = await selectBackend({ candidates: [failingInit, fake("wasm"), cpu], probe });
    expect(choice.backend).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    expect(choice.attempts.map((a) => [a.name, a.ok])).toEqual([["webgl", false], ["wasm", false], ["cpu", true]]);
    expect(choice.attempts[0]!.reason).toBe("webgl: could not start (this browser offers no WebGL 2)");
    expect(choice.attempts[1]!.reason).toMatch(/^wasm: cannot train this model \(no [A-Za-z0-9]+ kernel\)$/);
    expect(builds).toEqual(["wasm", "cpu"]);
    expect(choice.summary).toBe("cpu (first that passed its self-check)");
    // The real cpu backend really trains after selection.
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    expect(y).toBe(11);
  });

  it("reports a probe that leaks tensors", async () => {
    const { probe } = denseProbe();
    const leaky: ProbeFactory = async (n) => {
      const p = await probe(n);
      return { step: p.step, dispose: () => (p.dispose(), void tf.ones([2])) };
    };
    const choice = await selectBackend({ candidates: [cpu], probe: leaky });
    expect(choice.attempts[0]!.leakedTensors).toBe(1);
  });

  it("refuses a backend whose loss is not a number, and a backend that hangs", async () => {
    const nanProbe: ProbeFactory = async () => ({ step: async () => NaN, dispose: () => undefined });
    const hang: BackendCandidate = { name: "webgpu", init: () => new Promise(() => undefined) };
    const err = (await selectBackend({ candidates: [hang, cpu], probe: nanProbe, timeoutMs: 50 }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe(
      "No backend can train this model here:\n  - webgpu: could not start (starting the backend did not finish within 50 ms)\n  - cpu: the training self-check gave a loss of NaN, so results here cannot be trusted",
    );
  });
});

describe("measured selection", () => {
  /** A clock in which a training step costs 10 on cpu and 3 on the "webgpu" stand-in. */
  const clock = () => {
    let t = 0;
    return { now: () => t, tick: () => void (t += tf.getBackend() === "cpu" ? 10 : 3) };
  };

  it("times every passing backend, keeps the fastest even when it is not first, and remembers it", async () => {
    const storage = mapStorage();
    const key = backendCacheKey("test machine", modelSignature({ layers: ["dense"] }, 2));
    const c = clock();
    const { probe } = denseProbe(c.tick);
    const choice = await selectBackend({ candidates: [cpu, fake("webgpu"), fake("wasm")], probe, mode: "measure", steps: 2, storage, cacheKey: key, now: c.now });
    expect(choice.backend).toBe("webgpu");
    expect(tf.getBackend()).toBe("webgpu");
    expect(choice.fromCache).toBe(false);
    expect(choice.attempts.map((a) => [a.name, a.ok, a.msPerStep])).toEqual([["cpu", true, 10], ["webgpu", true, 3], ["wasm", false, undefined]]);
    expect(choice.summary).toBe("webgpu (fastest: 3.0 ms/step; cpu 10.0 ms/step)");
    expect(JSON.parse(storage.map.get(key)!)).toEqual({ backend: "webgpu", msPerStep: { cpu: 10, webgpu: 3 } });

    // Next time: the remembered winner only passes its self-check again.
    const again = denseProbe();
    const cached = await selectBackend({ candidates: [cpu, fake("webgpu")], probe: again.probe, mode: "measure", storage, cacheKey: key });
    expect(cached.backend).toBe("webgpu");
    expect(cached.fromCache).toBe(true);
    expect(again.builds).toEqual(["webgpu"]);
    expect(cached.summary).toBe("webgpu (measured fastest earlier on this machine for this model: 3.0 ms/step; cpu 10.0 ms/step)");
  });

  it("measures again when the remembered backend fails now, or the entry is damaged", async () => {
    const storage = mapStorage();
    storage.map.set("k", JSON.stringify({ backend: "wasm", msPerStep: { wasm: 1 } }));
    const c = clock();
    const { probe, builds } = denseProbe(c.tick);
    const choice = await selectBackend({ candidates: [cpu, fake("wasm"), fake("webgpu")], probe, mode: "measure", storage, cacheKey: "k", now: c.now });
    expect(choice.backend).toBe("webgpu");
    expect(builds).toEqual(["wasm", "cpu", "webgpu"]);
    expect(choice.attempts[0]!.reason).toMatch(/^wasm: cannot train .*\(it was the remembered choice; measuring again\)$/);

    storage.map.set("k", "{not json");
    const second = await selectBackend({ candidates: [cpu], probe, mode: "measure", storage, cacheKey: "k", now: c.now });
    expect(second.fromCache).toBe(false);
    expect(JSON.parse(storage.map.get("k")!).backend).toBe("cpu");
  });

  it("keys the cache by machine and model", () => {
    expect(backendCacheKey("a", "m")).not.toBe(backendCacheKey("b", "m"));
    expect(modelSignature({ u: 1 }, 32)).not.toBe(modelSignature({ u: 2 }, 32));
    expect(modelSignature({ u: 1 }, 32)).not.toBe(modelSignature({ u: 1 }, 64));
  });
});
