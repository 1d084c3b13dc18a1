/**
 * Dataset ids, as a graph file's training section names them, mapped to their makers.
 *   synthetic:*  made from a seed, instantly, anywhere
 *   shipped:*    files inside runtime/data/shipped/, read through a LoadBytes
 *   standard:*   downloaded and cached by the host (electron/host/data/standard.ts)
 *   user data    image folders, CSV and .npy files are opened by the host (electron/host/data/)
 */
import { loadShippedDigits, loadShippedText, type LoadBytes } from "./shipped.js";
import { STANDARD_IDS, isStandardId, type StandardId } from "./standard.js";
import { gaussianMixture, spirals } from "./synthetic/points.js";
import { copyTask, sineWaves } from "./synthetic/sequences.js";
import { shapes } from "./synthetic/shapes.js";
import { outlines } from "./synthetic/outlines.js";
import { majorityTask, reverseTask } from "./synthetic/tokens.js";
import type { Dataset } from "./types.js";

export const SYNTHETIC_DATASETS = {
  "synthetic:gaussians": () => gaussianMixture(),
  "synthetic:spirals": () => spirals(),
  "synthetic:shapes-32": () => shapes({ size: 32 }),
  "synthetic:shapes-64": () => shapes({ size: 64 }),
  "synthetic:shapes-detect-64": () => shapes({ size: 64, maxObjects: 3 }),
  "synthetic:sine": () => sineWaves(),
  "synthetic:ntm-copy": () => copyTask(),
  "synthetic:outlines-32": () => outlines({ size: 32 }),
  "synthetic:reverse": () => reverseTask(),
  "synthetic:majority": () => majorityTask(),
} as const satisfies Record<string, () => Dataset>;

export const SHIPPED_DATASETS = ["shipped:digits", "shipped:digits-32", "shipped:text"] as const;

export type SyntheticId = keyof typeof SYNTHETIC_DATASETS;
export type DatasetId = SyntheticId | (typeof SHIPPED_DATASETS)[number] | StandardId;

export const DATASET_IDS: readonly DatasetId[] = [...(Object.keys(SYNTHETIC_DATASETS) as SyntheticId[]), ...SHIPPED_DATASETS, ...STANDARD_IDS];

export interface LoadDatasetOptions {
  /** Reads shipped files; defaults to fetch (browser, worker). Node passes the host's file reader. */
  readonly loadBytes?: LoadBytes;
  /** Opens a standard set; only the host can (it downloads and caches). */
  readonly loadStandard?: (id: StandardId) => Promise<Dataset>;
}

function unknownDataset(id: string): Error {
  return new Error(`Unknown dataset "${id}". Known datasets: ${DATASET_IDS.join(", ")}.`);
}

export function isSyntheticId(id: string): id is SyntheticId {
  return Object.hasOwn(SYNTHETIC_DATASETS, id);
}

export async function loadDataset(id: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  if (isSyntheticId(id)) return SYNTHETIC_DATASETS[id]();
  if (id === "shipped:digits") return loadShippedDigits(options.loadBytes);
  if (id === "shipped:digits-32") return loadShippedDigits(options.loadBytes, 2);
  if (id === "shipped:text") return loadShippedText(options.loadBytes);
  if (isStandardId(id)) {
    if (!options.loadStandard) throw new Error(`The dataset "${id}" is downloaded on demand, which only the desktop app or the command line can do; open it there, or use a synthetic or shipped set here.`);
    return options.loadStandard(id);
  }
  throw unknownDataset(id);
}
