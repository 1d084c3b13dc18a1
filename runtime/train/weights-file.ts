/**
 * Trained weights as one text file beside the graph ("lenet.weights.json"): the weights of each
 * network after a run, with the run they came from. Text, so every host can write it with the
 * same atomic save as the graph itself; the numbers are base64 of little-endian float32/int32,
 * which keeps the file about 1.4x the size of the raw bytes.
 *
 * Reading never throws: a damaged or foreign file is an error value naming what is wrong.
 */
import { z } from "zod";
import type { TensorRecord } from "./tensor-records.js";

export const WEIGHTS_FORMAT = "layerloom-weights";

export interface TrainedWeights {
  readonly format: typeof WEIGHTS_FORMAT;
  readonly version: 1;
  /** Hash of the graph file text the run trained; a different graph gets a clear refusal. */
  readonly graphHash: string;
  readonly run: { readonly id: string; readonly label: string; readonly steps: number; readonly savedAt: string };
  readonly networks: Readonly<Record<string, readonly TensorRecord[]>>;
}

const MAX_TENSORS = 10_000;
const MAX_DIMS = 8;

const recordSchema = z.strictObject({
  name: z.string().min(1).max(500),
  shape: z.array(z.number().int().min(0).max(1 << 30)).max(MAX_DIMS),
  dtype: z.enum(["float32", "int32"]),
  data: z.string(),
});

const fileSchema = z.strictObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(1),
  graphHash: z.string().min(1).max(64),
  run: z.strictObject({ id: z.string().min(1).max(200), label: z.string().max(200), steps: z.number().int().min(0), savedAt: z.string().max(64) }),
  networks: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/), z.array(recordSchema).max(MAX_TENSORS)),
});

export function serializeWeights(w: TrainedWeights): string {
  const networks: Record<string, unknown[]> = {};
  for (const [id, records] of Object.entries(w.networks)) {
    networks[id] = records.map((r) => ({ name: r.name, shape: [...r.shape], dtype: r.dtype, data: toBase64(r.data) }));
  }
  return `${JSON.stringify({ format: WEIGHTS_FORMAT, version: 1, graphHash: w.graphHash, run: w.run, networks }, null, 1)}\n`;
}

export type WeightsParse = { readonly ok: true; readonly weights: TrainedWeights } | { readonly ok: false; readonly message: string };

export function parseWeights(text: string): WeightsParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "it is not JSON" };
  }
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, message: i ? `${i.path.join(".") || "the file"}: ${i.message}` : "it is not a Layerloom weights file" };
  }
  const networks: Record<string, TensorRecord[]> = {};
  for (const [id, records] of Object.entries(r.data.networks)) {
    const out: TensorRecord[] = [];
    for (const rec of records) {
      const bytes = fromBase64(rec.data);
      const count = rec.shape.reduce((a, b) => a * b, 1);
      if (bytes === null || bytes.byteLength !== count * 4) {
        return { ok: false, message: `network '${id}', weight ${rec.name}: its data does not hold the ${count} numbers its shape [${rec.shape.join(", ")}] needs` };
      }
      const data = rec.dtype === "int32" ? new Int32Array(bytes.buffer, bytes.byteOffset, count) : new Float32Array(bytes.buffer, bytes.byteOffset, count);
      out.push({ name: rec.name, shape: rec.shape, dtype: rec.dtype, data });
    }
    networks[id] = out;
  }
  return { ok: true, weights: { format: WEIGHTS_FORMAT, version: 1, graphHash: r.data.graphHash, run: r.data.run, networks } };
}

/** "nets/lenet.layerloom.json" -> "nets/lenet.weights.json"; "a.json" -> "a.weights.json". */
export function siblingPath(graphPath: string, suffix: "weights" | "runs"): string {
  const stem = graphPath.replace(/(\.layerloom)?\.json$/i, "");
  return `${stem}.${suffix}.json`;
}

// Typed arrays are little-endian on every platform tfjs runs on, so their bytes go as they are.
function toBase64(data: Float32Array | Int32Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = "";
  const CHUNK = 0x8000; // String.fromCharCode takes arguments; keep each call small
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  // A fresh, aligned buffer, so Float32Array views are allowed.
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
