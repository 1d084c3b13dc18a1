"""GoogLeNet (mini)

GoogLeNet's nine inception modules and both auxiliary classifiers at an eighth of the width, for
32×32 shapes; the stem skips its second max pooling and the auxiliary heads pool 2×2, as the maps
are small.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> logits Bx3, aux1 Bx3, aux2 Bx3
  build_inference()  network "inference": image Bx32x32x3 -> logits Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python googlenet-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
For multiworker, start the script on every machine with TF_CONFIG describing the cluster
(https://www.tensorflow.org/guide/distributed_training). --batch-size is per replica.
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
    """Network "net": image Bx32x32x3 -> logits Bx3, aux1 Bx3, aux2 Bx3; 114,115 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # conv1 3×3/2: Conv 2D 8@3x3 s2 same relu
    conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(conv1)
    norm1 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1")(pool1)
    conv2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="conv2_reduce",
    )(norm1)
    conv2 = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv2",
    )(conv2_reduce)
    norm2 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2")(conv2)

    # Block inc3a (Inception module "Inception (3a)", 2,598 parameters)
    inc3a__b1_1x1 = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b1_1x1",
    )(norm2)
    inc3a__b2_reduce = layers.Conv2D(
        filters=12, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b2_reduce",
    )(norm2)
    inc3a__b3_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b3_reduce",
    )(norm2)
    inc3a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3a__b4_pool",
    )(norm2)
    inc3a__b2_3x3 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", activation="relu", name="inc3a__b2_3x3",
    )(inc3a__b2_reduce)
    inc3a__b3_5x5 = layers.Conv2D(
        filters=4, kernel_size=(5, 5), padding="same", activation="relu", name="inc3a__b3_5x5",
    )(inc3a__b3_reduce)
    inc3a__b4_proj = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b4_proj",
    )(inc3a__b4_pool)
    inc3a__concat = layers.Concatenate(
        axis=-1, name="inc3a__concat",
    )([inc3a__b1_1x1, inc3a__b2_3x3, inc3a__b3_5x5, inc3a__b4_proj])

    # Block inc3b (Inception module "Inception (3b)", 6,144 parameters)
    inc3b__b1_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b1_1x1",
    )(inc3a__concat)
    inc3b__b2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b2_reduce",
    )(inc3a__concat)
    inc3b__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b3_reduce",
    )(inc3a__concat)
    inc3b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3b__b4_pool",
    )(inc3a__concat)
    inc3b__b2_3x3 = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="inc3b__b2_3x3",
    )(inc3b__b2_reduce)
    inc3b__b3_5x5 = layers.Conv2D(
        filters=12, kernel_size=(5, 5), padding="same", activation="relu", name="inc3b__b3_5x5",
    )(inc3b__b3_reduce)
    inc3b__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b4_proj",
    )(inc3b__b4_pool)
    inc3b__concat = layers.Concatenate(
        axis=-1, name="inc3b__concat",
    )([inc3b__b1_1x1, inc3b__b2_3x3, inc3b__b3_5x5, inc3b__b4_proj])

    pool3 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool3")(inc3b__concat)

    # Block inc4a (Inception module "Inception (4a)", 5,946 parameters)
    inc4a__b1_1x1 = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b1_1x1",
    )(pool3)
    inc4a__b2_reduce = layers.Conv2D(
        filters=12, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b2_reduce",
    )(pool3)
    inc4a__b3_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b3_reduce",
    )(pool3)
    inc4a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4a__b4_pool",
    )(pool3)
    inc4a__b2_3x3 = layers.Conv2D(
        filters=26, kernel_size=(3, 3), padding="same", activation="relu", name="inc4a__b2_3x3",
    )(inc4a__b2_reduce)
    inc4a__b3_5x5 = layers.Conv2D(
        filters=6, kernel_size=(5, 5), padding="same", activation="relu", name="inc4a__b3_5x5",
    )(inc4a__b3_reduce)
    inc4a__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b4_proj",
    )(inc4a__b4_pool)
    inc4a__concat = layers.Concatenate(
        axis=-1, name="inc4a__concat",
    )([inc4a__b1_1x1, inc4a__b2_3x3, inc4a__b3_5x5, inc4a__b4_proj])

    # Block inc4b (Inception module "Inception (4b)", 7,089 parameters)
    inc4b__b1_1x1 = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b1_1x1",
    )(inc4a__concat)
    inc4b__b2_reduce = layers.Conv2D(
        filters=14, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b2_reduce",
    )(inc4a__concat)
    inc4b__b3_reduce = layers.Conv2D(
        filters=3, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b3_reduce",
    )(inc4a__concat)
    inc4b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4b__b4_pool",
    )(inc4a__concat)
    inc4b__b2_3x3 = layers.Conv2D(
        filters=28, kernel_size=(3, 3), padding="same", activation="relu", name="inc4b__b2_3x3",
    )(inc4b__b2_reduce)
    inc4b__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4b__b3_5x5",
    )(inc4b__b3_reduce)
    inc4b__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b4_proj",
    )(inc4b__b4_pool)
    inc4b__concat = layers.Concatenate(
        axis=-1, name="inc4b__concat",
    )([inc4b__b1_1x1, inc4b__b2_3x3, inc4b__b3_5x5, inc4b__b4_proj])

    # Block aux1 (Auxiliary classifier "Auxiliary classifier 1", 9,747 parameters)
    aux1__pool = layers.AveragePooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="aux1__pool",
    )(inc4a__concat)
    aux1__conv = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="aux1__conv",
    )(aux1__pool)
    aux1__flatten = layers.Flatten(name="aux1__flatten")(aux1__conv)
    aux1__fc = layers.Dense(
        units=128, activation="relu", kernel_initializer="glorot_normal", name="aux1__fc",
    )(aux1__flatten)
    aux1__dropout = layers.Dropout(rate=0.7, name="aux1__dropout")(aux1__fc)
    aux1__classifier = layers.Dense(
        units=3, activation="softmax", kernel_initializer="glorot_normal", name="aux1__classifier",
    )(aux1__dropout)

    # Block inc4c (Inception module "Inception (4c)", 8,043 parameters)
    inc4c__b1_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b1_1x1",
    )(inc4b__concat)
    inc4c__b2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b2_reduce",
    )(inc4b__concat)
    inc4c__b3_reduce = layers.Conv2D(
        filters=3, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b3_reduce",
    )(inc4b__concat)
    inc4c__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4c__b4_pool",
    )(inc4b__concat)
    inc4c__b2_3x3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="inc4c__b2_3x3",
    )(inc4c__b2_reduce)
    inc4c__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4c__b3_5x5",
    )(inc4c__b3_reduce)
    inc4c__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b4_proj",
    )(inc4c__b4_pool)
    inc4c__concat = layers.Concatenate(
        axis=-1, name="inc4c__concat",
    )([inc4c__b1_1x1, inc4c__b2_3x3, inc4c__b3_5x5, inc4c__b4_proj])

    # Block inc4d (Inception module "Inception (4d)", 9,536 parameters)
    inc4d__b1_1x1 = layers.Conv2D(
        filters=14, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b1_1x1",
    )(inc4c__concat)
    inc4d__b2_reduce = layers.Conv2D(
        filters=18, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b2_reduce",
    )(inc4c__concat)
    inc4d__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b3_reduce",
    )(inc4c__concat)
    inc4d__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4d__b4_pool",
    )(inc4c__concat)
    inc4d__b2_3x3 = layers.Conv2D(
        filters=36, kernel_size=(3, 3), padding="same", activation="relu", name="inc4d__b2_3x3",
    )(inc4d__b2_reduce)
    inc4d__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4d__b3_5x5",
    )(inc4d__b3_reduce)
    inc4d__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b4_proj",
    )(inc4d__b4_pool)
    inc4d__concat = layers.Concatenate(
        axis=-1, name="inc4d__concat",
    )([inc4d__b1_1x1, inc4d__b2_3x3, inc4d__b3_5x5, inc4d__b4_proj])

    # Block inc4e (Inception module "Inception (4e)", 13,680 parameters)
    inc4e__b1_1x1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b1_1x1",
    )(inc4d__concat)
    inc4e__b2_reduce = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b2_reduce",
    )(inc4d__concat)
    inc4e__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b3_reduce",
    )(inc4d__concat)
    inc4e__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4e__b4_pool",
    )(inc4d__concat)
    inc4e__b2_3x3 = layers.Conv2D(
        filters=40, kernel_size=(3, 3), padding="same", activation="relu", name="inc4e__b2_3x3",
    )(inc4e__b2_reduce)
    inc4e__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc4e__b3_5x5",
    )(inc4e__b3_reduce)
    inc4e__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b4_proj",
    )(inc4e__b4_pool)
    inc4e__concat = layers.Concatenate(
        axis=-1, name="inc4e__concat",
    )([inc4e__b1_1x1, inc4e__b2_3x3, inc4e__b3_5x5, inc4e__b4_proj])

    # Block aux2 (Auxiliary classifier "Auxiliary classifier 2", 9,779 parameters)
    aux2__pool = layers.AveragePooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="aux2__pool",
    )(inc4d__concat)
    aux2__conv = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="aux2__conv",
    )(aux2__pool)
    aux2__flatten = layers.Flatten(name="aux2__flatten")(aux2__conv)
    aux2__fc = layers.Dense(
        units=128, activation="relu", kernel_initializer="glorot_normal", name="aux2__fc",
    )(aux2__flatten)
    aux2__dropout = layers.Dropout(rate=0.7, name="aux2__dropout")(aux2__fc)
    aux2__classifier = layers.Dense(
        units=3, activation="softmax", kernel_initializer="glorot_normal", name="aux2__classifier",
    )(aux2__dropout)

    pool4 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool4")(inc4e__concat)

    # Block inc5a (Inception module "Inception (5a)", 16,416 parameters)
    inc5a__b1_1x1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b1_1x1",
    )(pool4)
    inc5a__b2_reduce = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b2_reduce",
    )(pool4)
    inc5a__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b3_reduce",
    )(pool4)
    inc5a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5a__b4_pool",
    )(pool4)
    inc5a__b2_3x3 = layers.Conv2D(
        filters=40, kernel_size=(3, 3), padding="same", activation="relu", name="inc5a__b2_3x3",
    )(inc5a__b2_reduce)
    inc5a__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc5a__b3_5x5",
    )(inc5a__b3_reduce)
    inc5a__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b4_proj",
    )(inc5a__b4_pool)
    inc5a__concat = layers.Concatenate(
        axis=-1, name="inc5a__concat",
    )([inc5a__b1_1x1, inc5a__b2_3x3, inc5a__b3_5x5, inc5a__b4_proj])

    # Block inc5b (Inception module "Inception (5b)", 22,702 parameters)
    inc5b__b1_1x1 = layers.Conv2D(
        filters=48, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b1_1x1",
    )(inc5a__concat)
    inc5b__b2_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b2_reduce",
    )(inc5a__concat)
    inc5b__b3_reduce = layers.Conv2D(
        filters=6, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b3_reduce",
    )(inc5a__concat)
    inc5b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5b__b4_pool",
    )(inc5a__concat)
    inc5b__b2_3x3 = layers.Conv2D(
        filters=48, kernel_size=(3, 3), padding="same", activation="relu", name="inc5b__b2_3x3",
    )(inc5b__b2_reduce)
    inc5b__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc5b__b3_5x5",
    )(inc5b__b3_reduce)
    inc5b__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b4_proj",
    )(inc5b__b4_pool)
    inc5b__concat = layers.Concatenate(
        axis=-1, name="inc5b__concat",
    )([inc5b__b1_1x1, inc5b__b2_3x3, inc5b__b3_5x5, inc5b__b4_proj])

    avgpool = layers.AveragePooling2D(
        pool_size=(2, 2), strides=(1, 1), padding="valid", name="avgpool",
    )(inc5b__concat)
    flatten = layers.Flatten(name="flatten")(avgpool)
    dropout = layers.Dropout(rate=0.4, name="dropout")(flatten)
    # Classifier: Dense 3 softmax
    logits = layers.Dense(
        units=3, activation="softmax", kernel_initializer="glorot_normal", name="logits",
    )(dropout)
    return keras.Model(inputs=[image], outputs=[logits, aux1__classifier, aux2__classifier], name="net")


def build_inference():
    """Network "inference": image Bx32x32x3 -> logits Bx3; 94,589 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # conv1 3×3/2: Conv 2D 8@3x3 s2 same relu
    conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", activation="relu", name="conv1",
    )(image)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(conv1)
    norm1 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm1")(pool1)
    conv2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="conv2_reduce",
    )(norm1)
    conv2 = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="conv2",
    )(conv2_reduce)
    norm2 = LocalResponseNormalization(depth_radius=2, bias=2, alpha=0.0001, beta=0.75, name="norm2")(conv2)

    # Block inc3a (Inception module "Inception (3a)", 2,598 parameters)
    inc3a__b1_1x1 = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b1_1x1",
    )(norm2)
    inc3a__b2_reduce = layers.Conv2D(
        filters=12, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b2_reduce",
    )(norm2)
    inc3a__b3_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b3_reduce",
    )(norm2)
    inc3a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3a__b4_pool",
    )(norm2)
    inc3a__b2_3x3 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", activation="relu", name="inc3a__b2_3x3",
    )(inc3a__b2_reduce)
    inc3a__b3_5x5 = layers.Conv2D(
        filters=4, kernel_size=(5, 5), padding="same", activation="relu", name="inc3a__b3_5x5",
    )(inc3a__b3_reduce)
    inc3a__b4_proj = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc3a__b4_proj",
    )(inc3a__b4_pool)
    inc3a__concat = layers.Concatenate(
        axis=-1, name="inc3a__concat",
    )([inc3a__b1_1x1, inc3a__b2_3x3, inc3a__b3_5x5, inc3a__b4_proj])

    # Block inc3b (Inception module "Inception (3b)", 6,144 parameters)
    inc3b__b1_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b1_1x1",
    )(inc3a__concat)
    inc3b__b2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b2_reduce",
    )(inc3a__concat)
    inc3b__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b3_reduce",
    )(inc3a__concat)
    inc3b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc3b__b4_pool",
    )(inc3a__concat)
    inc3b__b2_3x3 = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", activation="relu", name="inc3b__b2_3x3",
    )(inc3b__b2_reduce)
    inc3b__b3_5x5 = layers.Conv2D(
        filters=12, kernel_size=(5, 5), padding="same", activation="relu", name="inc3b__b3_5x5",
    )(inc3b__b3_reduce)
    inc3b__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc3b__b4_proj",
    )(inc3b__b4_pool)
    inc3b__concat = layers.Concatenate(
        axis=-1, name="inc3b__concat",
    )([inc3b__b1_1x1, inc3b__b2_3x3, inc3b__b3_5x5, inc3b__b4_proj])

    pool3 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool3")(inc3b__concat)

    # Block inc4a (Inception module "Inception (4a)", 5,946 parameters)
    inc4a__b1_1x1 = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b1_1x1",
    )(pool3)
    inc4a__b2_reduce = layers.Conv2D(
        filters=12, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b2_reduce",
    )(pool3)
    inc4a__b3_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b3_reduce",
    )(pool3)
    inc4a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4a__b4_pool",
    )(pool3)
    inc4a__b2_3x3 = layers.Conv2D(
        filters=26, kernel_size=(3, 3), padding="same", activation="relu", name="inc4a__b2_3x3",
    )(inc4a__b2_reduce)
    inc4a__b3_5x5 = layers.Conv2D(
        filters=6, kernel_size=(5, 5), padding="same", activation="relu", name="inc4a__b3_5x5",
    )(inc4a__b3_reduce)
    inc4a__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4a__b4_proj",
    )(inc4a__b4_pool)
    inc4a__concat = layers.Concatenate(
        axis=-1, name="inc4a__concat",
    )([inc4a__b1_1x1, inc4a__b2_3x3, inc4a__b3_5x5, inc4a__b4_proj])

    # Block inc4b (Inception module "Inception (4b)", 7,089 parameters)
    inc4b__b1_1x1 = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b1_1x1",
    )(inc4a__concat)
    inc4b__b2_reduce = layers.Conv2D(
        filters=14, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b2_reduce",
    )(inc4a__concat)
    inc4b__b3_reduce = layers.Conv2D(
        filters=3, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b3_reduce",
    )(inc4a__concat)
    inc4b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4b__b4_pool",
    )(inc4a__concat)
    inc4b__b2_3x3 = layers.Conv2D(
        filters=28, kernel_size=(3, 3), padding="same", activation="relu", name="inc4b__b2_3x3",
    )(inc4b__b2_reduce)
    inc4b__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4b__b3_5x5",
    )(inc4b__b3_reduce)
    inc4b__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4b__b4_proj",
    )(inc4b__b4_pool)
    inc4b__concat = layers.Concatenate(
        axis=-1, name="inc4b__concat",
    )([inc4b__b1_1x1, inc4b__b2_3x3, inc4b__b3_5x5, inc4b__b4_proj])

    # Block inc4c (Inception module "Inception (4c)", 8,043 parameters)
    inc4c__b1_1x1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b1_1x1",
    )(inc4b__concat)
    inc4c__b2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b2_reduce",
    )(inc4b__concat)
    inc4c__b3_reduce = layers.Conv2D(
        filters=3, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b3_reduce",
    )(inc4b__concat)
    inc4c__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4c__b4_pool",
    )(inc4b__concat)
    inc4c__b2_3x3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", activation="relu", name="inc4c__b2_3x3",
    )(inc4c__b2_reduce)
    inc4c__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4c__b3_5x5",
    )(inc4c__b3_reduce)
    inc4c__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4c__b4_proj",
    )(inc4c__b4_pool)
    inc4c__concat = layers.Concatenate(
        axis=-1, name="inc4c__concat",
    )([inc4c__b1_1x1, inc4c__b2_3x3, inc4c__b3_5x5, inc4c__b4_proj])

    # Block inc4d (Inception module "Inception (4d)", 9,536 parameters)
    inc4d__b1_1x1 = layers.Conv2D(
        filters=14, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b1_1x1",
    )(inc4c__concat)
    inc4d__b2_reduce = layers.Conv2D(
        filters=18, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b2_reduce",
    )(inc4c__concat)
    inc4d__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b3_reduce",
    )(inc4c__concat)
    inc4d__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4d__b4_pool",
    )(inc4c__concat)
    inc4d__b2_3x3 = layers.Conv2D(
        filters=36, kernel_size=(3, 3), padding="same", activation="relu", name="inc4d__b2_3x3",
    )(inc4d__b2_reduce)
    inc4d__b3_5x5 = layers.Conv2D(
        filters=8, kernel_size=(5, 5), padding="same", activation="relu", name="inc4d__b3_5x5",
    )(inc4d__b3_reduce)
    inc4d__b4_proj = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", activation="relu", name="inc4d__b4_proj",
    )(inc4d__b4_pool)
    inc4d__concat = layers.Concatenate(
        axis=-1, name="inc4d__concat",
    )([inc4d__b1_1x1, inc4d__b2_3x3, inc4d__b3_5x5, inc4d__b4_proj])

    # Block inc4e (Inception module "Inception (4e)", 13,680 parameters)
    inc4e__b1_1x1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b1_1x1",
    )(inc4d__concat)
    inc4e__b2_reduce = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b2_reduce",
    )(inc4d__concat)
    inc4e__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b3_reduce",
    )(inc4d__concat)
    inc4e__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc4e__b4_pool",
    )(inc4d__concat)
    inc4e__b2_3x3 = layers.Conv2D(
        filters=40, kernel_size=(3, 3), padding="same", activation="relu", name="inc4e__b2_3x3",
    )(inc4e__b2_reduce)
    inc4e__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc4e__b3_5x5",
    )(inc4e__b3_reduce)
    inc4e__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc4e__b4_proj",
    )(inc4e__b4_pool)
    inc4e__concat = layers.Concatenate(
        axis=-1, name="inc4e__concat",
    )([inc4e__b1_1x1, inc4e__b2_3x3, inc4e__b3_5x5, inc4e__b4_proj])

    pool4 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool4")(inc4e__concat)

    # Block inc5a (Inception module "Inception (5a)", 16,416 parameters)
    inc5a__b1_1x1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b1_1x1",
    )(pool4)
    inc5a__b2_reduce = layers.Conv2D(
        filters=20, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b2_reduce",
    )(pool4)
    inc5a__b3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b3_reduce",
    )(pool4)
    inc5a__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5a__b4_pool",
    )(pool4)
    inc5a__b2_3x3 = layers.Conv2D(
        filters=40, kernel_size=(3, 3), padding="same", activation="relu", name="inc5a__b2_3x3",
    )(inc5a__b2_reduce)
    inc5a__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc5a__b3_5x5",
    )(inc5a__b3_reduce)
    inc5a__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc5a__b4_proj",
    )(inc5a__b4_pool)
    inc5a__concat = layers.Concatenate(
        axis=-1, name="inc5a__concat",
    )([inc5a__b1_1x1, inc5a__b2_3x3, inc5a__b3_5x5, inc5a__b4_proj])

    # Block inc5b (Inception module "Inception (5b)", 22,702 parameters)
    inc5b__b1_1x1 = layers.Conv2D(
        filters=48, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b1_1x1",
    )(inc5a__concat)
    inc5b__b2_reduce = layers.Conv2D(
        filters=24, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b2_reduce",
    )(inc5a__concat)
    inc5b__b3_reduce = layers.Conv2D(
        filters=6, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b3_reduce",
    )(inc5a__concat)
    inc5b__b4_pool = layers.MaxPooling2D(
        pool_size=(3, 3), strides=(1, 1), padding="same", name="inc5b__b4_pool",
    )(inc5a__concat)
    inc5b__b2_3x3 = layers.Conv2D(
        filters=48, kernel_size=(3, 3), padding="same", activation="relu", name="inc5b__b2_3x3",
    )(inc5b__b2_reduce)
    inc5b__b3_5x5 = layers.Conv2D(
        filters=16, kernel_size=(5, 5), padding="same", activation="relu", name="inc5b__b3_5x5",
    )(inc5b__b3_reduce)
    inc5b__b4_proj = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", activation="relu", name="inc5b__b4_proj",
    )(inc5b__b4_pool)
    inc5b__concat = layers.Concatenate(
        axis=-1, name="inc5b__concat",
    )([inc5b__b1_1x1, inc5b__b2_3x3, inc5b__b3_5x5, inc5b__b4_proj])

    avgpool = layers.AveragePooling2D(
        pool_size=(2, 2), strides=(1, 1), padding="valid", name="avgpool",
    )(inc5b__concat)
    flatten = layers.Flatten(name="flatten")(avgpool)
    dropout = layers.Dropout(rate=0.4, name="dropout")(flatten)
    # Classifier: Dense 3 softmax
    logits = layers.Dense(
        units=3, activation="softmax", kernel_initializer="glorot_normal", name="logits",
    )(dropout)
    return keras.Model(inputs=[image], outputs=[logits], name="inference")


def training_model_net(model):
    """The network with only the outputs that have a loss (logits, aux1, aux2), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0, 1, 2]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.Adam(learning_rate=0.003, beta_1=0.9, beta_2=0.999)
    trainable.compile(
        optimizer=optimizer,
        loss=["categorical_crossentropy", "categorical_crossentropy", "categorical_crossentropy"],
        loss_weights=[1, 0.3, 0.3],
        metrics=[["accuracy"], ["accuracy"], ["accuracy"]],
    )
    return trainable


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train GoogLeNet (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, logits, aux1, aux2 (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="googlenet-mini.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["logits", "aux1", "aux2"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
