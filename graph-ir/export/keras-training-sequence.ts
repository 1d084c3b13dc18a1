/**
 * The Keras training of the recipes that make their own targets from the data:
 *   autoregressive  (runtime/recipes/autoregressive.ts, PixelCNN): the image is its own target,
 *                   the loss the negative log-likelihood per pixel and channel in nats;
 *   word2vec        (runtime/recipes/word2vec.ts): CBOW with negative sampling over a text's
 *                   words, reading the Embedding and output Dense's weights directly.
 * The pure functions (pixel_targets, pixel_nll, cbow_negative_sampling_loss, ...) use only a
 * few TensorFlow ops, so tests run them on numpy against the runtime.
 */
import type { TrainingSpec } from "../core/document.js";
import { pyLiteral, pyString } from "./literal.js";
import { pixelSetup } from "./autoregressive-setup.js";
import type { PlannedNetwork } from "./plan.js";
import { INDENT, OUTPUTS_OF_LINES, TRAIN_STEP_LINES, noTraining, oneNetworkMain, type PyTraining } from "./keras-training-common.js";
import { numberOption } from "./training-options.js";

const I2 = INDENT + INDENT;
const COMMON = ["outputs_of", "distributed_train_step"];

export function autoregressivePy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const fail = (why: string) => noTraining(`the autoregressive recipe ${why}, so the script has no training`);
  const setup = pixelSetup(t, net);
  if (!setup.ok) return fail(setup.why);
  const { imageShape: shape, output: out, index, logits, bernoulli, levels, threshold, downscale } = setup;
  const constants = bernoulli
    ? [`THRESHOLD = ${pyLiteral(threshold)}  # training.options.threshold: grey values above it are white`]
    : [`LEVELS = ${levels}  # grey levels: the channels of '${out.nodeId}'`];
  const quantize = bernoulli
    ? [`binary = tf.cast(x > THRESHOLD, tf.float32)`, `return binary, binary`]
    : [
      `level = tf.minimum(tf.floor(tf.clip_by_value(x, 0.0, 1.0) * LEVELS), LEVELS - 1)`,
      `return level / (LEVELS - 1), tf.cast(level[..., 0], tf.int32)`,
    ];
  const nll = bernoulli
    ? logits
      ? [`return tf.reduce_mean(tf.nn.softplus(out) - target * out, axis=[1, 2, 3])`]
      : [`p = tf.clip_by_value(out, 1e-7, 1 - 1e-7)`, `return -tf.reduce_mean(target * tf.math.log(p) + (1.0 - target) * tf.math.log(1.0 - p), axis=[1, 2, 3])`]
    : [
      `logp = ${logits ? "tf.nn.log_softmax(out)" : "tf.math.log(tf.clip_by_value(out, 1e-7, 1.0))"}`,
      `return -tf.reduce_mean(tf.reduce_sum(tf.one_hot(target, LEVELS) * logp, axis=-1), axis=[1, 2])`,
    ];
  const lines = [
    "# The autoregressive recipe's settings (training.options; the runtime's defaults where unset).",
    ...constants,
    `DOWNSCALE = ${pyLiteral(downscale)}  # training.options.downscale: images shrink by this factor first`,
    "",
    "",
    ...OUTPUTS_OF_LINES,
    "",
    "",
    "def pixel_targets(images):",
    `${INDENT}"""Dataset images (values in [0, 1]) -> what the network sees, as it will see its own samples, and the target`,
    `${INDENT}it predicts at every pixel: ${bernoulli ? "pixels binarised at THRESHOLD" : "grey level ⌊v·LEVELS⌋ (at most LEVELS − 1), shown to the network as level / (LEVELS − 1)"}."""`,
    `${INDENT}# Each DOWNSCALE×DOWNSCALE block becomes its mean.`,
    `${INDENT}x = tf.nn.avg_pool2d(images, DOWNSCALE, DOWNSCALE, "VALID") if DOWNSCALE > 1 else images`,
    ...quantize.map((l) => `${INDENT}${l}`),
    "",
    "",
    "def pixel_nll(out, target):",
    `${INDENT}"""Each image's mean negative log-likelihood per pixel and channel, in nats, under the ${logits ? "logits" : "probabilities"} of '${out.nodeId}'."""`,
    ...nll.map((l) => `${INDENT}${l}`),
    "",
    "",
    "def pixel_losses(model, batch, training=False):",
    `${INDENT}"""This replica's share of the batch's loss in nats per dimension (and in bits)."""`,
    `${INDENT}(images,) = batch`,
    `${INDENT}inputs, target = pixel_targets(images)`,
    `${INDENT}loss = tf.nn.compute_average_loss(pixel_nll(outputs_of(model, inputs, training)[${index}], target))`,
    `${INDENT}return {"loss": loss, "bits_per_dim": loss / np.log(2.0)}`,
    "",
    "",
    ...TRAIN_STEP_LINES,
  ];
  const main = oneNetworkMain(t, net.id, ["data = np.load(args.data)", `examples = (data["images"].astype(np.float32),)`], "pixel_losses");
  return {
    lines, main, warnings: [],
    names: ["THRESHOLD", "LEVELS", "DOWNSCALE", "pixel_targets", "pixel_nll", "pixel_losses", ...COMMON],
    dataHelp: `an .npz file with an array named images of images, values in [0, 1], of ${downscale === 1 ? shape.join("x") : `${shape.map((d, i) => (i < 2 ? d * downscale : d)).join("x")} (shrunk ${downscale} times)`}`,
  };
}

/** Keras classes of a CBOW network (runtime/recipes/word2vec.ts): ids -> vectors -> their mean -> a score per word. */
const CBOW_CHAIN = ["InputLayer", "Embedding", "GlobalAveragePooling1D", "Dense"];

export function word2vecPy(t: TrainingSpec, net: PlannedNetwork): PyTraining {
  const layers = net.topology.config.layers;
  const size = net.inputs[0]?.shape[1];
  const vocab = net.outputs[0]?.shape[1];
  if (layers.map((l) => l.class_name).join(" ") !== CBOW_CHAIN.join(" ") || typeof size !== "number" || size < 2 || typeof vocab !== "number") {
    return noTraining(`word2vec reads network '${net.id}' as CBOW (Input of context ids -> Embedding -> GlobalAveragePooling1D -> Dense), which it is not, so the script has no training`);
  }
  const emb = layers[1]!.name;
  const dense = layers[3]!.name;
  const left = Math.floor(size / 2);
  const negatives = numberOption(t, "negatives", 5);
  const lines = [
    "# The word2vec recipe's settings: context words each side (from the input's size), the vocabulary (the output's",
    "# units), and training.options.negatives (the runtime's default where unset).",
    `CONTEXT_BEFORE, CONTEXT_AFTER = ${left}, ${size - left}`,
    `VOCABULARY = ${vocab}`,
    `NEGATIVES = ${negatives}`,
    "# Words are lower-case runs of letters, with inner apostrophes (\"river's\").",
    `WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")`,
    "",
    "",
    "def cbow_vocabulary(words):",
    `${INDENT}"""Words by id: "<unk>" (id 0, every word outside the vocabulary), then the VOCABULARY − 1 most frequent words,`,
    `${INDENT}ties alphabetical; and each id's count, the unigram counts negatives are drawn by."""`,
    `${INDENT}ranked = sorted(collections.Counter(words).items(), key=lambda item: (-item[1], item[0]))[: VOCABULARY - 1]`,
    `${INDENT}counts = np.zeros(VOCABULARY)`,
    `${INDENT}counts[1 : len(ranked) + 1] = [count for _, count in ranked]`,
    `${INDENT}return ["<unk>"] + [word for word, _ in ranked], counts`,
    "",
    "",
    "def cbow_examples(ids):",
    `${INDENT}"""One example per known word with a full context: (the ids of the CONTEXT_BEFORE words before it and the`,
    `${INDENT}CONTEXT_AFTER after it, its own id)."""`,
    `${INDENT}ids = np.asarray(ids, np.int32)`,
    `${INDENT}centre = np.arange(CONTEXT_BEFORE, len(ids) - CONTEXT_AFTER)`,
    `${INDENT}centre = centre[ids[centre] != 0]`,
    `${INDENT}offsets = np.concatenate([np.arange(-CONTEXT_BEFORE, 0), np.arange(1, CONTEXT_AFTER + 1)])`,
    `${INDENT}return ids[centre[:, None] + offsets[None, :]], ids[centre]`,
    "",
    "",
    "def cbow_negative_sampling_loss(table, kernel, bias, context, candidates):",
    `${INDENT}"""Mikolov et al. 2013, per example: −log σ(v_c·u_w) − Σ_neg log σ(−v_c·u_neg). v_c is the mean of the context's`,
    `${INDENT}input vectors (rows of the Embedding's table), u a word's output vector (a column of the output Dense's kernel,`,
    `${INDENT}plus its bias); candidates hold the centre word, then the negatives."""`,
    `${INDENT}v = tf.reduce_mean(tf.gather(table, context), axis=1)`,
    `${INDENT}u = tf.gather(tf.transpose(kernel), candidates)`,
    `${INDENT}score = tf.reduce_sum(v[:, None, :] * u, axis=-1)`,
    `${INDENT}if bias is not None:`,
    `${I2}score = score + tf.gather(bias, candidates)`,
    `${INDENT}sign = tf.concat([tf.ones_like(score[:, :1]), -tf.ones_like(score[:, 1:])], axis=1)`,
    `${INDENT}return tf.reduce_sum(tf.nn.softplus(-sign * score), axis=1)`,
    "",
    "",
    "def cbow_losses(counts):",
    `${INDENT}"""The step's losses: each example draws NEGATIVES words from the unigram distribution raised to 0.75."""`,
    `${INDENT}logits = tf.constant(np.log(np.maximum(counts, 1e-30) ** 0.75)[None, :], tf.float32)`,
    "",
    `${INDENT}def losses(model, batch, training=False):`,
    `${I2}context, centre = batch`,
    `${I2}n = tf.shape(centre)[0]`,
    `${I2}negatives = tf.reshape(tf.random.categorical(logits, n * NEGATIVES, dtype=tf.int32), (n, NEGATIVES))`,
    `${I2}candidates = tf.concat([centre[:, None], negatives], axis=1)`,
    `${I2}embedding, output = model.get_layer(${pyString(emb)}), model.get_layer(${pyString(dense)})`,
    `${I2}per_example = cbow_negative_sampling_loss(embedding.embeddings, output.kernel, output.bias, context, candidates)`,
    `${I2}return {"loss": tf.nn.compute_average_loss(per_example)}`,
    "",
    `${INDENT}return losses`,
    "",
    "",
    ...TRAIN_STEP_LINES,
  ];
  const prepare = [
    `with open(args.data, encoding="utf-8") as f:`,
    `${INDENT}words = WORD.findall(f.read().lower())`,
    `vocabulary, counts = cbow_vocabulary(words)`,
    `index = {word: i for i, word in enumerate(vocabulary)}`,
    `examples = cbow_examples([index.get(word, 0) for word in words])`,
  ];
  const main = oneNetworkMain(t, net.id, prepare, "cbow_losses(counts)");
  const save = main.findIndex((l) => l.includes("model.save("));
  main.splice(save + 1, 0, `${INDENT}with open(args.save + ".vocabulary.txt", "w", encoding="utf-8") as f:`, `${I2}f.write("\\n".join(vocabulary))  # row i of the Embedding is word i`);
  const warnings = t.losses.length ? ["word2vec has its own loss (negative sampling); the script, like Layerloom, does not use training.losses"] : [];
  return {
    lines, main, warnings, imports: ["collections", "re"], dataFile: "TEXT.txt",
    names: ["CONTEXT_BEFORE", "CONTEXT_AFTER", "VOCABULARY", "NEGATIVES", "WORD", "cbow_vocabulary", "cbow_examples", "cbow_negative_sampling_loss", "cbow_losses", ...COMMON],
    dataHelp: "a plain text file; its words (lower-case runs of letters) make the vocabulary and the examples",
  };
}
