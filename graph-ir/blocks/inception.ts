/**
 * The inception module of GoogLeNet (Szegedy et al. 2014, figure 2b): four branches over the
 * same input, concatenated on channels. The 1×1 "reduce" convolutions shrink the channels
 * before the costly 3×3 and 5×5 convolutions. Every convolution is followed by ReLU.
 * Output channels: f1x1 + f3x3 + f5x5 + poolProj; height and width are kept.
 */
import { MAX_DIM, p } from "../core/params.js";
import { BodyBuilder, blockInput } from "./body.js";
import { defineBlock } from "./types.js";

const filters = (def: number, doc: string) => p.int(def, 1, MAX_DIM, doc);

export const Inception = defineBlock({
  kind: "Inception",
  title: "Inception module",
  summary: "Parallel 1×1, 3×3, 5×5 convolutions and a pooled projection, concatenated on channels.",
  // Defaults are GoogLeNet's inception (3a).
  params: {
    f1x1: filters(64, "Filters of the 1×1 branch."),
    f3x3reduce: filters(96, "1×1 filters before the 3×3 convolution."),
    f3x3: filters(128, "Filters of the 3×3 convolution."),
    f5x5reduce: filters(16, "1×1 filters before the 5×5 convolution."),
    f5x5: filters(32, "Filters of the 5×5 convolution."),
    poolProj: filters(32, "1×1 filters after the 3×3 max pooling."),
  },
  inputs: ["x"],
  outputs: ["y"],
  build(q) {
    const b = new BodyBuilder();
    const x = blockInput();
    const conv = (id: string, f: number, k: number, from: typeof x) =>
      b.layer(id, "Conv2D", { filters: f, kernelSize: [k, k], padding: "same", activation: "relu" }, from);
    const b1 = conv("b1_1x1", q.f1x1, 1, x);
    const b2 = conv("b2_3x3", q.f3x3, 3, conv("b2_reduce", q.f3x3reduce, 1, x));
    const b3 = conv("b3_5x5", q.f5x5, 5, conv("b3_reduce", q.f5x5reduce, 1, x));
    const pooled = b.layer("b4_pool", "MaxPooling2D", { poolSize: [3, 3], strides: [1, 1], padding: "same" }, x);
    const b4 = conv("b4_proj", q.poolProj, 1, pooled);
    return b.output(b.merge("concat", "Concatenate", { axis: -1 }, [b1, b2, b3, b4])).done();
  },
});
