/**
 * Principal component analysis of a matrix's rows, exact in float64: the eigenvectors of the
 * smaller of XᵀX (cols × cols) and XXᵀ (rows × rows) of the centred data, by Jacobi rotations
 * when it is small and by subspace iteration with a Rayleigh-Ritz step otherwise.
 */
import { Rng } from "../data/rng.js";
import type { Matrix } from "./embed.js";

export interface PcaResult {
  /** rows × dims, row-major: each row's coordinates on the leading components. */
  readonly points: Float32Array;
  /** Share of the total variance along each component (sums to at most 1). */
  readonly explained: number[];
}

export function pca(matrix: Matrix, dims = 2): PcaResult {
  const { rows: n, cols: m } = matrix;
  const x = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += matrix.values[i * m + j]!;
    mean /= Math.max(n, 1);
    for (let i = 0; i < n; i++) x[i * m + j] = matrix.values[i * m + j]! - mean;
  }
  const byCols = m <= n;
  const p = byCols ? m : n;
  // S is XᵀX (by columns) or XXᵀ (by rows); both have the same non-zero eigenvalues.
  const s = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let sum = 0;
      if (byCols) for (let i = 0; i < n; i++) sum += x[i * m + a]! * x[i * m + b]!;
      else for (let j = 0; j < m; j++) sum += x[a * m + j]! * x[b * m + j]!;
      s[a * p + b] = sum;
      s[b * p + a] = sum;
    }
  }
  let trace = 0;
  for (let a = 0; a < p; a++) trace += s[a * p + a]!;
  const k = Math.min(dims, p);
  const { values, vectors } = topEigen(s, p, k);
  const points = new Float32Array(n * dims);
  const explained = new Array<number>(dims).fill(0);
  for (let c = 0; c < k; c++) {
    const lambda = Math.max(values[c]!, 0);
    explained[c] = trace > 0 ? lambda / trace : 0;
    const v = vectors[c]!;
    for (let i = 0; i < n; i++) {
      let coord = 0;
      if (byCols) for (let j = 0; j < m; j++) coord += x[i * m + j]! * v[j]!;
      else coord = Math.sqrt(lambda) * v[i]!;
      points[i * dims + c] = coord;
    }
  }
  return { points, explained };
}

/** The k largest eigenpairs of a symmetric p × p matrix, largest first; signs fixed so each vector's largest entry is positive. */
export function topEigen(s: Float64Array, p: number, k: number): { values: number[]; vectors: Float64Array[] } {
  let basis: Float64Array[];
  let small: Float64Array;
  let q: number;
  if (p <= 64) {
    q = p;
    basis = Array.from({ length: p }, (_, i) => Float64Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
    small = s.slice();
  } else {
    q = Math.min(p, k + 8);
    basis = subspace(s, p, q);
    small = project(s, p, basis);
  }
  const { values, vectors } = jacobi(small, q);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, k);
  return {
    values: order.map(([v]) => v),
    vectors: order.map(([, i]) => {
      const out = new Float64Array(p);
      for (let r = 0; r < q; r++) {
        const w = vectors[r * q + i]!;
        for (let j = 0; j < p; j++) out[j]! += w * basis[r]![j]!;
      }
      let big = 0;
      for (let j = 0; j < p; j++) if (Math.abs(out[j]!) > Math.abs(big)) big = out[j]!;
      if (big < 0) for (let j = 0; j < p; j++) out[j] = -out[j]!;
      return out;
    }),
  };
}

function multiply(s: Float64Array, p: number, v: Float64Array): Float64Array {
  const out = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let sum = 0;
    for (let b = 0; b < p; b++) sum += s[a * p + b]! * v[b]!;
    out[a] = sum;
  }
  return out;
}

/** Gram-Schmidt in place; a vector that vanishes is replaced by zeros. */
function orthonormalise(vs: Float64Array[]): void {
  vs.forEach((v, i) => {
    for (let r = 0; r < i; r++) {
      const u = vs[r]!;
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += v[j]! * u[j]!;
      for (let j = 0; j < v.length; j++) v[j]! -= dot * u[j]!;
    }
    let norm = 0;
    for (let j = 0; j < v.length; j++) norm += v[j]! ** 2;
    norm = Math.sqrt(norm);
    for (let j = 0; j < v.length; j++) v[j] = norm > 1e-300 ? v[j]! / norm : 0;
  });
}

/** An orthonormal basis of the leading q-dimensional invariant subspace (seeded start). */
function subspace(s: Float64Array, p: number, q: number): Float64Array[] {
  const rng = new Rng(0x9ca);
  let vs: Float64Array[] = Array.from({ length: q }, () => Float64Array.from({ length: p }, () => rng.normal()));
  orthonormalise(vs);
  let last = -1;
  for (let it = 0; it < 500; it++) {
    vs = vs.map((v) => multiply(s, p, v));
    let size = 0;
    for (const v of vs) for (let j = 0; j < p; j++) size += v[j]! ** 2;
    orthonormalise(vs);
    if (Math.abs(size - last) <= 1e-13 * size) break;
    last = size;
  }
  return vs;
}

/** BᵀSB for an orthonormal basis B (q vectors). */
function project(s: Float64Array, p: number, basis: Float64Array[]): Float64Array {
  const q = basis.length;
  const sb = basis.map((v) => multiply(s, p, v));
  const out = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) {
    let dot = 0;
    for (let j = 0; j < p; j++) dot += basis[a]![j]! * sb[b]![j]!;
    out[a * q + b] = dot;
  }
  return out;
}

/** Cyclic Jacobi eigen-decomposition of a symmetric q × q matrix: eigenvalues and eigenvectors as columns. */
function jacobi(a: Float64Array, q: number): { values: number[]; vectors: Float64Array } {
  const v = new Float64Array(q * q);
  for (let i = 0; i < q; i++) v[i * q + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < q; i++) for (let j = i + 1; j < q; j++) off += a[i * q + j]! ** 2;
    if (off < 1e-30) break;
    for (let i = 0; i < q; i++) {
      for (let j = i + 1; j < q; j++) {
        const aij = a[i * q + j]!;
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (a[j * q + j]! - a[i * q + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let r = 0; r < q; r++) {
          const ari = a[r * q + i]!;
          const arj = a[r * q + j]!;
          a[r * q + i] = c * ari - sn * arj;
          a[r * q + j] = sn * ari + c * arj;
        }
        for (let r = 0; r < q; r++) {
          const air = a[i * q + r]!;
          const ajr = a[j * q + r]!;
          a[i * q + r] = c * air - sn * ajr;
          a[j * q + r] = sn * air + c * ajr;
        }
        for (let r = 0; r < q; r++) {
          const vri = v[r * q + i]!;
          const vrj = v[r * q + j]!;
          v[r * q + i] = c * vri - sn * vrj;
          v[r * q + j] = sn * vri + c * vrj;
        }
      }
    }
  }
  return { values: Array.from({ length: q }, (_, i) => a[i * q + i]!), vectors: v };
}
