"""Conditional GAN (MNIST)

Mirza & Osindero 2014 on MNIST: the generator maps 100-D uniform noise (200 ReLU units) and the
one-hot digit label (1,000 ReLU units) through a joint layer of 1,200 to a 28×28 image; the
discriminator sees the image (240 units) and the label (50) before a joint layer of 240.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx100, label Bx10 -> g_out Bx28x28x1
  build_d()  network "D": image Bx28x28x1, label Bx10 -> d_out Bx1

Train on one machine, on every GPU of this machine, or on several machines:
  python conditional-gan-mnist.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "G": z Bx100, label Bx10 -> g_out Bx28x28x1; 2,413,984 parameters."""
    # Digit (one-hot): Input 10
    label = keras.Input(shape=(10,), dtype="float32", name="label")
    # Noise z: Latent noise z ∈ ℝ^100 uniform
    z = keras.Input(shape=(100,), dtype="float32", name="z")
    g_y = layers.Dense(units=1000, activation="relu", kernel_initializer="glorot_normal", name="g_y")(label)
    g_z = layers.Dense(units=200, activation="relu", kernel_initializer="glorot_normal", name="g_z")(z)
    g_join = layers.Concatenate(axis=-1, name="g_join")([g_z, g_y])
    g_hidden = layers.Dense(
        units=1200, activation="relu", kernel_initializer="glorot_normal", name="g_hidden",
    )(g_join)
    g_pixels = layers.Dense(
        units=784, activation="sigmoid", kernel_initializer="glorot_normal", name="g_pixels",
    )(g_hidden)
    # Generated digit: Reshape → 28×28×1
    g_out = layers.Reshape(target_shape=(28, 28, 1), name="g_out")(g_pixels)
    return keras.Model(inputs=[z, label], outputs=[g_out], name="G")


def build_d():
    """Network "D": image Bx28x28x1, label Bx10 -> d_out Bx1; 259,031 parameters."""
    # Image: Input 28×28×1
    image = keras.Input(shape=(28, 28, 1), dtype="float32", name="image")
    # Digit (one-hot): Input 10
    label = keras.Input(shape=(10,), dtype="float32", name="label")
    d_flat = layers.Flatten(name="d_flat")(image)
    d_y = layers.Dense(units=50, activation="relu", kernel_initializer="glorot_normal", name="d_y")(label)
    d_x = layers.Dense(units=240, activation="relu", kernel_initializer="glorot_normal", name="d_x")(d_flat)
    d_join = layers.Concatenate(axis=-1, name="d_join")([d_x, d_y])
    d_hidden = layers.Dense(
        units=240, activation="relu", kernel_initializer="glorot_normal", name="d_hidden",
    )(d_join)
    # P(real): Dense 1 sigmoid
    d_out = layers.Dense(
        units=1, activation="sigmoid", kernel_initializer="glorot_normal", name="d_out",
    )(d_hidden)
    return keras.Model(inputs=[image, label], outputs=[d_out], name="D")


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
    """Mirza & Osindero 2014, as the document's recipe "conditional-gan" trains it: both networks also see the class
    label, and each batch's real labels also label its generated samples. Losses as the gan recipe.
    Every batch updates D, then G."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss",)
    G_SIDE = ("g_loss",)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.5)
        self.g_optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.5)

    def noise(self, batch):
        """Noise for the generator (z: uniform in [-1, 1])."""
        return [tf.random.uniform((batch, 100), -1.0, 1.0)]

    def generator_labels(self, labels):
        """Class ids as the generator's label input 'label' takes them."""
        return tf.one_hot(tf.cast(labels, tf.int32), 10)

    def discriminator_labels(self, labels):
        """Class ids as the discriminator's label input 'label' takes them."""
        return tf.one_hot(tf.cast(labels, tf.int32), 10)

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        return True, True

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        real, labels = batch
        fake = outputs_of(self.generator, [self.noise(tf.shape(real)[0])[0], self.generator_labels(labels)], True)[0]
        d_real = outputs_of(self.discriminator, [real, self.discriminator_labels(labels)], True)[0]
        d_fake = outputs_of(self.discriminator, [fake, self.discriminator_labels(labels)], True)[0]
        return gan_losses(d_real, d_fake, keras.losses.binary_crossentropy)

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
    parser = argparse.ArgumentParser(description="Train Conditional GAN (MNIST) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named image of real samples and an array named labels of their class ids (one row per example)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=100, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="conditional-gan-mnist.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        generator = build_g()
        discriminator = build_d()
        gan = GAN(generator, discriminator)
    data = np.load(args.data)
    examples = (data["image"], data["labels"])
    dataset = tf.data.Dataset.from_tensor_slices(examples).shuffle(len(examples[0])).batch(global_batch, drop_remainder=True)
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
