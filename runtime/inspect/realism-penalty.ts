/**
 * The realism penalty for input optimisation, and a measure of what it removes.
 * h(x) = Σ_s ||dˢ(x) − g * dˢ(x)||²: d halves the image by 2×2 average pooling, g is a Gaussian
 * blur (σ = 1, 5 taps, reflected edges), s runs over `scales` sizes. It is the energy a blur
 * takes away at each scale, so an input with fine-grained, high-frequency patterns (which a
 * network can be driven to by plain gradient ascent) pays for them.
 */
import * as tf from "../tf.js";
import { InspectError } from "./errors.js";
import type { LayerValues } from "./types.js";

const TAPS = [-2, -1, 0, 1, 2].map((d) => Math.exp(-(d * d) / 2));
const SUM = TAPS.reduce((a, b) => a + b, 0);
const GAUSS = TAPS.map((t) => t / SUM);

/** g * x for each channel separately. */
function blur(x: tf.Tensor4D): tf.Tensor4D {
  const c = x.shape[3];
  const k2 = GAUSS.flatMap((a) => GAUSS.map((b) => a * b));
  const kernel = tf.tile(tf.tensor4d(k2, [5, 5, 1, 1]), [1, 1, c, 1]) as tf.Tensor4D;
  const padded = tf.mirrorPad(x, [[0, 0], [2, 2], [2, 2], [0, 0]], "reflect");
  return tf.depthwiseConv2d(padded, kernel, 1, "valid");
}

/** h(x) over `scales` sizes (fewer when the image gets smaller than 3 × 3). x: [batch, h, w, c]. */
export function realismPenalty(x: tf.Tensor4D, scales = 3): tf.Scalar {
  if (!(Number.isInteger(scales) && scales >= 1)) throw new InspectError(`The realism penalty needs 1 or more scales, not ${scales}.`);
  return tf.tidy(() => {
    const terms: tf.Scalar[] = [];
    let cur = x;
    for (let s = 0; s < scales && cur.shape[1] >= 3 && cur.shape[2] >= 3; s++) {
      terms.push(tf.sum(tf.square(tf.sub(cur, blur(cur)))));
      cur = tf.avgPool(cur, 2, 2, "valid");
    }
    return terms.length === 1 ? terms[0]! : (tf.addN(terms) as tf.Scalar);
  });
}

/**
 * The share of an image's energy (mean removed, each channel) at high spatial frequencies: the
 * 2-D Fourier components whose frequency along rows or columns is above a quarter of the
 * sampling rate (the upper half of the band). 0..1, independent of the image's scale.
 * image: [h, w, c], [h, w] or [1, h, w, c].
 */
export function highFrequencyEnergy(image: LayerValues): number {
  const s = image.shape[0] === 1 && image.shape.length === 4 ? image.shape.slice(1) : image.shape;
  const [h = 1, w = 1] = s;
  const c = s[2] ?? 1;
  let high = 0;
  let total = 0;
  for (let ch = 0; ch < c; ch++) {
    const plane = new Float64Array(h * w);
    let mean = 0;
    for (let p = 0; p < h * w; p++) mean += plane[p] = image.values[p * c + ch]!;
    mean /= h * w;
    for (let p = 0; p < h * w; p++) plane[p]! -= mean;
    const power = powerSpectrum(plane, h, w);
    for (let u = 0; u < h; u++) {
      for (let v = 0; v < w; v++) {
        const e = power[u * w + v]!;
        total += e;
        if (Math.min(u, h - u) / h > 0.25 || Math.min(v, w - v) / w > 0.25) high += e;
      }
    }
  }
  return total > 0 ? high / total : 0;
}

/** |DFT|² of a real h × w plane, rows then columns (O(hw(h + w))). */
function powerSpectrum(plane: Float64Array, h: number, w: number): Float64Array {
  const re = new Float64Array(h * w);
  const im = new Float64Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let v = 0; v < w; v++) {
      let r = 0;
      let i = 0;
      for (let x = 0; x < w; x++) {
        const a = (-2 * Math.PI * v * x) / w;
        r += plane[y * w + x]! * Math.cos(a);
        i += plane[y * w + x]! * Math.sin(a);
      }
      re[y * w + v] = r;
      im[y * w + v] = i;
    }
  }
  const out = new Float64Array(h * w);
  for (let v = 0; v < w; v++) {
    for (let u = 0; u < h; u++) {
      let r = 0;
      let i = 0;
      for (let y = 0; y < h; y++) {
        const a = (-2 * Math.PI * u * y) / h;
        const cr = Math.cos(a);
        const ci = Math.sin(a);
        r += re[y * w + v]! * cr - im[y * w + v]! * ci;
        i += re[y * w + v]! * ci + im[y * w + v]! * cr;
      }
      out[u * w + v] = r * r + i * i;
    }
  }
  return out;
}
