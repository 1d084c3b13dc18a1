import { describe, expect, it } from "vitest";
import { encodeNpy, npyDataset, parseNpy, parseNpyHeader } from "../../../electron/host/data/npy.js";

const le = (arr: ArrayBufferView) => new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);

describe(".npy reader", () => {
  it("reads float32 with its shape", () => {
    const values = Float32Array.from([1.5, -2, 3.25, 4, 5, 6]);
    const a = parseNpy(encodeNpy("<f4", [2, 3], le(values)));
    expect(a.dtype).toBe("float32");
    expect(a.shape).toEqual([2, 3]);
    expect([...a.data]).toEqual([...values]);
  });

  it("reads uint8 images, bools, int16, float64 and 1-D and 0-D shapes", () => {
    expect(parseNpy(encodeNpy("|u1", [2, 2, 1], Uint8Array.from([0, 255, 7, 9])))).toMatchObject({ dtype: "uint8", shape: [2, 2, 1] });
    expect([...parseNpy(encodeNpy("|b1", [3], Uint8Array.from([1, 0, 1]))).data]).toEqual([1, 0, 1]);
    expect([...parseNpy(encodeNpy("<i2", [2], le(Int16Array.from([-300, 300])))).data]).toEqual([-300, 300]);
    expect([...parseNpy(encodeNpy("<f8", [1], le(Float64Array.from([Math.PI])))).data]).toEqual([Math.PI]);
    expect(parseNpy(encodeNpy("<f4", [], le(Float32Array.from([7]))))).toMatchObject({ shape: [], data: Float32Array.from([7]) });
  });

  it("reads int64 labels (NumPy's default) as int32 and refuses values that do not fit", () => {
    const labels = BigInt64Array.from([0n, 9n, -1n]);
    const a = parseNpy(encodeNpy("<i8", [3], le(labels)));
    expect(a.dtype).toBe("int64");
    expect(a.data).toBeInstanceOf(Int32Array);
    expect([...a.data]).toEqual([0, 9, -1]);
    expect(() => parseNpy(encodeNpy("<i8", [1], le(BigInt64Array.from([1n << 40n]))), "labels.npy")).toThrow(/labels.npy: value 1099511627776 at position 0 does not fit in 32 bits/);
  });

  it("reads big-endian and float16 data", () => {
    const raw = new Uint8Array(8);
    new DataView(raw.buffer).setFloat32(0, 1.25, false);
    new DataView(raw.buffer).setFloat32(4, -8, false);
    expect([...parseNpy(encodeNpy(">f4", [2], raw)).data]).toEqual([1.25, -8]);
    // float16: 0x3c00 = 1, 0xc000 = -2, 0x3555 ≈ 0.333
    const half = parseNpy(encodeNpy("<f2", [3], le(Uint16Array.from([0x3c00, 0xc000, 0x3555])))).data;
    expect(half[0]).toBe(1);
    expect(half[1]).toBe(-2);
    expect(half[2]).toBeCloseTo(1 / 3, 3);
  });

  it("reads format version 2 headers", () => {
    const v1 = encodeNpy("<f4", [1], le(Float32Array.from([2])));
    const headerLen = new DataView(v1.buffer).getUint16(8, true);
    const v2 = new Uint8Array(v1.length + 2);
    v2.set(v1.subarray(0, 8));
    v2[6] = 2;
    new DataView(v2.buffer).setUint32(8, headerLen, true);
    v2.set(v1.subarray(10), 12);
    expect([...parseNpy(v2).data]).toEqual([2]);
  });

  it("refuses Fortran order and says how to save in C order", () => {
    const f = encodeNpy("<f4", [2, 2], le(new Float32Array(4)), true);
    expect(() => parseNpy(f, "x.npy")).toThrow(/x.npy: the array is stored in Fortran \(column-major\) order; save it with np.save\(path, np.ascontiguousarray\(arr\)\)/);
  });

  it("refuses unsupported data types, naming the supported ones", () => {
    expect(() => parseNpy(encodeNpy("<c8", [1], new Uint8Array(8)))).toThrow(/data type '<c8' is not supported \(supported: bool, uint8, .*float64\); convert it with arr.astype\('float32'\)/);
    expect(() => parseNpy(encodeNpy("<U5", [1], new Uint8Array(20)))).toThrow(/data type '<U5' is not supported/);
    expect(() => parseNpyHeader("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }")).toThrow(/structured array/);
  });

  it("refuses data that does not match the shape", () => {
    const full = encodeNpy("<f4", [4], le(new Float32Array(4)));
    expect(() => parseNpy(full.subarray(0, full.length - 4), "t.npy")).toThrow(/t.npy: shape \(4\) of float32 needs 16 bytes of data but the file has 12; it may be truncated/);
    expect(() => parseNpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }")).toThrow(/dimension "x" that is not a whole number/);
    expect(() => parseNpyHeader("{'descr': '<f4', 'fortran_order': False, }")).toThrow(/no 'shape' tuple/);
  });

  it("refuses files that are not .npy and versions it does not know", () => {
    expect(() => parseNpy(new TextEncoder().encode("a,b,c\n1,2,3\n"), "data.csv")).toThrow(/data.csv: not a NumPy .npy file/);
    const v9 = encodeNpy("<f4", [1], new Uint8Array(4));
    v9[6] = 9;
    expect(() => parseNpy(v9)).toThrow(/format version 9.0 is not supported/);
  });
});

describe(".npy datasets", () => {
  it("pair uint8 images with int64 labels as a classification set", () => {
    const x = parseNpy(encodeNpy("|u1", [4, 2, 2, 1], Uint8Array.from({ length: 16 }, (_, i) => i * 16)));
    const y = parseNpy(encodeNpy("<i8", [4], le(BigInt64Array.from([0n, 1n, 2n, 1n]))));
    const ds = npyDataset(x, y, { name: "pair", testFraction: 0.25 });
    expect(ds.inputShape).toEqual([2, 2, 1]);
    expect(ds.target).toMatchObject({ kind: "classes", classes: 3 });
    expect(ds.size("train")).toBe(3);
    const all = ds.gather("train", [0, 1, 2]);
    expect(Math.max(...all.x.data)).toBeLessThanOrEqual(1);
  });

  it("pair float inputs with float targets as regression, and check the counts", () => {
    const x = parseNpy(encodeNpy("<f4", [3, 2], le(new Float32Array(6))));
    const y = parseNpy(encodeNpy("<f4", [3, 2], le(Float32Array.from([1, 2, 3, 4, 5, 6]))));
    expect(npyDataset(x, y).target).toEqual({ kind: "values", shape: [2] });
    const short = parseNpy(encodeNpy("<f4", [2], le(new Float32Array(2))));
    expect(() => npyDataset(x, short, { name: "p" })).toThrow(/p: 3 input samples but 2 targets/);
    const neg = parseNpy(encodeNpy("<i4", [3], le(Int32Array.from([0, -1, 1]))));
    expect(() => npyDataset(x, neg, { name: "p" })).toThrow(/target 1 is -1; class ids must be whole numbers from 0/);
  });
});
