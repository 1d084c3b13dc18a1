"""Conditional GAN (mini)

The conditional GAN on Gaussian blobs: 8-D noise and the one-hot blob label feed a generator of 64
units; the discriminator sees the point and the label. Ask for a blob and it draws points there.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx8, label Bx3 -> g_out Bx2
  build_d()  network "D": x Bx2, label Bx3 -> d_out Bx1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": z Bx8, label Bx3 -> g_out Bx2; 898 parameters."""
    # Blob (one-hot): Input 3
    label = keras.Input(shape=(3,), dtype="float32", name="label")
    # Noise z: Latent noise z ∈ ℝ^8 normal
    z = keras.Input(shape=(8,), dtype="float32", name="z")
    g_join = layers.Concatenate(axis=-1, name="g_join")([z, label])
    g_hidden = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="g_hidden",
    )(g_join)
    # Generated point: Dense 2
    g_out = layers.Dense(units=2, kernel_initializer="glorot_normal", name="g_out")(g_hidden)
    return keras.Model(inputs=[z, label], outputs=[g_out], name="G")


def build_d():
    """Network "D": x Bx2, label Bx3 -> d_out Bx1; 449 parameters."""
    # Point: Input 2
    x = keras.Input(shape=(2,), dtype="float32", name="x")
    # Blob (one-hot): Input 3
    label = keras.Input(shape=(3,), dtype="float32", name="label")
    d_join = layers.Concatenate(axis=-1, name="d_join")([x, label])
    d_hidden = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="d_hidden",
    )(d_join)
    # P(real): Dense 1 sigmoid
    d_out = layers.Dense(
        units=1, activation="sigmoid", kernel_initializer="glorot_normal", name="d_out",
    )(d_hidden)
    return keras.Model(inputs=[x, label], outputs=[d_out], name="D")


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
