/**
 * Samples from a GAN's generator (training.networks.generator): one forward pass on seeded noise.
 * Each Latent noise input draws N(0, 1) or U(-1, 1) as its node says, as the GAN recipes do.
 * A conditional generator's other input gets class labels, cycling 0, 1, ..., K-1 so every
 * class shows up: a one-hot row for an input of shape [K], the class id for [1] or [].
 * A pix2pix generator, whose input is an image, translates the dataset's test images in order.
 * Outputs shaped like images (H×W×1 or H×W×3, or flat with as many values as the dataset's
 * images) become images (a tanh output is mapped from [-1, 1], anything else clipped to [0, 1]);
 * any other output is returned as plain numbers.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { formatShape } from "../../graph-ir/core/shape.js";
import { hashSeed, Rng } from "../data/rng.js";
import { toTensor } from "../data/tensors.js";
import type { Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { fitsShape } from "../train/data-check.js";
import { finalActivation } from "./activation.js";
import { SampleError, type SampledImage, type SampleOptions, type SampleResult } from "./types.js";

export async function sampleGenerator(doc: GraphDocument, g: MaterializedNetwork, dataset: (() => Promise<Dataset>) | undefined, options: SampleOptions): Promise<SampleResult> {
  const n = options.count ?? 16;
  const rng = new Rng(hashSeed("sample-generator", options.seed ?? 0));
  let labels: string[] | undefined;
  let translated: string | undefined;
  const inputs: tf.Tensor[] = [];
  try {
    for (const port of g.inputs) {
      const node = doc.nodes.find((x) => x.id === port.nodeId);
      const shape = port.shape.slice(1).map((d) => (typeof d === "number" ? d : 1));
      const size = shape.reduce((a, b) => a * b, 1);
      if (node?.kind === "LatentInput") {
        const uniform = node.params["distribution"] === "uniform";
        const z = Float32Array.from({ length: n * size }, () => (uniform ? rng.uniform(-1, 1) : rng.normal()));
        inputs.push(tf.tensor(z, [n, ...shape]));
        continue;
      }
      if (shape.length === 3) {
        // pix2pix: the generator translates images; it gets the dataset's test images in order.
        const data = dataset ? await dataset() : undefined;
        if (!data || !fitsShape(data.inputShape, port.shape)) {
          throw new SampleError(`The generator's input '${port.nodeId}' takes an image of ${formatShape(port.shape.slice(1))}; sampling translates the training dataset's test images${data ? `, but ${data.id} has samples of ${formatShape(["B", ...data.inputShape])}` : ", and none was given"}.`);
        }
        const split = data.size("test") > 0 ? "test" : "train";
        const count = data.size(split);
        inputs.push(toTensor(data.gather(split, Array.from({ length: n }, (_, i) => i % count)).x));
        translated = `${split} images 1 to ${Math.min(n, count)} of ${data.id}`;
        continue;
      }
      // The label input of a conditional generator.
      const t = dataset ? (await dataset()).target : undefined;
      const names = t?.kind === "classes" ? t.names : undefined;
      const oneHot = shape.length === 1 && shape[0]! > 1;
      const classes = oneHot ? shape[0]! : names?.length;
      if (!classes) throw new SampleError(`The generator's input '${port.nodeId}' takes a class label, and without the training dataset's classes Layerloom cannot tell how many there are.`);
      if (!oneHot && !(shape.length === 0 || (shape.length === 1 && shape[0] === 1))) {
        throw new SampleError(`The generator's input '${port.nodeId}' takes ${formatShape(port.shape.slice(1))}; a label is a class id (shape [1]) or a one-hot row (shape [K]).`);
      }
      const ids = Array.from({ length: n }, (_, i) => i % classes);
      labels = ids.map((i) => names?.[i] ?? String(i));
      const dtype = g.topology.config.layers.find((l) => l.name === port.layer)?.config["dtype"] === "int32" ? "int32" : "float32";
      inputs.push(oneHot ? tf.oneHot(tf.tensor1d(ids, "int32"), classes).toFloat() : tf.tensor(ids, [n, ...shape], dtype));
    }
    const out = tf.tidy(() => ([] as tf.Tensor[]).concat(g.model.predict(inputs.length === 1 ? inputs[0]! : inputs) as tf.Tensor | tf.Tensor[])[0]!);
    const values = await out.data();
    const shape = out.shape.slice(1);
    out.dispose();
    options.onProgress?.(1, 1);
    const size = values.length / n;
    const act = finalActivation(g, g.outputs[0]!.layer);
    const label = (i: number) => (labels ? { label: labels[i]! } : {});
    // A flat output the size of the dataset's images is an image (a generator ending in Dense).
    const data = shape.length === 3 || !dataset ? undefined : await dataset().catch(() => undefined);
    const imageShape = data && data.inputShape.length === 3 && data.inputShape.reduce((a, b) => a * b, 1) === size ? data.inputShape : shape;
    if (imageShape.length === 3 && (imageShape[2] === 1 || imageShape[2] === 3)) {
      const toUnit = act === "tanh" ? (v: number) => (v + 1) / 2 : (v: number) => v;
      const images = Array.from({ length: n }, (_, i): SampledImage => {
        const pixels = new Uint8ClampedArray(size);
        for (let j = 0; j < size; j++) pixels[j] = Math.round(Math.min(1, Math.max(0, toUnit(values[i * size + j]!))) * 255);
        return { width: imageShape[1]!, height: imageShape[0]!, channels: imageShape[2] as 1 | 3, pixels, ...label(i) };
      });
      return { kind: "images", images, note: `${n} samples of generator '${g.id}'${labels ? ", classes in turn" : ""}${translated ? `, translating ${translated}` : ""}` };
    }
    const points = Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * size, (i + 1) * size)));
    return { kind: "points", points, ...(labels ? { labels } : {}), note: `${n} samples of generator '${g.id}' (${formatShape(shape)} each)` };
  } finally {
    tf.dispose(inputs);
  }
}
