/**
 * The tools on one trained model, the bars CNN (support.ts): the class is decided by a bar in the
 * top-left quadrant under noise everywhere.
 * - Grad-CAM's heat lies mostly in that quadrant and on the bar itself;
 * - feature maps come back with the layer's shape;
 * - t-SNE of the penultimate layer separates the classes better than t-SNE of the raw input;
 * - input optimisation with the realism penalty gives an input with less high-frequency energy
 *   than without it (same seed and steps).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activations, gradCam, highFrequencyEnergy, InspectError, layerMatrix, nearestNeighbourAccuracy, optimizeInput, saliency, tsne } from "../../../runtime/inspect/index.js";
import { accuracyOn, bars, SIZE, tf, trainedBarsCnn } from "./support.js";

let trained: Awaited<ReturnType<typeof trainedBarsCnn>>;
beforeAll(async () => {
  trained = await trainedBarsCnn();
}, 60_000);
afterAll(() => trained.dispose());

describe("gradCam", () => {
  it("puts the class's heat on the region that decides it", async () => {
    const test = bars(24, 99);
    expect(accuracyOn(trained.net.model, test)).toBeGreaterThan(0.9);
    let quadrant = 0;
    let onBar = 0;
    let barArea = 0;
    for (let s = 0; s < test.labels.length; s++) {
      const input = tf.tensor3d(test.images.slice(s * SIZE * SIZE, (s + 1) * SIZE * SIZE), [SIZE, SIZE, 1]);
      const heat = await gradCam(trained.net.model, input, { classIndex: test.labels[s]!, layerName: "conv" });
      input.dispose();
      expect([heat.width, heat.height]).toEqual([SIZE, SIZE]);
      expect(Math.max(...heat.values)).toBeCloseTo(1, 5);
      expect(Math.min(...heat.values)).toBeGreaterThanOrEqual(0);
      const total = heat.values.reduce((a, b) => a + b, 0);
      const box = test.boxes[s]!;
      // The bar and one pixel around it.
      const r0 = Math.max(0, box.row - 1), r1 = Math.min(SIZE, box.row + box.rows + 1);
      const c0 = Math.max(0, box.col - 1), c1 = Math.min(SIZE, box.col + box.cols + 1);
      let inQuadrant = 0;
      let inBox = 0;
      for (let r = 0; r < SIZE; r++) for (let c = 0; c < SIZE; c++) {
        const v = heat.values[r * SIZE + c]!;
        if (r < SIZE / 2 && c < SIZE / 2) inQuadrant += v;
        if (r >= r0 && r < r1 && c >= c0 && c < c1) inBox += v;
      }
      quadrant += inQuadrant / total;
      onBar += inBox / total;
      barArea += ((r1 - r0) * (c1 - c0)) / (SIZE * SIZE);
    }
    const n = test.labels.length;
    console.log(`Grad-CAM heat in the deciding quadrant: ${(quadrant / n).toFixed(3)} (area 0.25); on the bar ±1 px: ${(onBar / n).toFixed(3)} (area ${(barArea / n).toFixed(3)})`);
    expect(quadrant / n).toBeGreaterThan(1.6 * 0.25);
    expect(onBar / n).toBeGreaterThan(4 * (barArea / n));
  });

  it("refuses a layer without feature maps and a class out of range", async () => {
    const input = tf.zeros([SIZE, SIZE, 1]);
    await expect(gradCam(trained.net.model, input, { classIndex: 0, layerName: "gmp" })).rejects.toThrow(/Grad-CAM needs a convolutional layer .*'gmp' \(GlobalMaxPooling2D\) gives \[4\]/);
    await expect(gradCam(trained.net.model, input, { classIndex: 2, layerName: "conv" })).rejects.toThrow(/Class 2 is out of range: output 'out' has 2 classes, numbered 0 to 1/);
    await expect(gradCam(trained.net.model, input, { classIndex: 0, layerName: "nope" })).rejects.toBeInstanceOf(InspectError);
    input.dispose();
  });

  it("frees every tensor it makes, as do the other tools", async () => {
    const model = trained.net.model;
    const input = tf.zeros([SIZE, SIZE, 1]);
    const batch = tf.zeros([3, SIZE, SIZE, 1]);
    const all = () => Promise.all([
      gradCam(model, input, { classIndex: 1, layerName: "conv" }),
      saliency(model, input, { classIndex: 0, method: "guided" }),
      activations(model, input, "gmp"),
      layerMatrix(model, batch, "conv", 2),
      optimizeInput(model, { layerName: "conv", unit: 1, steps: 2, learningRate: 0.1, penaltyWeight: 0.1, seed: 1, clip: [0, 1] }),
    ]);
    await all();
    const before = tf.memory().numTensors;
    await all();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([input, batch]);
  });
});

describe("activations", () => {
  it("gives one sample's feature maps with the layer's shape, equal to a sub-model's output", async () => {
    const test = bars(1, 5);
    const input = tf.tensor3d(test.images, [SIZE, SIZE, 1]);
    const a = await activations(trained.net.model, input, "conv");
    expect(a.shape).toEqual([SIZE, SIZE, 4]);
    const layer = trained.net.model.getLayer("conv");
    const sub = tf.model({ inputs: trained.net.model.inputs, outputs: layer.output as tf.SymbolicTensor });
    const want = tf.tidy(() => (sub.predict(input.expandDims(0)) as tf.Tensor).dataSync());
    expect(Array.from(a.values)).toEqual(Array.from(want));
    expect(Math.max(...a.values)).toBeGreaterThan(0);
    input.dispose();
  });
});

describe("t-SNE of the trained classifier", () => {
  it("separates the classes better at the penultimate layer than at the input", async () => {
    const test = bars(160, 42);
    const inputs = tf.tensor4d(test.images, [test.labels.length, SIZE, SIZE, 1]);
    const raw = { rows: test.labels.length, cols: SIZE * SIZE, values: test.images };
    const deep = await layerMatrix(trained.net.model, inputs, "gmp");
    inputs.dispose();
    expect([deep.rows, deep.cols]).toEqual([160, 4]);
    const options = { seed: 1, iterations: 300, perplexity: 20 };
    const rawAcc = nearestNeighbourAccuracy(await tsne(raw, options), 2, test.labels);
    const deepAcc = nearestNeighbourAccuracy(await tsne(deep, options), 2, test.labels);
    console.log(`t-SNE 1-NN accuracy: input ${rawAcc.toFixed(3)}, penultimate layer ${deepAcc.toFixed(3)}`);
    expect(deepAcc).toBeGreaterThanOrEqual(0.95);
    expect(deepAcc).toBeGreaterThan(rawAcc + 0.05);
  });
});

describe("optimizeInput", () => {
  it("with the realism penalty, gives an input with less high-frequency energy", async () => {
    const common = { layerName: "conv", unit: 0, steps: 40, learningRate: 0.05, seed: 11 };
    const plain = await optimizeInput(trained.net.model, { ...common, penaltyWeight: 0 });
    const real = await optimizeInput(trained.net.model, { ...common, penaltyWeight: 0.5 });
    expect(plain.shape).toEqual([SIZE, SIZE, 1]);
    expect(plain.objective).toHaveLength(40);
    // Gradient ascent raises the unit.
    expect(plain.objective[39]!).toBeGreaterThan(plain.objective[0]!);
    const hfPlain = highFrequencyEnergy(plain);
    const hfReal = highFrequencyEnergy(real);
    console.log(`high-frequency energy share: no penalty ${hfPlain.toFixed(4)}, penalty 0.5 ${hfReal.toFixed(4)}`);
    expect(hfReal).toBeLessThan(0.8 * hfPlain);
  });

  it("refuses a unit out of range and stops when aborted", async () => {
    await expect(optimizeInput(trained.net.model, { layerName: "conv", unit: 4, steps: 1, learningRate: 0.1, penaltyWeight: 0, seed: 1 })).rejects.toThrow(/Unit 4 is out of range: layer 'conv' has 4 units/);
    const stop = new AbortController();
    const r = await optimizeInput(trained.net.model, { layerName: "out", unit: 1, steps: 50, learningRate: 0.1, penaltyWeight: 0, seed: 1, onProgress: (s) => s === 3 && stop.abort(), signal: stop.signal });
    expect(r.objective).toHaveLength(3);
  });
});
