"""SNGAN (mini)

The standard CNN at a small fraction of the width: 32-D noise to 4×4×32, three transposed
convolutions to 32×32; four spectrally normalised convolutions in the discriminator, trained with
the hinge loss on synthetic shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx32 -> g_out Bx32x32x3
  build_d()  network "D": image Bx32x32x3 -> d_out Bx1

Train on one machine, on every GPU of this machine, or on several machines:
  python sngan-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "G": z Bx32 -> g_out Bx32x32x3; 28,539 parameters."""
    # Noise z: Latent noise z ∈ ℝ^32 normal
    z = keras.Input(shape=(32,), dtype="float32", name="z")
    # project: Dense 512
    g_project = layers.Dense(units=512, kernel_initializer="glorot_normal", name="g_project")(z)
    g_reshape = layers.Reshape(target_shape=(4, 4, 32), name="g_reshape")(g_project)
    # 16 4×4/2: Conv 2D transpose 16@4x4 s2 same
    g_up1 = layers.Conv2DTranspose(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", name="g_up1",
    )(g_reshape)
    g_bn1 = layers.BatchNormalization(name="g_bn1")(g_up1)
    g_relu1 = layers.ReLU(name="g_relu1")(g_bn1)
    # 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    g_up2 = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", name="g_up2",
    )(g_relu1)
    g_bn2 = layers.BatchNormalization(name="g_bn2")(g_up2)
    g_relu2 = layers.ReLU(name="g_relu2")(g_bn2)
    # 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    g_up3 = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", name="g_up3",
    )(g_relu2)
    g_bn3 = layers.BatchNormalization(name="g_bn3")(g_up3)
    g_relu3 = layers.ReLU(name="g_relu3")(g_bn3)
    # Generated image: Conv 2D 3@3x3 s1 same sigmoid
    g_out = layers.Conv2D(
        filters=3, kernel_size=(3, 3), padding="same", activation="sigmoid", name="g_out",
    )(g_relu3)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": image Bx32x32x3 -> d_out Bx1; 12,122 parameters."""
    # Image: Input 32×32×3
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # σ 8 3×3/1: Spectral norm 8@3x3 s1x1 same σ-norm
    d_sn1 = layers.SpectralNormalization(
        layers.Conv2D(filters=8, kernel_size=(3, 3), padding="same"), power_iterations=1, name="d_sn1",
    )(image)
    d_lrelu1 = layers.LeakyReLU(0.1, name="d_lrelu1")(d_sn1)
    # σ 8 4×4/2: Spectral norm 8@4x4 s2x2 same σ-norm
    d_sn2 = layers.SpectralNormalization(
        layers.Conv2D(filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same"), power_iterations=1,
        name="d_sn2",
    )(d_lrelu1)
    d_lrelu2 = layers.LeakyReLU(0.1, name="d_lrelu2")(d_sn2)
    # σ 16 4×4/2: Spectral norm 16@4x4 s2x2 same σ-norm
    d_sn3 = layers.SpectralNormalization(
        layers.Conv2D(filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same"), power_iterations=1,
        name="d_sn3",
    )(d_lrelu2)
    d_lrelu3 = layers.LeakyReLU(0.1, name="d_lrelu3")(d_sn3)
    # σ 32 4×4/2: Spectral norm 32@4x4 s2x2 same σ-norm
    d_sn4 = layers.SpectralNormalization(
        layers.Conv2D(filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same"), power_iterations=1,
        name="d_sn4",
    )(d_lrelu3)
    d_lrelu4 = layers.LeakyReLU(0.1, name="d_lrelu4")(d_sn4)
    d_flat = layers.Flatten(name="d_flat")(d_lrelu4)
    # Critic score: Spectral norm Dense 1 σ-norm
    d_out = layers.SpectralNormalization(
        layers.Dense(units=1, kernel_initializer="glorot_normal"), power_iterations=1, name="d_out",
    )(d_flat)
    return keras.Model(inputs=[image], outputs=[d_out], name="D")


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def hinge_losses(d_real, d_fake):
    """d_loss = mean(relu(1 − D(x))) + mean(relu(1 + D(G(z)))), g_loss = −mean D(G(z))."""
    d_loss = tf.reduce_mean(tf.nn.relu(1.0 - d_real)) + tf.reduce_mean(tf.nn.relu(1.0 + d_fake))
    return {"d_loss": d_loss, "g_loss": -tf.reduce_mean(d_fake)}


class GAN:
    """The hinge loss of Lim & Ye 2017 and Miyato et al. 2018, as the document's recipe "hinge" trains it; D's
    output is an unbounded score.
    Every batch updates D, then G."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss",)
    G_SIDE = ("g_loss",)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.Adam(learning_rate=0.0002, beta_1=0, beta_2=0.9)
        self.g_optimizer = keras.optimizers.Adam(learning_rate=0.0002, beta_1=0, beta_2=0.9)

    def noise(self, batch):
        """Noise for the generator (z: standard normal)."""
        return [tf.random.normal((batch, 32))]

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        return True, True

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        real = batch
        fake = outputs_of(self.generator, self.noise(tf.shape(real)[0]), True)[0]
        d_real = outputs_of(self.discriminator, real, True)[0]
        d_fake = outputs_of(self.discriminator, fake, True)[0]
        return hinge_losses(d_real, d_fake)

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
    parser = argparse.ArgumentParser(description="Train SNGAN (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named image of real samples (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="sngan-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        generator = build_g()
        discriminator = build_d()
        gan = GAN(generator, discriminator)
    data = np.load(args.data)
    examples = data["image"]
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
