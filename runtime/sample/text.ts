/**
 * Text from a character language model (char-RNN: int32 character ids [T] in, a score per
 * character at every step out). Each new character is one forward pass: the text so far (its
 * last T characters when the input length is fixed) goes in from position 0, the scores at the
 * last real position are divided by the temperature and one character is drawn. Positions after
 * the text are filled with id 0 and never read; a recurrent or causal model does not look ahead.
 */
import { hashSeed, Rng } from "../data/rng.js";
import type { Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import * as tf from "../tf.js";
import { finalActivation } from "./activation.js";
import { drawFromLogits, temperedScores } from "./draw.js";
import { SampleError, type SampleOptions } from "./types.js";

/** Longest context fed to a model whose input length is free. */
const FREE_CONTEXT = 256;

export async function sampleText(net: MaterializedNetwork, dataset: Dataset | undefined, options: SampleOptions): Promise<{ prompt: string; text: string }> {
  const input = net.inputs[0]!, output = net.outputs[0]!;
  const vocab = output.shape[2];
  if (!dataset) throw new SampleError(`A character model needs its training dataset to turn ids into characters; none was given.`);
  const t = dataset.target;
  if (t.kind !== "classes" || t.names.length !== vocab || !t.names.every((n) => [...n].length === 1)) {
    throw new SampleError(`'${output.nodeId}' scores ${String(vocab)} characters, but ${dataset.id} ${t.kind === "classes" ? `has ${t.names.length} classes` : "has no classes"}; a character model samples from a text dataset with one class per character (shipped:text).`);
  }
  const chars = t.names;
  const index = new Map(chars.map((ch, i) => [ch, i]));
  const fallback = [..."The "].every((ch) => index.has(ch)) ? "The " : chars[0]!;
  const prompt = options.prompt ?? fallback;
  if (prompt.length === 0) throw new SampleError("The prompt is empty; give at least one character to continue from.");
  const ids: number[] = [];
  for (const ch of prompt) {
    const id = index.get(ch);
    if (id === undefined) throw new SampleError(`The prompt has ${JSON.stringify(ch)}, which is not among the ${chars.length} characters of ${dataset.id}; leave it out or use another prompt.`);
    ids.push(id);
  }
  const fixed = typeof input.shape[1] === "number" ? input.shape[1] : undefined;
  const logits = finalActivation(net, output.layer) !== "softmax";
  const length = options.length ?? 300;
  const temperature = options.temperature ?? 1;
  const rng = new Rng(hashSeed("sample-text", options.seed ?? 0));
  let text = "";
  for (let step = 0; step < length; step++) {
    if (options.signal?.aborted) throw new SampleError("Sampling was stopped.");
    const context = ids.slice(-(fixed ?? FREE_CONTEXT));
    const width = fixed ?? context.length;
    const row = new Int32Array(width);
    row.set(context);
    const last = context.length - 1;
    const scores = tf.tidy(() => {
      const out = ([] as tf.Tensor[]).concat(net.model.predict(tf.tensor2d(row, [1, width], "int32")) as tf.Tensor | tf.Tensor[])[0]!;
      return tf.slice(out, [0, last, 0], [1, 1, vocab as number]).reshape([vocab as number]);
    });
    const values = await scores.data();
    scores.dispose();
    const id = drawFromLogits(temperedScores(values, 0, values.length, logits, temperature), rng.next());
    ids.push(id);
    text += chars[id]!;
    options.onProgress?.(step + 1, length);
  }
  return { prompt, text };
}
