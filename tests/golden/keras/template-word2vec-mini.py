"""word2vec CBOW (mini)

word2vec CBOW in miniature: the 255 most frequent words of the shipped text (and one for all others)
as 16-dimensional vectors; the two words either side of each word predict it against 5 negatives.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_cbow()  network "cbow": context Bx4 -> scores Bx256

Train on one machine, on every GPU of this machine, or on several machines:
  python word2vec-cbow-mini.py --data TEXT.txt [--strategy none|mirrored|multiworker]
For multiworker, start the script on every machine with TF_CONFIG describing the cluster
(https://www.tensorflow.org/guide/distributed_training). --batch-size is per replica.
"""
import argparse
import collections
import re

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_cbow():
    """Network "cbow": context Bx4 -> scores Bx256; 8,192 parameters."""
    # Context word ids (2 each side): Input 4
    context = keras.Input(shape=(4,), dtype="int32", name="context")
    # Input word vectors: Embedding 256→16
    embed = layers.Embedding(input_dim=256, output_dim=16, mask_zero=False, name="embed")(context)
    # Context vector v_c: Global average pooling 1D
    mean = layers.GlobalAveragePooling1D(name="mean")(embed)
    # Output word vectors u_w: Dense 256
    scores = layers.Dense(units=256, use_bias=False, kernel_initializer="glorot_normal", name="scores")(mean)
    return keras.Model(inputs=[context], outputs=[scores], name="cbow")


# The word2vec recipe's settings: context words each side (from the input's size), the vocabulary (the output's
# units), and training.options.negatives (the runtime's default where unset).
CONTEXT_BEFORE, CONTEXT_AFTER = 2, 2
VOCABULARY = 256
NEGATIVES = 5
# Words are lower-case runs of letters, with inner apostrophes ("river's").
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def cbow_vocabulary(words):
    """Words by id: "<unk>" (id 0, every word outside the vocabulary), then the VOCABULARY − 1 most frequent words,
    ties alphabetical; and each id's count, the unigram counts negatives are drawn by."""
    ranked = sorted(collections.Counter(words).items(), key=lambda item: (-item[1], item[0]))[: VOCABULARY - 1]
    counts = np.zeros(VOCABULARY)
    counts[1 : len(ranked) + 1] = [count for _, count in ranked]
    return ["<unk>"] + [word for word, _ in ranked], counts


def cbow_examples(ids):
    """One example per known word with a full context: (the ids of the CONTEXT_BEFORE words before it and the
    CONTEXT_AFTER after it, its own id)."""
    ids = np.asarray(ids, np.int32)
    centre = np.arange(CONTEXT_BEFORE, len(ids) - CONTEXT_AFTER)
    centre = centre[ids[centre] != 0]
    offsets = np.concatenate([np.arange(-CONTEXT_BEFORE, 0), np.arange(1, CONTEXT_AFTER + 1)])
    return ids[centre[:, None] + offsets[None, :]], ids[centre]


def cbow_negative_sampling_loss(table, kernel, bias, context, candidates):
    """Mikolov et al. 2013, per example: −log σ(v_c·u_w) − Σ_neg log σ(−v_c·u_neg). v_c is the mean of the context's
    input vectors (rows of the Embedding's table), u a word's output vector (a column of the output Dense's kernel,
    plus its bias); candidates hold the centre word, then the negatives."""
    v = tf.reduce_mean(tf.gather(table, context), axis=1)
    u = tf.gather(tf.transpose(kernel), candidates)
    score = tf.reduce_sum(v[:, None, :] * u, axis=-1)
    if bias is not None:
        score = score + tf.gather(bias, candidates)
    sign = tf.concat([tf.ones_like(score[:, :1]), -tf.ones_like(score[:, 1:])], axis=1)
    return tf.reduce_sum(tf.nn.softplus(-sign * score), axis=1)


def cbow_losses(counts):
    """The step's losses: each example draws NEGATIVES words from the unigram distribution raised to 0.75."""
    logits = tf.constant(np.log(np.maximum(counts, 1e-30) ** 0.75)[None, :], tf.float32)

    def losses(model, batch, training=False):
        context, centre = batch
        n = tf.shape(centre)[0]
        negatives = tf.reshape(tf.random.categorical(logits, n * NEGATIVES, dtype=tf.int32), (n, NEGATIVES))
        candidates = tf.concat([centre[:, None], negatives], axis=1)
        embedding, output = model.get_layer("embed"), model.get_layer("scores")
        per_example = cbow_negative_sampling_loss(embedding.embeddings, output.kernel, output.bias, context, candidates)
        return {"loss": tf.nn.compute_average_loss(per_example)}

    return losses


def distributed_train_step(strategy, model, optimizer, losses_fn):
    """One update on every replica as a compiled function. Each replica's losses are its share of the
    global batch's (divided by the global batch, or the global count they are averaged over), so the
    gradients the optimizer sums over replicas, and the losses summed here, are the whole batch's."""

    def update(batch):
        with tf.GradientTape() as tape:
            losses = losses_fn(model, batch, training=True)
        grads = tape.gradient(losses["loss"], model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        return losses

    @tf.function
    def step(batch):
        losses = strategy.run(update, args=(batch,))
        return {name: strategy.reduce(tf.distribute.ReduceOp.SUM, value, axis=None) for name, value in losses.items()}

    return step


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train word2vec CBOW (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="a plain text file; its words (lower-case runs of letters) make the vocabulary and the examples")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="word2vec-cbow-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_cbow()
        optimizer = keras.optimizers.Adam(learning_rate=0.05, beta_1=0.9, beta_2=0.999)
    with open(args.data, encoding="utf-8") as f:
        words = WORD.findall(f.read().lower())
    vocabulary, counts = cbow_vocabulary(words)
    index = {word: i for i, word in enumerate(vocabulary)}
    examples = cbow_examples([index.get(word, 0) for word in words])
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    step = distributed_train_step(strategy, model, optimizer, cbow_losses(counts))
    for epoch in range(args.epochs):
        sums, batches = {}, 0
        for batch in dataset:
            for name, value in step(batch).items():
                sums[name] = sums.get(name, 0.0) + float(value)
            batches += 1
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {total / batches:.4f}" for name, total in sums.items()))
    model.save(args.save)
    with open(args.save + ".vocabulary.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(vocabulary))  # row i of the Embedding is word i


if __name__ == "__main__":
    main()
