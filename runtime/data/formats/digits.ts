/**
 * The shipped digits file (runtime/data/shipped/digits.bin, made by scripts/make-digits.mjs):
 *   bytes 0..3   "LLD1"
 *   bytes 4..7   sample count N, uint32 little-endian
 *   byte  8, 9   rows, columns
 *   bytes 10..11 zero
 *   N label bytes (0..9), then N·rows·columns pixel bytes (0 = background, 255 = ink), row-major.
 */

export const DIGITS_MAGIC = "LLD1";

export interface DigitsFile {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

export function parseDigits(bytes: Uint8Array): DigitsFile {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== DIGITS_MAGIC) throw new Error(`Digits file: expected it to start with "${DIGITS_MAGIC}" but found ${JSON.stringify(magic)}; the asset is not the shipped digits file.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = bytes[8]!;
  const cols = bytes[9]!;
  const expected = 12 + count + count * rows * cols;
  if (bytes.length !== expected) throw new Error(`Digits file: header says ${count} digits of ${rows}×${cols} (${expected} bytes) but the file has ${bytes.length} bytes.`);
  const labels = bytes.subarray(12, 12 + count);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new Error(`Digits file: digit ${bad} has label ${labels[bad]}; labels must be 0..9.`);
  return { count, rows, cols, labels, pixels: bytes.subarray(12 + count) };
}

export function encodeDigits(rows: number, cols: number, labels: Uint8Array, pixels: Uint8Array): Uint8Array {
  const count = labels.length;
  const out = new Uint8Array(12 + count + pixels.length);
  out.set([0x4c, 0x4c, 0x44, 0x31]);
  new DataView(out.buffer).setUint32(4, count, true);
  out[8] = rows;
  out[9] = cols;
  out.set(labels, 12);
  out.set(pixels, 12 + count);
  return out;
}
