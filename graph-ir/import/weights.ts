/**
 * Checks the weights manifest of a tfjs model.json against the imported graph, without reading
 * any weights: every entry well formed (names, shapes within limits, known dtypes), every path a
 * plain file name beside model.json (never a path that leaves the folder or a URL), and, per
 * layer, as many values as the imported layer has parameters.
 */
import { MAX_DIM } from "../core/params.js";
import type { ImportIssue } from "./types.js";
import { isObject, type Json } from "./read-config.js";

export const WEIGHT_DTYPES: ReadonlySet<string> = new Set(["float32", "int32", "bool", "float16", "uint8", "int8", "int16", "uint16", "complex64", "string"]);
/** The most values one weight may have (a 2^31-element tensor cannot be allocated anyway). */
const MAX_VALUES = 2 ** 31;
const MAX_WEIGHTS = 200_000;

export interface ManifestWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
}

export interface Manifest {
  readonly paths: readonly string[];
  readonly weights: readonly ManifestWeight[];
}

/**
 * A manifest path may only name a file beside model.json: no folders, no "..", no URL, no drive.
 * tfjs's own writers prefix the name with "./" ("./weights.bin"), which is allowed.
 */
export function isPlainFileName(p: string): boolean {
  const name = plainFileName(p);
  return name.length > 0 && name.length <= 255 && !/[/\\:\u0000]/.test(name) && name !== "." && name !== "..";
}

/** The file name a manifest path stands for: "./weights.bin" -> "weights.bin". */
export function plainFileName(p: string): string {
  return p.startsWith("./") ? p.slice(2) : p;
}

export function readManifest(raw: Json | undefined): { ok: true; manifest: Manifest } | { ok: false; message: string } {
  if (!Array.isArray(raw)) return { ok: false, message: "weightsManifest is not a list of weight groups" };
  const paths: string[] = [];
  const weights: ManifestWeight[] = [];
  for (let g = 0; g < raw.length; g++) {
    const group = raw[g];
    if (!isObject(group) || !Array.isArray(group["paths"]) || !Array.isArray(group["weights"])) {
      return { ok: false, message: `weightsManifest[${g}] needs "paths" and "weights" lists` };
    }
    for (const p of group["paths"]) {
      if (typeof p !== "string" || !isPlainFileName(p)) {
        return { ok: false, message: `weightsManifest[${g}].paths names ${JSON.stringify(p)}; weight files must be plain file names beside model.json (no folders, "..", drives or URLs)` };
      }
      paths.push(p);
    }
    for (let i = 0; i < group["weights"].length; i++) {
      const w = group["weights"][i];
      const where = `weightsManifest[${g}].weights[${i}]`;
      if (!isObject(w) || typeof w["name"] !== "string" || !Array.isArray(w["shape"]) || typeof w["dtype"] !== "string") {
        return { ok: false, message: `${where} needs a name, a shape and a dtype` };
      }
      const shape = w["shape"];
      if (shape.length > 8 || !shape.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 0 && d <= MAX_DIM)) {
        return { ok: false, message: `${where} ("${w["name"].slice(0, 80)}") has the shape ${JSON.stringify(shape).slice(0, 80)}; sizes must be at most 8 whole numbers from 0 to ${MAX_DIM}` };
      }
      const values = (shape as number[]).reduce((a, b) => a * b, 1);
      if (values > MAX_VALUES) return { ok: false, message: `${where} ("${w["name"].slice(0, 80)}") would hold ${values} values, more than any tensor can` };
      if (!WEIGHT_DTYPES.has(w["dtype"])) return { ok: false, message: `${where} has the unknown dtype "${String(w["dtype"]).slice(0, 40)}"` };
      weights.push({ name: w["name"], shape: shape as number[], dtype: w["dtype"] });
      if (weights.length > MAX_WEIGHTS) return { ok: false, message: `weightsManifest lists more than ${MAX_WEIGHTS} weights` };
    }
  }
  return { ok: true, manifest: { paths, weights } };
}

/** The layer a weight belongs to: tfjs names weights "<layer>/<weight>" ("conv1/kernel", "bi/forward_lstm/kernel"). */
export const weightLayer = (name: string): string => name.split("/")[0]!;

/**
 * Per imported layer, the manifest's value count against the layer's parameter count.
 * `layers` maps Keras layer names to the node id and parameter count they became.
 */
export function checkWeights(manifest: Manifest, layers: ReadonlyMap<string, { nodeId: string; params: number }>, notImported: ReadonlySet<string>): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const counts = new Map<string, number>();
  for (const w of manifest.weights) {
    const layer = weightLayer(w.name);
    counts.set(layer, (counts.get(layer) ?? 0) + w.shape.reduce((a, b) => a * b, 1));
  }
  for (const [layer, { nodeId, params }] of layers) {
    const n = counts.get(layer);
    if (params > 0 && n === undefined) {
      issues.push({ code: "weights-missing", severity: "error", layer, nodeId, message: `the weights manifest has no weights for '${layer}', which has ${params} parameters; the graph imports, but the model's trained values for it are missing` });
    } else if (n !== undefined && n !== params) {
      issues.push({ code: "weights-mismatch", severity: "error", layer, nodeId, message: `the weights manifest gives '${layer}' ${n} values, but the imported layer has ${params} parameters` });
    }
  }
  for (const layer of counts.keys()) {
    if (!layers.has(layer) && !notImported.has(layer)) {
      issues.push({ code: "weights-unused", severity: "warning", layer, message: `the weights manifest has weights for '${layer.slice(0, 80)}', which is not a layer of the model` });
    }
  }
  return issues;
}
