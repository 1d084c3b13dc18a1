"""WGAN-GP toy (mini)

The toy experiment at an eighth of the width: two hidden layers of 64 units in each network,
gradient penalty weight 10, on Gaussian blobs.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx2 -> g_out Bx2
  build_d()  network "D": x Bx2 -> d_out Bx1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": z Bx2 -> g_out Bx2; 4,482 parameters."""
    # Noise z: Latent noise z ∈ ℝ^2 normal
    z = keras.Input(shape=(2,), dtype="float32", name="z")
    g_hidden1 = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="g_hidden1",
    )(z)
    g_hidden2 = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="g_hidden2",
    )(g_hidden1)
    # Generated point: Dense 2
    g_out = layers.Dense(units=2, kernel_initializer="glorot_normal", name="g_out")(g_hidden2)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": x Bx2 -> d_out Bx1; 4,417 parameters."""
    # Point: Input 2
    x = keras.Input(shape=(2,), dtype="float32", name="x")
    d_hidden1 = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="d_hidden1",
    )(x)
    d_hidden2 = layers.Dense(
        units=64, activation="relu", kernel_initializer="glorot_normal", name="d_hidden2",
    )(d_hidden1)
    # Critic score: Dense 1
    d_out = layers.Dense(units=1, kernel_initializer="glorot_normal", name="d_out")(d_hidden2)
    return keras.Model(inputs=[x], outputs=[d_out], name="D")


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
