import { describe, expect, it } from "vitest";
import { augmentBatch, predictWithTta } from "../../../runtime/data/augment.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import { textDataset } from "../../../runtime/data/synthetic/text.js";
import { batchToTensors, modelPredictor } from "../../../runtime/data/tensors.js";
import * as tf from "../../../runtime/tf.js";

describe("batches as tensors", () => {
  it("one-hot class ids for categorical losses and keep extras", () => {
    const ds = shapes({ size: 16, trainSize: 6, testSize: 1 });
    const batch = ds.gather("train", [0, 1, 2, 4]);
    const t = batchToTensors(batch, ds.target, { oneHot: true });
    expect(t.x.shape).toEqual([4, 16, 16, 3]);
    expect(t.y.shape).toEqual([4, 3]);
    expect(t.y.arraySync()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]);
    expect(t.extras.boxes!.shape).toEqual([4, 1, 4]);
    tf.dispose([t.x, t.y, ...Object.values(t.extras)]);
    expect(tf.memory().numTensors).toBe(0);
  });

  it("keep int32 ids for text models", () => {
    const ds = textDataset("abcdefghij".repeat(20), { steps: 8 });
    const t = batchToTensors(ds.gather("train", [0, 1]), ds.target);
    expect(t.x.dtype).toBe("int32");
    expect(t.y.dtype).toBe("int32");
    expect(t.y.shape).toEqual([2, 8]);
    tf.dispose([t.x, t.y]);
  });

  it("feed a real model: augmented batches train it and TTA averages its predictions", async () => {
    const ds = shapes({ size: 16, trainSize: 32, testSize: 4 });
    const model = tf.sequential({
      layers: [tf.layers.conv2d({ inputShape: [12, 12, 3], filters: 4, kernelSize: 3, activation: "relu" }), tf.layers.globalAveragePooling2d({}), tf.layers.dense({ units: 3, activation: "softmax" })],
    });
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
    // Train on 12×12 random crops of the 16×16 images, as a crop-trained net would be.
    const [batch] = ds.batches("train", { batchSize: 32, seed: 3 });
    const aug = augmentBatch(batch!, { flip: true, hsv: { hue: 0.05, saturation: 0.1, value: 0.1 } }, 1);
    const crops = tf.tidy(() => tf.slice(tf.tensor4d(aug.x.data, [32, 16, 16, 3]), [0, 2, 2, 0], [32, 12, 12, 3]));
    const ys = tf.oneHot(tf.tensor1d(aug.y.data as Int32Array, "int32"), 3);
    const loss = (await model.trainOnBatch(crops, ys)) as number;
    expect(Number.isFinite(loss)).toBe(true);
    tf.dispose([crops, ys]);
    const test = ds.gather("test", [0, 1, 2, 3]);
    const before = tf.memory().numTensors;
    const scores = await predictWithTta(modelPredictor(model), test.x, 12, 12);
    expect(tf.memory().numTensors).toBe(before);
    expect(scores.length).toBe(12);
    for (let r = 0; r < 4; r++) expect(scores.subarray(r * 3, r * 3 + 3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });
});
