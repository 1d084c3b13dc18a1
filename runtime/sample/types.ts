/** What runtime/sample takes and gives back: plain data, so a worker can post it as it is. */
import type { Dataset } from "../data/types.js";

/** Which sampler a document gets, decided from its training section (see choose.ts). */
export type SamplerChoice =
  | { readonly kind: "pixels"; readonly network: string; readonly title: string }
  | { readonly kind: "text"; readonly network: string; readonly title: string }
  | { readonly kind: "generator"; readonly network: string; readonly title: string }
  | { readonly kind: "neighbours"; readonly network: string; readonly title: string }
  | { readonly kind: "none"; readonly reason: string };

export type SamplerKind = Exclude<SamplerChoice["kind"], "none">;

export interface SampleOptions {
  /** Images (pixels, generator) or points to make; default 16. */
  readonly count?: number;
  /** Characters to generate (text); default 300. */
  readonly length?: number;
  /** Fixes every random draw; default 0. */
  readonly seed?: number;
  /** Divides the log-probabilities before sampling (pixels, text): below 1 is safer, above 1 wilder. Default 1. */
  readonly temperature?: number;
  /** Text the character model continues; default "The " where the vocabulary has those characters. */
  readonly prompt?: string;
  /** Words to list neighbours of (word2vec); default: a few frequent words of the corpus. */
  readonly words?: readonly string[];
  /** Neighbours per word; default 8. */
  readonly neighbours?: number;
  /** Opens the training dataset, for the vocabulary (text, word2vec) and class count (conditional generators). */
  readonly dataset?: () => Promise<Dataset>;
  /** Called after each forward pass (a pixel, a character). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked between forward passes; when set, sampling stops with a SampleError. */
  readonly signal?: { readonly aborted: boolean };
}

/** One image, row-major, channels last, 0..255 (the dataset preview's layout). */
export interface SampledImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly pixels: Uint8ClampedArray;
  /** The class a conditional generator was asked for, when there is one. */
  readonly label?: string;
}

export interface Neighbour {
  readonly word: string;
  /** Cosine similarity of the two words' input vectors, -1..1. */
  readonly similarity: number;
}

export type SampleResult =
  | { readonly kind: "images"; readonly images: readonly SampledImage[]; readonly note: string }
  | { readonly kind: "points"; readonly points: readonly (readonly number[])[]; readonly labels?: readonly string[]; readonly note: string }
  | { readonly kind: "text"; readonly prompt: string; readonly text: string; readonly note: string }
  | { readonly kind: "neighbours"; readonly entries: readonly { readonly word: string; readonly known: boolean; readonly neighbours: readonly Neighbour[] }[]; readonly note: string };

/** A reason sampling cannot go on, in the person's words (no stack trace ever shown). */
export class SampleError extends Error {
  override readonly name = "SampleError";
}
