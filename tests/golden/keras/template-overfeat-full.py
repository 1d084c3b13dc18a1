"""OverFeat (fast)

Sermanet et al. 2013, the fast model of table 1 with its classifier convolutionized: fc6 is a 6×6
convolution and fc7, fc8 are 1×1 convolutions, so a 231×231 image gives one score vector and a
larger image a map of them (281×317 gives 2×3).

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx231x231x3 -> probs Bx1000
  build_score_map()  network "score-map": image Bx231x231x3 -> class_map Bx1x1x1000
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx231x231x3 -> probs Bx1000; 145,920,872 parameters."""
    image = keras.Input(shape=(231, 231, 3), dtype="float32", name="image")
    conv1 = layers.Conv2D(
        filters=96, kernel_size=(11, 11), strides=(4, 4), activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1)
    conv2 = layers.Conv2D(filters=256, kernel_size=(5, 5), activation="relu", name="conv2")(pool1)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2)
    conv3 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="conv3",
    )(pool2)
    conv4 = layers.Conv2D(
        filters=1024, kernel_size=(3, 3), padding="same", activation="relu", name="conv4",
    )(conv3)
    conv5 = layers.Conv2D(
        filters=1024, kernel_size=(3, 3), padding="same", activation="relu", name="conv5",
    )(conv4)
    pool5 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5")(conv5)
    # fc6 as 6×6 conv: Conv 2D 3072@6x6 s1 valid relu
    fc6 = layers.Conv2D(filters=3072, kernel_size=(6, 6), activation="relu", name="fc6")(pool5)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    # fc7 as 1×1 conv: Conv 2D 4096@1x1 s1 valid relu
    fc7 = layers.Conv2D(filters=4096, kernel_size=(1, 1), activation="relu", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # fc8 as 1×1 conv: Conv 2D 1000@1x1 s1 valid
    fc8 = layers.Conv2D(filters=1000, kernel_size=(1, 1), name="fc8")(drop7)
    # Class scores per window: Softmax
    class_map = layers.Softmax(axis=-1, name="class_map")(fc8)
    # Best window per class: Global max pooling 2D
    probs = layers.GlobalMaxPooling2D(name="probs")(class_map)
    return keras.Model(inputs=[image], outputs=[probs], name="net")


def build_score_map():
    """Network "score-map": image Bx231x231x3 -> class_map Bx1x1x1000; 145,920,872 parameters."""
    image = keras.Input(shape=(231, 231, 3), dtype="float32", name="image")
    conv1 = layers.Conv2D(
        filters=96, kernel_size=(11, 11), strides=(4, 4), activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1)
    conv2 = layers.Conv2D(filters=256, kernel_size=(5, 5), activation="relu", name="conv2")(pool1)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2)
    conv3 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="conv3",
    )(pool2)
    conv4 = layers.Conv2D(
        filters=1024, kernel_size=(3, 3), padding="same", activation="relu", name="conv4",
    )(conv3)
    conv5 = layers.Conv2D(
        filters=1024, kernel_size=(3, 3), padding="same", activation="relu", name="conv5",
    )(conv4)
    pool5 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool5")(conv5)
    # fc6 as 6×6 conv: Conv 2D 3072@6x6 s1 valid relu
    fc6 = layers.Conv2D(filters=3072, kernel_size=(6, 6), activation="relu", name="fc6")(pool5)
    drop6 = layers.Dropout(rate=0.5, name="drop6")(fc6)
    # fc7 as 1×1 conv: Conv 2D 4096@1x1 s1 valid relu
    fc7 = layers.Conv2D(filters=4096, kernel_size=(1, 1), activation="relu", name="fc7")(drop6)
    drop7 = layers.Dropout(rate=0.5, name="drop7")(fc7)
    # fc8 as 1×1 conv: Conv 2D 1000@1x1 s1 valid
    fc8 = layers.Conv2D(filters=1000, kernel_size=(1, 1), name="fc8")(drop7)
    # Class scores per window: Softmax
    class_map = layers.Softmax(axis=-1, name="class_map")(fc8)
    return keras.Model(inputs=[image], outputs=[class_map], name="score-map")


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
        build_score_map().summary()
