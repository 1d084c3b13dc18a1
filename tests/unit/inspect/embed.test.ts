/**
 * PCA against hand cases (both the columns and the rows route, and the large-matrix route), t-SNE
 * on separated clusters (seeded, repeatable), the nearest-neighbour measure, the realism penalty
 * and high-frequency measure on known images, and the colour map.
 */
import { describe, expect, it } from "vitest";
import { heatmapToRGBA, highFrequencyEnergy, nearestNeighbourAccuracy, overlay, pca, realismPenalty, tsne } from "../../../runtime/inspect/index.js";
import { Rng } from "../../../runtime/data/rng.js";
import { tf } from "./support.js";

const matrix = (rows: number[][]) => ({ rows: rows.length, cols: rows[0]!.length, values: Float32Array.from(rows.flat()) });

describe("pca", () => {
  it("finds the hand case's axes and variance shares, by columns and by rows", () => {
    // Centred; XᵀX = diag(8, 2, 0): shares 0.8 and 0.2.
    const rows = [[2, 0, 0], [-2, 0, 0], [0, 1, 0], [0, -1, 0]];
    const byCols = pca(matrix(rows));
    expect(byCols.explained[0]).toBeCloseTo(0.8, 10);
    expect(byCols.explained[1]).toBeCloseTo(0.2, 10);
    expect(Array.from(byCols.points)).toEqual([2, 0, -2, 0, 0, 1, 0, -1].map((v) => expect.closeTo(v, 6)));
    // Wider than tall (4 rows, 6 columns) goes through XXᵀ: same shares, same points up to sign.
    const wide = pca(matrix(rows.map((r) => [...r, 0, 0, 0])));
    expect(wide.explained.map((v) => +v.toFixed(10))).toEqual([0.8, 0.2]);
    expect(Array.from(wide.points, Math.abs)).toEqual([2, 0, 2, 0, 0, 1, 0, 1].map((v) => expect.closeTo(v, 6)));
  });

  it("shares sum to at most 1 and match a rotated diagonal case on the large-matrix route", () => {
    // ±s_j e_j for 80 dims, rotated by random Givens rotations: the covariance's eigenvalues are 2 s_j².
    const d = 80;
    const s = Array.from({ length: d }, (_, j) => 1 + j * 0.1);
    const rows = s.flatMap((sj, j) => [1, -1].map((sign) => Array.from({ length: d }, (_, k) => (k === j ? sign * sj : 0))));
    const rng = new Rng(5);
    for (let r = 0; r < 200; r++) {
      const a = rng.int(d);
      const b = (a + 1 + rng.int(d - 1)) % d;
      const t = rng.uniform(0, Math.PI);
      for (const row of rows) [row[a], row[b]] = [Math.cos(t) * row[a]! - Math.sin(t) * row[b]!, Math.sin(t) * row[a]! + Math.cos(t) * row[b]!];
    }
    const total = s.reduce((acc, v) => acc + v * v, 0);
    const r = pca(matrix(rows), 3);
    const want = [s[79]!, s[78]!, s[77]!].map((v) => (v * v) / total);
    r.explained.forEach((e, i) => expect(e).toBeCloseTo(want[i]!, 4));
    expect(r.explained.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const all = pca(matrix(rows), 80);
    expect(all.explained.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });
});

describe("tsne", () => {
  const clusters = () => {
    const rng = new Rng(3);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = i % 3;
      rows.push(Array.from({ length: 10 }, (_, k) => (k === c ? 6 : 0) + rng.normal()));
      labels.push(c);
    }
    return { m: matrix(rows), labels };
  };

  it("keeps separated clusters apart, repeats with the same seed, and reports progress", async () => {
    const { m, labels } = clusters();
    const seen: number[] = [];
    const a = await tsne(m, { seed: 2, iterations: 500, perplexity: 10, onProgress: (i) => seen.push(i) });
    const b = await tsne(m, { seed: 2, iterations: 500, perplexity: 10 });
    expect(a).toHaveLength(120);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(seen.at(-1)).toBe(500);
    expect(nearestNeighbourAccuracy(a, 2, labels)).toBe(1);
  });

  it("stops when its signal is aborted", async () => {
    const { m } = clusters();
    const stop = new AbortController();
    await expect(tsne(m, { seed: 1, iterations: 1000, onProgress: (i) => i >= 50 && stop.abort(new Error("stopped by test")), signal: stop.signal })).rejects.toThrow("stopped by test");
  });
});

describe("nearestNeighbourAccuracy", () => {
  it("counts points whose nearest other point shares their label", () => {
    // 0 and 1 are each other's nearest; 10's nearest is 11 (same label); 11's nearest is 10.
    expect(nearestNeighbourAccuracy(Float32Array.from([0, 1, 10, 11]), 1, [0, 1, 2, 2])).toBe(0.5);
  });
});

describe("realism penalty", () => {
  const image = (f: (r: number, c: number) => number) => Float32Array.from({ length: 64 }, (_, p) => f(Math.floor(p / 8), p % 8));
  it("is zero on a flat image, large on a checkerboard, and has a gradient", () => {
    const flat = tf.tensor4d(image(() => 0.3), [1, 8, 8, 1]);
    const checker = tf.tensor4d(image((r, c) => (r + c) % 2), [1, 8, 8, 1]);
    const ramp = tf.tensor4d(image((r, c) => (r + c) / 14), [1, 8, 8, 1]);
    const h = (x: tf.Tensor4D, s = 3) => tf.tidy(() => realismPenalty(x, s).dataSync()[0]!);
    expect(h(flat)).toBeCloseTo(0, 6);
    expect(h(checker)).toBeGreaterThan(20 * h(ramp));
    // More scales add terms (the checkerboard averages to flat grey after one halving).
    expect(h(ramp, 2)).toBeGreaterThan(h(ramp, 1));
    const g = tf.tidy(() => tf.grad((x: tf.Tensor) => realismPenalty(x as tf.Tensor4D))(checker).abs().sum().dataSync()[0]!);
    expect(g).toBeGreaterThan(0);
    tf.dispose([flat, checker, ramp]);
  });

  it("high-frequency energy is near 1 for a checkerboard and low for a smooth ramp, whatever the scale", () => {
    const hf = (f: (r: number, c: number) => number) => highFrequencyEnergy({ shape: [8, 8, 1], values: image(f) });
    expect(hf((r, c) => (r + c) % 2)).toBeCloseTo(1, 6);
    expect(hf((_r, c) => Math.cos((Math.PI * 2 * c) / 8))).toBeCloseTo(0, 6);
    expect(hf((r, c) => 100 * ((r + c) % 2))).toBeCloseTo(1, 6);
    expect(hf((r, c) => (r + c) / 14)).toBeLessThan(0.2);
  });
});

describe("colour maps", () => {
  it("maps 0 and 1 to inferno's ends and blends an overlay", () => {
    const heat = { width: 2, height: 1, values: Float32Array.from([0, 1]) };
    expect(Array.from(heatmapToRGBA(heat))).toEqual([0, 0, 4, 255, 252, 255, 164, 255]);
    const base = { width: 2, height: 1, values: Float32Array.from([1, 0]) };
    expect(Array.from(overlay(base, heat, 0.5))).toEqual([128, 128, 130, 255, 126, 128, 82, 255]);
    expect(() => overlay({ width: 1, height: 1, values: [0] }, heat, 0.5)).toThrow(/same size/);
  });
});
