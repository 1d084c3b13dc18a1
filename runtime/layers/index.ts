/**
 * The custom layers tfjs 4.22 lacks, one per file. Importing this module registers every class
 * with tf.serialization, so modelFromJSON and loadLayersModel can build them by class name.
 */
export { DilatedCausalConv1D } from "./dilated-causal-conv1d.js";
export { LocalResponseNormalization } from "./local-response-normalization.js";
export { LayerloomAttention } from "./attention.js";
export { SpectralNormalization } from "./spectral-normalization.js";
export { NTMMemory } from "./ntm-memory.js";
export { MaskedConv2D } from "./masked-conv2d.js";
