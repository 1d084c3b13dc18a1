/**
 * The messages between the app and the training worker, checked with zod on both sides: a
 * message that does not parse is an error (the worker answers with a "protocol-error"; the app
 * shows it), never silently ignored. The document crosses as plain JSON, so the worker trains on
 * a frozen copy taken when Start was pressed.
 */
import { z } from "zod";
import { INSPECT_FROM_WORKER, INSPECT_TO_WORKER } from "../inspect/protocol.js";

export const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"] as const;
const backend = z.enum(BACKENDS);

export const runOptions = z.object({
  dataset: z.string().min(1),
  epochs: z.number().int().min(1).max(100_000),
  batchSize: z.number().int().min(1).max(4096),
  seed: z.number().int().min(0),
  /** Stop after this many steps (a quick try); absent: the whole run. */
  maxSteps: z.number().int().min(1).optional(),
  /** Test samples evaluated after the run (from the start of the test split). */
  testSamples: z.number().int().min(0).max(1_000_000).default(1000),
  /** Backends to try, in order (default: all). */
  backends: z.array(backend).min(1).optional(),
  /** Steps between the worker's own checkpoints, which a lost device resumes from. */
  checkpointSteps: z.number().int().min(1).default(10),
  /** Steps between per-node statistics snapshots (the canvas bars); absent or 0: none. */
  statsEvery: z.number().int().min(0).optional(),
});
export type RunOptions = z.input<typeof runOptions>;

/** App → worker. */
export const toWorker = z.discriminatedUnion("type", [
  /** `graph`: the graph file text (serializeGraph), a frozen copy of the document at Start. */
  z.object({ type: z.literal("start"), runId: z.string(), graph: z.string(), options: runOptions }),
  z.object({ type: z.literal("pause") }),
  z.object({ type: z.literal("resume") }),
  z.object({ type: z.literal("stop") }),
  z.object({ type: z.literal("preview"), dataset: z.string(), count: z.number().int().min(1).max(64) }),
  /** Fault injection for tests and diagnosis: loses the current WebGL context or WebGPU device. */
  z.object({ type: z.literal("lose-device") }),
  ...INSPECT_TO_WORKER,
]);
export type ToWorker = z.infer<typeof toWorker>;

const attempt = z.object({ name: backend, ok: z.boolean(), reason: z.string().optional(), msPerStep: z.number().optional() });
export type AttemptMsg = z.infer<typeof attempt>;

export const progressPoint = z.object({
  step: z.number(),
  epoch: z.number(),
  /** Mean of this epoch so far by column (loss, <output>_loss, accuracy...). */
  values: z.record(z.string(), z.number()),
  learningRate: z.number(),
  samplesPerSecond: z.number(),
});
export type ProgressPoint = z.infer<typeof progressPoint>;

const preview = z.object({
  kind: z.enum(["image", "point", "sequence", "text"]),
  label: z.string(),
  width: z.number().optional(),
  height: z.number().optional(),
  channels: z.number().optional(),
  /** Image pixels, row-major, channels last, 0..255. */
  pixels: z.custom<Uint8ClampedArray>((v) => v instanceof Uint8ClampedArray, "pixels must be a Uint8ClampedArray").optional(),
  /** A short text form of non-image samples. */
  text: z.string().optional(),
});
export type PreviewMsg = z.infer<typeof preview>;

const tensorRecord = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.enum(["float32", "int32"]),
  data: z.custom<Float32Array | Int32Array>((v) => v instanceof Float32Array || v instanceof Int32Array, "data must be a Float32Array or Int32Array"),
});

const column = z.object({ name: z.string(), kind: z.enum(["loss", "metric"]) });

/** Worker → app. */
export const fromWorker = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({
    type: z.literal("started"), runId: z.string(), backend, summary: z.string(), attempts: z.array(attempt),
    columns: z.array(column), fingerprint: z.string(), warnings: z.array(z.string()), stepsPerEpoch: z.number(),
  }),
  z.object({ type: z.literal("progress"), runId: z.string(), points: z.array(progressPoint) }),
  z.object({ type: z.literal("paused"), runId: z.string(), step: z.number() }),
  z.object({ type: z.literal("resumed"), runId: z.string(), step: z.number() }),
  /** The device was lost; training goes on on `to` from the checkpoint at `fromStep`. */
  z.object({ type: z.literal("recovered"), runId: z.string(), from: backend, to: backend, fromStep: z.number(), reason: z.string(), summary: z.string() }),
  z.object({ type: z.literal("fault"), runId: z.string(), code: z.string(), message: z.string(), nodeId: z.string().optional() }),
  z.object({
    type: z.literal("finished"), runId: z.string(), status: z.enum(["completed", "early-stopped", "stopped"]), step: z.number(),
    evaluation: z
      .object({
        values: z.record(z.string(), z.number()),
        samples: z.number(),
        classNames: z.array(z.string()).optional(),
        /** Rows: true class, columns: predicted. */
        confusion: z.array(z.array(z.number())).optional(),
        predictions: z.array(z.object({ sample: preview, predicted: z.string(), correct: z.boolean() })),
      })
      .optional(),
  }),
  z.object({ type: z.literal("preview"), dataset: z.string(), title: z.string(), description: z.string(), samples: z.array(preview) }),
  /** The trained weights at the end of a run (sent just before "finished"), to keep beside the graph. */
  z.object({ type: z.literal("weights"), runId: z.string(), step: z.number(), networks: z.record(z.string(), z.array(tensorRecord)) }),
  /** Something worth a line in the panel's log that is neither progress nor an error. */
  z.object({ type: z.literal("note"), message: z.string() }),
  z.object({ type: z.literal("error"), runId: z.string().optional(), message: z.string() }),
  z.object({ type: z.literal("protocol-error"), message: z.string() }),
  ...INSPECT_FROM_WORKER,
]);
export type FromWorker = z.infer<typeof fromWorker>;

/** Parses a message or says what is wrong with it, in one line (`what`: whose messages, e.g. "inspection"). */
export function parseMessage<T>(schema: z.ZodType<T>, data: unknown, what = "training"): { ok: true; msg: T } | { ok: false; error: string } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, msg: r.data };
  const kind = typeof data === "object" && data !== null && "type" in data ? `"${String((data as { type: unknown }).type)}"` : "without a type";
  return { ok: false, error: `Unknown or malformed ${what} message ${kind}: ${r.error.issues.map((i) => `${i.path.join(".") || "(message)"}: ${i.message}`).join("; ")}` };
}
