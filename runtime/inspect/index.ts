/**
 * Looking inside a trained network: feature maps, saliency (plain and guided back-propagation),
 * Grad-CAM, input optimisation with a realism penalty, embeddings (PCA, t-SNE) of a layer's
 * activations, live per-node statistics while training, and colour maps for heat maps.
 * Everything here is free of DOM and Node, takes tfjs through runtime/tf.ts and frees its
 * tensors, so the app's worker and the CLI call the same code.
 *
 * Layer names are Keras layer names of a materialised network; MaterializedNetwork.nodeOf maps
 * them back to canvas nodes (block-inner layers belong to their block instance).
 */
export type { Heatmap, ImageValues, LayerValues } from "./types.js";
export { InspectError } from "./errors.js";
export { activations } from "./activations.js";
export { inputGradient, saliency, type SaliencyOptions } from "./saliency.js";
export { gradCam, type GradCamOptions } from "./gradcam.js";
export { optimizeInput, type OptimizeOptions, type OptimizedInput } from "./optimize-input.js";
export { highFrequencyEnergy, realismPenalty } from "./realism-penalty.js";
export { layerMatrix, nearestNeighbourAccuracy, type Matrix } from "./embed.js";
export { pca, type PcaResult } from "./pca.js";
export { tsne, type TsneOptions } from "./tsne.js";
export { createStatsCollector, type NodeStats, type StatsCollector, type StatsOptions, type StatsSnapshot } from "./stats.js";
export { heatmapToRGBA, inferno, overlay, type BaseImage } from "./colormap.js";
