/**
 * The cpu backend's Conv2D filter gradient (runtime/kernels) against the definition, written
 * here independently (filter position first, TensorFlow's "same" padding formula), through the
 * path training takes: tf.grad of a real conv2d.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as tf from "../../../runtime/tf.js";
import { Rng } from "../../../runtime/data/rng.js";

interface Case { batch: number; height: number; width: number; cin: number; cout: number; kh: number; kw: number; stride: number; padding: "same" | "valid"; seed: number }

function definition(c: Case, x: Float32Array, dy: Float32Array, outH: number, outW: number): Float64Array {
  const padOf = (size: number, k: number, out: number): number =>
    c.padding === "valid" ? 0 : Math.floor(Math.max((out - 1) * c.stride + k - size, 0) / 2);
  const top = padOf(c.height, c.kh, outH);
  const left = padOf(c.width, c.kw, outW);
  const dW = new Float64Array(c.kh * c.kw * c.cin * c.cout);
  for (let r = 0; r < c.kh; r++) for (let s = 0; s < c.kw; s++) for (let i = 0; i < c.cin; i++) for (let o = 0; o < c.cout; o++) {
    let sum = 0;
    for (let b = 0; b < c.batch; b++) for (let y = 0; y < outH; y++) for (let xx = 0; xx < outW; xx++) {
      const row = y * c.stride + r - top;
      const col = xx * c.stride + s - left;
      if (row < 0 || row >= c.height || col < 0 || col >= c.width) continue;
      sum += x[((b * c.height + row) * c.width + col) * c.cin + i]! * dy[((b * outH + y) * outW + xx) * c.cout + o]!;
    }
    dW[((r * c.kw + s) * c.cin + i) * c.cout + o] = sum;
  }
  return dW;
}

/** Values with exact zeros mixed in, as ReLU outputs have (the kernel skips them). */
function values(rng: Rng, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => (rng.next() < 0.3 ? 0 : rng.next() * 2 - 1));
}

function check(c: Case): void {
  const rng = new Rng(c.seed);
  const x = values(rng, c.batch * c.height * c.width * c.cin);
  const filter = tf.tensor4d(values(rng, c.kh * c.kw * c.cin * c.cout), [c.kh, c.kw, c.cin, c.cout]);
  const xT = tf.tensor4d(x, [c.batch, c.height, c.width, c.cin]);
  const out = tf.conv2d(xT, filter, c.stride, c.padding);
  const [, outH, outW] = out.shape;
  const dy = values(rng, out.size);
  const dyT = tf.tensor(dy, out.shape);
  const grad = tf.grad((f: tf.Tensor) => tf.conv2d(xT, f as tf.Tensor4D, c.stride, c.padding).mul(dyT).sum())(filter);
  const got = grad.dataSync();
  const want = definition(c, x, dy, outH, outW);
  tf.dispose([filter, xT, out, dyT, grad]);
  expect(got.length).toBe(want.length);
  for (let k = 0; k < want.length; k++) expect(Math.abs(got[k]! - want[k]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want[k]!)));
}

describe("cpu Conv2D filter gradient", () => {
  beforeAll(async () => { await tf.setBackend("cpu"); });

  it("is ours on the cpu backend", () => {
    expect(tf.getKernel("Conv2DBackpropFilter", "cpu").kernelFunc.name).toBe("fastConv2DBackpropFilter");
  });

  it("equals the definition for random shapes, strides and paddings", () => {
    const arb = fc.record({
      batch: fc.integer({ min: 1, max: 3 }), height: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 1, max: 9 }),
      cin: fc.integer({ min: 1, max: 5 }), cout: fc.integer({ min: 1, max: 5 }), kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
      stride: fc.integer({ min: 1, max: 3 }), padding: fc.constantFrom("same" as const, "valid" as const), seed: fc.integer({ min: 1, max: 1e6 }),
    }).filter((c) => c.padding === "same" || (c.kh <= c.height && c.kw <= c.width));
    fc.assert(fc.property(arb, (c) => { check(c); }), { numRuns: 150, seed: 7 });
  });

  it("sums a large batch without float32 drift (as training's 32×64×64 maps do)", () => {
    check({ batch: 8, height: 32, width: 32, cin: 3, cout: 4, kh: 3, kw: 3, stride: 1, padding: "same", seed: 3 });
  });
});
