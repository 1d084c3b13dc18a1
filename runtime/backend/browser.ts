/**
 * Backend candidates for a browser or Web Worker: webgpu and wasm are loaded on demand (their
 * packages are large), webgl and cpu come with "@tensorflow/tfjs". Node has its own candidates
 * on the host side (electron/host/backend/node-backends.ts): importing these packages there would
 * load a second copy of tfjs-core beside the fast bundle runtime/tf.ts uses.
 */
import * as tf from "../tf.js";
import type { BackendName } from "./names.js";
import type { BackendCandidate } from "./select.js";
import { switchTo } from "./switch.js";

export interface BrowserCandidateOptions {
  /**
   * Where the wasm backend's .wasm files are served (a folder URL ending in "/", or one URL per
   * file name), as tfjs-backend-wasm's setWasmPaths takes it. The app's bundler provides this.
   */
  readonly wasmPaths?: string | Record<string, string>;
  /** Only these, in this order (default: webgpu, webgl, wasm, cpu). */
  readonly only?: readonly BackendName[];
}

function runningInNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === "string";
}

export function browserCandidates(options: BrowserCandidateOptions = {}): BackendCandidate[] {
  const all: Record<BackendName, BackendCandidate> = {
    webgpu: {
      name: "webgpu",
      async init() {
        if (runningInNode()) throw new Error("in Node, webgpu comes from the host's candidates (Dawn), not the browser's");
        const gpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
        if (!gpu) throw new Error("this browser offers no WebGPU (navigator.gpu is missing)");
        if (!tf.findBackendFactory("webgpu")) await import("@tensorflow/tfjs-backend-webgpu");
        await switchTo("webgpu");
      },
    },
    webgl: {
      name: "webgl",
      init: () => switchTo("webgl"),
    },
    wasm: {
      name: "wasm",
      async init() {
        if (runningInNode()) throw new Error("in Node, wasm comes from the host's candidates, not the browser's");
        if (!tf.findBackendFactory("wasm")) {
          const wasm = await import("@tensorflow/tfjs-backend-wasm");
          if (options.wasmPaths) wasm.setWasmPaths(options.wasmPaths);
        }
        await switchTo("wasm");
      },
    },
    cpu: {
      name: "cpu",
      init: () => switchTo("cpu"),
    },
  };
  return (options.only ?? (["webgpu", "webgl", "wasm", "cpu"] as const)).map((n) => all[n]);
}
