"""ResNet-18

He et al. 2015, the 18-layer network of table 1: a 7×7/2 stem and max pooling, then four stages of
two basic residual blocks (64, 128, 256, 512 filters; the first block of stages 3 to 5 halves the
size), global average pooling and a 1000-way classifier.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx224x224x3 -> fc Bx1000
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx224x224x3 -> fc Bx1000; 11,699,112 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")
    # conv1 7×7/2: Conv 2D 64@7x7 s2 same
    conv1 = layers.Conv2D(
        filters=64, kernel_size=(7, 7), strides=(2, 2), padding="same", use_bias=False, name="conv1",
    )(image)
    bn1 = layers.BatchNormalization(name="bn1")(conv1)
    relu1 = layers.ReLU(name="relu1")(bn1)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(relu1)

    # Block res2a (Residual block "conv2_1", 74,240 parameters)
    res2a__conv1 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__conv1",
    )(pool1)
    res2a__bn1 = layers.BatchNormalization(name="res2a__bn1")(res2a__conv1)
    res2a__relu1 = layers.ReLU(name="res2a__relu1")(res2a__bn1)
    res2a__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__conv2",
    )(res2a__relu1)
    res2a__bn2 = layers.BatchNormalization(name="res2a__bn2")(res2a__conv2)
    res2a__add = layers.Add(name="res2a__add")([res2a__bn2, pool1])
    res2a__relu_out = layers.ReLU(name="res2a__relu_out")(res2a__add)

    # Block res2b (Residual block "conv2_2", 74,240 parameters)
    res2b__conv1 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__conv1",
    )(res2a__relu_out)
    res2b__bn1 = layers.BatchNormalization(name="res2b__bn1")(res2b__conv1)
    res2b__relu1 = layers.ReLU(name="res2b__relu1")(res2b__bn1)
    res2b__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__conv2",
    )(res2b__relu1)
    res2b__bn2 = layers.BatchNormalization(name="res2b__bn2")(res2b__conv2)
    res2b__add = layers.Add(name="res2b__add")([res2b__bn2, res2a__relu_out])
    res2b__relu_out = layers.ReLU(name="res2b__relu_out")(res2b__add)

    # Block res3a (Residual block "conv3_1 ↓2", 230,912 parameters)
    res3a__conv1 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res3a__conv1",
    )(res2b__relu_out)
    res3a__proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res3a__proj",
    )(res2b__relu_out)
    res3a__bn1 = layers.BatchNormalization(name="res3a__bn1")(res3a__conv1)
    res3a__proj_bn = layers.BatchNormalization(name="res3a__proj_bn")(res3a__proj)
    res3a__relu1 = layers.ReLU(name="res3a__relu1")(res3a__bn1)
    res3a__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3a__conv2",
    )(res3a__relu1)
    res3a__bn2 = layers.BatchNormalization(name="res3a__bn2")(res3a__conv2)
    res3a__add = layers.Add(name="res3a__add")([res3a__bn2, res3a__proj_bn])
    res3a__relu_out = layers.ReLU(name="res3a__relu_out")(res3a__add)

    # Block res3b (Residual block "conv3_2", 295,936 parameters)
    res3b__conv1 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__conv1",
    )(res3a__relu_out)
    res3b__bn1 = layers.BatchNormalization(name="res3b__bn1")(res3b__conv1)
    res3b__relu1 = layers.ReLU(name="res3b__relu1")(res3b__bn1)
    res3b__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__conv2",
    )(res3b__relu1)
    res3b__bn2 = layers.BatchNormalization(name="res3b__bn2")(res3b__conv2)
    res3b__add = layers.Add(name="res3b__add")([res3b__bn2, res3a__relu_out])
    res3b__relu_out = layers.ReLU(name="res3b__relu_out")(res3b__add)

    # Block res4a (Residual block "conv4_1 ↓2", 920,576 parameters)
    res4a__conv1 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res4a__conv1",
    )(res3b__relu_out)
    res4a__proj = layers.Conv2D(
        filters=256, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res4a__proj",
    )(res3b__relu_out)
    res4a__bn1 = layers.BatchNormalization(name="res4a__bn1")(res4a__conv1)
    res4a__proj_bn = layers.BatchNormalization(name="res4a__proj_bn")(res4a__proj)
    res4a__relu1 = layers.ReLU(name="res4a__relu1")(res4a__bn1)
    res4a__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4a__conv2",
    )(res4a__relu1)
    res4a__bn2 = layers.BatchNormalization(name="res4a__bn2")(res4a__conv2)
    res4a__add = layers.Add(name="res4a__add")([res4a__bn2, res4a__proj_bn])
    res4a__relu_out = layers.ReLU(name="res4a__relu_out")(res4a__add)

    # Block res4b (Residual block "conv4_2", 1,181,696 parameters)
    res4b__conv1 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__conv1",
    )(res4a__relu_out)
    res4b__bn1 = layers.BatchNormalization(name="res4b__bn1")(res4b__conv1)
    res4b__relu1 = layers.ReLU(name="res4b__relu1")(res4b__bn1)
    res4b__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__conv2",
    )(res4b__relu1)
    res4b__bn2 = layers.BatchNormalization(name="res4b__bn2")(res4b__conv2)
    res4b__add = layers.Add(name="res4b__add")([res4b__bn2, res4a__relu_out])
    res4b__relu_out = layers.ReLU(name="res4b__relu_out")(res4b__add)

    # Block res5a (Residual block "conv5_1 ↓2", 3,676,160 parameters)
    res5a__conv1 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res5a__conv1",
    )(res4b__relu_out)
    res5a__proj = layers.Conv2D(
        filters=512, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res5a__proj",
    )(res4b__relu_out)
    res5a__bn1 = layers.BatchNormalization(name="res5a__bn1")(res5a__conv1)
    res5a__proj_bn = layers.BatchNormalization(name="res5a__proj_bn")(res5a__proj)
    res5a__relu1 = layers.ReLU(name="res5a__relu1")(res5a__bn1)
    res5a__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", use_bias=False, name="res5a__conv2",
    )(res5a__relu1)
    res5a__bn2 = layers.BatchNormalization(name="res5a__bn2")(res5a__conv2)
    res5a__add = layers.Add(name="res5a__add")([res5a__bn2, res5a__proj_bn])
    res5a__relu_out = layers.ReLU(name="res5a__relu_out")(res5a__add)

    # Block res5b (Residual block "conv5_2", 4,722,688 parameters)
    res5b__conv1 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__conv1",
    )(res5a__relu_out)
    res5b__bn1 = layers.BatchNormalization(name="res5b__bn1")(res5b__conv1)
    res5b__relu1 = layers.ReLU(name="res5b__relu1")(res5b__bn1)
    res5b__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__conv2",
    )(res5b__relu1)
    res5b__bn2 = layers.BatchNormalization(name="res5b__bn2")(res5b__conv2)
    res5b__add = layers.Add(name="res5b__add")([res5b__bn2, res5a__relu_out])
    res5b__relu_out = layers.ReLU(name="res5b__relu_out")(res5b__add)

    gap = layers.GlobalAveragePooling2D(name="gap")(res5b__relu_out)
    # Classifier: Dense 1000 softmax
    fc = layers.Dense(units=1000, activation="softmax", kernel_initializer="glorot_normal", name="fc")(gap)
    return keras.Model(inputs=[image], outputs=[fc], name="net")


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
