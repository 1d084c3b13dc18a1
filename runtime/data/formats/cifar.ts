/**
 * CIFAR-10's binary version: records of one label byte and 3,072 pixel bytes, stored as three
 * 32×32 planes (red, green, blue). We turn planes into channels-last pixels as tfjs expects.
 */

export const CIFAR_RECORD = 1 + 32 * 32 * 3;

export interface CifarBatch {
  readonly labels: Uint8Array;
  /** [count, 32, 32, 3], channels last. */
  readonly pixels: Uint8Array;
}

export function parseCifarBatch(bytes: Uint8Array, what = "CIFAR-10 batch"): CifarBatch {
  if (bytes.length === 0 || bytes.length % CIFAR_RECORD !== 0) {
    throw new Error(`${what}: ${bytes.length} bytes is not a whole number of ${CIFAR_RECORD}-byte records; the file may be truncated.`);
  }
  const count = bytes.length / CIFAR_RECORD;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 3072);
  for (let r = 0; r < count; r++) {
    const rec = r * CIFAR_RECORD;
    const label = bytes[rec]!;
    if (label > 9) throw new Error(`${what}: record ${r} has label ${label}; CIFAR-10 labels are 0..9.`);
    labels[r] = label;
    const out = r * 3072;
    for (let p = 0; p < 1024; p++) {
      pixels[out + p * 3] = bytes[rec + 1 + p]!;
      pixels[out + p * 3 + 1] = bytes[rec + 1 + 1024 + p]!;
      pixels[out + p * 3 + 2] = bytes[rec + 1 + 2048 + p]!;
    }
  }
  return { labels, pixels };
}
