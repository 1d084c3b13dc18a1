/**
 * NumPy .npy files (format versions 1-3, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
 * "\x93NUMPY", version bytes, a little-endian header length, then a Python dict literal such as
 * {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 28, 28), } and the raw values.
 * Written here rather than taken from a package: it is small, and the errors must speak plainly.
 */
import { arraysDataset, splitIndices } from "../../../runtime/data/in-memory.js";
import type { Dataset } from "../../../runtime/data/types.js";

export type NpyArrayData = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

export interface NpyArray {
  /** The NumPy dtype name of the file, e.g. "float32", "uint8", "int64", "bool". */
  readonly dtype: string;
  readonly shape: readonly number[];
  /** int64/uint64 arrive as Int32Array/Uint32Array (checked to fit), float16 as Float32Array, bool as Uint8Array. */
  readonly data: NpyArrayData;
}

export class NpyError extends Error {
  override readonly name = "NpyError";
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

interface Header {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
}

/** Reads the header dict; only the three keys NumPy writes are accepted. */
export function parseNpyHeader(text: string, what = ".npy file"): Header {
  const body = text.trim();
  if (!body.startsWith("{") || !body.endsWith("}")) throw new NpyError(`${what}: the header is not a dictionary: ${JSON.stringify(body.slice(0, 80))}.`);
  const descr = /['"]descr['"]\s*:\s*(?:'([^']*)'|"([^"]*)"|(\[))/.exec(body);
  if (!descr) throw new NpyError(`${what}: the header has no 'descr' (the data type).`);
  if (descr[3]) throw new NpyError(`${what}: it holds a structured array (fields with names); save each field as its own plain array.`);
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(body);
  if (!fortran) throw new NpyError(`${what}: the header has no 'fortran_order' True/False.`);
  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(body);
  if (!shapeMatch) throw new NpyError(`${what}: the header has no 'shape' tuple.`);
  const parts = shapeMatch[1]!.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const shape = parts.map((p) => {
    const clean = p.replace(/L$/, ""); // Python 2 wrote 3L
    if (!/^\d+$/.test(clean)) throw new NpyError(`${what}: the shape (${shapeMatch[1]}) has a dimension "${p}" that is not a whole number.`);
    return Number(clean);
  });
  return { descr: descr[1] ?? descr[2]!, fortranOrder: fortran[1] === "True", shape };
}

interface DtypeInfo {
  readonly name: string;
  readonly size: number;
  read(view: DataView, offset: number, little: boolean): number;
  make(n: number): NpyArrayData;
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

const DTYPES: Readonly<Record<string, DtypeInfo>> = {
  b1: { name: "bool", size: 1, read: (v, o) => v.getUint8(o), make: (n) => new Uint8Array(n) },
  u1: { name: "uint8", size: 1, read: (v, o) => v.getUint8(o), make: (n) => new Uint8Array(n) },
  i1: { name: "int8", size: 1, read: (v, o) => v.getInt8(o), make: (n) => new Int8Array(n) },
  u2: { name: "uint16", size: 2, read: (v, o, l) => v.getUint16(o, l), make: (n) => new Uint16Array(n) },
  i2: { name: "int16", size: 2, read: (v, o, l) => v.getInt16(o, l), make: (n) => new Int16Array(n) },
  u4: { name: "uint32", size: 4, read: (v, o, l) => v.getUint32(o, l), make: (n) => new Uint32Array(n) },
  i4: { name: "int32", size: 4, read: (v, o, l) => v.getInt32(o, l), make: (n) => new Int32Array(n) },
  u8: { name: "uint64", size: 8, read: (v, o, l) => Number(v.getBigUint64(o, l)), make: (n) => new Uint32Array(n) },
  i8: { name: "int64", size: 8, read: (v, o, l) => Number(v.getBigInt64(o, l)), make: (n) => new Int32Array(n) },
  f2: { name: "float16", size: 2, read: (v, o, l) => halfToFloat(v.getUint16(o, l)), make: (n) => new Float32Array(n) },
  f4: { name: "float32", size: 4, read: (v, o, l) => v.getFloat32(o, l), make: (n) => new Float32Array(n) },
  f8: { name: "float64", size: 8, read: (v, o, l) => v.getFloat64(o, l), make: (n) => new Float64Array(n) },
};

function dtypeOf(descr: string, what: string): { info: DtypeInfo; little: boolean } {
  const m = /^([<>|=]?)([a-zA-Z]\d+)$/.exec(descr);
  const info = m ? DTYPES[m[2]!] : undefined;
  if (!m || !info) {
    const kinds = Object.values(DTYPES).map((d) => d.name).join(", ");
    throw new NpyError(`${what}: data type '${descr}' is not supported (supported: ${kinds}); convert it with arr.astype('float32') before saving.`);
  }
  return { info, little: m[1] !== ">" };
}

export function parseNpy(bytes: Uint8Array, what = ".npy file"): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new NpyError(`${what}: not a NumPy .npy file (it does not start with \\x93NUMPY).`);
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpyError(`${what}: the file ends inside its header.`);
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new NpyError(`${what}: format version ${major}.${bytes[7]} is not supported (1.0 to 3.0 are).`);
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) throw new NpyError(`${what}: the header claims ${headerLen} bytes but the file ends after ${bytes.length - headerStart}.`);
  const header = parseNpyHeader(new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(headerStart, dataStart)), what);
  if (header.fortranOrder) {
    throw new NpyError(`${what}: the array is stored in Fortran (column-major) order; save it with np.save(path, np.ascontiguousarray(arr)).`);
  }
  const { info, little } = dtypeOf(header.descr, what);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const need = count * info.size;
  const have = bytes.length - dataStart;
  if (have !== need) {
    throw new NpyError(`${what}: shape (${header.shape.join(", ")}) of ${info.name} needs ${need} bytes of data but the file has ${have}${have < need ? "; it may be truncated" : ""}.`);
  }
  const data = info.make(count);
  const wide = info.size === 8 && info.name !== "float64";
  for (let i = 0; i < count; i++) {
    const v = info.read(view, dataStart + i * info.size, little);
    if (wide && (v > 2147483647 || v < (info.name === "uint64" ? 0 : -2147483648))) {
      throw new NpyError(`${what}: value ${v} at position ${i} does not fit in 32 bits; Layerloom reads ${info.name} files whose values fit in int32 (class labels, counts).`);
    }
    data[i] = v;
  }
  return { dtype: info.name, shape: header.shape, data };
}

/** Writes a little-endian, C-order .npy (version 1.0) for tests and exports. */
export function encodeNpy(descr: string, shape: readonly number[], raw: Uint8Array, fortranOrder = false): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${shapeText}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += " ".repeat(pad % 64) + "\n";
  const out = new Uint8Array(10 + header.length + raw.length);
  out.set(MAGIC);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(raw, 10 + header.length);
  return out;
}

export interface NpyDatasetOptions {
  readonly name?: string;
  readonly testFraction?: number;
  readonly seed?: number;
  /** "auto": integer labels of shape [N] are classes, anything else values. */
  readonly task?: "auto" | "classes" | "values";
}

/**
 * A dataset from inputs x [N, ...] and targets y [N] or [N, ...] (as saved from NumPy). uint8
 * inputs are read as pixels (scaled to [0, 1]); class ids must be 0..K-1.
 */
export function npyDataset(x: NpyArray, y: NpyArray, options: NpyDatasetOptions = {}): Dataset {
  const name = options.name ?? "arrays";
  if (x.shape.length < 2) throw new NpyError(`${name}: the inputs have shape (${x.shape.join(", ")}); they need a first dimension for the samples and at least one more.`);
  const n = x.shape[0]!;
  if (y.shape[0] !== n) throw new NpyError(`${name}: ${n} input samples but ${y.shape[0] ?? 0} targets; the first dimensions must match.`);
  const integer = /int|bool/.test(y.dtype);
  const asClasses = options.task === "classes" || (options.task !== "values" && integer && y.shape.length === 1);
  const values = x.data instanceof Uint8Array ? x.data : Float32Array.from(x.data);
  const common = {
    id: `npy:${name}`,
    title: name,
    description: `${n} samples of shape (${x.shape.slice(1).join(", ")}) from .npy files.`,
    provenance: { source: `the user's files ${name}`, license: "the user's own data" },
    sampleShape: x.shape.slice(1),
    values,
    splits: splitIndices(n, options.testFraction ?? 0.2, options.seed ?? 0),
  };
  if (asClasses) {
    const labels = Int32Array.from(y.data);
    const bad = labels.findIndex((v, i) => v < 0 || v !== y.data[i]);
    if (bad >= 0) throw new NpyError(`${name}: target ${bad} is ${y.data[bad]}; class ids must be whole numbers from 0.`);
    const k = labels.reduce((m, v) => Math.max(m, v), 0) + 1;
    return arraysDataset({ ...common, target: { kind: "classes", labels, names: Array.from({ length: k }, (_, i) => String(i)) } });
  }
  return arraysDataset({ ...common, target: { kind: "values", values: Float32Array.from(y.data), shape: y.shape.length > 1 ? y.shape.slice(1) : [1] } });
}
