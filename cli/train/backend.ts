/**
 * `--backend cpu|wasm|webgpu|auto` for training in Node. A named backend must start and pass a
 * one-step self-check of this very model; auto times every Node backend that passes and keeps
 * the fastest, remembered per machine and model in the cache folder.
 */
import { join } from "node:path";
import { jsonFileStorage, nodeMachineDescription } from "../../electron/host/backend/choice-cache.js";
import { nodeCandidates } from "../../electron/host/backend/node-backends.js";
import { isBackendName, type BackendName } from "../../runtime/backend/names.js";
import { backendCacheKey, modelSignature, selectBackend, type BackendChoice, type ProbeFactory } from "../../runtime/backend/select.js";

export const NODE_BACKENDS = ["cpu", "wasm", "webgpu"] as const;
export type BackendFlag = (typeof NODE_BACKENDS)[number] | "auto";

export function parseBackendFlag(text: string): BackendFlag | string {
  const t = text.trim().toLowerCase();
  if (t === "auto" || (NODE_BACKENDS as readonly string[]).includes(t)) return t as BackendFlag;
  const why = isBackendName(t) ? ` (${t} needs a browser; the app uses it there)` : "";
  return `Unknown backend "${text}"${why}. Choose one of ${[...NODE_BACKENDS, "auto"].join(", ")}.`;
}



export async function chooseBackend(flag: BackendFlag, probe: ProbeFactory, signature: { topology: unknown; batchSize: number }, cacheDir: string): Promise<BackendChoice> {
  if (flag !== "auto") return selectBackend({ candidates: nodeCandidates({ only: [flag as BackendName] }), probe });
  const candidates = nodeCandidates({ only: ["webgpu", "wasm", "cpu"] });
  // The GPU is part of the cache key, and Dawn names it once webgpu has started: start it first
  // (selection would anyway), so the key is the same in a fresh process and in a long-lived one.
  await withTimeout(candidates[0]!.init(), 60_000).catch(() => undefined);
  return selectBackend({
    candidates,
    probe,
    mode: "measure",
    storage: jsonFileStorage(join(cacheDir, "backends.json")),
    cacheKey: backendCacheKey(nodeMachineDescription(), modelSignature(signature.topology, signature.batchSize)),
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
