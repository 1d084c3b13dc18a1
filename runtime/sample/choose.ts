/**
 * Which sampler suits a document, from its training section alone (no weights, no tfjs):
 *   recipe "autoregressive"           -> pixels: an image pixel by pixel (PixelCNN)
 *   recipe "word2vec"                 -> neighbours: nearest words by cosine similarity
 *   a "generator" role (GAN recipes)  -> generator: the generator run on seeded noise
 *   a model from int32 ids [T] to scores [T, V] -> text: a character language model
 * Anything else (a classifier, a detector) has nothing to sample, and the reason says so.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import { analyze } from "../../graph-ir/passes/analyze.js";
import type { Analysis } from "../../graph-ir/passes/types.js";
import type { SamplerChoice } from "./types.js";

const WHAT_SAMPLES = "Sampling works for autoregressive image models (recipe autoregressive), character language models (int32 ids in, a score per character and step out), GAN generators and word2vec.";

export function samplerFor(doc: GraphDocument, analysis?: Analysis): SamplerChoice {
  const t = doc.training;
  if (!t) return { kind: "none", reason: `"${doc.name}" has no training section, so nothing says what its networks model. ${WHAT_SAMPLES}` };
  const bound = (role: string): string | undefined => t.networks[role];
  if (t.recipe === "autoregressive" && bound("model")) return { kind: "pixels", network: bound("model")!, title: "Images, pixel by pixel" };
  if (t.recipe === "word2vec" && bound("model")) return { kind: "neighbours", network: bound("model")!, title: "Nearest words" };
  if (bound("generator")) return { kind: "generator", network: bound("generator")!, title: "Generator samples" };
  const model = bound("model");
  if (model) {
    const a = analysis && analysis.doc === doc ? analysis : analyze(doc);
    const net = a.networks.get(model);
    const input = net?.inputs.length === 1 ? doc.nodes.find((n) => n.id === net.inputs[0]!.nodeId) : undefined;
    const shape = input?.params["shape"];
    const out = net?.outputs.length === 1 ? net.outputs[0]!.shape : undefined;
    if (input?.kind === "Input" && input.params["dtype"] === "int32" && Array.isArray(shape) && shape.length === 1 && out?.length === 3) {
      return { kind: "text", network: model, title: "Text, character by character" };
    }
  }
  return { kind: "none", reason: `"${doc.name}" trains with the ${t.recipe} recipe, which makes predictions, not samples. ${WHAT_SAMPLES}` };
}
