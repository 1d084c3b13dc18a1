/**
 * Images from an autoregressive model (PixelCNN), pixel by pixel in raster order: H·W forward
 * passes, each on the whole batch of samples; pass (r, s) reads the distribution of pixel (r, s)
 * and draws its value, which the next passes see. Masked convolutions guarantee that the
 * prediction at (r, s) does not look at (r, s) or anything after it, so filling pixels in this
 * order samples exactly from the model.
 */
import type { TrainingSpec } from "../../graph-ir/core/document.js";
import { hashSeed, Rng } from "../data/rng.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import { pixelModel } from "../recipes/autoregressive.js";
import * as tf from "../tf.js";
import { drawFromLogits, temperedScores } from "./draw.js";
import { SampleError, type SampledImage, type SampleOptions } from "./types.js";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return Math.log(q / (1 - q));
};

export async function samplePixels(training: TrainingSpec, net: MaterializedNetwork, options: SampleOptions): Promise<SampledImage[]> {
  const m = pixelModel(training, net);
  const [h, w, c] = m.shape;
  if (c !== 1 && c !== 3) throw new SampleError(`The images have ${c} channels; only grey (1) or colour (3) images can be drawn.`);
  const n = options.count ?? 16;
  const temperature = options.temperature ?? 1;
  const rng = new Rng(hashSeed("sample-pixels", options.seed ?? 0));
  const canvas = new Float32Array(n * h * w * c);
  const total = h * w;
  for (let r = 0; r < h; r++) {
    for (let s = 0; s < w; s++) {
      if (options.signal?.aborted) throw new SampleError("Sampling was stopped.");
      const here = tf.tidy(() => {
        const out = ([] as tf.Tensor[]).concat(net.model.predict(tf.tensor4d(canvas, [n, h, w, c])) as tf.Tensor | tf.Tensor[])[m.output]!;
        return tf.slice(out, [0, r, s, 0], [n, 1, 1, out.shape[3]!]).reshape([n, out.shape[3]!]);
      });
      const values = await here.data();
      here.dispose();
      const k = values.length / n;
      for (let i = 0; i < n; i++) {
        const at = ((i * h + r) * w + s) * c;
        if (m.likelihood === "bernoulli") {
          for (let ch = 0; ch < c; ch++) {
            const z = m.logits ? values[i * k + ch]! : logit(values[i * k + ch]!);
            canvas[at + ch] = rng.next() < sigmoid(z / temperature) ? 1 : 0;
          }
        } else {
          canvas[at] = drawFromLogits(temperedScores(values, i * k, k, m.logits, temperature), rng.next()) / (m.levels - 1);
        }
      }
      options.onProgress?.(r * w + s + 1, total);
    }
  }
  return Array.from({ length: n }, (_, i) => {
    const pixels = new Uint8ClampedArray(h * w * c);
    for (let j = 0; j < pixels.length; j++) pixels[j] = Math.round(canvas[i * h * w * c + j]! * 255);
    return { width: w, height: h, channels: c, pixels };
  });
}
