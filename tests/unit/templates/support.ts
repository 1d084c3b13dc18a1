/**
 * Reading the shipped templates (templates/<id>/): the metadata in template.json, checked with a
 * zod schema, and each configuration's graph file, loaded and analysed as the app would.
 */
import { readFileSync, readdirSync } from "node:fs";
import { z } from "zod";
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { parseGraphFile } from "../../../graph-ir/core/load.js";
import { analyze } from "../../../graph-ir/passes/analyze.js";
import type { Analysis, NodeAnalysis } from "../../../graph-ir/passes/types.js";

export const TEMPLATES_DIR = new URL("../../../templates/", import.meta.url);

const shape = z.array(z.number().int().positive()).min(1).max(4);

export const configurationSchema = z.strictObject({
  id: z.enum(["full", "mini"]),
  file: z.string().regex(/^(full|mini)\.layerloom\.json$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  inputShape: shape,
  /** What `layerloom check` prints as the total for this file. */
  params: z.number().int().positive(),
  /** Whether the file has a training section on a dataset Layerloom has (shipped or synthetic). */
  trainable: z.boolean(),
  dataset: z.string().optional(),
});

export const templateMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  summary: z.string().min(1).max(200),
  paper: z.strictObject({
    title: z.string().min(1),
    authors: z.string().min(1),
    year: z.number().int().min(1950).max(2100),
    venue: z.string().min(1),
    url: z.string().startsWith("https://"),
  }),
  reference: z.strictObject({
    implementation: z.string().min(1),
    url: z.string().startsWith("https://"),
    params: z.number().int().positive(),
    difference: z.string().min(1).optional(),
  }),
  inputShape: shape,
  dataset: z.string().min(1),
  defaultConfiguration: z.enum(["full", "mini"]),
  configurations: z.array(configurationSchema).min(1).max(2),
});

export type TemplateMeta = z.infer<typeof templateMetaSchema>;
export type Configuration = z.infer<typeof configurationSchema>;

export function templateIds(): string[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export function readTemplateText(id: string, file: string): string {
  return readFileSync(new URL(`${id}/${file}`, TEMPLATES_DIR), "utf8");
}

export function loadMeta(id: string): TemplateMeta {
  return templateMetaSchema.parse(JSON.parse(readTemplateText(id, "template.json")));
}

export interface LoadedConfig {
  readonly doc: GraphDocument;
  readonly analysis: Analysis;
  readonly warnings: readonly string[];
}

const cache = new Map<string, LoadedConfig>();

/** Loads and analyses one configuration's graph file; throws with the loader's message if it does not load. */
export function loadConfig(id: string, config: "full" | "mini"): LoadedConfig {
  const key = `${id}/${config}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = parseGraphFile(readTemplateText(id, `${config}.layerloom.json`));
  if (!r.ok) throw new Error(`${key}: ${r.error.code}: ${r.error.message}`);
  const loaded = { doc: r.doc, analysis: analyze(r.doc), warnings: r.warnings };
  cache.set(key, loaded);
  return loaded;
}

/** Every node analysis, block bodies included (depth first), starting from the given top-level ids. */
export function* walk(a: Analysis, ids: Iterable<string> = a.order): Generator<NodeAnalysis> {
  const stack: NodeAnalysis[] = [...ids].map((id) => a.nodes.get(id)!).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    if (n.body) for (let i = n.body.nodes.length - 1; i >= 0; i--) stack.push(n.body.nodes[i]!);
  }
}

/**
 * Batch normalization's moving mean and variance: 2 of its 4 weights per channel. Keras's
 * countParams (and so Layerloom) counts them; PyTorch keeps them as buffers, outside its count.
 */
export function movingStatistics(a: Analysis, ids?: Iterable<string>): number {
  let n = 0;
  for (const node of walk(a, ids)) if (node.kind === "BatchNormalization") n += node.paramCount / 2;
  return n;
}

/** Output channels of every Conv2D, block bodies included, optionally only those without a bias. */
export function convChannels(a: Analysis, ids?: Iterable<string>, only?: { useBias: boolean }): number {
  let n = 0;
  for (const node of walk(a, ids)) {
    if (node.kind !== "Conv2D") continue;
    if (only && node.params.useBias !== only.useBias) continue;
    n += node.params.filters as number;
  }
  return n;
}

/** "25,557,032": how READMEs write counts. */
export const grouped = (n: number): string => n.toLocaleString("en-US");
