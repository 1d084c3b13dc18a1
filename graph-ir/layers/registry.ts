/**
 * The layer registry: every layer kind, listed explicitly by family. The palette, inspector,
 * validator, shape inference, compiler and code export all read definitions from here.
 */
import { coreLayers } from "./core.js";
import type { AnyLayerDef } from "./types.js";

export const LAYERS = {
  ...coreLayers,
} satisfies Record<string, AnyLayerDef>;

export type LayerKind = keyof typeof LAYERS;

export function isLayerKind(kind: string): kind is LayerKind {
  return Object.prototype.hasOwnProperty.call(LAYERS, kind);
}

export function layerDef(kind: string): AnyLayerDef | undefined {
  return isLayerKind(kind) ? LAYERS[kind] : undefined;
}
