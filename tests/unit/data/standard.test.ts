import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadStandardDataset } from "../../../electron/host/data/standard.js";
import { readTar } from "../../../electron/host/data/tar.js";
import { CIFAR_RECORD } from "../../../runtime/data/formats/cifar.js";
import { encodeIdx } from "../../../runtime/data/formats/idx.js";
import { STANDARD_SETS, type StandardSet } from "../../../runtime/data/standard.js";
import { serveFiles, type FileServer } from "./http-fixture.js";
import { labelsOf, tempDir } from "./support.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A ustar archive of regular files, enough for the reader under test. */
function tar(files: Record<string, Uint8Array>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [name, data] of Object.entries(files)) {
    const h = new Uint8Array(512);
    h.set(new TextEncoder().encode(name), 0);
    h.set(new TextEncoder().encode(data.length.toString(8).padStart(11, "0")), 124);
    h[156] = "0".charCodeAt(0);
    h.set(new TextEncoder().encode("ustar\x0000"), 257);
    blocks.push(h, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

let server: FileServer;
beforeEach(async () => {
  server = await serveFiles();
});
afterEach(() => server.close());

/** Serves the files and returns the set description pointing at them, checksums included. */
function fakeSet(base: StandardSet, files: Record<string, Uint8Array>): StandardSet {
  for (const [name, bytes] of Object.entries(files)) server.files.set(name, { bytes });
  return { ...base, files: base.files.map((f) => ({ name: f.name, bytes: files[f.name]!.length, sha256: sha(files[f.name]!) })) };
}

describe("standard sets through a local mirror", () => {
  it("MNIST-format files become a dataset with the official train/test split", async () => {
    const img = (n: number, seed: number) => gzipSync(encodeIdx([n, 28, 28], Uint8Array.from({ length: n * 784 }, (_, i) => (i * seed) % 256)));
    const lab = (labels: number[]) => gzipSync(encodeIdx([labels.length], Uint8Array.from(labels)));
    const set = fakeSet(STANDARD_SETS["standard:fashion-mnist"], {
      "train-images-idx3-ubyte.gz": img(6, 3),
      "train-labels-idx1-ubyte.gz": lab([0, 1, 2, 3, 4, 9]),
      "t10k-images-idx3-ubyte.gz": img(2, 5),
      "t10k-labels-idx1-ubyte.gz": lab([7, 8]),
    });
    const ds = await loadStandardDataset("standard:fashion-mnist", { set, baseUrl: server.baseUrl, cacheDir: await tempDir() });
    expect(ds.id).toBe("standard:fashion-mnist");
    expect(ds.inputShape).toEqual([28, 28, 1]);
    expect([ds.size("train"), ds.size("test")]).toEqual([6, 2]);
    expect(labelsOf(ds, "test")).toEqual([7, 8]);
    expect(ds.describe("train", 5)).toMatchObject({ kind: "image", label: "Ankle boot" });
    expect(ds.gather("train", [1]).x.data[1]).toBeCloseTo(((784 + 1) * 3) % 256 / 255, 6);
  });

  it("refuses MNIST files whose shapes disagree", async () => {
    const set = fakeSet(STANDARD_SETS["standard:mnist"], {
      "train-images-idx3-ubyte.gz": gzipSync(encodeIdx([2, 28, 28], new Uint8Array(2 * 784))),
      "train-labels-idx1-ubyte.gz": gzipSync(encodeIdx([3], new Uint8Array(3))),
      "t10k-images-idx3-ubyte.gz": gzipSync(encodeIdx([1, 28, 28], new Uint8Array(784))),
      "t10k-labels-idx1-ubyte.gz": gzipSync(encodeIdx([1], new Uint8Array(1))),
    });
    await expect(loadStandardDataset("standard:mnist", { set, baseUrl: server.baseUrl, cacheDir: await tempDir() })).rejects.toThrow(/MNIST: 2 train images but 3 labels/);
  });

  it("CIFAR-10's binary archive becomes 32×32 colour images, five train batches then the test batch", async () => {
    const batch = (labels: number[]) => {
      const b = new Uint8Array(labels.length * CIFAR_RECORD);
      labels.forEach((l, r) => {
        b[r * CIFAR_RECORD] = l;
        b[r * CIFAR_RECORD + 1] = 10 * (l + 1); // red of the first pixel
      });
      return b;
    };
    const files: Record<string, Uint8Array> = { "cifar-10-batches-bin/batches.meta.txt": new TextEncoder().encode("airplane\n") };
    for (let i = 1; i <= 5; i++) files[`cifar-10-batches-bin/data_batch_${i}.bin`] = batch([i, i]);
    files["cifar-10-batches-bin/test_batch.bin"] = batch([0, 9, 3]);
    const archive = gzipSync(tar(files));
    const set = fakeSet(STANDARD_SETS["standard:cifar10"], { "cifar-10-binary.tar.gz": archive });
    const ds = await loadStandardDataset("standard:cifar10", { set, baseUrl: server.baseUrl, cacheDir: await tempDir() });
    expect(ds.inputShape).toEqual([32, 32, 3]);
    expect([ds.size("train"), ds.size("test")]).toEqual([10, 3]);
    expect(labelsOf(ds, "train")).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(labelsOf(ds, "test")).toEqual([0, 9, 3]);
    const first = ds.gather("test", [1]).x.data;
    expect([...first.subarray(0, 3)].map((v) => Math.round(v * 255))).toEqual([100, 0, 0]);
    expect(ds.describe("test", 1)).toMatchObject({ label: "truck" });
  });

  it("says which batch is missing from a wrong archive", async () => {
    const set = fakeSet(STANDARD_SETS["standard:cifar10"], { "cifar-10-binary.tar.gz": gzipSync(tar({ "readme.txt": new Uint8Array(3) })) });
    await expect(loadStandardDataset("standard:cifar10", { set, baseUrl: server.baseUrl, cacheDir: await tempDir() })).rejects.toThrow(/the archive has no data_batch_1.bin; it is not the CIFAR-10 binary version/);
  });
});

describe("tar reader", () => {
  it("reads names and contents, and notices a truncated archive", () => {
    const t = tar({ "a/b.txt": new TextEncoder().encode("hello"), "c.bin": new Uint8Array(600).fill(1) });
    const entries = readTar(t);
    expect(entries.map((e) => [e.name, e.data.length])).toEqual([["a/b.txt", 5], ["c.bin", 600]]);
    expect(new TextDecoder().decode(entries[0]!.data)).toBe("hello");
    expect(() => readTar(t.subarray(0, 1700), "x.tar")).toThrow(/x.tar: "c.bin" claims 600 bytes but the archive ends first/);
    expect(() => readTar(t.subarray(0, 1100), "x.tar")).toThrow(/x.tar: the archive ends inside a file header/);
  });
});
