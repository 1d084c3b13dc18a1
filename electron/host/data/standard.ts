/**
 * Opens a standard set (MNIST, Fashion-MNIST, CIFAR-10): downloads its files into the cache once
 * (checked by SHA-256), unpacks them in memory and returns a Dataset. Tests pass a local base URL
 * and a small manifest of fake files; the app passes its cache folder.
 */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { parseCifarBatch } from "../../../runtime/data/formats/cifar.js";
import { parseIdx } from "../../../runtime/data/formats/idx.js";
import { arraysDataset, rangeSplits } from "../../../runtime/data/in-memory.js";
import { STANDARD_SETS, type StandardId, type StandardSet } from "../../../runtime/data/standard.js";
import type { Dataset } from "../../../runtime/data/types.js";
import { ensureFiles, type DownloadOptions } from "./download.js";
import { readTar } from "./tar.js";

export interface StandardLoadOptions extends Omit<DownloadOptions, "baseUrl"> {
  /** A mirror or a test server instead of the set's own address. */
  readonly baseUrl?: string;
  /** Replaces the built-in description (tests use small fake files with their own checksums). */
  readonly set?: StandardSet;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function gunzipFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(gunzipSync(await readFile(path)));
  } catch (e) {
    throw new Error(`${path}: could not be decompressed (${e instanceof Error ? e.message : String(e)}).`);
  }
}

async function loadIdxSet(set: StandardSet, paths: Record<string, string>): Promise<Dataset> {
  const read = async (name: string) => parseIdx(await gunzipFile(paths[name]!), name);
  const [trainX, trainY, testX, testY] = await Promise.all(set.files.map((f) => read(f.name)));
  const [h, w, c] = set.imageShape;
  for (const [x, y, split] of [[trainX!, trainY!, "train"], [testX!, testY!, "test"]] as const) {
    if (x.shape.length !== 3 || x.shape[1] !== h || x.shape[2] !== w) throw new Error(`${set.title}: ${split} images have shape [${x.shape.join(", ")}], expected [N, ${h}, ${w}].`);
    if (y.shape[0] !== x.shape[0]) throw new Error(`${set.title}: ${x.shape[0]} ${split} images but ${y.shape[0]} labels.`);
  }
  const nTrain = trainX!.shape[0]!;
  const n = nTrain + testX!.shape[0]!;
  return arraysDataset({
    id: set.id,
    title: set.title,
    description: set.description,
    provenance: set.provenance,
    sampleShape: [h, w, c],
    values: concat([trainX!.data, testX!.data]),
    target: { kind: "classes", labels: concat([trainY!.data, testY!.data]), names: set.classNames },
    splits: rangeSplits(n, nTrain),
  });
}

async function loadCifar10(set: StandardSet, paths: Record<string, string>): Promise<Dataset> {
  const entries = readTar(await gunzipFile(paths[set.files[0]!.name]!), set.files[0]!.name);
  const byBase = new Map(entries.map((e) => [e.name.split("/").pop()!, e.data]));
  const batch = (name: string) => {
    const data = byBase.get(name);
    if (!data) throw new Error(`${set.title}: the archive has no ${name}; it is not the CIFAR-10 binary version.`);
    return parseCifarBatch(data, name);
  };
  const train = [1, 2, 3, 4, 5].map((i) => batch(`data_batch_${i}.bin`));
  const test = batch("test_batch.bin");
  const nTrain = train.reduce((n, b) => n + b.labels.length, 0);
  return arraysDataset({
    id: set.id,
    title: set.title,
    description: set.description,
    provenance: set.provenance,
    sampleShape: [...set.imageShape],
    values: concat([...train.map((b) => b.pixels), test.pixels]),
    target: { kind: "classes", labels: concat([...train.map((b) => b.labels), test.labels]), names: set.classNames },
    splits: rangeSplits(nTrain + test.labels.length, nTrain),
  });
}

export async function loadStandardDataset(id: StandardId, options: StandardLoadOptions): Promise<Dataset> {
  const set = options.set ?? STANDARD_SETS[id];
  const paths = await ensureFiles(set.files, { ...options, baseUrl: options.baseUrl ?? set.baseUrl });
  return set.format === "idx-gz" ? loadIdxSet(set, paths) : loadCifar10(set, paths);
}
