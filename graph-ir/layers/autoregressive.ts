/**
 * MaskedConv2D: PixelCNN's convolution (van den Oord et al. 2016), whose kernel is zeroed at
 * and after the centre in raster order, so each output pixel sees only pixels above it and to
 * its left. Stacked with mask A first and B after, output (i, j) depends only on input pixels
 * strictly before (i, j) in raster order: the network models p(x_ij | x_<ij).
 *
 * Contract for the runtime layer (className "MaskedConv2D"):
 *   input  [B, H, W, C] (C known), output [B, H, W, filters]: stride 1, "same" zero padding.
 *   kernel k×k, k odd, centre (c, c) with c = (k-1)/2. Mask m[r, s] = 1 when r < c, or r = c and
 *   s < c; also at (c, c) for mask type B. y = activation(conv2d(x, kernel · m) + bias).
 *   The mask is spatial only (all channels alike): with several input channels (RGB), channels
 *   of one pixel are predicted independently given the pixels before it.
 * Weights, in this order (Keras Conv2D's layout, so Conv2D weights load unchanged):
 *   kernel [k, k, C, filters], bias [filters] (only when use_bias)
 *   => k·k·C·filters + (use_bias ? filters : 0) parameters; masked taps are counted (they stay
 *   in the kernel, always multiplied by 0), as Keras's countParams counts them.
 * Config (snake_case): filters, kernel_size [k, k], strides [1, 1], padding "same",
 *   data_format "channels_last", dilation_rate [1, 1], mask_type "A" | "B", activation, use_bias,
 *   kernel_initializer, bias_initializer.
 */
import { p, MAX_DIM } from "../core/params.js";
import { isKnown } from "../core/shape.js";
import { activationParam, glorotUniform, knownProduct, lastDim, singlePort, zeros } from "./common.js";
import { rankIssue } from "./conv.js";
import { defineLayer, fail, ok } from "./types.js";

export type MaskType = "A" | "B";

/**
 * The mask as rows of 0/1, row-major over (row, column) of a k×k kernel: 1 where a tap may see
 * its input. Shared by the runtime layer, its tests and the exporters' description.
 */
export function pixelMask(k: number, type: MaskType): number[][] {
  const c = (k - 1) / 2;
  return Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, s) => (r < c || (r === c && (s < c || (s === c && type === "B"))) ? 1 : 0)));
}

export const MaskedConv2D = defineLayer({
  kind: "MaskedConv2D",
  title: "Masked conv 2D",
  category: "convolution",
  summary: "PixelCNN's convolution: each output pixel sees only pixels above and to the left (mask A also hides the pixel itself); keeps the image size.",
  params: {
    filters: p.int(32, 1, MAX_DIM, "Number of output channels."),
    kernelSize: p.int(3, 1, 63, "Window size (k×k, odd): the centre is the pixel being predicted."),
    maskType: p.enum(["A", "B"], "B", "A for the first layer (hides the pixel itself, which is what is predicted); B for every later layer."),
    activation: activationParam(),
    useBias: p.bool(true),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    const bad = rankIssue("MaskedConv2D", x, 4, "images need height, width and channels");
    if (bad) return bad;
    if (!isKnown(lastDim(x!))) return fail(`MaskedConv2D needs a known number of channels, but the last dimension is ${lastDim(x!)}`, { port: "x" });
    if (q.kernelSize % 2 === 0) {
      return fail(`MaskedConv2D needs an odd kernel size so the kernel has a centre pixel, got ${q.kernelSize}`, {
        param: "kernelSize",
        fixes: [{ label: `Use kernel size ${q.kernelSize + 1}`, action: "setParam", param: "kernelSize", value: q.kernelSize + 1 }],
      });
    }
    return ok([x![0]!, x![1]!, x![2]!, q.filters]);
  },
  paramCount: ([x], q) => {
    const c = x ? lastDim(x) : undefined;
    return c !== undefined && isKnown(c) ? q.kernelSize * q.kernelSize * c * q.filters + (q.useBias ? q.filters : 0) : 0;
  },
  flops: ([x], [y], q) => {
    const c = x ? lastDim(x) : undefined;
    return y && c !== undefined && isKnown(c) ? 2 * knownProduct(y.slice(1)) * q.kernelSize * q.kernelSize * c : 0;
  },
  toKeras: (q) => ({
    className: "MaskedConv2D",
    config: {
      filters: q.filters, kernel_size: [q.kernelSize, q.kernelSize], strides: [1, 1], padding: "same", data_format: "channels_last",
      dilation_rate: [1, 1], mask_type: q.maskType, activation: q.activation, use_bias: q.useBias,
      kernel_initializer: glorotUniform, bias_initializer: zeros,
    },
  }),
  describe: (q) => `${q.filters}@${q.kernelSize}x${q.kernelSize} mask ${q.maskType}${q.activation === "linear" ? "" : " " + q.activation}`,
});

export const autoregressiveLayers = { MaskedConv2D };
