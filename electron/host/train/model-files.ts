/**
 * A trained network as tfjs's own file pair: model.json (topology and weight manifest, what
 * tf.loadLayersModel reads) and weights.bin. Written from model.save's artifacts, so the files
 * are exactly what tfjs would write itself.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "../../../runtime/tf.js";
import { writeFileAtomic } from "../atomic-write.js";

export const MODEL_FILE = "model.json";
export const WEIGHTS_FILE = "weights.bin";

function joinBuffers(data: tf.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  const parts = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of parts) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out;
}

/** Saves a model into `dir` as model.json + weights.bin; returns the paths written. */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const weights = joinBuffers(a.weightData);
      const json = {
        modelTopology: a.modelTopology,
        format: a.format ?? "layers-model",
        generatedBy: a.generatedBy,
        convertedBy: a.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: a.weightSpecs ?? [] }],
      };
      await writeFileAtomic(join(dir, WEIGHTS_FILE), weights);
      await writeFileAtomic(join(dir, MODEL_FILE), JSON.stringify(json));
      written.push(join(dir, MODEL_FILE), join(dir, WEIGHTS_FILE));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON", weightDataBytes: weights.byteLength } };
    }),
  );
  return written;
}
