/**
 * Add, Sub, Multiply and RealDiv on tfjs's cpu backend when one float32 operand repeats along
 * the leading axes of the other ([B, H, W, C] with [C] or [1, 1, 1, C]: batch norm, biases,
 * per-channel scales). tfjs computes every broadcast element's source through index
 * conversions; here the smaller operand's index is the element's index modulo its size.
 * Each element is the same float operation as tfjs's, so results are identical.
 */
import * as tf from "#tf";
import { overrideCpuKernel, values } from "./override.js";

type Op = (a: number, b: number) => number;

const OPS: Readonly<Record<string, Op>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Multiply: (a, b) => a * b,
  RealDiv: (a, b) => a / b,
};

/** True when `small`, left-padded with ones, is ones followed by the trailing dimensions of `big`. */
export function repeatsAlongLeadingAxes(big: readonly number[], small: readonly number[]): boolean {
  if (small.length > big.length) return false;
  const padded = [...Array<number>(big.length - small.length).fill(1), ...small];
  let i = 0;
  while (i < padded.length && padded[i] === 1 && big[i] !== 1) i++;
  return padded.slice(i).every((d, j) => d === big[i + j]);
}

/** out[i] = op(big[i], small[i mod n]) (or with the operands swapped when the big one is b). */
export function broadcastRows(op: Op, big: Float32Array, small: Float32Array, bigIsA: boolean): Float32Array {
  const out = new Float32Array(big.length);
  const n = small.length;
  for (let row = 0; row < big.length; row += n) {
    for (let j = 0; j < n; j++) out[row + j] = bigIsA ? op(big[row + j]!, small[j]!) : op(small[j]!, big[row + j]!);
  }
  return out;
}

export function installFastBroadcast(): void {
  for (const [name, op] of Object.entries(OPS)) {
    overrideCpuKernel(name, ({ inputs, backend }) => {
      const a = inputs["a"]!;
      const b = inputs["b"]!;
      if (a.dtype !== "float32" || b.dtype !== "float32") return undefined;
      const aSize = tf.util.sizeFromShape(a.shape);
      const bSize = tf.util.sizeFromShape(b.shape);
      // Equal shapes are tfjs's fast case already; scalars and other broadcasts stay with it too.
      if (aSize === bSize || Math.min(aSize, bSize) <= 1) return undefined;
      const bigIsA = aSize > bSize;
      const [big, small] = bigIsA ? [a, b] : [b, a];
      if (!repeatsAlongLeadingAxes(big.shape, small.shape)) return undefined;
      const shape = tf.broadcast_util.assertAndGetBroadcastShape(a.shape, b.shape);
      return backend.makeTensorInfo(shape, "float32", broadcastRows(op, values(backend, big), values(backend, small), bigIsA));
    });
  }
}
