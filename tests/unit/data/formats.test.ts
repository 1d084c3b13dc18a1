import { describe, expect, it } from "vitest";
import { CIFAR_RECORD, parseCifarBatch } from "../../../runtime/data/formats/cifar.js";
import { encodeIdx, parseIdx } from "../../../runtime/data/formats/idx.js";
import { STANDARD_IDS, STANDARD_SETS } from "../../../runtime/data/standard.js";

describe("IDX", () => {
  it("round-trips shape and bytes", () => {
    const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
    const parsed = parseIdx(encodeIdx([2, 3, 4], data));
    expect(parsed.shape).toEqual([2, 3, 4]);
    expect([...parsed.data]).toEqual([...data]);
  });

  it("explains gzip input, other value types and short files", () => {
    expect(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0]))).toThrow(/still gzip-compressed/);
    expect(() => parseIdx(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]))).toThrow(/value type 0xd is not supported/);
    const whole = encodeIdx([10], new Uint8Array(10));
    expect(() => parseIdx(whole.subarray(0, 12))).toThrow(/needs 10 values but the file holds 4; the download may be incomplete/);
  });
});

describe("CIFAR-10 batches", () => {
  it("turn colour planes into channels-last pixels", () => {
    const rec = new Uint8Array(2 * CIFAR_RECORD);
    rec[0] = 3;
    rec[1 + 5] = 10; // red of pixel 5
    rec[1 + 1024 + 5] = 20; // green
    rec[1 + 2048 + 5] = 30; // blue
    rec[CIFAR_RECORD] = 9;
    const b = parseCifarBatch(rec);
    expect([...b.labels]).toEqual([3, 9]);
    expect([...b.pixels.subarray(15, 18)]).toEqual([10, 20, 30]);
    expect(b.pixels.length).toBe(2 * 3072);
  });

  it("refuse partial records and impossible labels", () => {
    expect(() => parseCifarBatch(new Uint8Array(CIFAR_RECORD + 1))).toThrow(/not a whole number of 3073-byte records/);
    const bad = new Uint8Array(CIFAR_RECORD);
    bad[0] = 10;
    expect(() => parseCifarBatch(bad)).toThrow(/record 0 has label 10/);
  });
});

describe("standard set catalogue", () => {
  it("gives every file a size and a SHA-256, and every set ten class names", () => {
    for (const id of STANDARD_IDS) {
      const set = STANDARD_SETS[id];
      expect(set.baseUrl).toMatch(/^https?:\/\/.+\/$/);
      expect(set.classNames).toHaveLength(10);
      for (const f of set.files) {
        expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(f.bytes).toBeGreaterThan(1000);
      }
    }
    expect(STANDARD_SETS["standard:cifar10"].files[0]!.name).toBe("cifar-10-binary.tar.gz");
  });
});
