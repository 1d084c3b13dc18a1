import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAssetBytes } from "../../../electron/host/data/assets.js";
import { encodeDigits, parseDigits } from "../../../runtime/data/formats/digits.js";
import { DATASET_IDS, loadDataset } from "../../../runtime/data/registry.js";
import { SHIPPED_ASSETS, digitsFromBytes } from "../../../runtime/data/shipped.js";
import { counts, labelsOf } from "./support.js";

describe("shipped digits", () => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(SHIPPED_ASSETS.digits)));

  it("is the file DATA-LICENSE.md describes", () => {
    const license = readFileSync(fileURLToPath(new URL("./DATA-LICENSE.md", SHIPPED_ASSETS.digits)), "utf8");
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(license).toContain(sha);
    expect(license).toMatch(/CC BY-SA 3\.0/);
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
  });

  it("pads to 32×32 for LeNet-5 with each digit centred and the same labels", () => {
    const plain = digitsFromBytes(bytes);
    const padded = digitsFromBytes(bytes, 2);
    expect(padded.id).toBe("shipped:digits-32");
    expect(padded.inputShape).toEqual([32, 32, 1]);
    const a = plain.gather("train", [0, 7]);
    const b = padded.gather("train", [0, 7]);
    expect(Array.from(b.y.data)).toEqual(Array.from(a.y.data));
    for (let i = 0; i < 2; i++) {
      for (let r = 0; r < 32; r++) {
        for (let c = 0; c < 32; c++) {
          const inside = r >= 2 && r < 30 && c >= 2 && c < 30;
          const expected = inside ? a.x.data[i * 784 + (r - 2) * 28 + (c - 2)]! : 0;
          expect(b.x.data[i * 1024 + r * 32 + c]).toBe(expected);
        }
      }
    }
  });

  it("holds 3,000 balanced 28×28 digits that look like handwriting", () => {
    const ds = digitsFromBytes(bytes);
    expect(ds.inputShape).toEqual([28, 28, 1]);
    expect(ds.size("train")).toBe(2500);
    expect(ds.size("test")).toBe(500);
    expect(counts(labelsOf(ds, "train"), 10)).toEqual(new Array(10).fill(250));
    expect(counts(labelsOf(ds, "test"), 10)).toEqual(new Array(10).fill(50));
    const b = ds.gather("train", Array.from({ length: 100 }, (_, i) => i));
    let sum = 0;
    for (const v of b.x.data) sum += v;
    const mean = sum / b.x.data.length;
    // MNIST's mean pixel is about 0.13; a blank or noisy file would be far off.
    expect(mean).toBeGreaterThan(0.09);
    expect(mean).toBeLessThan(0.18);
    // The border is background, the centre has ink.
    let border = 0;
    let centre = 0;
    for (let r = 0; r < 100; r++) {
      for (let i = 0; i < 28; i++) border += b.x.data[r * 784 + i]!;
      centre += b.x.data[r * 784 + 14 * 28 + 14]!;
    }
    expect(border).toBe(0);
    expect(centre / 100).toBeGreaterThan(0.3);
    expect(ds.describe("test", 0)).toMatchObject({ kind: "image", width: 28, height: 28, channels: 1, label: "0" });
  });

  it("loads through the registry with the Node host's reader", async () => {
    const ds = await loadDataset("shipped:digits", { loadBytes: readAssetBytes });
    expect(ds.id).toBe("shipped:digits");
    expect(ds.provenance.license).toMatch(/CC BY-SA 3\.0/);
  });

  it("refuses a file that is not the digits file, or is cut short", () => {
    expect(() => parseDigits(new Uint8Array(20))).toThrow(/expected it to start with "LLD1"/);
    const good = encodeDigits(2, 2, new Uint8Array([1, 2]), new Uint8Array(8));
    expect(parseDigits(good).count).toBe(2);
    expect(() => parseDigits(good.subarray(0, good.length - 1))).toThrow(/header says 2 digits of 2×2 \(22 bytes\) but the file has 21/);
    expect(() => parseDigits(encodeDigits(1, 1, new Uint8Array([12]), new Uint8Array(1)))).toThrow(/label 12/);
  });
});

describe("shipped text", () => {
  it("is about 20 KB of plain English, in windows of characters", async () => {
    const ds = await loadDataset("shipped:text", { loadBytes: readAssetBytes });
    const text = readFileSync(fileURLToPath(SHIPPED_ASSETS.corpus), "utf8");
    expect(text.length).toBeGreaterThan(19_000);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
    expect(ds.inputShape).toEqual([64]);
    expect(ds.size("train")).toBeGreaterThan(2000);
    if (ds.target.kind === "classes") expect(ds.target.classes).toBeLessThan(80);
  });
});

describe("dataset registry", () => {
  it("makes every synthetic set by id", async () => {
    for (const id of DATASET_IDS.filter((d) => d.startsWith("synthetic:"))) {
      const ds = await loadDataset(id);
      expect(ds.id).toBe(id);
      expect(ds.size("train")).toBeGreaterThan(0);
      const [b] = ds.batches("train", { batchSize: 2, seed: 0 });
      expect(b!.x.shape).toEqual([2, ...ds.inputShape]);
    }
  });

  it("names the known ids when one is unknown", async () => {
    await expect(loadDataset("synthetic:shapes-10")).rejects.toThrow(/Unknown dataset "synthetic:shapes-10". Known datasets: synthetic:gaussians, .*standard:cifar10/);
  });

  it("says standard sets need the host", async () => {
    await expect(loadDataset("standard:mnist")).rejects.toThrow(/downloaded on demand, which only the desktop app or the command line can do/);
  });
});
