/**
 * Exact t-SNE (van der Maaten & Hinton, 2008), O(n²) per iteration: meant for up to about 1,000
 * points. Each point's Gaussian width is set by binary search so its neighbour distribution has
 * the asked perplexity; P is symmetrised; the map starts from seeded N(0, 10⁻⁴) points, runs with
 * early exaggeration (×12) for the first quarter of the iterations (at most 250), momentum 0.5
 * then 0.8, and per-coordinate adaptive gains. Written here: npm's candidates (tsne-js,
 * @keckelt/tsne) are not installed, and the algorithm is short once the seeded start, progress
 * and abort hooks the app needs are part of it.
 */
import { Rng, hashSeed } from "../data/rng.js";
import type { Matrix } from "./embed.js";
import { InspectError } from "./errors.js";

export interface TsneOptions {
  /** Effective number of neighbours (default 30; lowered to (n − 1) / 3 for few points). */
  readonly perplexity?: number;
  readonly iterations?: number;
  readonly learningRate?: number;
  /** Output dims (default 2). */
  readonly dims?: number;
  readonly seed: number;
  onProgress?(iteration: number, total: number): void;
  /** Checked between chunks of iterations; an aborted run rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const EXAGGERATION = 12;

/** rows × dims points, row-major. */
export async function tsne(matrix: Matrix, options: TsneOptions): Promise<Float32Array> {
  const n = matrix.rows;
  const dims = options.dims ?? 2;
  const total = options.iterations ?? 1000;
  if (!(Number.isInteger(total) && total >= 1)) throw new InspectError(`t-SNE needs a whole number of iterations of 1 or more, not ${total}.`);
  if (n < 2) return new Float32Array(n * dims);
  const eta = options.learningRate ?? 200;
  const perplexity = Math.max(1, Math.min(options.perplexity ?? 30, (n - 1) / 3));
  const p = affinities(matrix, perplexity);
  const rng = new Rng(hashSeed("tsne", options.seed));
  const y = Float64Array.from({ length: n * dims }, () => 1e-2 * rng.normal());
  const step = new Float64Array(n * dims);
  const gains = new Float64Array(n * dims).fill(1);
  const grad = new Float64Array(n * dims);
  const num = new Float64Array(n * n);
  const lying = Math.min(250, Math.floor(total / 4));
  const pause = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  for (let it = 0; it < total; it++) {
    const exaggeration = it < lying ? EXAGGERATION : 1;
    const momentum = it < lying ? 0.5 : 0.8;
    // Student-t kernel between every pair of map points.
    let sum = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let d = 0;
        for (let k = 0; k < dims; k++) d += (y[i * dims + k]! - y[j * dims + k]!) ** 2;
        const q = 1 / (1 + d);
        num[i * n + j] = q;
        num[j * n + i] = q;
        sum += 2 * q;
      }
    }
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const q = num[i * n + j]!;
        const f = 4 * (exaggeration * p[i * n + j]! - q / sum) * q;
        for (let k = 0; k < dims; k++) grad[i * dims + k]! += f * (y[i * dims + k]! - y[j * dims + k]!);
      }
    }
    for (let c = 0; c < n * dims; c++) {
      const sameSign = Math.sign(grad[c]!) === Math.sign(step[c]!);
      gains[c] = Math.max(0.01, sameSign ? gains[c]! * 0.8 : gains[c]! + 0.2);
      step[c] = momentum * step[c]! - eta * gains[c]! * grad[c]!;
      y[c]! += step[c]!;
    }
    for (let k = 0; k < dims; k++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += y[i * dims + k]!;
      mean /= n;
      for (let i = 0; i < n; i++) y[i * dims + k]! -= mean;
    }
    if ((it + 1) % 25 === 0 || it + 1 === total) {
      options.onProgress?.(it + 1, total);
      await pause();
      if (options.signal?.aborted) throw options.signal.reason ?? new InspectError("t-SNE was stopped.");
    }
  }
  return Float32Array.from(y);
}

/** Symmetrised joint probabilities P (n × n) with each row's width found by binary search on its entropy. */
export function affinities(matrix: Matrix, perplexity: number): Float64Array {
  const { rows: n, cols: m, values } = matrix;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += (values[i * m + k]! - values[j * m + k]!) ** 2;
      d[i * n + j] = s;
      d[j * n + i] = s;
    }
  }
  const target = Math.log(perplexity);
  const cond = new Float64Array(n * n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Distances relative to the nearest neighbour keep exp() in range for any scale of data.
    let nearest = Infinity;
    for (let j = 0; j < n; j++) if (j !== i) nearest = Math.min(nearest, d[i * n + j]!);
    let beta = 1;
    let lo = 0;
    let hi = Infinity;
    for (let tries = 0; tries < 100; tries++) {
      let sum = 0;
      let weighted = 0;
      for (let j = 0; j < n; j++) {
        const e = j === i ? 0 : Math.exp(-beta * (d[i * n + j]! - nearest));
        row[j] = e;
        sum += e;
        weighted += e * (d[i * n + j]! - nearest);
      }
      const entropy = Math.log(sum) + (beta * weighted) / sum;
      for (let j = 0; j < n; j++) cond[i * n + j] = row[j]! / sum;
      if (Math.abs(entropy - target) < 1e-5) break;
      if (entropy > target) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = (beta + lo) / 2;
      }
    }
  }
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) p[i * n + j] = Math.max((cond[i * n + j]! + cond[j * n + i]!) / (2 * n), 1e-12);
  }
  return p;
}
