"""SNGAN (mini)

The standard CNN at a small fraction of the width: 32-D noise to 4×4×32, three transposed
convolutions to 32×32; four spectrally normalised convolutions in the discriminator, trained with
the hinge loss on synthetic shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx32 -> g_out Bx32x32x3
  build_d()  network "D": image Bx32x32x3 -> d_out Bx1
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


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_g().summary()
        build_d().summary()
