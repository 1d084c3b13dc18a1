"""pix2pix (mini)

pix2pix at 32×32: a U-Net of five downsampling and five upsampling steps (8 to 32 channels) with
skip connections, and a PatchGAN giving 6×6 patch scores. Learns to fill shape outlines.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": source Bx32x32x3 -> g_out Bx32x32x3
  build_d()  network "D": source Bx32x32x3, image Bx32x32x3 -> d_out Bx6x6x1

Train on one machine, on every GPU of this machine, or on several machines:
  python pix2pix-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "G": source Bx32x32x3 -> g_out Bx32x32x3; 114,467 parameters."""
    # Outline: Input 32×32×3
    source = keras.Input(shape=(32, 32, 3), dtype="float32", name="source")
    # down 8 4×4/2: Conv 2D 8@4x4 s2 same
    e1_conv = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e1_conv",
    )(source)
    e2_lrelu = layers.LeakyReLU(0.2, name="e2_lrelu")(e1_conv)
    # down 16 4×4/2: Conv 2D 16@4x4 s2 same
    e2_conv = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e2_conv",
    )(e2_lrelu)
    e2_bn = layers.BatchNormalization(name="e2_bn")(e2_conv)
    e3_lrelu = layers.LeakyReLU(0.2, name="e3_lrelu")(e2_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e3_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e3_conv",
    )(e3_lrelu)
    e3_bn = layers.BatchNormalization(name="e3_bn")(e3_conv)
    e4_lrelu = layers.LeakyReLU(0.2, name="e4_lrelu")(e3_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e4_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e4_conv",
    )(e4_lrelu)
    e4_bn = layers.BatchNormalization(name="e4_bn")(e4_conv)
    e5_lrelu = layers.LeakyReLU(0.2, name="e5_lrelu")(e4_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e5_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e5_conv",
    )(e5_lrelu)
    d5_relu = layers.ReLU(name="d5_relu")(e5_conv)
    # up 32 4×4/2: Conv 2D transpose 32@4x4 s2 same
    d5_up = layers.Conv2DTranspose(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d5_up",
    )(d5_relu)
    d5_bn = layers.BatchNormalization(name="d5_bn")(d5_up)
    # skip: Concatenate
    d5_skip = layers.Concatenate(axis=-1, name="d5_skip")([d5_bn, e4_bn])
    d4_relu = layers.ReLU(name="d4_relu")(d5_skip)
    # up 32 4×4/2: Conv 2D transpose 32@4x4 s2 same
    d4_up = layers.Conv2DTranspose(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d4_up",
    )(d4_relu)
    d4_bn = layers.BatchNormalization(name="d4_bn")(d4_up)
    d4_drop = layers.Dropout(rate=0.5, name="d4_drop")(d4_bn)
    # skip: Concatenate
    d4_skip = layers.Concatenate(axis=-1, name="d4_skip")([d4_drop, e3_bn])
    d3_relu = layers.ReLU(name="d3_relu")(d4_skip)
    # up 16 4×4/2: Conv 2D transpose 16@4x4 s2 same
    d3_up = layers.Conv2DTranspose(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d3_up",
    )(d3_relu)
    d3_bn = layers.BatchNormalization(name="d3_bn")(d3_up)
    d3_drop = layers.Dropout(rate=0.5, name="d3_drop")(d3_bn)
    # skip: Concatenate
    d3_skip = layers.Concatenate(axis=-1, name="d3_skip")([d3_drop, e2_bn])
    d2_relu = layers.ReLU(name="d2_relu")(d3_skip)
    # up 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    d2_up = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d2_up",
    )(d2_relu)
    d2_bn = layers.BatchNormalization(name="d2_bn")(d2_up)
    d2_drop = layers.Dropout(rate=0.5, name="d2_drop")(d2_bn)
    # skip: Concatenate
    d2_skip = layers.Concatenate(axis=-1, name="d2_skip")([d2_drop, e1_conv])
    d1_relu = layers.ReLU(name="d1_relu")(d2_skip)
    # Translated image: Conv 2D transpose 3@4x4 s2 same sigmoid
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="sigmoid", name="g_out",
    )(d1_relu)
    return keras.Model(inputs=[source], outputs=[g_out], name="G")


def build_d():
    """Network "D": source Bx32x32x3, image Bx32x32x3 -> d_out Bx6x6x1; 11,721 parameters."""
    # Outline: Input 32×32×3
    source = keras.Input(shape=(32, 32, 3), dtype="float32", name="source")
    # Image (real or generated): Input 32×32×3
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # source | image: Concatenate
    pair = layers.Concatenate(axis=-1, name="pair")([source, image])
    # 8 4×4/2: Conv 2D 8@4x4 s2 same
    p1_conv = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", name="p1_conv",
    )(pair)
    p1_lrelu = layers.LeakyReLU(0.2, name="p1_lrelu")(p1_conv)
    # 16 4×4/2: Conv 2D 16@4x4 s2 same
    p2_conv = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="p2_conv",
    )(p1_lrelu)
    p2_bn = layers.BatchNormalization(name="p2_bn")(p2_conv)
    p2_lrelu = layers.LeakyReLU(0.2, name="p2_lrelu")(p2_bn)
    p3_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p3_pad")(p2_lrelu)
    # 32 4×4/1: Conv 2D 32@4x4 s1 valid
    p3_conv = layers.Conv2D(filters=32, kernel_size=(4, 4), use_bias=False, name="p3_conv")(p3_pad)
    p3_bn = layers.BatchNormalization(name="p3_bn")(p3_conv)
    p3_lrelu = layers.LeakyReLU(0.2, name="p3_lrelu")(p3_bn)
    p_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p_pad")(p3_lrelu)
    # P(real) per patch: Conv 2D 1@4x4 s1 valid sigmoid
    d_out = layers.Conv2D(filters=1, kernel_size=(4, 4), activation="sigmoid", name="d_out")(p_pad)
    return keras.Model(inputs=[source, image], outputs=[d_out], name="D")


def outputs_of(model, inputs, training):
    """The model's outputs as a list, whether it has one output or several."""
    outputs = model(inputs, training=training)
    return list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]


def pix2pix_losses(d_real, d_fake, fake, target, l1_weight):
    """d_loss = ½·(BCE(1, D(s, y)) + BCE(0, D(s, G(s)))) (halved to slow D), g_loss = BCE(1, D(s, G(s))) + l1_weight·l1,
    l1 = mean |G(s) − y|."""
    bce = keras.losses.binary_crossentropy
    d_loss = 0.5 * (tf.reduce_mean(bce(tf.ones_like(d_real), d_real)) + tf.reduce_mean(bce(tf.zeros_like(d_fake), d_fake)))
    l1 = tf.reduce_mean(tf.abs(fake - target))
    g_loss = tf.reduce_mean(bce(tf.ones_like(d_fake), d_fake)) + l1_weight * l1
    return {"d_loss": d_loss, "g_loss": g_loss, "l1": l1}


class GAN:
    """Isola et al. 2017, as the document's recipe "pix2pix" trains it: G(source) against a PatchGAN D(source, image),
    with an L1 term for G. G takes no noise: its dropout, active while training, is its noise.
    Every batch updates D, then G."""

    # Columns D's update reports; the others come from G's update.
    D_SIDE = ("d_loss",)
    G_SIDE = ("g_loss", "l1")
    L1_WEIGHT = 100  # training.options.l1Weight (the paper: 100)

    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.d_optimizer = keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5, beta_2=0.999)
        self.g_optimizer = keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5, beta_2=0.999)

    @staticmethod
    def phase(step):
        """Which networks (discriminator, generator) step number `step`, counted over the whole run from 0, updates."""
        return True, True

    def losses(self, batch):
        """Every loss column from one forward pass over this replica's part of the batch."""
        source, target = batch
        fake = outputs_of(self.generator, source, True)[0]
        d_real = outputs_of(self.discriminator, [source, target], True)[0]
        d_fake = outputs_of(self.discriminator, [source, fake], True)[0]
        return pix2pix_losses(d_real, d_fake, fake, target, self.L1_WEIGHT)

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
    parser = argparse.ArgumentParser(description="Train pix2pix (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with an array named source of source images and an array named target of their target images (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="pix2pix-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        generator = build_g()
        discriminator = build_d()
        gan = GAN(generator, discriminator)
    data = np.load(args.data)
    examples = (data["source"], data["target"])
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
