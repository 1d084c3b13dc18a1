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


class GAN(keras.Model):
    """Goodfellow et al. 2014, as the document's recipe "gan" trains it: each batch, one discriminator
    step (real samples labelled 1, generated ones 0), then one generator step with the non-saturating
    loss (generated samples labelled 1)."""

    def __init__(self, generator, discriminator, **kwargs):
        super().__init__(**kwargs)
        self.generator = generator
        self.discriminator = discriminator
        self.loss_fn = keras.losses.get("binary_crossentropy")

    def compile(self):
        super().compile()
        self.d_optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)
        self.g_optimizer = keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999)

    def noise(self, batch):
        return [tf.random.normal((batch, 8))]

    def train_step(self, real):
        batch = tf.shape(real)[0]
        # Gradients are summed over replicas, so each replica's loss counts 1/replicas.
        replicas = tf.cast(tf.distribute.get_strategy().num_replicas_in_sync, tf.float32)
        fake = self.generator(self.noise(batch), training=True)
        with tf.GradientTape() as tape:
            real_out = self.discriminator(real, training=True)
            fake_out = self.discriminator(fake, training=True)
            d_loss = self.loss_fn(tf.ones_like(real_out), real_out) + self.loss_fn(tf.zeros_like(fake_out), fake_out)
        grads = tape.gradient(d_loss / replicas, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        with tf.GradientTape() as tape:
            fake_out = self.discriminator(self.generator(self.noise(batch), training=True), training=True)
            g_loss = self.loss_fn(tf.ones_like(fake_out), fake_out)
        grads = tape.gradient(g_loss / replicas, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))
        return {"d_loss": d_loss, "g_loss": g_loss}


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train Toy GAN (2-D) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named x of real samples (one row each)")
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
        gan.compile()
    real = np.load(args.data)["x"]
    dataset = tf.data.Dataset.from_tensor_slices(real).shuffle(len(real)).batch(global_batch, drop_remainder=True)
    gan.fit(dataset, epochs=args.epochs)
    generator.save(args.save)


if __name__ == "__main__":
    main()
