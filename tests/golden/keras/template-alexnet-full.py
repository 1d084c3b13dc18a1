"""AlexNet

Krizhevsky, Sutskever and Hinton 2012, as in the paper's figure 2: two towers (one per GPU) that
exchange maps only at conv3 and the dense layers, local response normalization after conv1 and
conv2, overlapping 3×3 max pooling, dropout in fc6 and fc7.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx227x227x3 -> fc8 Bx1000
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


@keras.saving.register_keras_serializable(package="layerloom")
class LocalResponseNormalization(layers.Layer):
    """AlexNet's local response normalization, TensorFlow's definition:
    y[..., c] = x[..., c] / (bias + alpha * sum of x[..., j]^2 for |j - c| <= depth_radius) ** beta."""

    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, x):
        return tf.nn.local_response_normalization(
            x, depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta
        )

    def get_config(self):
        config = super().get_config()
        config.update(depth_radius=self.depth_radius, bias=self.bias, alpha=self.alpha, beta=self.beta)
        return config


def build_net():
    """Network "net": image Bx227x227x3 -> fc8 Bx1000; 60,965,224 parameters."""
    image = keras.Input(shape=(227, 227, 3), dtype="float32", name="image")
    # conv1 (GPU 1): Conv 2D 48@11x11 s4 valid relu
    conv1_a = layers.Conv2D(
        filters=48, kernel_size=(11, 11), strides=(4, 4), activation="relu", name="conv1_a",
    )(image)
    # conv1 (GPU 2): Conv 2D 48@11x11 s4 valid relu
    conv1_b = layers.Conv2D(
        filters=48, kernel_size=(11, 11), strides=(4, 4), activation="relu", name="conv1_b",
    )(image)
    norm1_a = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1_a",
    )(conv1_a)
    norm1_b = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1_b",
    )(conv1_b)
    pool1_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool1_a")(norm1_a)
    pool1_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool1_b")(norm1_b)
    # conv2 (GPU 1): Conv 2D 128@5x5 s1 same relu
    conv2_a = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="conv2_a",
    )(pool1_a)
    # conv2 (GPU 2): Conv 2D 128@5x5 s1 same relu
    conv2_b = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="conv2_b",
    )(pool1_b)
    norm2_a = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2_a",
    )(conv2_a)
    norm2_b = LocalResponseNormalization(
        depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2_b",
    )(conv2_b)
    pool2_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool2_a")(norm2_a)
    pool2_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool2_b")(norm2_b)
    # GPUs exchange: Concatenate
    merge2 = layers.Concatenate(axis=-1, name="merge2")([pool2_a, pool2_b])
    # conv3 (GPU 1): Conv 2D 192@3x3 s1 same relu
    conv3_a = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv3_a",
    )(merge2)
    # conv3 (GPU 2): Conv 2D 192@3x3 s1 same relu
    conv3_b = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv3_b",
    )(merge2)
    # conv4 (GPU 1): Conv 2D 192@3x3 s1 same relu
    conv4_a = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv4_a",
    )(conv3_a)
    # conv4 (GPU 2): Conv 2D 192@3x3 s1 same relu
    conv4_b = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv4_b",
    )(conv3_b)
    # conv5 (GPU 1): Conv 2D 128@3x3 s1 same relu
    conv5_a = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="conv5_a",
    )(conv4_a)
    # conv5 (GPU 2): Conv 2D 128@3x3 s1 same relu
    conv5_b = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="conv5_b",
    )(conv4_b)
    pool5_a = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool5_a")(conv5_a)
    pool5_b = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="valid", name="pool5_b")(conv5_b)
    merge5 = layers.Concatenate(axis=-1, name="merge5")([pool5_a, pool5_b])
    flatten = layers.Flatten(name="flatten")(merge5)
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
