/**
 * The IDX format MNIST and Fashion-MNIST ship in (LeCun's page): a big-endian header of
 * two zero bytes, a type code, the rank, one uint32 per dimension, then the raw values.
 * Only unsigned bytes (0x08) occur in those sets, and only they are accepted here.
 */

export interface IdxArray {
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array, what = "IDX file"): IdxArray {
  if (bytes.length < 4) throw new Error(`${what}: only ${bytes.length} bytes; an IDX file starts with a 4-byte header.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${what}: not an IDX file (the first two bytes must be zero). Was it still gzip-compressed?`);
  const type = bytes[2]!;
  if (type !== 0x08) throw new Error(`${what}: value type 0x${type.toString(16)} is not supported; only unsigned bytes (0x08) are.`);
  const rank = bytes[3]!;
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) throw new Error(`${what}: the header names ${rank} dimensions but the file ends after ${bytes.length} bytes.`);
  const shape: number[] = [];
  for (let d = 0; d < rank; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - headerSize !== count) {
    throw new Error(`${what}: shape [${shape.join(", ")}] needs ${count} values but the file holds ${bytes.length - headerSize}; the download may be incomplete.`);
  }
  return { shape, data: bytes.subarray(headerSize) };
}

/** Writes an IDX file of unsigned bytes (used by tests and fixtures). */
export function encodeIdx(shape: readonly number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * shape.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = shape.length;
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * shape.length);
  return out;
}
