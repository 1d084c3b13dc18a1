/**
 * The ResNeXt block (Xie et al. 2017, "Aggregated residual transformations", figure 3): a
 * bottleneck whose middle is split into `cardinality` parallel paths of width `width`.
 *
 * Built as the paper's form (b): each path is a 1×1 reduce to `width` channels and a 3×3
 * convolution; the paths are concatenated (in groups when there are more paths than one
 * Concatenate node takes, which changes nothing) and a 1×1 convolution expands them to `filters`.
 * Form (b) computes the same function as form (c), a grouped 3×3 convolution with `cardinality`
 * groups, and has the same weights; parallel branches keep every node a plain Keras layer.
 * Batch normalization after each path's 3×3 is written once after the concatenation: it
 * normalizes each channel on its own, so it is the same layer with the same parameters.
 * The stride sits on the 3×3 convolutions; the shortcut is the identity when shapes allow and a
 * strided 1×1 convolution with batch normalization otherwise.
 */
import { MAX_DIM, p } from "../core/params.js";
import type { PortRef } from "../core/document.js";
import { Concatenate } from "../layers/merge.js";
import { BodyBuilder, blockInput } from "./body.js";
import { defineBlock } from "./types.js";

const CONCAT_MAX_INPUTS = Concatenate.params.inputs.max ?? 2;

export const ResNeXtBlock = defineBlock({
  kind: "ResNeXtBlock",
  title: "ResNeXt block",
  summary: "Residual bottleneck with `cardinality` parallel 1×1→3×3 paths, concatenated, expanded by 1×1, added to the shortcut.",
  // Defaults are the first stage of ResNeXt-50 (32×4d).
  params: {
    cardinality: p.int(32, 1, 256, "Number of parallel paths (C)."),
    width: p.int(4, 1, MAX_DIM, "Channels of each path, the bottleneck width (d)."),
    filters: p.int(256, 1, MAX_DIM, "Output channels of the block."),
    strides: p.tuple([1, 1], { min: 1, max: 64, doc: "Stride of the 3×3 convolutions; 2 halves height and width." }),
  },
  inputs: ["x"],
  outputs: ["y"],
  build(q, inputs) {
    const b = new BodyBuilder();
    const x = blockInput();
    const conv = b.conv.bind(b), bn = b.bn.bind(b), relu = b.relu.bind(b);

    const paths: PortRef[] = [];
    for (let i = 0; i < q.cardinality; i++) {
      const reduced = relu(`path${i}_relu`, bn(`path${i}_bn`, conv(`path${i}_reduce`, q.width, 1, [1, 1], x)));
      paths.push(conv(`path${i}_conv`, q.width, 3, q.strides, reduced));
    }
    // Concatenate takes a bounded number of inputs; beyond it the paths are joined in groups.
    // One path needs no concatenation at all.
    const joined = b.mergeAll("concat", "Concatenate", { axis: -1 }, paths, CONCAT_MAX_INPUTS);
    let main = relu("relu_mid", bn("bn_mid", joined));
    main = bn("bn_out", conv("expand", q.filters, 1, [1, 1], main));
    return b.residualOutput(main, inputs[0], q.filters, q.strides);
  },
});
