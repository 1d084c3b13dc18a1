/** A training section's dataset id opened in Node: synthetic sets made here, shipped files read from disk, standard sets downloaded into the cache. */
import { join } from "node:path";
import { loadDataset } from "../../../runtime/data/registry.js";
import type { Dataset } from "../../../runtime/data/types.js";
import { readAssetBytes } from "../data/assets.js";
import { loadStandardDataset } from "../data/standard.js";

export function openDataset(id: string, cacheDir: string): Promise<Dataset> {
  return loadDataset(id, {
    loadBytes: readAssetBytes,
    loadStandard: (standardId) => loadStandardDataset(standardId, { cacheDir: join(cacheDir, "datasets") }),
  });
}
