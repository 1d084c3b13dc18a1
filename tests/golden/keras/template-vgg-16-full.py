"""VGG-16

Simonyan and Zisserman 2014, configuration D: thirteen 3×3 convolutions in five stages (64, 128,
256, 512, 512 filters) with 2×2 max pooling between them, then three dense layers.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx224x224x3 -> fc8 Bx1000
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx224x224x3 -> fc8 Bx1000; 138,357,544 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")

    # Block block1 (2 × conv 3×3 "conv1 (2 × 64)", 38,720 parameters)
    block1__conv1 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="block1__conv1",
    )(image)
    block1__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="block1__conv2",
    )(block1__conv1)

    pool1 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1",
    )(block1__conv2)

    # Block block2 (2 × conv 3×3 "conv2 (2 × 128)", 221,440 parameters)
    block2__conv1 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="block2__conv1",
    )(pool1)
    block2__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="block2__conv2",
    )(block2__conv1)

    pool2 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2",
    )(block2__conv2)

    # Block block3 (3 × conv 3×3 "conv3 (3 × 256)", 1,475,328 parameters)
    block3__conv1 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv1",
    )(pool2)
    block3__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv2",
    )(block3__conv1)
    block3__conv3 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv3",
    )(block3__conv2)

    pool3 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool3",
    )(block3__conv3)

    # Block block4 (3 × conv 3×3 "conv4 (3 × 512)", 5,899,776 parameters)
    block4__conv1 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block4__conv1",
    )(pool3)
    block4__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block4__conv2",
    )(block4__conv1)
    block4__conv3 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block4__conv3",
    )(block4__conv2)

    pool4 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool4",
    )(block4__conv3)

    # Block block5 (3 × conv 3×3 "conv5 (3 × 512)", 7,079,424 parameters)
    block5__conv1 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv1",
    )(pool4)
    block5__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv2",
    )(block5__conv1)
    block5__conv3 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv3",
    )(block5__conv2)

    pool5 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5",
    )(block5__conv3)
    flatten = layers.Flatten(name="flatten")(pool5)
    fc6 = layers.Dense(units=4096, activation="relu", kernel_initializer="glorot_normal", name="fc6")(flatten)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    fc7 = layers.Dense(units=4096, activation="relu", kernel_initializer="glorot_normal", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # Classifier: Dense 1000 softmax
    fc8 = layers.Dense(
        units=1000, activation="softmax", kernel_initializer="glorot_normal", name="fc8",
    )(drop7)
    return keras.Model(inputs=[image], outputs=[fc8], name="net")


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
