/**
 * GoogLeNet's auxiliary classifier (Szegedy et al. 2014, "Going deeper with convolutions",
 * section 5): a small classifier hung off a middle inception module so gradients reach the
 * lower layers early in training. Its loss counts 0.3 of the main loss; at inference it is dropped.
 */
import { MAX_DIM, p } from "../core/params.js";
import { BodyBuilder, blockInput } from "./body.js";
import { defineBlock } from "./types.js";

export const AuxHead = defineBlock({
  kind: "AuxHead",
  title: "Auxiliary classifier",
  summary: "GoogLeNet side head: 5×5/3 average pool, 1×1 conv, dense, dropout, softmax; trains with loss weight 0.3.",
  params: {
    classes: p.int(10, 1, MAX_DIM, "Number of classes; match the main head."),
    convFilters: p.int(128, 1, MAX_DIM, "Filters of the 1×1 convolution after pooling."),
    denseUnits: p.int(1024, 1, MAX_DIM, "Units of the hidden fully connected layer."),
    dropout: p.float(0.7, 0, 0.99, "Fraction of hidden units dropped during training."),
    poolSize: p.tuple([5, 5], { min: 1, max: MAX_DIM, doc: "Average pooling window (valid padding)." }),
    poolStrides: p.tuple([3, 3], { min: 1, max: MAX_DIM, doc: "Average pooling stride." }),
  },
  inputs: ["x"],
  outputs: ["y"],
  defaultLossWeight: 0.3,
  build(q) {
    const b = new BodyBuilder();
    let t = b.layer("pool", "AveragePooling2D", { poolSize: q.poolSize, strides: q.poolStrides, padding: "valid" }, blockInput());
    t = b.layer("conv", "Conv2D", { filters: q.convFilters, kernelSize: [1, 1], padding: "same", activation: "relu" }, t);
    t = b.layer("flatten", "Flatten", {}, t);
    t = b.layer("fc", "Dense", { units: q.denseUnits, activation: "relu" }, t);
    t = b.layer("dropout", "Dropout", { rate: q.dropout }, t);
    t = b.layer("classifier", "Dense", { units: q.classes, activation: "softmax" }, t);
    return b.output(t).done();
  },
});
