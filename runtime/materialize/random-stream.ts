/**
 * The run's random stream. tfjs draws the seed of every unseeded random op (weight initialisers,
 * dropout masks, noise layers) from Math.random, and takes it on the CPU whatever the backend.
 * Training swaps this seeded stream in for the length of each synchronous step, so one seed fixes
 * a whole run on every backend, and the stream's state (one 32-bit number) fits in a checkpoint.
 */
import { hashSeed } from "../data/rng.js";

export class RandomStream {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Everything needed to continue the stream exactly (a checkpoint stores it). */
  get state(): number {
    return this.s;
  }

  set state(value: number) {
    this.s = value >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32, as runtime/data/rng.ts). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** A stream for one purpose of one run: streamFor(seed, "dropout") and streamFor(seed, "init") never overlap. */
export function streamFor(seed: number, ...purpose: readonly (string | number)[]): RandomStream {
  return new RandomStream(hashSeed("layerloom-run", seed, ...purpose));
}

/**
 * Runs `fn` with Math.random drawing from `stream`. `fn` must be synchronous: the swap is undone
 * when it returns, and nothing else can run in between (a Promise result is refused, since the
 * work after its first await would no longer be covered).
 */
export function withRandom<T>(stream: RandomStream, fn: () => T): T {
  const original = Math.random;
  Math.random = () => stream.next();
  try {
    const result = fn();
    if (result instanceof Promise) throw new Error("withRandom needs a synchronous function; the seeded stream would not cover work after an await");
    return result;
  } finally {
    Math.random = original;
  }
}
