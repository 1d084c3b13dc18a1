"""1×1 bottlenecks (inception 3a sizes)

The parameters a 1×1 reduction saves, at the size of GoogLeNet's inception (3a): a naive module
(1×1, 3×3, 5×5 convolutions and pooling straight on 192 channels) beside the real inception module,
whose 1×1 convolutions shrink the channels to 96 and 16 first and project the pooled branch to 32.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_naive()  network "naive": features Bx28x28x192 -> naive_concat Bx28x28x416
  build_reduced()  network "reduced": features Bx28x28x192 -> inception Bx28x28x256
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_naive():
    """Network "naive": features Bx28x28x192 -> naive_concat Bx28x28x416; 387,296 parameters."""
    # 28×28×192 maps: Input 28×28×192
    features = keras.Input(shape=(28, 28, 192), dtype="float32", name="features")
    # 1×1: Conv 2D 64@1x1 s1 same relu
    naive_1x1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="naive_1x1",
    )(features)
    # 3×3 on every channel: Conv 2D 128@3x3 s1 same relu
    naive_3x3 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="naive_3x3",
    )(features)
    # 5×5 on every channel: Conv 2D 32@5x5 s1 same relu
    naive_5x5 = layers.Conv2D(
        filters=32, kernel_size=(5, 5), padding="same", activation="relu", name="naive_5x5",
    )(features)
    # 3×3 max pool: Max pooling 2D 3x3 s1 same
    naive_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="naive_pool",
    )(features)
    # Naive module output: Concatenate 4 inputs
    naive_concat = layers.Concatenate(
        axis=-1, name="naive_concat",
    )([naive_1x1, naive_3x3, naive_5x5, naive_pool])
    return keras.Model(inputs=[features], outputs=[naive_concat], name="naive")


def build_reduced():
    """Network "reduced": features Bx28x28x192 -> inception Bx28x28x256; 163,696 parameters."""
    # 28×28×192 maps: Input 28×28×192
    features = keras.Input(shape=(28, 28, 192), dtype="float32", name="features")

    # Block inception (Inception module "Inception (3a), with 1×1 reductions", 163,696 parameters)
    inception__b1_1x1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b1_1x1",
    )(features)
    inception__b2_reduce = layers.Conv2D(
        filters=96, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b2_reduce",
    )(features)
    inception__b3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b3_reduce",
    )(features)
    inception__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inception__b4_pool",
    )(features)
    inception__b2_3x3 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="inception__b2_3x3",
    )(inception__b2_reduce)
    inception__b3_5x5 = layers.Conv2D(
        filters=32, kernel_size=(5, 5), padding="same", activation="relu", name="inception__b3_5x5",
    )(inception__b3_reduce)
    inception__b4_proj = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inception__b4_proj",
    )(inception__b4_pool)
    inception__concat = layers.Concatenate(
        axis=-1, name="inception__concat",
    )([inception__b1_1x1, inception__b2_3x3, inception__b3_5x5, inception__b4_proj])

    return keras.Model(inputs=[features], outputs=[inception__concat], name="reduced")


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_naive().summary()
        build_reduced().summary()
