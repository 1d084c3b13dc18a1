/**
 * Picks the tfjs backend to train on. Each candidate (webgpu, webgl, wasm, cpu, in that order)
 * must start and then pass a one-step training self-check of the model at hand; a candidate that
 * fails keeps a reason the UI can show. "first" keeps the first that passes. "measure" times a
 * few steps on every one that passes and keeps the fastest (order alone misleads: a software
 * WebGPU can be 8x slower than WebGL), and remembers the winner per machine and model.
 *
 * Select before building the real model: tensors made on one backend are moved lazily to the
 * next, and webgpu cannot hand tensors back synchronously outside a browser.
 */
import * as tf from "../tf.js";
import { hashSeed } from "../data/rng.js";
import type { BackendName } from "./names.js";
import { isBackendName } from "./names.js";
import { errorText, initFailureReason, trainingFailureReason } from "./reasons.js";

export interface BackendCandidate {
  readonly name: BackendName;
  /** Loads and registers the backend if needed and makes it tfjs's current backend; throws with a reason if it cannot. */
  init(): Promise<void>;
}

/** One model, ready to train on the current backend. */
export interface TrainingProbe {
  /** One optimiser step on a fixed batch; resolves to the loss once it is computed. */
  step(): Promise<number>;
  /** Frees every tensor the probe made. */
  dispose(): void;
}

/** Builds the model at hand on the current backend (called after the candidate's init). */
export type ProbeFactory = (backend: BackendName) => Promise<TrainingProbe>;

/** Where measured choices are kept (localStorage in the app, a JSON file for the CLI, a Map in tests). */
export interface BackendStorage {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, value: string): Promise<void> | void;
}

export interface SelectOptions {
  readonly candidates: readonly BackendCandidate[];
  readonly probe: ProbeFactory;
  readonly mode?: "first" | "measure";
  /** Timed steps per backend in measure mode, after one untimed warm-up step (default 2). */
  readonly steps?: number;
  /** Measure mode: remembers the winner under `cacheKey` (see backendCacheKey). */
  readonly storage?: BackendStorage;
  readonly cacheKey?: string;
  /** Give up on a backend that takes longer than this to start or to run the check (default 60 s). */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export interface BackendAttempt {
  readonly name: BackendName;
  readonly ok: boolean;
  /** Why it was skipped, e.g. "wasm: cannot train conv layers (no Conv2DBackpropFilter kernel)". */
  readonly reason?: string;
  /** Measured milliseconds per training step (measure mode). */
  readonly msPerStep?: number;
  /** Tensors the probe left behind (a leak in the probe, not the backend). */
  readonly leakedTensors?: number;
}

export interface BackendChoice {
  readonly backend: BackendName;
  readonly attempts: readonly BackendAttempt[];
  /** True when the measured winner came from storage and only passed its self-check again. */
  readonly fromCache: boolean;
  /** One line for the training panel, e.g. "webgl (fastest: 12.0 ms/step; cpu 80.1 ms/step)". */
  readonly summary: string;
}

interface CachedChoice {
  readonly backend: BackendName;
  readonly msPerStep: Partial<Record<BackendName, number>>;
}

/** A cache key from the machine (GPU, browser, OS: whatever the caller can tell) and the model's signature. */
export function backendCacheKey(machine: string, modelSignature: string): string {
  return `layerloom.backend:${hashSeed(machine).toString(16)}:${modelSignature}`;
}

/** A short signature of a model's topology (any JSON) and batch size, for backendCacheKey. */
export function modelSignature(topology: unknown, batchSize: number): string {
  return `${hashSeed(JSON.stringify(topology)).toString(16)}-b${batchSize}`;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${limit}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

interface CheckResult {
  readonly attempt: BackendAttempt;
  readonly probe?: TrainingProbe;
}

async function startAndCheck(c: BackendCandidate, options: SelectOptions): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    await withTimeout(c.init(), timeoutMs, "starting the backend");
  } catch (e) {
    return { attempt: { name: c.name, ok: false, reason: initFailureReason(c.name, e) } };
  }
  if (tf.getBackend() !== c.name) {
    return { attempt: { name: c.name, ok: false, reason: initFailureReason(c.name, `tfjs is on "${tf.getBackend()}" after starting it`) } };
  }
  let probe: TrainingProbe | undefined;
  try {
    probe = await withTimeout(options.probe(c.name), timeoutMs, "building the model");
    const loss = await withTimeout(probe.step(), timeoutMs, "the training step");
    if (!Number.isFinite(loss)) {
      probe.dispose();
      return { attempt: { name: c.name, ok: false, reason: `${c.name}: the training self-check gave a loss of ${loss}, so results here cannot be trusted` } };
    }
    return { attempt: { name: c.name, ok: true }, probe };
  } catch (e) {
    probe?.dispose();
    return { attempt: { name: c.name, ok: false, reason: trainingFailureReason(c.name, e) } };
  }
}

async function timeSteps(probe: TrainingProbe, steps: number, now: () => number): Promise<number> {
  const t0 = now();
  for (let i = 0; i < steps; i++) await probe.step();
  return (now() - t0) / steps;
}

function noneWorked(attempts: readonly BackendAttempt[]): Error {
  const lines = attempts.map((a) => `  - ${a.reason ?? `${a.name}: not tried`}`).join("\n");
  return new Error(`No backend can train this model here:\n${lines}`);
}

function describe(choice: BackendName, attempts: readonly BackendAttempt[], measured: boolean, fromCache: boolean): string {
  if (!measured) return `${choice} (first that passed its self-check)`;
  const others = attempts.filter((a) => a.ok && a.name !== choice && a.msPerStep !== undefined).map((a) => `${a.name} ${a.msPerStep!.toFixed(1)} ms/step`);
  const mine = attempts.find((a) => a.name === choice)?.msPerStep;
  const head = fromCache ? `${choice} (measured fastest earlier on this machine for this model` : `${choice} (fastest`;
  return `${head}${mine !== undefined ? `: ${mine.toFixed(1)} ms/step` : ""}${others.length ? `; ${others.join(", ")}` : ""})`;
}

/** Tries the candidates and leaves tfjs on the chosen backend. */
export async function selectBackend(options: SelectOptions): Promise<BackendChoice> {
  const mode = options.mode ?? "first";
  const now = options.now ?? (() => performance.now());
  const steps = Math.max(1, options.steps ?? 2);
  const attempts: BackendAttempt[] = [];
  const finish = (probe: TrainingProbe, attempt: BackendAttempt, tensorsBefore: number): BackendAttempt => {
    probe.dispose();
    const leaked = tf.memory().numTensors - tensorsBefore;
    return leaked > 0 ? { ...attempt, leakedTensors: leaked } : attempt;
  };

  if (mode === "measure" && options.storage && options.cacheKey) {
    const cached = await readCache(options.storage, options.cacheKey);
    const candidate = cached && options.candidates.find((c) => c.name === cached.backend);
    if (cached && candidate) {
      const before = tf.memory().numTensors;
      const { attempt, probe } = await startAndCheck(candidate, options);
      if (probe) {
        const done = finish(probe, { ...attempt, msPerStep: cached.msPerStep[candidate.name] }, before);
        const rest = Object.entries(cached.msPerStep)
          .filter(([n]) => n !== candidate.name && isBackendName(n))
          .map(([n, ms]) => ({ name: n as BackendName, ok: true, msPerStep: ms }));
        const all = [done, ...rest];
        return { backend: candidate.name, attempts: all, fromCache: true, summary: describe(candidate.name, all, true, true) };
      }
      attempts.push({ ...attempt, reason: `${attempt.reason} (it was the remembered choice; measuring again)` });
    }
  }

  for (const c of options.candidates) {
    if (attempts.some((a) => a.name === c.name)) continue;
    const before = tf.memory().numTensors;
    const { attempt, probe } = await startAndCheck(c, options);
    if (!probe) {
      attempts.push(attempt);
      continue;
    }
    if (mode === "first") {
      attempts.push(finish(probe, attempt, before));
      return { backend: c.name, attempts, fromCache: false, summary: describe(c.name, attempts, false, false) };
    }
    try {
      const ms = await withTimeout(timeSteps(probe, steps, now), (options.timeoutMs ?? 60_000) * steps, "timing");
      attempts.push(finish(probe, { ...attempt, msPerStep: ms }, before));
    } catch (e) {
      probe.dispose();
      attempts.push({ name: c.name, ok: false, reason: trainingFailureReason(c.name, errorText(e)) });
    }
  }

  const passed = attempts.filter((a) => a.ok && a.msPerStep !== undefined);
  if (passed.length === 0) throw noneWorked(attempts);
  const best = passed.reduce((a, b) => (b.msPerStep! < a.msPerStep! ? b : a));
  // The last backend tried is current; switch back to the winner.
  const winner = options.candidates.find((c) => c.name === best.name)!;
  await winner.init();
  if (options.storage && options.cacheKey) {
    const msPerStep: Partial<Record<BackendName, number>> = {};
    for (const a of passed) msPerStep[a.name] = a.msPerStep;
    await options.storage.set(options.cacheKey, JSON.stringify({ backend: best.name, msPerStep } satisfies CachedChoice));
  }
  return { backend: best.name, attempts, fromCache: false, summary: describe(best.name, attempts, true, false) };
}

async function readCache(storage: BackendStorage, key: string): Promise<CachedChoice | undefined> {
  const raw = await storage.get(key);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<CachedChoice>;
    if (typeof v.backend === "string" && isBackendName(v.backend) && v.msPerStep && typeof v.msPerStep === "object") return v as CachedChoice;
  } catch {
    // A damaged entry is ignored and overwritten by the next measurement.
  }
  return undefined;
}
