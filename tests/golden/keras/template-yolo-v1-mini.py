"""YOLO v1 (mini)

YOLO v1's 24 convolutions and two dense layers at a sixteenth of the width for 64×64 shape scenes (a
3×3 first convolution, one max pooling fewer so the last maps stay 2×2, and batch normalization in
every convolution block, as YOLO v2 added, so it trains from scratch); the output is still a 7×7
grid of 2 boxes and 3 class probabilities per cell.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx64x64x3 -> grid Bx7x7x13
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx64x64x3 -> grid Bx7x7x13; 468,357 parameters."""
    image = keras.Input(shape=(64, 64, 3), dtype="float32", name="image")

    # Block conv1 (Conv + leaky ReLU "conv 3×3/2 8", 248 parameters)
    conv1__conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv1__conv",
    )(image)
    conv1__bn = layers.BatchNormalization(name="conv1__bn")(conv1__conv)
    conv1__leaky = layers.LeakyReLU(0.1, name="conv1__leaky")(conv1__bn)

    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1__leaky)

    # Block conv2 (Conv + leaky ReLU "conv 3×3 12", 912 parameters)
    conv2__conv = layers.Conv2D(
        filters=12, kernel_size=(3, 3), padding="same", use_bias=False, name="conv2__conv",
    )(pool1)
    conv2__bn = layers.BatchNormalization(name="conv2__bn")(conv2__conv)
    conv2__leaky = layers.LeakyReLU(0.1, name="conv2__leaky")(conv2__bn)

    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2__leaky)

    # Block conv3 (1×1 reduce, 3×3 conv, 1,344 parameters)
    conv3__reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="conv3__reduce",
    )(pool2)
    conv3__bn1 = layers.BatchNormalization(name="conv3__bn1")(conv3__reduce)
    conv3__leaky1 = layers.LeakyReLU(0.1, name="conv3__leaky1")(conv3__bn1)
    conv3__conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="conv3__conv",
    )(conv3__leaky1)
    conv3__bn2 = layers.BatchNormalization(name="conv3__bn2")(conv3__conv)
    conv3__leaky2 = layers.LeakyReLU(0.1, name="conv3__leaky2")(conv3__bn2)

    # Block conv4 (1×1 reduce, 3×3 conv, 5,056 parameters)
    conv4__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv4__reduce",
    )(conv3__leaky2)
    conv4__bn1 = layers.BatchNormalization(name="conv4__bn1")(conv4__reduce)
    conv4__leaky1 = layers.LeakyReLU(0.1, name="conv4__leaky1")(conv4__bn1)
    conv4__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv4__conv",
    )(conv4__leaky1)
    conv4__bn2 = layers.BatchNormalization(name="conv4__bn2")(conv4__conv)
    conv4__leaky2 = layers.LeakyReLU(0.1, name="conv4__leaky2")(conv4__bn2)

    pool3 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool3",
    )(conv4__leaky2)

    # Block conv5a (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5a__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5a__reduce",
    )(pool3)
    conv5a__bn1 = layers.BatchNormalization(name="conv5a__bn1")(conv5a__reduce)
    conv5a__leaky1 = layers.LeakyReLU(0.1, name="conv5a__leaky1")(conv5a__bn1)
    conv5a__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5a__conv",
    )(conv5a__leaky1)
    conv5a__bn2 = layers.BatchNormalization(name="conv5a__bn2")(conv5a__conv)
    conv5a__leaky2 = layers.LeakyReLU(0.1, name="conv5a__leaky2")(conv5a__bn2)

    # Block conv5b (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5b__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5b__reduce",
    )(conv5a__leaky2)
    conv5b__bn1 = layers.BatchNormalization(name="conv5b__bn1")(conv5b__reduce)
    conv5b__leaky1 = layers.LeakyReLU(0.1, name="conv5b__leaky1")(conv5b__bn1)
    conv5b__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5b__conv",
    )(conv5b__leaky1)
    conv5b__bn2 = layers.BatchNormalization(name="conv5b__bn2")(conv5b__conv)
    conv5b__leaky2 = layers.LeakyReLU(0.1, name="conv5b__leaky2")(conv5b__bn2)

    # Block conv5c (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5c__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5c__reduce",
    )(conv5b__leaky2)
    conv5c__bn1 = layers.BatchNormalization(name="conv5c__bn1")(conv5c__reduce)
    conv5c__leaky1 = layers.LeakyReLU(0.1, name="conv5c__leaky1")(conv5c__bn1)
    conv5c__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5c__conv",
    )(conv5c__leaky1)
    conv5c__bn2 = layers.BatchNormalization(name="conv5c__bn2")(conv5c__conv)
    conv5c__leaky2 = layers.LeakyReLU(0.1, name="conv5c__leaky2")(conv5c__bn2)

    # Block conv5d (1×1 reduce, 3×3 conv, 5,312 parameters)
    conv5d__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv5d__reduce",
    )(conv5c__leaky2)
    conv5d__bn1 = layers.BatchNormalization(name="conv5d__bn1")(conv5d__reduce)
    conv5d__leaky1 = layers.LeakyReLU(0.1, name="conv5d__leaky1")(conv5d__bn1)
    conv5d__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="conv5d__conv",
    )(conv5d__leaky1)
    conv5d__bn2 = layers.BatchNormalization(name="conv5d__bn2")(conv5d__conv)
    conv5d__leaky2 = layers.LeakyReLU(0.1, name="conv5d__leaky2")(conv5d__bn2)

    # Block conv6 (1×1 reduce, 3×3 conv, 19,840 parameters)
    conv6__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv6__reduce",
    )(conv5d__leaky2)
    conv6__bn1 = layers.BatchNormalization(name="conv6__bn1")(conv6__reduce)
    conv6__leaky1 = layers.LeakyReLU(0.1, name="conv6__leaky1")(conv6__bn1)
    conv6__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv6__conv",
    )(conv6__leaky1)
    conv6__bn2 = layers.BatchNormalization(name="conv6__bn2")(conv6__conv)
    conv6__leaky2 = layers.LeakyReLU(0.1, name="conv6__leaky2")(conv6__bn2)

    # Block conv7a (1×1 reduce, 3×3 conv, 20,864 parameters)
    conv7a__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv7a__reduce",
    )(conv6__leaky2)
    conv7a__bn1 = layers.BatchNormalization(name="conv7a__bn1")(conv7a__reduce)
    conv7a__leaky1 = layers.LeakyReLU(0.1, name="conv7a__leaky1")(conv7a__bn1)
    conv7a__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv7a__conv",
    )(conv7a__leaky1)
    conv7a__bn2 = layers.BatchNormalization(name="conv7a__bn2")(conv7a__conv)
    conv7a__leaky2 = layers.LeakyReLU(0.1, name="conv7a__leaky2")(conv7a__bn2)

    # Block conv7b (1×1 reduce, 3×3 conv, 20,864 parameters)
    conv7b__reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="conv7b__reduce",
    )(conv7a__leaky2)
    conv7b__bn1 = layers.BatchNormalization(name="conv7b__bn1")(conv7b__reduce)
    conv7b__leaky1 = layers.LeakyReLU(0.1, name="conv7b__leaky1")(conv7b__bn1)
    conv7b__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv7b__conv",
    )(conv7b__leaky1)
    conv7b__bn2 = layers.BatchNormalization(name="conv7b__bn2")(conv7b__conv)
    conv7b__leaky2 = layers.LeakyReLU(0.1, name="conv7b__leaky2")(conv7b__bn2)

    # Block conv8 (Conv + leaky ReLU, 37,120 parameters)
    conv8__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv8__conv",
    )(conv7b__leaky2)
    conv8__bn = layers.BatchNormalization(name="conv8__bn")(conv8__conv)
    conv8__leaky = layers.LeakyReLU(0.1, name="conv8__leaky")(conv8__bn)

    # Block conv9 (Conv + leaky ReLU "conv 3×3/2 64", 37,120 parameters)
    conv9__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv9__conv",
    )(conv8__leaky)
    conv9__bn = layers.BatchNormalization(name="conv9__bn")(conv9__conv)
    conv9__leaky = layers.LeakyReLU(0.1, name="conv9__leaky")(conv9__bn)

    # Block conv10 (Conv + leaky ReLU, 37,120 parameters)
    conv10__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv10__conv",
    )(conv9__leaky)
    conv10__bn = layers.BatchNormalization(name="conv10__bn")(conv10__conv)
    conv10__leaky = layers.LeakyReLU(0.1, name="conv10__leaky")(conv10__bn)

    # Block conv11 (Conv + leaky ReLU, 37,120 parameters)
    conv11__conv = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="conv11__conv",
    )(conv10__leaky)
    conv11__bn = layers.BatchNormalization(name="conv11__bn")(conv11__conv)
    conv11__leaky = layers.LeakyReLU(0.1, name="conv11__leaky")(conv11__bn)

    flatten = layers.Flatten(name="flatten")(conv11__leaky)
    fc1 = layers.Dense(units=256, kernel_initializer="glorot_normal", name="fc1")(flatten)
    fc1_leaky = layers.LeakyReLU(0.1, name="fc1_leaky")(fc1)
    fc1_drop = layers.Dropout(rate=0.5, name="fc1_drop")(fc1_leaky)
    # Linear output: Dense 637
    fc2 = layers.Dense(units=637, kernel_initializer="glorot_normal", name="fc2")(fc1_drop)
    # 7×7 grid × (2·5 + 3): Reshape → 7×7×13
    grid = layers.Reshape(target_shape=(7, 7, 13), name="grid")(fc2)
    return keras.Model(inputs=[image], outputs=[grid], name="net")


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_net().summary()
