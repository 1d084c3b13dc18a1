"""Conditional GAN (MNIST)

Mirza & Osindero 2014 on MNIST: the generator maps 100-D uniform noise (200 ReLU units) and the
one-hot digit label (1,000 ReLU units) through a joint layer of 1,200 to a 28×28 image; the
discriminator sees the image (240 units) and the label (50) before a joint layer of 240.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx100, label Bx10 -> g_out Bx28x28x1
  build_d()  network "D": image Bx28x28x1, label Bx10 -> d_out Bx1
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
