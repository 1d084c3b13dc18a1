/**
 * A network, trained or not, as tfjs's standard files: model.json (topology and weights
 * manifest) and one binary weights file beside it, exactly as tf.io's browser download and file
 * handlers write them, so `tf.loadLayersModel("file://.../model.json")` (with the custom layers
 * registered) or Layerloom's import reads them back. Pure data in and out: writing the files is
 * the host's job (the CLI, the desktop app), since the runtime also runs in a browser worker.
 *
 * Loading goes the other way with every check first: the import's hostile-file checks on
 * model.json, manifest paths confined to plain file names, each file present and of the size
 * the manifest promises, and only then tfjs.
 */
import { importModelJson } from "../../graph-ir/import/model-json.js";
import type { ImportErrorCode } from "../../graph-ir/import/types.js";
import { plainFileName, readManifest } from "../../graph-ir/import/weights.js";
import * as tf from "../tf.js";
import "../layers/index.js";

export const WEIGHTS_FILE = "weights.bin";

export interface ModelFiles {
  /** model.json's text. */
  readonly modelJson: string;
  /** The weight files model.json names, by file name (one, WEIGHTS_FILE, unless asked otherwise). */
  readonly weights: ReadonlyMap<string, Uint8Array>;
}

/** model.json and weights for a model, in tfjs's layers-model format. */
export async function modelFiles(model: tf.LayersModel, options: { readonly weightsFile?: string } = {}): Promise<ModelFiles> {
  const weightsFile = options.weightsFile ?? WEIGHTS_FILE;
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    captured = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
  }));
  if (!captured) throw new Error("tfjs did not hand over the model's artifacts");
  const data = captured.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(captured.weightData);
  const json: Record<string, unknown> = {
    format: captured.format ?? "layers-model",
    generatedBy: captured.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: captured.convertedBy ?? null,
    modelTopology: captured.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: captured.weightSpecs ?? [] }],
  };
  if (captured.trainingConfig) json["trainingConfig"] = captured.trainingConfig;
  return { modelJson: JSON.stringify(json), weights: new Map([[weightsFile, new Uint8Array(data)]]) };
}

export type LoadErrorCode = ImportErrorCode | "unsupported-layers" | "weights-invalid" | "weights-missing" | "weights-size" | "load-failed";

export type LoadResult =
  | { readonly ok: true; readonly model: tf.LayersModel }
  | { readonly ok: false; readonly error: { readonly code: LoadErrorCode; readonly message: string } };

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, float16: 2, uint8: 1, int8: 1, uint16: 2, int16: 2, complex64: 8 };

/**
 * Loads model.json and its weight files (by file name: "weights.bin" also answers for the
 * manifest's "./weights.bin"), refusing anything broken or hostile with a typed error.
 */
export async function loadModelFiles(modelJson: string, files: ReadonlyMap<string, Uint8Array>): Promise<LoadResult> {
  const err = (code: LoadErrorCode, message: string): LoadResult => ({ ok: false, error: { code, message } });
  const imported = importModelJson(modelJson);
  if (!imported.ok) return err(imported.error.code, imported.error.message);
  if (imported.unsupported.length) return err("unsupported-layers", `tfjs cannot build this model: ${imported.unsupported.slice(0, 8).map((n) => `'${n}'`).join(", ")}${imported.unsupported.length > 8 ? ` and ${imported.unsupported.length - 8} more` : ""} ${imported.unsupported.length === 1 ? "is a layer" : "are layers"} it does not know`);
  const root = JSON.parse(modelJson) as { modelTopology?: unknown; weightsManifest?: unknown };
  if (root.modelTopology === undefined || !imported.hasWeights) {
    return err("weights-missing", "model.json lists no weights (it has no weightsManifest); a Keras model.to_json() file holds the topology only, so import it as a graph instead");
  }
  // Per layer: weights present and of the layer's size (the import compared them with the graph).
  const bad = imported.issues.find((i) => i.severity === "error" && (i.code === "weights-invalid" || i.code === "weights-missing" || i.code === "weights-mismatch"));
  if (bad) return err(bad.code as LoadErrorCode, bad.message);
  const manifest = readManifest(root.weightsManifest as never);
  if (!manifest.ok) return err("weights-invalid", manifest.message);
  let expected = 0;
  for (const w of manifest.manifest.weights) {
    const spec = w as { quantization?: { dtype?: string } } & typeof w;
    const bytes = BYTES[spec.quantization?.dtype ?? w.dtype];
    if (bytes === undefined) return err("weights-invalid", `weight '${w.name.slice(0, 80)}' has dtype ${w.dtype}, which cannot be loaded from a weights file`);
    expected += bytes * w.shape.reduce((a, b) => a * b, 1);
  }
  const parts: Uint8Array[] = [];
  for (const path of manifest.manifest.paths) {
    const data = files.get(path) ?? files.get(plainFileName(path));
    if (!data) return err("weights-missing", `the weights file '${path}' that model.json names is missing; put it beside model.json`);
    parts.push(data);
  }
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  if (total !== expected) return err("weights-size", `the weights files hold ${total} bytes but model.json's manifest needs ${expected}; the files do not belong to this model.json, or one is cut short`);
  const data = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { data.set(p, at); at += p.byteLength; }
  try {
    const weightSpecs = (root.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[] | undefined ?? []).flatMap((g) => g.weights);
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: root.modelTopology as object, weightSpecs, weightData: data.buffer }));
    return { ok: true, model };
  } catch (e) {
    return err("load-failed", `tfjs could not build the model: ${e instanceof Error ? e.message : String(e)}`);
  }
}
