/**
 * The cpu backend's fast Sum (leading axes) and broadcast Add/Sub/Multiply/RealDiv
 * (runtime/kernels) against tfjs's own kernels on the same numbers: the broadcast through an
 * explicit tf.tile to equal shapes (tfjs's element-wise case), the sum through a transpose that
 * makes the reduced axes trailing (tfjs's in-place case).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { repeatsAlongLeadingAxes } from "../../../runtime/kernels/broadcast-cpu.js";
import { Rng } from "../../../runtime/data/rng.js";
import * as tf from "../../../runtime/tf.js";

const shapeArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });

function random(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  // Away from zero so RealDiv stays finite.
  return tf.tensor(Float32Array.from({ length: size }, () => (rng.next() < 0.5 ? -1 : 1) * (0.5 + rng.next())), shape);
}

describe("cpu kernels: leading-axis sum and row broadcast", () => {
  beforeAll(async () => { await tf.setBackend("cpu"); });

  it("are installed", () => {
    for (const k of ["Sum", "Add", "Sub", "Multiply", "RealDiv"]) expect(tf.getKernel(k, "cpu").kernelFunc.name).toBe(`fast${k}`);
  });

  it("knows which shapes repeat along leading axes", () => {
    expect(repeatsAlongLeadingAxes([8, 4, 4, 3], [3])).toBe(true);
    expect(repeatsAlongLeadingAxes([8, 4, 4, 3], [1, 1, 1, 3])).toBe(true);
    expect(repeatsAlongLeadingAxes([8, 4, 4, 3], [4, 3])).toBe(true);
    expect(repeatsAlongLeadingAxes([8, 4, 4, 3], [8, 1, 1, 3])).toBe(false);
    expect(repeatsAlongLeadingAxes([8, 4, 4, 3], [4, 1])).toBe(false);
    expect(repeatsAlongLeadingAxes([1, 4, 3], [2, 4, 3])).toBe(false);
  });

  it("broadcasts exactly as tfjs does on tiled operands, either operand the smaller", () => {
    const ops: [string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor][] = [["add", tf.add], ["sub", tf.sub], ["mul", tf.mul], ["div", tf.div]];
    fc.assert(fc.property(shapeArb, fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 1e6 }), (big, keep, padOnes, smallFirst, seed) => {
      const tail = big.slice(Math.min(keep, big.length - 1));
      const smallShape = padOnes ? [...big.slice(0, big.length - tail.length).map(() => 1), ...tail] : tail;
      tf.tidy(() => {
        const x = random(big, seed);
        const y = random(smallShape, seed + 1);
        const tiled = tf.tile(y.reshape([...big.map((_, i) => (i < big.length - tail.length ? 1 : tail[i - (big.length - tail.length)]!))]), big.map((d, i) => (i < big.length - tail.length ? d : 1)));
        for (const [, op] of ops) {
          const got = smallFirst ? op(y, x) : op(x, y);
          const want = smallFirst ? op(tiled, x) : op(x, tiled);
          expect(got.shape).toEqual(want.shape);
          expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
        }
      });
    }), { numRuns: 120, seed: 11 });
  });

  it("sums leading axes as tfjs sums the same axes moved last, with keepDims", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.integer({ min: 1, max: 1e6 }), (shape, k0, keepDims, seed) => {
      const k = Math.min(k0, shape.length - 1);
      tf.tidy(() => {
        const x = random(shape, seed);
        const axes = Array.from({ length: k }, (_, i) => i);
        const got = tf.sum(x, axes, keepDims);
        const perm = [...shape.keys()].slice(k).concat(axes);
        const moved = tf.sum(tf.transpose(x, perm), axes.map((_, i) => shape.length - k + i));
        const want = keepDims ? moved.reshape([...axes.map(() => 1), ...shape.slice(k)]) : moved;
        expect(got.shape).toEqual(want.shape);
        const g = got.dataSync();
        const w = want.dataSync();
        for (let i = 0; i < w.length; i++) expect(Math.abs(g[i]! - w[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w[i]!)));
      });
    }), { numRuns: 120, seed: 12 });
  });

  it("leaves other dtypes and broadcasts to tfjs", () => {
    expect(Array.from(tf.add(tf.tensor([[1, 2]], [1, 2], "int32"), tf.tensor([[10], [20]], [2, 1], "int32")).dataSync())).toEqual([11, 12, 21, 22]);
    expect(Array.from(tf.sum(tf.tensor([[1, 2], [3, 4]]), 1).dataSync())).toEqual([3, 7]);
  });
});
