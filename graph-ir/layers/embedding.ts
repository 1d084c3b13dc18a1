/** Embedding: integer token ids to dense vectors (word2vec, language models, sequence classifiers). */
import { p, MAX_DIM } from "../core/params.js";
import { formatShape } from "../core/shape.js";
import { singlePort } from "./common.js";
import { defineLayer, fail, ok } from "./types.js";

export const Embedding = defineLayer({
  kind: "Embedding",
  title: "Embedding",
  category: "core",
  summary: "Looks up a learned vector for each integer token id; feed it int32 ids shaped batch×time.",
  params: {
    inputDim: p.int(1000, 1, MAX_DIM, "Vocabulary size: ids run from 0 to inputDim-1 (with maskZero, id 0 is padding and still counts)."),
    outputDim: p.int(64, 1, MAX_DIM, "Length of each token's vector."),
    maskZero: p.bool(false, "Treat id 0 as padding: later recurrent layers skip those steps."),
  },
  ports: () => singlePort,
  infer: ([x], q) => {
    if (!x) return fail("needs an input", { port: "x" });
    // Ids are one per position; a lone [batch] tensor has no positions to embed.
    if (x.length < 2) {
      return fail(`Embedding expects token ids shaped batch×time but gets ${formatShape(x)}; give the Input a sequence length`, { port: "x" });
    }
    return ok([...x, q.outputDim]);
  },
  paramCount: (_inputs, q) => q.inputDim * q.outputDim,
  // A table lookup does no multiply-adds.
  flops: () => 0,
  toKeras: (q) => ({ className: "Embedding", config: { input_dim: q.inputDim, output_dim: q.outputDim, mask_zero: q.maskZero } }),
  describe: (q) => `${q.inputDim}→${q.outputDim}${q.maskZero ? " mask 0" : ""}`,
});

export const embeddingLayers = { Embedding };
