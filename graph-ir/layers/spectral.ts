/**
 * SpectralNormalization (Miyato et al. 2018): a Dense or Conv2D whose kernel is divided by its
 * largest singular value, estimated by power iteration; the standard way to keep a GAN
 * discriminator 1-Lipschitz. Compiles to the runtime's "SpectralNormalization" class, whose
 * config matches Keras 3's: { layer: { class_name: "Dense" | "Conv2D", config }, power_iterations }.
 *
 * Shapes are exactly the wrapped layer's. Weights, in this order:
 *   the wrapped layer's own: kernel ([F, units] or [kh, kw, C, filters]), bias ([out], when use_bias)
 *   u [1, out]   non-trainable, random normal at start; out = units (Dense) or filters (Conv2D)
 * => wrapped layer's parameters + out. Each training call, with Wm = kernel reshaped to [-1, out]:
 *   repeat power_iterations times: v = l2norm(u·Wmᵀ); u = l2norm(v·Wm)
 *   sigma = v·Wm·uᵀ; the layer runs with kernel / sigma and stores the new u.
 * Inference uses the stored u without updating it: v = l2norm(u·Wmᵀ), sigma = v·Wm·uᵀ.
 */
import { p, MAX_DIM, type ParamsOf } from "../core/params.js";
import { isKnown, type Shape } from "../core/shape.js";
import { activationParam, lastDim } from "./common.js";
import { Conv2D, ints, paddingParam } from "./conv.js";
import { Dense } from "./core.js";
import { defineLayer, type KerasLayerSpec } from "./types.js";

const spectralParams = {
  layer: p.enum(["Dense", "Conv2D"], "Conv2D", "The layer whose kernel is normalised."),
  units: p.int(64, 1, MAX_DIM, "Output features (Dense only)."),
  filters: p.int(64, 1, MAX_DIM, "Output channels (Conv2D only)."),
  kernelSize: p.tuple([3, 3], { min: 1, max: MAX_DIM, doc: "Window size of each filter (Conv2D only)." }),
  strides: p.tuple([1, 1], { min: 1, max: MAX_DIM, doc: "Step between windows (Conv2D only)." }),
  padding: paddingParam(),
  activation: activationParam(),
  useBias: p.bool(true),
  powerIterations: p.int(1, 1, 20, "Power-iteration steps per training call to estimate the largest singular value; 1 is the usual choice."),
};
type SpectralParams = ParamsOf<typeof spectralParams>;

const denseParams = (q: SpectralParams): ParamsOf<typeof Dense.params> => ({ units: q.units, activation: q.activation, useBias: q.useBias });
const convParams = (q: SpectralParams): ParamsOf<typeof Conv2D.params> => ({
  filters: q.filters, kernelSize: q.kernelSize, strides: q.strides, padding: q.padding, dilationRate: [1, 1], activation: q.activation, useBias: q.useBias,
});

/** The wrapped layer's own parameter count (kernel and bias), from its definition. */
function wrappedParamCount(inputs: readonly Shape[], q: SpectralParams): number {
  return q.layer === "Dense" ? Dense.paramCount(inputs, denseParams(q)) : Conv2D.paramCount(inputs, convParams(q));
}

/** Weights can only be sized once the input's last dimension is a number. */
const hasKnownChannels = (x: Shape | undefined): boolean => x !== undefined && x.length > 0 && isKnown(lastDim(x));

/** Size of the u vector: the kernel's output axis. */
const uSize = (q: SpectralParams): number => (q.layer === "Dense" ? q.units : q.filters);

export const SpectralNormalization = defineLayer({
  kind: "SpectralNormalization",
  title: "Spectral norm",
  category: "normalization",
  summary: "A Dense or Conv2D whose weights are scaled to spectral norm 1, to keep a GAN discriminator smooth.",
  params: spectralParams,
  ports: () => ({ inputs: ["x"], outputs: ["y"] }),
  infer: (inputs, q) => (q.layer === "Dense" ? Dense.infer(inputs, denseParams(q)) : Conv2D.infer(inputs, convParams(q))),
  paramCount: (inputs, q) => (hasKnownChannels(inputs[0]) ? wrappedParamCount(inputs, q) + uSize(q) : 0),
  flops: (inputs, outputs, q) => {
    if (!hasKnownChannels(inputs[0])) return 0;
    const layer = q.layer === "Dense" ? Dense.flops(inputs, outputs, denseParams(q)) : Conv2D.flops(inputs, outputs, convParams(q));
    // Each power iteration is two matrix-vector products over the kernel.
    const kernel = wrappedParamCount(inputs, q) - (q.useBias ? uSize(q) : 0);
    return layer + 4 * q.powerIterations * kernel;
  },
  toKeras: (q, inputs): KerasLayerSpec => {
    const inner = q.layer === "Dense" ? Dense.toKeras(denseParams(q), inputs) : Conv2D.toKeras(convParams(q), inputs);
    return { className: "SpectralNormalization", config: { layer: { class_name: inner.className, config: inner.config }, power_iterations: q.powerIterations } };
  },
  describe: (q) =>
    q.layer === "Dense"
      ? `Dense ${q.units} σ-norm`
      : `${q.filters}@${ints(q.kernelSize).join("x")} s${ints(q.strides).join("x")} ${q.padding} σ-norm`,
});

export const spectralLayers = { SpectralNormalization };
