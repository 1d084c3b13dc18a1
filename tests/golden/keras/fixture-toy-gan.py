"""Toy GAN (2-D)

Goodfellow et al. 2014 on a two-dimensional mixture of Gaussians: a generator maps 8-D noise to
points, a discriminator tells them from real samples.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx8 -> g_out Bx2
  build_d()  network "D": x Bx2 -> d_out Bx1

Train on one machine, on every GPU of this machine, or on several machines:
  python toy-gan-2-d.py --data DATA.npz [--strategy none|mirrored|multiworker]
For multiworker, start the script on every machine with TF_CONFIG describing the cluster
(https://www.tensorflow.org/guide/distributed_training). --batch-size is per replica.
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": z Bx8 -> g_out Bx2; 1,102 parameters."""
    # Noise z: Latent noise z ∈ ℝ^8 normal
    z = keras.Input(shape=(8,), dtype="float32", name="z")
    g_hidden = layers.Dense(
        units=100, activation="relu", kernel_initializer="glorot_normal", name="g_hidden",
    )(z)
    # Generated point: Dense 2
    g_out = layers.Dense(units=2, kernel_initializer="glorot_normal", name="g_out")(g_hidden)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": x Bx2 -> d_out Bx1; 401 parameters."""
    # Point: Input 2
    x = keras.Input(shape=(2,), dtype="float32", name="x")
    d_hidden = layers.Dense(
        units=100, activation="relu", kernel_initializer="glorot_normal", name="d_hidden",
    )(x)
    # P(real): Dense 1 sigmoid
    d_out = layers.Dense(
        units=1, activation="sigmoid", kernel_initializer="glorot_normal", name="d_out",
    )(d_hidden)
    return keras.Model(inputs=[x], outputs=[d_out], name="D")


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def gan_losses(d_real, d_fake, loss_fn):
    """The discriminator labels real samples 1 and generated ones 0; the generator's loss is the
    non-saturating one (its samples labelled 1)."""
    d_loss = tf.reduce_mean(loss_fn(tf.ones_like(d_real), d_real)) + tf.reduce_mean(loss_fn(tf.zeros_like(d_fake), d_fake))
    return {"d_loss": d_loss, "g_loss": tf.reduce_mean(loss_fn(tf.ones_like(d_fake), d_fake))}


class GAN:
    """Goodfellow et al. 2014, as the document's recipe "gan" trains it, with loss binaryCrossentropy on D's output.
    The two networks update on alternate batches: D on steps 0, 2, 4, ..., G on steps 1, 3, 5, ..."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss",)
    G_SIDE = ("g_loss",)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
        self.g_optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)

    def noise(self, batch):
        """Noise for the generator (z: standard normal)."""
        return [tf.random.normal((batch, 8))]

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        update_d = step % 2 < 1
        return update_d, not update_d

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        real = batch
        fake = outputs_of(self.generator, self.noise(tf.shape(real)[0]), True)[0]
        d_real = outputs_of(self.discriminator, real, True)[0]
        d_fake = outputs_of(self.discriminator, fake, True)[0]
        return gan_losses(d_real, d_fake, keras.losses.get("binary_crossentropy"))

    def update(self, batch, network, optimizer, loss_name):
        # Gradients are summed over replicas, so each replica's mean loss counts 1/replicas.
        replicas = tf.distribute.get_strategy().num_replicas_in_sync
        with tf.GradientTape() as tape:
            columns = self.losses(batch)
        grads = tape.gradient(columns[loss_name] / replicas, network.trainable_weights)
        optimizer.apply_gradients(zip(grads, network.trainable_weights))
        return columns

    def d_update(self, batch):
        return self.update(batch, self.discriminator, self.d_optimizer, "d_loss")

    def g_update(self, batch):
        return self.update(batch, self.generator, self.g_optimizer, "g_loss")


def distributed_step(strategy, update, after=None):
    """One update on every replica as a compiled function; returns each loss column averaged over replicas."""

    @tf.function
    def step(batch):
        columns = strategy.run(update, args=(batch,))
        if after is not None:
            after()  # in cross-replica context, so every replica's copy of a variable gets the new value
        return {name: strategy.reduce(tf.distribute.ReduceOp.MEAN, value, axis=None) for name, value in columns.items()}

    return step


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train Toy GAN (2-D) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named x of real samples (one row per example)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=10, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="toy-gan-2-d.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        generator = build_g()
        discriminator = build_d()
        gan = GAN(generator, discriminator)
    data = np.load(args.data)
    examples = data["x"]
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples)).batch(global_batch, drop_remainder=True)
    dataset = strategy.experimental_distribute_dataset(dataset)
    d_step = distributed_step(strategy, gan.d_update)
    g_step = distributed_step(strategy, gan.g_update)
    step = 0
    for epoch in range(args.epochs):
        for batch in dataset:
            update_d, update_g = GAN.phase(step)
            columns = d_step(batch) if update_d else {}
            if update_g:
                # D-side columns come from D's update when it ran, the others from G's.
                columns = {**g_step(batch), **{name: columns[name] for name in GAN.D_SIDE if name in columns}}
            step += 1
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {float(value):.4f}" for name, value in columns.items()))
    generator.save(args.save)


if __name__ == "__main__":
    main()
