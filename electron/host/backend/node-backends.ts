/**
 * Backend candidates for Node (CLI, tests, a GPU server): webgpu through Dawn's `webgpu` package,
 * wasm, and cpu; webgl is reported as unavailable (it needs a browser).
 *
 * One tfjs instance: runtime/tf.ts runs tfjs's self-contained ES2017 bundle in Node. The backend
 * packages' own Node entries `require("@tensorflow/tfjs-core")`, which would load a second core
 * (and ES5 code, 3x slower). So their ES2017 UMD bundles are evaluated here with that require
 * answered by our instance: kernels register on the engine the runtime uses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { compileFunction } from "node:vm";
import * as tf from "../../../runtime/tf.js";
import { switchTo } from "../../../runtime/backend/switch.js";
import type { BackendName } from "../../../runtime/backend/names.js";
import type { BackendCandidate } from "../../../runtime/backend/select.js";

const require = createRequire(import.meta.url);

/** Evaluates a tfjs UMD bundle as CommonJS with "@tensorflow/tfjs-core" bound to our tfjs. */
function loadUmdOnOurTf(specifier: string): Record<string, unknown> {
  const file = require.resolve(specifier);
  const fileRequire = createRequire(file);
  const run = compileFunction(readFileSync(file, "utf8"), ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
  const module = { exports: {} as Record<string, unknown> };
  const req = (id: string): unknown => (id === "@tensorflow/tfjs-core" ? tf : fileRequire(id));
  run.call(module.exports, module.exports, req, module, file, dirname(file));
  return module.exports;
}

let wasmLoaded = false;
function ensureWasm(): void {
  if (wasmLoaded || tf.findBackendFactory("wasm")) return;
  // The UMD finds its .wasm files beside itself (__dirname) and reads them with fs.
  loadUmdOnOurTf("@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.es2017.js");
  wasmLoaded = true;
}

/**
 * Emscripten's Node glue adds process-wide "uncaughtException"/"unhandledRejection" handlers that
 * rethrow, which would turn any stray rejection in the host into a crash; take them off again.
 */
async function keepProcessListeners<T>(fn: () => Promise<T>): Promise<T> {
  const before = { exception: new Set(process.listeners("uncaughtException")), rejection: new Set(process.listeners("unhandledRejection")) };
  try {
    return await fn();
  } finally {
    for (const l of process.listeners("uncaughtException")) if (!before.exception.has(l)) process.removeListener("uncaughtException", l);
    for (const l of process.listeners("unhandledRejection")) if (!before.rejection.has(l)) process.removeListener("unhandledRejection", l);
  }
}

/** What Dawn found, for the training panel and the backend cache key. */
export interface GpuAdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
}

interface DawnGpu {
  requestAdapter(options?: { powerPreference?: "low-power" | "high-performance" }): Promise<DawnAdapter | null>;
}
interface DawnAdapter {
  readonly info: GpuAdapterSummary;
}

export interface NodeWebgpuOptions {
  /** Dawn toggles passed to webgpu's create() the first time it is called, e.g. ["backend=vulkan"] or ["adapter=NVIDIA ..."]. */
  readonly dawnFlags?: readonly string[];
}

let dawnGpu: DawnGpu | undefined;
let adapterSummary: GpuAdapterSummary | undefined;

/** Loads Dawn and asks it for an adapter; throws a reason a person can act on when there is none. */
async function dawnAdapter(options: NodeWebgpuOptions): Promise<DawnAdapter> {
  if (!dawnGpu) {
    let mod: { create(flags: string[]): unknown; globals: Record<string, unknown> };
    try {
      mod = (await import("webgpu")) as unknown as typeof mod;
    } catch (e) {
      throw new Error(`the Dawn WebGPU module could not be loaded on ${process.platform}-${process.arch} (${e instanceof Error ? e.message : String(e)})`);
    }
    // The webgpu backend reads GPUBufferUsage, GPUMapMode, ... as globals, as in a browser.
    for (const [k, v] of Object.entries(mod.globals)) {
      if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
    }
    dawnGpu = mod.create([...(options.dawnFlags ?? [])]) as DawnGpu;
  }
  const adapter = await dawnGpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter) {
    throw new Error("Dawn found no GPU adapter: install a Vulkan driver (on Debian: mesa-vulkan-drivers 25 or newer from backports for a software GPU, or the GPU vendor's driver)");
  }
  const info = adapter.info;
  adapterSummary = { vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description };
  return adapter;
}

async function registerNodeWebgpu(options: NodeWebgpuOptions): Promise<void> {
  await dawnAdapter(options); // fail early, with a reason, before tfjs reduces it to "false"
  if (tf.findBackendFactory("webgpu")) return;
  // tfjs-backend-webgpu looks for navigator.gpu, as in a browser: it registers its backend
  // factory on load only when it exists, and the backend's constructor checks it again.
  const nav = ((globalThis as { navigator?: object }).navigator ??= {}) as { gpu?: unknown };
  if (!nav.gpu) Object.defineProperty(nav, "gpu", { value: dawnGpu, configurable: true, enumerable: true });
  loadUmdOnOurTf("@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.es2017.js");
  if (!tf.findBackendFactory("webgpu")) throw new Error("tfjs-backend-webgpu did not register itself although navigator.gpu is set");
}

/** The adapter Dawn chose, once the webgpu candidate has started (undefined before or without one). */
export function nodeGpuAdapter(): GpuAdapterSummary | undefined {
  return adapterSummary;
}

export interface NodeCandidateOptions extends NodeWebgpuOptions {
  /** Only these, in this order (default: webgpu, webgl, wasm, cpu). */
  readonly only?: readonly BackendName[];
}

export function nodeCandidates(options: NodeCandidateOptions = {}): BackendCandidate[] {
  const all: Record<BackendName, BackendCandidate> = {
    webgpu: {
      name: "webgpu",
      async init() {
        await registerNodeWebgpu(options);
        await switchTo("webgpu");
      },
    },
    webgl: {
      name: "webgl",
      init: () => Promise.reject(new Error("WebGL needs a browser; in Node use webgpu, wasm or cpu")),
    },
    wasm: {
      name: "wasm",
      async init() {
        ensureWasm();
        await keepProcessListeners(() => switchTo("wasm"));
      },
    },
    cpu: { name: "cpu", init: () => switchTo("cpu") },
  };
  return (options.only ?? (["webgpu", "webgl", "wasm", "cpu"] as const)).map((n) => all[n]);
}
