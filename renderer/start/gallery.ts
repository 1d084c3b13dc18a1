/**
 * The template gallery's data: the platform's template list, then each configuration's graph
 * read, loaded and analysed for its parameter count and thumbnail. Cards show as soon as the list
 * arrives and fill in one configuration at a time, yielding between analyses so the start
 * screen stays responsive while a large network is counted.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { parseGraphFile } from "../../graph-ir/core/load.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Platform, TemplateInfo } from "../platform/platform.js";

export type ConfigurationState =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly doc: GraphDocument; readonly params: number }
  | { readonly state: "failed"; readonly message: string };

export interface GalleryCard {
  readonly template: TemplateInfo;
  /** By configuration id. */
  readonly configurations: Readonly<Record<string, ConfigurationState>>;
}

export type GalleryState =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly cards: readonly GalleryCard[] }
  | { readonly state: "failed"; readonly message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads one configuration: its graph and the parameter count analysis gives it. */
export async function loadConfiguration(platform: Platform, id: string, configuration: string): Promise<ConfigurationState> {
  try {
    const r = parseGraphFile(await platform.readTemplate(id, configuration));
    if (!r.ok) return { state: "failed", message: r.error.message };
    return { state: "ready", doc: r.doc, params: analyze(r.doc).totals.params };
  } catch (e) {
    return { state: "failed", message: message(e) };
  }
}

/**
 * Calls `update` with the gallery as it fills in, until every configuration is loaded or
 * `cancelled()` says the screen has gone.
 */
export async function loadGallery(platform: Platform, update: (gallery: GalleryState) => void, cancelled: () => boolean = () => false, pause: () => Promise<void> = nextTask): Promise<void> {
  let templates: readonly TemplateInfo[];
  try {
    templates = await platform.listTemplates();
  } catch (e) {
    if (!cancelled()) update({ state: "failed", message: message(e) });
    return;
  }
  let cards: GalleryCard[] = templates.map((template) => ({
    template,
    configurations: Object.fromEntries(template.configurations.map((c) => [c.id, { state: "loading" } as const])),
  }));
  if (cancelled()) return;
  update({ state: "ready", cards });
  // Default configurations first: they give each card its thumbnail.
  const order = cards.flatMap((card, i) => {
    const t = card.template;
    const ids = [t.defaultConfiguration, ...t.configurations.map((c) => c.id).filter((c) => c !== t.defaultConfiguration)];
    return ids.map((c, rank) => ({ i, c, rank }));
  }).sort((a, b) => a.rank - b.rank);
  for (const { i, c } of order) {
    const loaded = await loadConfiguration(platform, cards[i]!.template.id, c);
    if (cancelled()) return;
    cards = cards.map((card, k) => (k === i ? { ...card, configurations: { ...card.configurations, [c]: loaded } } : card));
    update({ state: "ready", cards });
    await pause();
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
