/**
 * The inspection messages between the app and the training worker (the worker holds the run's
 * networks, so inspections run where the model is). renderer/train/protocol.ts adds these to its
 * unions, so they are zod-checked on both sides like every other training message.
 */
import { z } from "zod";
import { SAMPLE_FROM_WORKER, SAMPLE_MESSAGE_TYPES, SAMPLE_TO_WORKER } from "../sample/protocol.js";

export const TOOLS = ["activations", "saliency", "guided", "gradcam", "optimize", "tsne", "pca"] as const;
export type Tool = (typeof TOOLS)[number];

const floats = z.custom<Float32Array>((v) => v instanceof Float32Array, "values must be a Float32Array");
const bytes = z.custom<Uint8ClampedArray>((v) => v instanceof Uint8ClampedArray, "pixels must be a Uint8ClampedArray");
const ints = z.custom<Int32Array>((v) => v instanceof Int32Array, "labels must be an Int32Array");
const count = z.number().int().min(0);

export const inspectParams = z.object({
  /** Index of the input in the test split (heat maps, activations). */
  sample: count.max(10_000_000).default(0),
  /** Class whose score heat maps explain; absent: the class the model predicts. */
  classIndex: count.max(100_000).optional(),
  /** Input optimisation: the unit (channel of a feature map, index of a vector) to maximise. */
  unit: count.max(1_000_000).default(0),
  steps: z.number().int().min(1).max(2000).default(60),
  learningRate: z.number().positive().max(100).default(0.05),
  /** Weight of the realism penalty h(x) (0: none). */
  penaltyWeight: z.number().min(0).max(1000).default(1),
  /** t-SNE / PCA: how many test inputs are embedded. */
  points: z.number().int().min(10).max(2000).default(300),
  perplexity: z.number().min(2).max(100).default(20),
  iterations: z.number().int().min(10).max(5000).default(300),
});
export type InspectParams = z.input<typeof inspectParams>;

/** App → worker. `graph`: the open document as file text, so an untrained model can be built from it. */
export const inspectRequest = z.object({
  type: z.literal("inspect"),
  id: z.string().min(1),
  tool: z.enum(TOOLS),
  node: z.string().min(1),
  graph: z.string(),
  dataset: z.string().min(1),
  seed: count,
  params: inspectParams,
});
export const inspectCancel = z.object({ type: z.literal("inspect-cancel"), id: z.string() });
// Sampling (renderer/sample) runs on the same model source, so it travels with inspection.
export const INSPECT_TO_WORKER = [inspectRequest, inspectCancel, ...SAMPLE_TO_WORKER] as const;
export type InspectRequest = z.infer<typeof inspectRequest>;

const image = z.object({ width: z.number().int(), height: z.number().int(), channels: z.number().int(), pixels: bytes, label: z.string() });
export type InspectImage = z.infer<typeof image>;

/** Which model answered: the run's trained one, or the untrained (seeded) model of the graph. */
const modelInfo = z.object({ trained: z.boolean(), step: z.number(), note: z.string() });
export type ModelInfo = z.infer<typeof modelInfo>;

export const inspectResult = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("activations"), shape: z.array(z.number()), values: floats }),
  z.object({
    kind: z.literal("heatmap"), method: z.enum(["saliency", "guided", "gradcam"]), width: z.number(), height: z.number(),
    values: floats, overlay: bytes, classIndex: z.number(),
  }),
  z.object({ kind: z.literal("optimized"), shape: z.array(z.number()), values: floats, objective: z.array(z.number()), penaltyWeight: z.number() }),
  z.object({
    kind: z.literal("embedding"), method: z.enum(["tsne", "pca"]), points: floats, labels: ints, explained: z.array(z.number()).optional(),
    neighbourAccuracy: z.number().optional(),
  }),
]);
export type InspectResult = z.infer<typeof inspectResult>;

// NaN and Infinity are findings here (a layer blowing up), not malformed messages.
const anyNumber = z.custom<number>((v) => typeof v === "number", "must be a number");
const stat = anyNumber.nullable();
/** One canvas node's statistics (runtime/inspect/stats.ts); `node` is the canvas node id. */
export const nodeStats = z.object({ node: z.string(), actMean: anyNumber, actStd: anyNumber, deadFraction: stat, gradNorm: stat, updateRatio: stat });
export const statsSnapshot = z.object({ step: z.number(), nodes: z.array(nodeStats) });
export type NodeStatsMsg = z.infer<typeof nodeStats>;
export type StatsSnapshotMsg = z.infer<typeof statsSnapshot>;

/** Worker → app. */
export const INSPECT_FROM_WORKER = [
  z.object({ type: z.literal("inspect-progress"), id: z.string(), done: z.number(), total: z.number(), objective: z.array(z.number()).optional() }),
  z.object({
    type: z.literal("inspect-result"), id: z.string(), model: modelInfo, layer: z.string(), result: inspectResult,
    input: image.optional(), classNames: z.array(z.string()).optional(), predicted: z.number().optional(),
  }),
  /** `cancelled`: the person asked to stop; not an error to show. */
  z.object({ type: z.literal("inspect-error"), id: z.string(), message: z.string(), cancelled: z.boolean().optional() }),
  /** Live per-node statistics of the run while it trains. */
  z.object({ type: z.literal("stats"), runId: z.string(), snapshot: statsSnapshot }),
  ...SAMPLE_FROM_WORKER,
] as const;

export const inspectFromWorker = z.discriminatedUnion("type", [...INSPECT_FROM_WORKER]);
export type InspectFromWorker = z.infer<typeof inspectFromWorker>;
export const INSPECT_MESSAGE_TYPES: ReadonlySet<string> = new Set(["inspect-progress", "inspect-result", "inspect-error", "stats", ...SAMPLE_MESSAGE_TYPES]);
