/**
 * Small documents that between them use every layer kind of the registry (custom layers, every
 * multi-output layer, int32 inputs, free sequence lengths, standard and document blocks), so the
 * export round trips cover what the fixtures and templates may not.
 */
import type { GraphDocument } from "../../../graph-ir/core/document.js";
import { BLOCK_IN, BLOCK_OUT } from "../../../graph-ir/core/document.js";
import { blockDef, edge, graph, node } from "../../support/docs.js";

/** Images: convolutions, pooling, reshaping, normalisation, activations, merges, blocks. */
export function visionZoo(): GraphDocument {
  return graph("Vision zoo")
    .description("Every image layer once, small enough to run in a test.")
    .block("ConvPair", blockDef({
      title: "Conv pair",
      inputs: ["x"],
      outputs: ["y"],
      params: { filters: { default: 4, bind: [["a", "filters"], ["b", "filters"]] } },
      nodes: [node("a", "Conv2D", { filters: 4, padding: "same", activation: "relu" }), node("b", "Conv2D", { filters: 4, padding: "same" })],
      edges: [edge([BLOCK_IN, "x"], "a"), edge("a", "b"), edge("b", [BLOCK_OUT, "y"])],
    }))
    .node("img", "Input", { shape: [12, 12, 3] }, { label: "Image 12×12" })
    .layer("conv", "Conv2D", { filters: 6, kernelSize: [3, 3], padding: "same", activation: "relu" }, "img")
    .layer("bn", "BatchNormalization", { momentum: 0.9 }, "conv")
    .layer("lrn", "LocalResponseNormalization", { depthRadius: 2 }, "bn")
    .layer("dw", "DepthwiseConv2D", { kernelSize: [3, 3], padding: "same", depthMultiplier: 2 }, "lrn")
    .layer("sep", "SeparableConv2D", { filters: 8, kernelSize: [3, 3], padding: "same", activation: "relu" }, "dw")
    .layer("pair", "ConvPair", { filters: 8 }, "sep")
    .layer("res", "ResidualBlock", { filters: 8 }, "pair")
    .layer("pool", "MaxPooling2D", { poolSize: [2, 2] }, "res")
    .layer("pad", "ZeroPadding2D", { padding: [1, 2] }, "pool")
    .layer("crop", "Cropping2D", { cropping: [1, 1, 2, 2] }, "pad")
    .layer("up", "UpSampling2D", { size: [2, 2], interpolation: "bilinear" }, "crop")
    .layer("deconv", "Conv2DTranspose", { filters: 4, kernelSize: [3, 3], strides: [1, 1], padding: "same" }, "up")
    .layer("leaky", "LeakyReLU", { alpha: 0.2 }, "deconv")
    .layer("elu", "ELU", {}, "leaky")
    .layer("relu", "ReLU", {}, "elu")
    .layer("sn", "SpectralNormalization", { layer: "Conv2D", filters: 5, kernelSize: [3, 3], strides: [2, 2], padding: "same", activation: "relu" }, "relu")
    .layer("avg", "AveragePooling2D", { poolSize: [2, 2], strides: [1, 1], padding: "same" }, "sn")
    .layer("gap", "GlobalAveragePooling2D", {}, "avg")
    .layer("gmp", "GlobalMaxPooling2D", {}, "avg")
    .node("cat", "Concatenate", { inputs: 2 })
    .edge("gap", ["cat", "in0"]).edge("gmp", ["cat", "in1"])
    .layer("d1", "Dense", { units: 6, activation: "tanh" }, "cat")
    .layer("d2", "Dense", { units: 6 }, "cat")
    .node("sum", "Add", { inputs: 2 })
    .edge("d1", ["sum", "in0"]).edge("d2", ["sum", "in1"])
    .node("prod", "Multiply", { inputs: 2 })
    .edge("sum", ["prod", "in0"]).edge("d1", ["prod", "in1"])
    .node("mean", "Average", { inputs: 3 })
    .edge("prod", ["mean", "in0"]).edge("sum", ["mean", "in1"]).edge("d2", ["mean", "in2"])
    .layer("ln", "LayerNormalization", {}, "mean")
    .layer("drop", "Dropout", { rate: 0.3 }, "ln")
    .layer("reshape", "Reshape", { targetShape: [3, 2] }, "drop")
    .layer("perm", "Permute", { dims: [2, 1] }, "reshape")
    .layer("flat", "Flatten", {}, "perm")
    .layer("logits", "Dense", { units: 4 }, "flat")
    .layer("probs", "Softmax", {}, "logits")
    .layer("gate", "Sigmoid", {}, "logits")
    .layer("squash", "Tanh", {}, "logits")
    .network("zoo", ["img"], ["probs", "gate", "squash"])
    .training({
      losses: [
        { output: "probs", loss: "categoricalCrossentropy", weight: 1 },
        { output: "gate", loss: "binaryCrossentropy", weight: 0.5 },
        { output: "squash", loss: "meanSquaredError", weight: 0.25 },
      ],
      optimizer: { kind: "sgd", learningRate: 0.05, momentum: 0.9, weightDecay: 0.001 },
      clipNorm: 1,
      batchSize: 4,
    })
    .build();
}

/** Sequences: embeddings, 1D convolutions, recurrent layers with states, attention, NTM memory. */
export function sequenceZoo(): GraphDocument {
  return graph("Sequence zoo")
    .node("tokens", "Input", { shape: [null], dtype: "int32" }, { label: "Token ids" })
    .layer("embed", "Embedding", { inputDim: 11, outputDim: 6 }, "tokens")
    .layer("conv", "Conv1D", { filters: 6, kernelSize: [3], padding: "same", activation: "relu" }, "embed")
    .layer("causal", "DilatedCausalConv1D", { filters: 6, kernelSize: 2, dilationRate: 2, activation: "tanh" }, "conv")
    .layer("lstm", "LSTM", { units: 5, returnSequences: true, returnState: true }, "causal")
    .layer("gru", "GRU", { units: 4, returnSequences: true }, "lstm")
    .layer("rnn", "SimpleRNN", { units: 4, returnSequences: true }, "gru")
    .layer("bi", "Bidirectional", { layer: "LSTM", units: 3, returnSequences: true }, "rnn")
    .layer("self", "Attention", { heads: 2, keyDim: 3, causal: true }, "bi")
    .node("cross", "Attention", { inputMode: "queryValue", score: "additive", heads: 1, keyDim: 4, outputDim: 5, returnScores: true })
    .edge("self", ["cross", "query"]).edge("conv", ["cross", "value"])
    .layer("ntm", "Memory", { memorySlots: 6, slotSize: 3, controllerUnits: 5, outputDim: 4 }, "cross")
    .layer("gmp", "GlobalMaxPooling1D", {}, "ntm")
    .layer("gap", "GlobalAveragePooling1D", {}, ["lstm", "y"])
    .node("state", "Concatenate", { inputs: 3 })
    .edge("gmp", ["state", "in0"]).edge(["lstm", "h"], ["state", "in1"]).edge(["lstm", "c"], ["state", "in2"])
    .layer("repeat", "RepeatVector", { n: 3 }, "state")
    .layer("pool", "MaxPooling1D", { poolSize: [2], strides: [1] }, "repeat")
    .layer("avg", "AveragePooling1D", { poolSize: [2], strides: [1], padding: "same" }, "pool")
    .layer("flat", "Flatten", {}, "avg")
    .layer("head", "Dense", { units: 3, activation: "softmax" }, "flat")
    .layer("score_head", "Dense", { units: 2 }, "gap")
    .network("seq", ["tokens"], ["head", "score_head", "cross"])
    .training({
      losses: [
        { output: "head", loss: "sparseCategoricalCrossentropy", weight: 1 },
        { output: "score_head", loss: "huber", weight: 0.1 },
      ],
      optimizer: { kind: "rmsprop", learningRate: 0.01 },
      batchSize: 2,
    })
    .build();
}

/** Node and network ids that are keywords or clash with names the exported file declares. */
export function awkwardNames(): GraphDocument {
  return graph("Awkward names")
    .node("tf", "Input", { shape: [4, 3] })
    .layer("memory", "Memory", { memorySlots: 4, slotSize: 2, controllerUnits: 3, outputDim: 3 }, "tf")
    .layer("default", "GlobalAveragePooling1D", {}, "memory")
    .layer("NTMMemory", "Dense", { units: 5, activation: "relu" }, "default")
    .layer("outputsOf", "Dense", { units: 2, activation: "softmax" }, "NTMMemory")
    .layer("class", "Dense", { units: 1, activation: "sigmoid" }, "NTMMemory")
    .network("2nd-net", ["tf"], ["outputsOf", "class"])
    .training({
      networks: { model: "2nd-net" },
      losses: [{ output: "outputsOf", loss: "categoricalCrossentropy", weight: 2 }, { output: "class", loss: "meanAbsoluteError", weight: 1 }],
      batchSize: 2,
    })
    .build();
}

export const COVERAGE_DOCS: Readonly<Record<string, () => GraphDocument>> = { "vision-zoo": visionZoo, "sequence-zoo": sequenceZoo, "awkward-names": awkwardNames };
