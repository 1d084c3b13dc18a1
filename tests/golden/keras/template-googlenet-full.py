"""GoogLeNet

Szegedy et al. 2014 (Inception v1), as in the paper's table 1: a stem with local response
normalization, nine inception modules in three stages, 7×7 average pooling, 40% dropout and a linear
classifier, plus the two auxiliary classifiers on inception (4a) and (4d) that only training uses.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx224x224x3 -> logits Bx1000, aux1 Bx1000, aux2 Bx1000
  build_inference()  network "inference": image Bx224x224x3 -> logits Bx1000
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
    """Network "net": image Bx224x224x3 -> logits Bx1000, aux1 Bx1000, aux2 Bx1000; 13,378,280 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")
    # conv1 7×7/2: Conv 2D 64@7x7 s2 same relu
    conv1 = layers.Conv2D(
        filters=64, kernel_size=(7, 7), strides=(2, 2), padding="same", activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(conv1)
    norm1 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1")(pool1)
    conv2_reduce = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="conv2_reduce",
    )(norm1)
    conv2 = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv2",
    )(conv2_reduce)
    norm2 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2")(conv2)
    pool2 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool2")(norm2)

    # Block inc3a (Inception module "Inception (3a)", 163,696 parameters)
    inc3a__b1_1x1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b1_1x1",
    )(pool2)
    inc3a__b2_reduce = layers.Conv2D(
        filters=96, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b2_reduce",
    )(pool2)
    inc3a__b3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b3_reduce",
    )(pool2)
    inc3a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3a__b4_pool",
    )(pool2)
    inc3a__b2_3x3 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="inc3a__b2_3x3",
    )(inc3a__b2_reduce)
    inc3a__b3_5x5 = layers.Conv2D(
        filters=32, kernel_size=(5, 5), padding="same", activation="relu", name="inc3a__b3_5x5",
    )(inc3a__b3_reduce)
    inc3a__b4_proj = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b4_proj",
    )(inc3a__b4_pool)
    inc3a__concat = layers.Concatenate(
        axis=-1, name="inc3a__concat",
    )([inc3a__b1_1x1, inc3a__b2_3x3, inc3a__b3_5x5, inc3a__b4_proj])

    # Block inc3b (Inception module "Inception (3b)", 388,736 parameters)
    inc3b__b1_1x1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b1_1x1",
    )(inc3a__concat)
    inc3b__b2_reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b2_reduce",
    )(inc3a__concat)
    inc3b__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b3_reduce",
    )(inc3a__concat)
    inc3b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3b__b4_pool",
    )(inc3a__concat)
    inc3b__b2_3x3 = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="inc3b__b2_3x3",
    )(inc3b__b2_reduce)
    inc3b__b3_5x5 = layers.Conv2D(
        filters=96, kernel_size=(5, 5), padding="same", activation="relu", name="inc3b__b3_5x5",
    )(inc3b__b3_reduce)
    inc3b__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b4_proj",
    )(inc3b__b4_pool)
    inc3b__concat = layers.Concatenate(
        axis=-1, name="inc3b__concat",
    )([inc3b__b1_1x1, inc3b__b2_3x3, inc3b__b3_5x5, inc3b__b4_proj])

    pool3 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool3")(inc3b__concat)

    # Block inc4a (Inception module "Inception (4a)", 376,176 parameters)
    inc4a__b1_1x1 = layers.Conv2D(
        filters=192, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b1_1x1",
    )(pool3)
    inc4a__b2_reduce = layers.Conv2D(
        filters=96, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b2_reduce",
    )(pool3)
    inc4a__b3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b3_reduce",
    )(pool3)
    inc4a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4a__b4_pool",
    )(pool3)
    inc4a__b2_3x3 = layers.Conv2D(
        filters=208, kernel_size=(3, 3), padding="same", activation="relu", name="inc4a__b2_3x3",
    )(inc4a__b2_reduce)
    inc4a__b3_5x5 = layers.Conv2D(
        filters=48, kernel_size=(5, 5), padding="same", activation="relu", name="inc4a__b3_5x5",
    )(inc4a__b3_reduce)
    inc4a__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b4_proj",
    )(inc4a__b4_pool)
    inc4a__concat = layers.Concatenate(
        axis=-1, name="inc4a__concat",
    )([inc4a__b1_1x1, inc4a__b2_3x3, inc4a__b3_5x5, inc4a__b4_proj])

    # Block inc4b (Inception module "Inception (4b)", 449,160 parameters)
    inc4b__b1_1x1 = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b1_1x1",
    )(inc4a__concat)
    inc4b__b2_reduce = layers.Conv2D(
        filters=112, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b2_reduce",
    )(inc4a__concat)
    inc4b__b3_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b3_reduce",
    )(inc4a__concat)
    inc4b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4b__b4_pool",
    )(inc4a__concat)
    inc4b__b2_3x3 = layers.Conv2D(
        filters=224, kernel_size=(3, 3), padding="same", activation="relu", name="inc4b__b2_3x3",
    )(inc4b__b2_reduce)
    inc4b__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4b__b3_5x5",
    )(inc4b__b3_reduce)
    inc4b__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b4_proj",
    )(inc4b__b4_pool)
    inc4b__concat = layers.Concatenate(
        axis=-1, name="inc4b__concat",
    )([inc4b__b1_1x1, inc4b__b2_3x3, inc4b__b3_5x5, inc4b__b4_proj])

    # Block aux1 (Auxiliary classifier "Auxiliary classifier 1", 3,188,840 parameters)
    aux1__pool = layers.AveragePooling2D(
        pool_size=(5, 5), strides=(3, 3), padding="valid", name="aux1__pool",
    )(inc4a__concat)
    aux1__conv = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="aux1__conv",
    )(aux1__pool)
    aux1__flatten = layers.Flatten(name="aux1__flatten")(aux1__conv)
    aux1__fc = layers.Dense(
        units=1024, activation="relu", kernel_initializer="glorot_normal", name="aux1__fc",
    )(aux1__flatten)
    aux1__dropout = layers.Dropout(rate=0.7, name="aux1__dropout")(aux1__fc)
    aux1__classifier = layers.Dense(
        units=1000, activation="softmax", kernel_initializer="glorot_normal", name="aux1__classifier",
    )(aux1__dropout)

    # Block inc4c (Inception module "Inception (4c)", 510,104 parameters)
    inc4c__b1_1x1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b1_1x1",
    )(inc4b__concat)
    inc4c__b2_reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b2_reduce",
    )(inc4b__concat)
    inc4c__b3_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b3_reduce",
    )(inc4b__concat)
    inc4c__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4c__b4_pool",
    )(inc4b__concat)
    inc4c__b2_3x3 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="inc4c__b2_3x3",
    )(inc4c__b2_reduce)
    inc4c__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4c__b3_5x5",
    )(inc4c__b3_reduce)
    inc4c__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b4_proj",
    )(inc4c__b4_pool)
    inc4c__concat = layers.Concatenate(
        axis=-1, name="inc4c__concat",
    )([inc4c__b1_1x1, inc4c__b2_3x3, inc4c__b3_5x5, inc4c__b4_proj])

    # Block inc4d (Inception module "Inception (4d)", 605,376 parameters)
    inc4d__b1_1x1 = layers.Conv2D(
        filters=112, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b1_1x1",
    )(inc4c__concat)
    inc4d__b2_reduce = layers.Conv2D(
        filters=144, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b2_reduce",
    )(inc4c__concat)
    inc4d__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b3_reduce",
    )(inc4c__concat)
    inc4d__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4d__b4_pool",
    )(inc4c__concat)
    inc4d__b2_3x3 = layers.Conv2D(
        filters=288, kernel_size=(3, 3), padding="same", activation="relu", name="inc4d__b2_3x3",
    )(inc4d__b2_reduce)
    inc4d__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4d__b3_5x5",
    )(inc4d__b3_reduce)
    inc4d__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b4_proj",
    )(inc4d__b4_pool)
    inc4d__concat = layers.Concatenate(
        axis=-1, name="inc4d__concat",
    )([inc4d__b1_1x1, inc4d__b2_3x3, inc4d__b3_5x5, inc4d__b4_proj])

    # Block inc4e (Inception module "Inception (4e)", 868,352 parameters)
    inc4e__b1_1x1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b1_1x1",
    )(inc4d__concat)
    inc4e__b2_reduce = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b2_reduce",
    )(inc4d__concat)
    inc4e__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b3_reduce",
    )(inc4d__concat)
    inc4e__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4e__b4_pool",
    )(inc4d__concat)
    inc4e__b2_3x3 = layers.Conv2D(
        filters=320, kernel_size=(3, 3), padding="same", activation="relu", name="inc4e__b2_3x3",
    )(inc4e__b2_reduce)
    inc4e__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc4e__b3_5x5",
    )(inc4e__b3_reduce)
    inc4e__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b4_proj",
    )(inc4e__b4_pool)
    inc4e__concat = layers.Concatenate(
        axis=-1, name="inc4e__concat",
    )([inc4e__b1_1x1, inc4e__b2_3x3, inc4e__b3_5x5, inc4e__b4_proj])

    # Block aux2 (Auxiliary classifier "Auxiliary classifier 2", 3,190,888 parameters)
    aux2__pool = layers.AveragePooling2D(
        pool_size=(5, 5), strides=(3, 3), padding="valid", name="aux2__pool",
    )(inc4d__concat)
    aux2__conv = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="aux2__conv",
    )(aux2__pool)
    aux2__flatten = layers.Flatten(name="aux2__flatten")(aux2__conv)
    aux2__fc = layers.Dense(
        units=1024, activation="relu", kernel_initializer="glorot_normal", name="aux2__fc",
    )(aux2__flatten)
    aux2__dropout = layers.Dropout(rate=0.7, name="aux2__dropout")(aux2__fc)
    aux2__classifier = layers.Dense(
        units=1000, activation="softmax", kernel_initializer="glorot_normal", name="aux2__classifier",
    )(aux2__dropout)

    pool4 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool4")(inc4e__concat)

    # Block inc5a (Inception module "Inception (5a)", 1,043,456 parameters)
    inc5a__b1_1x1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b1_1x1",
    )(pool4)
    inc5a__b2_reduce = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b2_reduce",
    )(pool4)
    inc5a__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b3_reduce",
    )(pool4)
    inc5a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5a__b4_pool",
    )(pool4)
    inc5a__b2_3x3 = layers.Conv2D(
        filters=320, kernel_size=(3, 3), padding="same", activation="relu", name="inc5a__b2_3x3",
    )(inc5a__b2_reduce)
    inc5a__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc5a__b3_5x5",
    )(inc5a__b3_reduce)
    inc5a__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b4_proj",
    )(inc5a__b4_pool)
    inc5a__concat = layers.Concatenate(
        axis=-1, name="inc5a__concat",
    )([inc5a__b1_1x1, inc5a__b2_3x3, inc5a__b3_5x5, inc5a__b4_proj])

    # Block inc5b (Inception module "Inception (5b)", 1,444,080 parameters)
    inc5b__b1_1x1 = layers.Conv2D(
        filters=384, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b1_1x1",
    )(inc5a__concat)
    inc5b__b2_reduce = layers.Conv2D(
        filters=192, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b2_reduce",
    )(inc5a__concat)
    inc5b__b3_reduce = layers.Conv2D(
        filters=48, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b3_reduce",
    )(inc5a__concat)
    inc5b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5b__b4_pool",
    )(inc5a__concat)
    inc5b__b2_3x3 = layers.Conv2D(
        filters=384, kernel_size=(3, 3), padding="same", activation="relu", name="inc5b__b2_3x3",
    )(inc5b__b2_reduce)
    inc5b__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc5b__b3_5x5",
    )(inc5b__b3_reduce)
    inc5b__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b4_proj",
    )(inc5b__b4_pool)
    inc5b__concat = layers.Concatenate(
        axis=-1, name="inc5b__concat",
    )([inc5b__b1_1x1, inc5b__b2_3x3, inc5b__b3_5x5, inc5b__b4_proj])

    avgpool = layers.AveragePooling2D(
        pool_size=(7, 7), strides=(1, 1), padding="valid", name="avgpool",
    )(inc5b__concat)
    flatten = layers.Flatten(name="flatten")(avgpool)
    dropout = layers.Dropout(rate=0.4, name="dropout")(flatten)
    # Classifier: Dense 1000 softmax
    logits = layers.Dense(
        units=1000, activation="softmax", kernel_initializer="glorot_normal", name="logits",
    )(dropout)
    return keras.Model(inputs=[image], outputs=[logits, aux1__classifier, aux2__classifier], name="net")


def build_inference():
    """Network "inference": image Bx224x224x3 -> logits Bx1000; 6,998,552 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")
    # conv1 7×7/2: Conv 2D 64@7x7 s2 same relu
    conv1 = layers.Conv2D(
        filters=64, kernel_size=(7, 7), strides=(2, 2), padding="same", activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(conv1)
    norm1 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1")(pool1)
    conv2_reduce = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="conv2_reduce",
    )(norm1)
    conv2 = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="conv2",
    )(conv2_reduce)
    norm2 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2")(conv2)
    pool2 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool2")(norm2)

    # Block inc3a (Inception module "Inception (3a)", 163,696 parameters)
    inc3a__b1_1x1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b1_1x1",
    )(pool2)
    inc3a__b2_reduce = layers.Conv2D(
        filters=96, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b2_reduce",
    )(pool2)
    inc3a__b3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b3_reduce",
    )(pool2)
    inc3a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3a__b4_pool",
    )(pool2)
    inc3a__b2_3x3 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="inc3a__b2_3x3",
    )(inc3a__b2_reduce)
    inc3a__b3_5x5 = layers.Conv2D(
        filters=32, kernel_size=(5, 5), padding="same", activation="relu", name="inc3a__b3_5x5",
    )(inc3a__b3_reduce)
    inc3a__b4_proj = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b4_proj",
    )(inc3a__b4_pool)
    inc3a__concat = layers.Concatenate(
        axis=-1, name="inc3a__concat",
    )([inc3a__b1_1x1, inc3a__b2_3x3, inc3a__b3_5x5, inc3a__b4_proj])

    # Block inc3b (Inception module "Inception (3b)", 388,736 parameters)
    inc3b__b1_1x1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b1_1x1",
    )(inc3a__concat)
    inc3b__b2_reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b2_reduce",
    )(inc3a__concat)
    inc3b__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b3_reduce",
    )(inc3a__concat)
    inc3b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3b__b4_pool",
    )(inc3a__concat)
    inc3b__b2_3x3 = layers.Conv2D(
        filters=192, kernel_size=(3, 3), padding="same", activation="relu", name="inc3b__b2_3x3",
    )(inc3b__b2_reduce)
    inc3b__b3_5x5 = layers.Conv2D(
        filters=96, kernel_size=(5, 5), padding="same", activation="relu", name="inc3b__b3_5x5",
    )(inc3b__b3_reduce)
    inc3b__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b4_proj",
    )(inc3b__b4_pool)
    inc3b__concat = layers.Concatenate(
        axis=-1, name="inc3b__concat",
    )([inc3b__b1_1x1, inc3b__b2_3x3, inc3b__b3_5x5, inc3b__b4_proj])

    pool3 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool3")(inc3b__concat)

    # Block inc4a (Inception module "Inception (4a)", 376,176 parameters)
    inc4a__b1_1x1 = layers.Conv2D(
        filters=192, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b1_1x1",
    )(pool3)
    inc4a__b2_reduce = layers.Conv2D(
        filters=96, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b2_reduce",
    )(pool3)
    inc4a__b3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b3_reduce",
    )(pool3)
    inc4a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4a__b4_pool",
    )(pool3)
    inc4a__b2_3x3 = layers.Conv2D(
        filters=208, kernel_size=(3, 3), padding="same", activation="relu", name="inc4a__b2_3x3",
    )(inc4a__b2_reduce)
    inc4a__b3_5x5 = layers.Conv2D(
        filters=48, kernel_size=(5, 5), padding="same", activation="relu", name="inc4a__b3_5x5",
    )(inc4a__b3_reduce)
    inc4a__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b4_proj",
    )(inc4a__b4_pool)
    inc4a__concat = layers.Concatenate(
        axis=-1, name="inc4a__concat",
    )([inc4a__b1_1x1, inc4a__b2_3x3, inc4a__b3_5x5, inc4a__b4_proj])

    # Block inc4b (Inception module "Inception (4b)", 449,160 parameters)
    inc4b__b1_1x1 = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b1_1x1",
    )(inc4a__concat)
    inc4b__b2_reduce = layers.Conv2D(
        filters=112, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b2_reduce",
    )(inc4a__concat)
    inc4b__b3_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b3_reduce",
    )(inc4a__concat)
    inc4b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4b__b4_pool",
    )(inc4a__concat)
    inc4b__b2_3x3 = layers.Conv2D(
        filters=224, kernel_size=(3, 3), padding="same", activation="relu", name="inc4b__b2_3x3",
    )(inc4b__b2_reduce)
    inc4b__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4b__b3_5x5",
    )(inc4b__b3_reduce)
    inc4b__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b4_proj",
    )(inc4b__b4_pool)
    inc4b__concat = layers.Concatenate(
        axis=-1, name="inc4b__concat",
    )([inc4b__b1_1x1, inc4b__b2_3x3, inc4b__b3_5x5, inc4b__b4_proj])

    # Block inc4c (Inception module "Inception (4c)", 510,104 parameters)
    inc4c__b1_1x1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b1_1x1",
    )(inc4b__concat)
    inc4c__b2_reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b2_reduce",
    )(inc4b__concat)
    inc4c__b3_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b3_reduce",
    )(inc4b__concat)
    inc4c__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4c__b4_pool",
    )(inc4b__concat)
    inc4c__b2_3x3 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="inc4c__b2_3x3",
    )(inc4c__b2_reduce)
    inc4c__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4c__b3_5x5",
    )(inc4c__b3_reduce)
    inc4c__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b4_proj",
    )(inc4c__b4_pool)
    inc4c__concat = layers.Concatenate(
        axis=-1, name="inc4c__concat",
    )([inc4c__b1_1x1, inc4c__b2_3x3, inc4c__b3_5x5, inc4c__b4_proj])

    # Block inc4d (Inception module "Inception (4d)", 605,376 parameters)
    inc4d__b1_1x1 = layers.Conv2D(
        filters=112, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b1_1x1",
    )(inc4c__concat)
    inc4d__b2_reduce = layers.Conv2D(
        filters=144, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b2_reduce",
    )(inc4c__concat)
    inc4d__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b3_reduce",
    )(inc4c__concat)
    inc4d__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4d__b4_pool",
    )(inc4c__concat)
    inc4d__b2_3x3 = layers.Conv2D(
        filters=288, kernel_size=(3, 3), padding="same", activation="relu", name="inc4d__b2_3x3",
    )(inc4d__b2_reduce)
    inc4d__b3_5x5 = layers.Conv2D(
        filters=64, kernel_size=(5, 5), padding="same", activation="relu", name="inc4d__b3_5x5",
    )(inc4d__b3_reduce)
    inc4d__b4_proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b4_proj",
    )(inc4d__b4_pool)
    inc4d__concat = layers.Concatenate(
        axis=-1, name="inc4d__concat",
    )([inc4d__b1_1x1, inc4d__b2_3x3, inc4d__b3_5x5, inc4d__b4_proj])

    # Block inc4e (Inception module "Inception (4e)", 868,352 parameters)
    inc4e__b1_1x1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b1_1x1",
    )(inc4d__concat)
    inc4e__b2_reduce = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b2_reduce",
    )(inc4d__concat)
    inc4e__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b3_reduce",
    )(inc4d__concat)
    inc4e__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4e__b4_pool",
    )(inc4d__concat)
    inc4e__b2_3x3 = layers.Conv2D(
        filters=320, kernel_size=(3, 3), padding="same", activation="relu", name="inc4e__b2_3x3",
    )(inc4e__b2_reduce)
    inc4e__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc4e__b3_5x5",
    )(inc4e__b3_reduce)
    inc4e__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b4_proj",
    )(inc4e__b4_pool)
    inc4e__concat = layers.Concatenate(
        axis=-1, name="inc4e__concat",
    )([inc4e__b1_1x1, inc4e__b2_3x3, inc4e__b3_5x5, inc4e__b4_proj])

    pool4 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool4")(inc4e__concat)

    # Block inc5a (Inception module "Inception (5a)", 1,043,456 parameters)
    inc5a__b1_1x1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b1_1x1",
    )(pool4)
    inc5a__b2_reduce = layers.Conv2D(
        filters=160, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b2_reduce",
    )(pool4)
    inc5a__b3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b3_reduce",
    )(pool4)
    inc5a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5a__b4_pool",
    )(pool4)
    inc5a__b2_3x3 = layers.Conv2D(
        filters=320, kernel_size=(3, 3), padding="same", activation="relu", name="inc5a__b2_3x3",
    )(inc5a__b2_reduce)
    inc5a__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc5a__b3_5x5",
    )(inc5a__b3_reduce)
    inc5a__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b4_proj",
    )(inc5a__b4_pool)
    inc5a__concat = layers.Concatenate(
        axis=-1, name="inc5a__concat",
    )([inc5a__b1_1x1, inc5a__b2_3x3, inc5a__b3_5x5, inc5a__b4_proj])

    # Block inc5b (Inception module "Inception (5b)", 1,444,080 parameters)
    inc5b__b1_1x1 = layers.Conv2D(
        filters=384, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b1_1x1",
    )(inc5a__concat)
    inc5b__b2_reduce = layers.Conv2D(
        filters=192, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b2_reduce",
    )(inc5a__concat)
    inc5b__b3_reduce = layers.Conv2D(
        filters=48, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b3_reduce",
    )(inc5a__concat)
    inc5b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5b__b4_pool",
    )(inc5a__concat)
    inc5b__b2_3x3 = layers.Conv2D(
        filters=384, kernel_size=(3, 3), padding="same", activation="relu", name="inc5b__b2_3x3",
    )(inc5b__b2_reduce)
    inc5b__b3_5x5 = layers.Conv2D(
        filters=128, kernel_size=(5, 5), padding="same", activation="relu", name="inc5b__b3_5x5",
    )(inc5b__b3_reduce)
    inc5b__b4_proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b4_proj",
    )(inc5b__b4_pool)
    inc5b__concat = layers.Concatenate(
        axis=-1, name="inc5b__concat",
    )([inc5b__b1_1x1, inc5b__b2_3x3, inc5b__b3_5x5, inc5b__b4_proj])

    avgpool = layers.AveragePooling2D(
        pool_size=(7, 7), strides=(1, 1), padding="valid", name="avgpool",
    )(inc5b__concat)
    flatten = layers.Flatten(name="flatten")(avgpool)
    dropout = layers.Dropout(rate=0.4, name="dropout")(flatten)
    # Classifier: Dense 1000 softmax
    logits = layers.Dense(
        units=1000, activation="softmax", kernel_initializer="glorot_normal", name="logits",
    )(dropout)
    return keras.Model(inputs=[image], outputs=[logits], name="inference")


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
        build_inference().summary()
