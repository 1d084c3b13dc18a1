/**
 * runtime/sample: the sampler each kind of document gets, and what each draws. A PixelCNN trained
 * on constant-row images samples constant rows (an untrained one does not); a character model
 * continues its prompt; a GAN generator maps seeded noise (and cycled labels) to samples; the
 * same seed always gives the same samples.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { textDataset } from "../../../runtime/data/synthetic/text.js";
import { materializeNetwork, type MaterializedNetwork } from "../../../runtime/materialize/materialize.js";
import { imageGrid, sample, samplerFor, SampleError, type SampledImage } from "../../../runtime/sample/index.js";
import { graph } from "../../support/docs.js";
import { arrays, tf, trainDoc } from "../train/support.js";
import { cbowDoc, charDoc, pixelDoc, rowsDataset } from "./docs.js";

const fixture = (name: string): GraphDocument => {
  const r = parseGraphFile(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(name);
  return r.doc;
};
const nets = (...list: MaterializedNetwork[]) => new Map(list.map((n) => [n.id, n]));

/** Share of pixels equal to the pixel on their left: 1 for constant rows, about 0.5 for noise. */
function rowConstancy(images: readonly SampledImage[]): number {
  let same = 0, total = 0;
  for (const img of images) {
    for (let r = 0; r < img.height; r++) {
      for (let s = 1; s < img.width; s++, total++) if (img.pixels[r * img.width + s] === img.pixels[r * img.width + s - 1]) same++;
    }
  }
  return same / total;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("samplerFor", () => {
  it("picks the sampler from the training section", () => {
    expect(samplerFor(pixelDoc())).toMatchObject({ kind: "pixels", network: "net" });
    expect(samplerFor(cbowDoc(32))).toMatchObject({ kind: "neighbours", network: "cbow" });
    expect(samplerFor(fixture("toy-gan.layerloom.json"))).toMatchObject({ kind: "generator", network: "G" });
    expect(samplerFor(charDoc(56, 64))).toMatchObject({ kind: "text", network: "net" });
  });

  it("says why a classifier or a graph without training has nothing to sample", () => {
    const lenet = samplerFor(fixture("lenet5.layerloom.json"));
    expect(lenet.kind === "none" && lenet.reason).toMatch(/trains with the supervised recipe, which makes predictions, not samples\. Sampling works for/);
    const bare = samplerFor(graph("Bare").node("x", "Input", { shape: [2] }).layer("y", "Dense", { units: 1 }, "x").network("net", ["x"], ["y"]).build());
    expect(bare.kind === "none" && bare.reason).toMatch(/"Bare" has no training section/);
  });
});

describe("pixel by pixel", () => {
  let trained: MaterializedNetwork;
  let dispose: () => void;
  beforeAll(async () => {
    const run = await trainDoc(pixelDoc(), rowsDataset(64, 6), { seed: 3 });
    trained = run.session.networks[0]!;
    dispose = () => run.session.dispose();
  });

  it("a trained model draws constant rows, an untrained one noise; the same seed repeats exactly", async () => {
    const calls: number[] = [];
    const a = await sample(pixelDoc(), nets(trained), { count: 12, seed: 1, onProgress: (done, total) => calls.push(done / total) });
    if (a.kind !== "images") throw new Error(a.kind);
    expect(calls.length).toBe(36);
    expect(calls.at(-1)).toBe(1);
    expect(a.images.length).toBe(12);
    expect(a.images.every((img) => img.width === 6 && img.height === 6 && img.channels === 1 && img.pixels.every((v) => v === 0 || v === 255))).toBe(true);
    const b = await sample(pixelDoc(), nets(trained), { count: 12, seed: 1 });
    const c = await sample(pixelDoc(), nets(trained), { count: 12, seed: 2 });
    if (b.kind !== "images" || c.kind !== "images") throw new Error("not images");
    expect(b.images.map((i) => Array.from(i.pixels))).toEqual(a.images.map((i) => Array.from(i.pixels)));
    expect(c.images.map((i) => Array.from(i.pixels))).not.toEqual(a.images.map((i) => Array.from(i.pixels)));

    const fresh = await materializeNetwork(pixelDoc(), "net", { seed: 3 });
    const u = await sample(pixelDoc(), nets(fresh), { count: 12, seed: 1 });
    fresh.model.dispose();
    if (u.kind !== "images") throw new Error(u.kind);
    const [trainedRows, untrainedRows] = [rowConstancy(a.images), rowConstancy(u.images)];
    console.log(`PixelCNN samples: rows constant ${(trainedRows * 100).toFixed(0)}% trained, ${(untrainedRows * 100).toFixed(0)}% untrained`);
    expect(trainedRows).toBeGreaterThan(0.9);
    expect(untrainedRows).toBeLessThan(0.8);
    dispose();
  });
});

describe("text", () => {
  const abc = textDataset("abc".repeat(300), { steps: 12, stride: 3, id: "test:abc" });

  it("continues the prompt as the trained model learned; untrained it wanders", async () => {
    const doc = charDoc(3, 12, "test:abc");
    const run = await trainDoc({ ...doc, training: { ...doc.training!, epochs: 3 } }, abc, { seed: 1 });
    const r = await sample(doc, nets(run.session.networks[0]!), { prompt: "ab", length: 40, temperature: 0.5, dataset: async () => abc });
    run.session.dispose();
    if (r.kind !== "text") throw new Error(r.kind);
    expect(r.prompt).toBe("ab");
    expect(r.text.length).toBe(40);
    expect(r.text).toBe("cab".repeat(14).slice(0, 40));
    const fresh = await materializeNetwork(doc, "net", { seed: 1 });
    const u = await sample(doc, nets(fresh), { prompt: "ab", length: 40, dataset: async () => abc });
    if (u.kind !== "text") throw new Error(u.kind);
    expect(u.text).not.toBe(r.text);
    await expect(sample(doc, nets(fresh), { prompt: "abz", dataset: async () => abc })).rejects.toThrow(/The prompt has "z", which is not among the 3 characters of test:abc/);
    await expect(sample(doc, nets(fresh), { prompt: "a" })).rejects.toThrow(/needs its training dataset/);
    fresh.model.dispose();
  });
});

describe("generators", () => {
  it("maps seeded noise through the toy GAN's generator G: points, repeatable by seed", async () => {
    const doc = fixture("toy-gan.layerloom.json");
    const g = await materializeNetwork(doc, "G", { seed: 1 });
    const draw = (seed: number) => sample(doc, nets(g), { count: 5, seed });
    const [a, b, c] = [await draw(1), await draw(1), await draw(2)];
    g.model.dispose();
    if (a.kind !== "points" || b.kind !== "points" || c.kind !== "points") throw new Error("not points");
    expect(a.points.length).toBe(5);
    expect(a.points.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
    expect(b.points).toEqual(a.points);
    expect(c.points).not.toEqual(a.points);
  });

  it("gives a conditional generator's label input every class in turn", async () => {
    const doc = graph("cGAN")
      .node("z", "LatentInput", { dim: 4, distribution: "uniform" })
      .node("label", "Input", { shape: [3] })
      .node("join", "Concatenate", { inputs: 2 })
      .edge("z", ["join", "in0"]).edge("label", ["join", "in1"])
      .layer("pixels", "Dense", { units: 36, activation: "tanh" }, "join")
      .layer("image", "Reshape", { targetShape: [6, 6, 1] }, "pixels")
      .network("G", ["z", "label"], ["image"])
      .training({ recipe: "conditional-gan", networks: { generator: "G", discriminator: "G" }, dataset: "test:three" })
      .build();
    const three = arrays("test:three", [2], new Float32Array(6), [0, 1, 2], 3);
    const g = await materializeNetwork(doc, "G", { seed: 1 });
    const r = await sample(doc, nets(g), { count: 7, dataset: async () => three });
    g.model.dispose();
    if (r.kind !== "images") throw new Error(r.kind);
    expect(r.images.map((i) => i.label)).toEqual(["c0", "c1", "c2", "c0", "c1", "c2", "c0"]);
    // tanh outputs are mapped from [-1, 1]: an untrained layer's small outputs sit near mid grey.
    const mean = r.images.flatMap((i) => Array.from(i.pixels)).reduce((s, v) => s + v, 0) / (7 * 36);
    expect(mean).toBeGreaterThan(90);
    expect(mean).toBeLessThan(165);
  });
});

describe("image generators", () => {
  const images = (n: number) => arrays("test:images", [4, 4, 1], Float32Array.from({ length: n * 16 }, (_, i) => (i % 16) / 15), Array.from({ length: n }, () => 0), 1);

  it("translates the dataset's images with a pix2pix generator, in order", async () => {
    const doc = graph("pix2pix")
      .node("source", "Input", { shape: [4, 4, 1] })
      .layer("image", "Conv2D", { filters: 1, kernelSize: [1, 1], activation: "sigmoid" }, "source")
      .network("G", ["source"], ["image"])
      .training({ recipe: "pix2pix", networks: { generator: "G", discriminator: "G" }, dataset: "test:images" })
      .build();
    const g = await materializeNetwork(doc, "G", { seed: 1 });
    const data = images(3);
    const r = await sample(doc, nets(g), { count: 4, dataset: async () => data });
    await expect(sample(doc, nets(g), { count: 1 })).rejects.toThrow(/sampling translates the training dataset's test images, and none was given/);
    g.model.dispose();
    if (r.kind !== "images") throw new Error(r.kind);
    expect(r.note).toMatch(/translating train images 1 to 3 of test:images/);
    expect(r.images.length).toBe(4);
    // The same source (sample 0 comes round again as the fourth) gives the same image.
    expect(Array.from(r.images[3]!.pixels)).toEqual(Array.from(r.images[0]!.pixels));
  });

  it("draws a flat output the size of the dataset's images as images", async () => {
    const doc = graph("flat")
      .node("z", "LatentInput", { dim: 3 })
      .layer("image", "Dense", { units: 16, activation: "sigmoid" }, "z")
      .network("G", ["z"], ["image"])
      .training({ recipe: "gan", networks: { generator: "G", discriminator: "G" }, dataset: "test:images" })
      .build();
    const g = await materializeNetwork(doc, "G", { seed: 1 });
    const r = await sample(doc, nets(g), { count: 2, dataset: async () => images(2) });
    const p = await sample(doc, nets(g), { count: 2 });
    g.model.dispose();
    expect(r.kind === "images" && r.images.map((i) => [i.width, i.height, i.channels])).toEqual([[4, 4, 1], [4, 4, 1]]);
    expect(p.kind === "points" && p.points.map((x) => x.length)).toEqual([16, 16]);
  });
});

describe("sample()", () => {
  it("refuses a document with nothing to sample with the reason", async () => {
    await expect(sample(fixture("lenet5.layerloom.json"), new Map())).rejects.toThrow(SampleError);
    await expect(sample(fixture("lenet5.layerloom.json"), new Map())).rejects.toThrow(/makes predictions, not samples/);
  });

  it("imageGrid lays images out in rows with a grey gap, scaled by nearest neighbour", () => {
    const img = (v: number): SampledImage => ({ width: 2, height: 1, channels: 1, pixels: new Uint8ClampedArray([v, v + 1]) });
    const g = imageGrid([img(10), img(20), img(30)], { columns: 2, gap: 1, scale: 2 });
    expect([g.width, g.height]).toEqual([2 * 4 + 3, 2 * 2 + 3]);
    const at = (x: number, y: number) => Array.from(g.data.subarray((y * g.width + x) * 4, (y * g.width + x) * 4 + 4));
    expect(at(0, 0)).toEqual([128, 128, 128, 255]);
    expect(at(1, 1)).toEqual([10, 10, 10, 255]);
    expect(at(3, 2)).toEqual([11, 11, 11, 255]);
    expect(at(6, 1)).toEqual([20, 20, 20, 255]);
    expect(at(1, 4)).toEqual([30, 30, 30, 255]);
  });
});
