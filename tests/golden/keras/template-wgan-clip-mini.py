"""WGAN with weight clipping (mini)

The WGAN critic and DCGAN generator at 32×32 and a small fraction of the width, trained as the
paper: RMSprop, five critic steps per generator step, critic weights clipped to ±0.01. Trains on
synthetic shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx32 -> g_out Bx32x32x3
  build_d()  network "D": image Bx32x32x3 -> d_out Bx1

Train on one machine, on every GPU of this machine, or on several machines:
  python wgan-with-weight-clipping-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "G": z Bx32 -> g_out Bx32x32x3; 29,152 parameters."""
    # Noise z: Latent noise z ∈ ℝ^32 normal
    z = keras.Input(shape=(32,), dtype="float32", name="z")
    # project: Dense 512
    g_project = layers.Dense(
        units=512, use_bias=False, kernel_initializer="glorot_normal", name="g_project",
    )(z)
    g_bn0 = layers.BatchNormalization(name="g_bn0")(g_project)
    g_relu0 = layers.ReLU(name="g_relu0")(g_bn0)
    g_reshape = layers.Reshape(target_shape=(4, 4, 32), name="g_reshape")(g_relu0)
    # 16 4×4/2: Conv 2D transpose 16@4x4 s2 same
    g_up1 = layers.Conv2DTranspose(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up1",
    )(g_reshape)
    g_bn1 = layers.BatchNormalization(name="g_bn1")(g_up1)
    g_relu1 = layers.ReLU(name="g_relu1")(g_bn1)
    # 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    g_up2 = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up2",
    )(g_relu1)
    g_bn2 = layers.BatchNormalization(name="g_bn2")(g_up2)
    g_relu2 = layers.ReLU(name="g_relu2")(g_bn2)
    # Generated image: Conv 2D transpose 3@4x4 s2 same sigmoid
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="sigmoid", use_bias=False,
        name="g_out",
    )(g_relu2)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": image Bx32x32x3 -> d_out Bx1; 11,329 parameters."""
    # Image: Input 32×32×3
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # 8 4×4/2: Conv 2D 8@4x4 s2 same
    d_conv1 = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv1",
    )(image)
    d_lrelu1 = layers.LeakyReLU(0.2, name="d_lrelu1")(d_conv1)
    # 16 4×4/2: Conv 2D 16@4x4 s2 same
    d_conv2 = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv2",
    )(d_lrelu1)
    d_bn2 = layers.BatchNormalization(name="d_bn2")(d_conv2)
    d_lrelu2 = layers.LeakyReLU(0.2, name="d_lrelu2")(d_bn2)
    # 32 4×4/2: Conv 2D 32@4x4 s2 same
    d_conv3 = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv3",
    )(d_lrelu2)
    d_bn3 = layers.BatchNormalization(name="d_bn3")(d_conv3)
    d_lrelu3 = layers.LeakyReLU(0.2, name="d_lrelu3")(d_bn3)
    d_flat = layers.Flatten(name="d_flat")(d_lrelu3)
    # Critic score: Dense 1
    d_out = layers.Dense(units=1, kernel_initializer="glorot_normal", name="d_out")(d_flat)
    return keras.Model(inputs=[image], outputs=[d_out], name="D")


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def wasserstein_losses(d_real, d_fake):
    """d_loss = mean D(G(z)) − mean D(x), g_loss = −mean D(G(z)); w_distance = mean D(x) − mean D(G(z)) is the
    critic's estimate of the Wasserstein-1 distance, the number the WGAN papers plot."""
    w_distance = tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
    return {"d_loss": -w_distance, "g_loss": -tf.reduce_mean(d_fake), "w_distance": w_distance}


class GAN:
    """Arjovsky et al. 2017, as the document's recipe "wgan-clip" trains it: a critic with an unbounded score whose
    weights are clipped to [−CLIP, CLIP] after every critic update.
    Every batch updates D; every 5th batch then also updates G."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss", "w_distance")
    G_SIDE = ("g_loss",)
    CLIP = 0.01  # training.options.clip (the paper: 0.01)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.RMSprop(learning_rate=0.00005, rho=0.9, momentum=0)
        self.g_optimizer = keras.optimizers.RMSprop(learning_rate=0.00005, rho=0.9, momentum=0)

    def noise(self, batch):
        """Noise for the generator (z: standard normal)."""
        return [tf.random.normal((batch, 32))]

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        return True, step % 5 == 4

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        real = batch
        fake = outputs_of(self.generator, self.noise(tf.shape(real)[0]), True)[0]
        d_real = outputs_of(self.discriminator, real, True)[0]
        d_fake = outputs_of(self.discriminator, fake, True)[0]
        return wasserstein_losses(d_real, d_fake)

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

    def after_d_update(self):
        """Keeps the critic (roughly) Lipschitz, which the Wasserstein estimate needs."""
        for weight in self.discriminator.trainable_weights:
            weight.assign(tf.clip_by_value(weight, -self.CLIP, self.CLIP))


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
    parser = argparse.ArgumentParser(description="Train WGAN with weight clipping (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named image of real samples (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="wgan-with-weight-clipping-mini.keras", help="where to save the trained model")
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
    d_step = distributed_step(strategy, gan.d_update, after=gan.after_d_update)
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
