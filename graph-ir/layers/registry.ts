/**
 * The layer registry: every layer kind, listed explicitly by family. The palette, inspector,
 * validator, shape inference, compiler and code export all read definitions from here.
 */
import { coreLayers } from "./core.js";
import { embeddingLayers } from "./embedding.js";
import { recurrentLayers } from "./recurrent.js";
import { causalLayers } from "./causal.js";
import { attentionLayers } from "./attention.js";
import { memoryLayers } from "./memory.js";
import { spectralLayers } from "./spectral.js";
import { autoregressiveLayers } from "./autoregressive.js";
import { convLayers } from "./conv.js";
import { poolingLayers } from "./pooling.js";
import { reshapeLayers } from "./reshape.js";
import { normalizationLayers } from "./normalization.js";
import { activationLayers } from "./activations.js";
import { mergeLayers } from "./merge.js";
import type { AnyLayerDef } from "./types.js";

export const LAYERS = {
  ...coreLayers,
  ...convLayers,
  ...poolingLayers,
  ...reshapeLayers,
  ...normalizationLayers,
  ...activationLayers,
  ...mergeLayers,
  ...embeddingLayers,
  ...recurrentLayers,
  ...causalLayers,
  ...attentionLayers,
  ...memoryLayers,
  ...spectralLayers,
  ...autoregressiveLayers,
} satisfies Record<string, AnyLayerDef>;

export type LayerKind = keyof typeof LAYERS;

export function isLayerKind(kind: string): kind is LayerKind {
  return Object.prototype.hasOwnProperty.call(LAYERS, kind);
}

export function layerDef(kind: string): AnyLayerDef | undefined {
  return isLayerKind(kind) ? LAYERS[kind] : undefined;
}
