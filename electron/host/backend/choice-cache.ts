/**
 * Where the CLI keeps measured backend choices between runs (the app keeps them in the worker's
 * storage): one small JSON file of key → choice, rewritten atomically, and a machine description
 * for the cache key so a choice made on one computer or GPU is never reused on another.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { arch, cpus, platform } from "node:os";
import { dirname } from "node:path";
import type { BackendStorage } from "../../../runtime/backend/select.js";
import { nodeGpuAdapter } from "./node-backends.js";

export function jsonFileStorage(path: string): BackendStorage {
  const readAll = async (): Promise<Record<string, string>> => {
    try {
      const v = JSON.parse(await readFile(path, "utf8")) as unknown;
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {};
    } catch {
      return {}; // missing or damaged: measure again and rewrite
    }
  };
  return {
    async get(key) {
      const v = (await readAll())[key];
      return typeof v === "string" ? v : undefined;
    },
    async set(key, value) {
      const all = { ...(await readAll()), [key]: value };
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(all, null, 2));
      await rename(tmp, path);
    },
  };
}

/** OS, CPU and (once webgpu has started) the GPU Dawn chose, for backendCacheKey. */
export function nodeMachineDescription(): string {
  const gpu = nodeGpuAdapter();
  const gpuText = gpu ? `${gpu.vendor} ${gpu.architecture} ${gpu.device} ${gpu.description}`.trim() : "no gpu";
  return `node ${platform()}-${arch()} | ${cpus()[0]?.model ?? "cpu"} x${cpus().length} | ${gpuText}`;
}
