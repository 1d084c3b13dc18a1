/**
 * The sampling messages between the app and the training worker (runtime/sample runs where the
 * run's networks live). renderer/inspect/protocol.ts adds them to the inspection unions, so they
 * are zod-checked in the training protocol and reach the app beside the inspection replies.
 */
import { z } from "zod";

const bytes = z.custom<Uint8ClampedArray>((v) => v instanceof Uint8ClampedArray, "pixels must be a Uint8ClampedArray");
const modelInfo = z.object({ trained: z.boolean(), step: z.number(), note: z.string() });

/** What the person asked for; which fields matter depends on the sampler (see fieldsFor). */
export const sampleParams = z.object({
  /** Images or generator points. */
  count: z.number().int().min(1).max(1024).default(16),
  /** Characters after the prompt (text models). */
  length: z.number().int().min(1).max(100_000).default(300),
  temperature: z.number().positive().max(100).default(1),
  /** Fixes the sampling's random draws (not the untrained model's weights: that is the run seed). */
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  /** Absent: the sampler's own default ("The " for text). */
  prompt: z.string().min(1).max(10_000).optional(),
  /** word2vec: the words to list neighbours of; absent: a few frequent words. */
  words: z.array(z.string().min(1).max(100)).min(1).max(64).optional(),
  neighbours: z.number().int().min(1).max(100).default(8),
});
export type SampleParams = z.input<typeof sampleParams>;

/** App → worker. `graph`: the open document as file text; `dataset`, `seed`: those of the next run. */
export const sampleRequest = z.object({
  type: z.literal("sample"),
  id: z.string().min(1),
  graph: z.string(),
  dataset: z.string().min(1),
  seed: z.number().int().min(0),
  params: sampleParams,
});
export const sampleCancel = z.object({ type: z.literal("sample-cancel"), id: z.string() });
export const SAMPLE_TO_WORKER = [sampleRequest, sampleCancel] as const;
export type SampleRequest = z.infer<typeof sampleRequest>;

const image = z.object({ width: z.number().int().min(1), height: z.number().int().min(1), channels: z.union([z.literal(1), z.literal(3)]), pixels: bytes, label: z.string().optional() });
const neighbour = z.object({ word: z.string(), similarity: z.number() });

/** runtime/sample's SampleResult, as it crosses (pixels stay typed arrays). */
export const sampleResult = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("images"), images: z.array(image).min(1), note: z.string() }),
  z.object({ kind: z.literal("points"), points: z.array(z.array(z.number())), labels: z.array(z.string()).optional(), note: z.string() }),
  z.object({ kind: z.literal("text"), prompt: z.string(), text: z.string(), note: z.string() }),
  z.object({
    kind: z.literal("neighbours"), note: z.string(),
    entries: z.array(z.object({ word: z.string(), known: z.boolean(), neighbours: z.array(neighbour) })),
  }),
]);
export type SampleResultMsg = z.infer<typeof sampleResult>;

export const SAMPLER_KINDS = ["pixels", "text", "generator", "neighbours"] as const;

/** Worker → app. */
export const SAMPLE_FROM_WORKER = [
  /** After each forward pass (PixelCNN: a pixel; text: a character), at most every 100 ms. */
  z.object({ type: z.literal("sample-progress"), id: z.string(), done: z.number(), total: z.number() }),
  z.object({
    type: z.literal("sample-result"), id: z.string(), model: modelInfo, sampler: z.enum(SAMPLER_KINDS), title: z.string(), result: sampleResult,
    /** For generator points: training samples of the same dimension, drawn beside them. */
    reference: z.array(z.array(z.number())).max(10_000).optional(),
  }),
  /** `cancelled`: the person asked to stop; not an error to show. */
  z.object({ type: z.literal("sample-error"), id: z.string(), message: z.string(), cancelled: z.boolean().optional() }),
] as const;

export const sampleFromWorker = z.discriminatedUnion("type", [...SAMPLE_FROM_WORKER]);
export type SampleFromWorker = z.infer<typeof sampleFromWorker>;
export const SAMPLE_MESSAGE_TYPES: readonly string[] = ["sample-progress", "sample-result", "sample-error"];
