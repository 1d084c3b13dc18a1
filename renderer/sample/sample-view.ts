/**
 * The Sample tab's pure helpers: which inputs a sampler takes, the form turned into request
 * parameters (or what is wrong with it, in words), the generated text split at the prompt, the
 * image grid's on-screen scale, generator points flattened for the scatter, and progress words.
 */
import type { SamplerKind } from "../../runtime/sample/types.js";
import type { SampleParams } from "./protocol.js";

/** The form as the person typed it; numbers may be NaN while a field is being edited. */
export interface SampleForm {
  readonly count: number;
  readonly length: number;
  readonly temperature: number;
  readonly seed: number;
  /** Empty: the sampler's own default. */
  readonly prompt: string;
  /** Comma separated; empty: a few frequent words. */
  readonly words: string;
}

export type Field = keyof SampleForm;

/** The inputs each sampler reads, in the order the tab shows them. */
export function fieldsFor(kind: SamplerKind): readonly Field[] {
  switch (kind) {
    case "pixels":
      return ["count", "temperature", "seed"];
    case "generator":
      return ["count", "seed"];
    case "text":
      return ["prompt", "length", "temperature", "seed"];
    case "neighbours":
      return ["words", "count"];
  }
}

const LABELS: Readonly<Record<Field, string>> = {
  count: "Count", length: "Characters", temperature: "Temperature", seed: "Seed", prompt: "Prompt", words: "Words",
};

/** A field's label; word2vec's count is the neighbours listed per word. */
export function fieldLabel(kind: SamplerKind, field: Field): string {
  return kind === "neighbours" && field === "count" ? "Neighbours per word" : LABELS[field];
}

/** Words separated by commas or spaces, trimmed, without repeats. */
export function parseWords(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((w) => w.trim()).filter((w) => w.length > 0))];
}

const whole = (label: string, v: number, min: number, max: number): string | undefined =>
  Number.isInteger(v) && v >= min && v <= max ? undefined : `${label} must be a whole number from ${min} to ${max}.`;

/** The request's parameters for this sampler, or what is wrong with the form. */
export function requestParams(kind: SamplerKind, form: SampleForm): SampleParams | string {
  const fields = fieldsFor(kind);
  const problem =
    (fields.includes("count") ? whole(kind === "neighbours" ? "Neighbours per word" : "Count", form.count, 1, kind === "neighbours" ? 100 : 1024) : undefined) ??
    (fields.includes("length") ? whole("Characters", form.length, 1, 100_000) : undefined) ??
    whole("Seed", form.seed, 0, 0xffffffff) ??
    (fields.includes("temperature") && !(form.temperature > 0 && form.temperature <= 100)
      ? "Temperature must be above 0 and at most 100 (1 samples the model as trained; 0.5 is more cautious)."
      : undefined);
  if (problem) return problem;
  const words = parseWords(form.words);
  if (words.length > 64) return `At most 64 words at a time (${words.length} given).`;
  return {
    seed: form.seed,
    ...(kind === "neighbours" ? { neighbours: form.count } : fields.includes("count") ? { count: form.count } : {}),
    ...(fields.includes("length") ? { length: form.length } : {}),
    ...(fields.includes("temperature") ? { temperature: form.temperature } : {}),
    ...(kind === "text" && form.prompt.length > 0 ? { prompt: form.prompt } : {}),
    ...(kind === "neighbours" && words.length > 0 ? { words } : {}),
  };
}

/** The text shown: the prompt (marked) and what the model added after it. */
export function textSegments(prompt: string, text: string): { readonly text: string; readonly prompt: boolean }[] {
  return [{ text: prompt, prompt: true }, { text, prompt: false }].filter((s) => s.text.length > 0);
}

/** Whole-number CSS scale for a grid picture so it fills about `target` pixels on its longer side (sharp pixels, never shrunk below 1). */
export function gridScale(width: number, height: number, target = 480): number {
  const side = Math.max(width, height);
  return side <= 0 ? 1 : Math.max(1, Math.floor(target / side));
}

/** Points as x, y pairs for the scatter: 1-D points on a line (y 0), longer ones by their first two coordinates. */
export function planarPoints(points: readonly (readonly number[])[]): { xy: Float32Array; dims: number } {
  const dims = points[0]?.length ?? 0;
  const xy = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    xy[2 * i] = p[0] ?? 0;
    xy[2 * i + 1] = dims >= 2 ? p[1]! : 0;
  });
  return { xy, dims };
}

/** The progress line under the bar. */
export function progressText(kind: SamplerKind | undefined, done: number, total: number): string {
  if (total <= 1) return "Working…";
  const unit = kind === "pixels" ? "Pass" : kind === "text" ? "Character" : "Step";
  return `${unit} ${done} of ${total}`;
}

/**
 * Makes the gaps of an imageGrid picture of `count` images (laid out in `columns` with `gap`
 * pixels around cells of cellW × cellH), and its empty last cells, transparent, so the panel's
 * colour shows between the samples: imageGrid's mid grey is the very colour of an untrained
 * generator's output.
 */
export function clearGaps(grid: { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray }, count: number, columns: number, cellW: number, cellH: number, gap: number): void {
  const cellOf = (v: number, cell: number) => (v >= gap && (v - gap) % (cell + gap) < cell ? Math.floor((v - gap) / (cell + gap)) : -1);
  for (let y = 0; y < grid.height; y++) {
    const row = cellOf(y, cellH);
    for (let x = 0; x < grid.width; x++) {
      const col = cellOf(x, cellW);
      if (row < 0 || col < 0 || row * columns + col >= count) grid.data[(y * grid.width + x) * 4 + 3] = 0;
    }
  }
}
