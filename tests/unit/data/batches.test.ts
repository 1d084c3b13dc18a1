import { describe, expect, it } from "vitest";
import { hashSeed, Rng, shuffledIndices } from "../../../runtime/data/rng.js";
import { gaussianMixture } from "../../../runtime/data/synthetic/points.js";
import { shapes } from "../../../runtime/data/synthetic/shapes.js";
import { allBatches } from "./support.js";

describe("seeded randomness", () => {
  it("gives the same stream for the same seed and a different one for another", () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it("separates the parts it hashes", () => {
    expect(hashSeed("ab", "c")).not.toBe(hashSeed("a", "bc"));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1));
    expect(hashSeed("x", 3)).toBe(hashSeed("x", 3));
  });

  it("draws normals with mean 0 and variance 1", () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("shuffles into a permutation", () => {
    const p = shuffledIndices(1000, 5);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

describe("batches", () => {
  const ds = gaussianMixture({ trainSize: 103, testSize: 20 });

  it("are identical for the same seed and epoch", () => {
    const a = allBatches(ds, "train", 16, 42);
    const b = allBatches(ds, "train", 16, 42);
    expect(a.map((x) => [...x.indices])).toEqual(b.map((x) => [...x.indices]));
    expect(a.map((x) => [...x.x.data])).toEqual(b.map((x) => [...x.x.data]));
  });

  it("change order with the seed and the epoch, never the samples themselves", () => {
    const a = [...ds.batches("train", { batchSize: 103, seed: 1 })][0]!;
    const b = [...ds.batches("train", { batchSize: 103, seed: 2 })][0]!;
    const c = [...ds.batches("train", { batchSize: 103, seed: 1, epoch: 1 })][0]!;
    expect([...a.indices]).not.toEqual([...b.indices]);
    expect([...a.indices]).not.toEqual([...c.indices]);
    // Sample i is the same wherever it lands.
    const rowOf = (batch: typeof a, i: number) => [...batch.x.data.subarray(batch.indices.indexOf(i) * 2, batch.indices.indexOf(i) * 2 + 2)];
    expect(rowOf(a, 17)).toEqual(rowOf(b, 17));
  });

  it("cover every sample once per epoch, with a smaller last batch unless dropped", () => {
    const kept = allBatches(ds, "train", 16);
    expect(kept.map((b) => b.size)).toEqual([16, 16, 16, 16, 16, 16, 7]);
    expect(kept.flatMap((b) => [...b.indices]).sort((x, y) => x - y)).toEqual(Array.from({ length: 103 }, (_, i) => i));
    const dropped = [...ds.batches("train", { batchSize: 16, seed: 1, dropRemainder: true })];
    expect(dropped.map((b) => b.size)).toEqual([16, 16, 16, 16, 16, 16]);
    expect(kept[0]!.x.shape).toEqual([16, 2]);
    expect(kept[6]!.y.shape).toEqual([7]);
  });

  it("keep test order unless asked to shuffle", () => {
    const test = allBatches(ds, "test", 8);
    expect(test.flatMap((b) => [...b.indices])).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("refuse a bad batch size and name a missing sample", () => {
    expect(() => [...ds.batches("train", { batchSize: 0, seed: 1 })]).toThrow(/batch size must be a whole number/);
    expect(() => ds.describe("test", 20)).toThrow(/sample 20 does not exist in the test split \(it has 20 samples/);
  });

  it("carry extras beside x and y", () => {
    const s = shapes({ trainSize: 10, testSize: 2 });
    const [b] = allBatches(s, "train", 4);
    expect(Object.keys(b!.extras).sort()).toEqual(["boxClasses", "boxes"]);
    expect(b!.extras.boxes!.shape).toEqual([4, 1, 4]);
    expect(b!.extras.boxClasses!.dtype).toBe("int32");
  });
});
