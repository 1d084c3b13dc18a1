/**
 * The residual block of ResNet (He et al. 2015, "Deep residual learning", figure 5): the main
 * path learns a correction added to its input. "basic" is two 3×3 convolutions (ResNet-18/34);
 * "bottleneck" is 1×1 reduce, 3×3, 1×1 expand to 4× the filters (ResNet-50 and deeper).
 * Batch normalization follows every convolution, so the convolutions carry no bias.
 * The stride sits on the 3×3 convolution (as torchvision's "ResNet v1.5"), which keeps the
 * strided 1×1 from discarding three quarters of its input.
 * The shortcut is the identity when the input already has the output's shape, and otherwise a
 * strided 1×1 convolution with batch normalization (the paper's option B).
 */
import { MAX_DIM, p } from "../core/params.js";
import type { PortRef } from "../core/document.js";
import { BodyBuilder, blockInput } from "./body.js";
import { defineBlock } from "./types.js";

/** Channel growth of the bottleneck's last 1×1 convolution, fixed at 4 as in the paper. */
export const BOTTLENECK_EXPANSION = 4;

export const ResidualBlock = defineBlock({
  kind: "ResidualBlock",
  title: "Residual block",
  summary: "ResNet block: convolutions with batch norm plus a shortcut, added, then ReLU.",
  params: {
    variant: p.enum(["basic", "bottleneck"], "basic", "basic: two 3×3 convs; bottleneck: 1×1, 3×3, 1×1 with 4× expansion."),
    filters: p.int(64, 1, MAX_DIM, "Width of the 3×3 convolution; the block outputs this many channels (4× for bottleneck)."),
    strides: p.tuple([1, 1], { min: 1, max: 64, doc: "Stride of the 3×3 convolution; 2 halves height and width." }),
  },
  inputs: ["x"],
  outputs: ["y"],
  build(q, inputs) {
    const b = new BodyBuilder();
    const x = blockInput();
    const conv = b.conv.bind(b), bn = b.bn.bind(b), relu = b.relu.bind(b);

    let main: PortRef;
    let outChannels: number;
    if (q.variant === "basic") {
      outChannels = q.filters;
      main = relu("relu1", bn("bn1", conv("conv1", q.filters, 3, q.strides, x)));
      main = bn("bn2", conv("conv2", q.filters, 3, [1, 1], main));
    } else {
      outChannels = q.filters * BOTTLENECK_EXPANSION;
      main = relu("relu1", bn("bn1", conv("conv1", q.filters, 1, [1, 1], x)));
      main = relu("relu2", bn("bn2", conv("conv2", q.filters, 3, q.strides, main)));
      main = bn("bn3", conv("conv3", outChannels, 1, [1, 1], main));
    }
    return b.residualOutput(main, inputs[0], outChannels, q.strides);
  },
});
