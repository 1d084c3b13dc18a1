"""ResNet-50

He et al. 2015, the 50-layer network of table 1: the ResNet stem, then 3, 4, 6 and 3 bottleneck
blocks (1×1 reduce, 3×3, 1×1 expand to 4× the width: 256 to 2048 channels), global average pooling
and a 1000-way classifier.

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
    """Network "net": image Bx224x224x3 -> fc Bx1000; 25,610,152 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")
    # conv1 7×7/2: Conv 2D 64@7x7 s2 same
    conv1 = layers.Conv2D(
        filters=64, kernel_size=(7, 7), strides=(2, 2), padding="same", use_bias=False, name="conv1",
    )(image)
    bn1 = layers.BatchNormalization(name="bn1")(conv1)
    relu1 = layers.ReLU(name="relu1")(bn1)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(relu1)

    # Block res2a (Residual block "conv2_1", 76,288 parameters)
    res2a__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__conv1",
    )(pool1)
    res2a__proj = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__proj",
    )(pool1)
    res2a__bn1 = layers.BatchNormalization(name="res2a__bn1")(res2a__conv1)
    res2a__proj_bn = layers.BatchNormalization(name="res2a__proj_bn")(res2a__proj)
    res2a__relu1 = layers.ReLU(name="res2a__relu1")(res2a__bn1)
    res2a__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__conv2",
    )(res2a__relu1)
    res2a__bn2 = layers.BatchNormalization(name="res2a__bn2")(res2a__conv2)
    res2a__relu2 = layers.ReLU(name="res2a__relu2")(res2a__bn2)
    res2a__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__conv3",
    )(res2a__relu2)
    res2a__bn3 = layers.BatchNormalization(name="res2a__bn3")(res2a__conv3)
    res2a__add = layers.Add(name="res2a__add")([res2a__bn3, res2a__proj_bn])
    res2a__relu_out = layers.ReLU(name="res2a__relu_out")(res2a__add)

    # Block res2b (Residual block "conv2_2", 71,168 parameters)
    res2b__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__conv1",
    )(res2a__relu_out)
    res2b__bn1 = layers.BatchNormalization(name="res2b__bn1")(res2b__conv1)
    res2b__relu1 = layers.ReLU(name="res2b__relu1")(res2b__bn1)
    res2b__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__conv2",
    )(res2b__relu1)
    res2b__bn2 = layers.BatchNormalization(name="res2b__bn2")(res2b__conv2)
    res2b__relu2 = layers.ReLU(name="res2b__relu2")(res2b__bn2)
    res2b__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__conv3",
    )(res2b__relu2)
    res2b__bn3 = layers.BatchNormalization(name="res2b__bn3")(res2b__conv3)
    res2b__add = layers.Add(name="res2b__add")([res2b__bn3, res2a__relu_out])
    res2b__relu_out = layers.ReLU(name="res2b__relu_out")(res2b__add)

    # Block res2c (Residual block "conv2_3", 71,168 parameters)
    res2c__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__conv1",
    )(res2b__relu_out)
    res2c__bn1 = layers.BatchNormalization(name="res2c__bn1")(res2c__conv1)
    res2c__relu1 = layers.ReLU(name="res2c__relu1")(res2c__bn1)
    res2c__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__conv2",
    )(res2c__relu1)
    res2c__bn2 = layers.BatchNormalization(name="res2c__bn2")(res2c__conv2)
    res2c__relu2 = layers.ReLU(name="res2c__relu2")(res2c__bn2)
    res2c__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__conv3",
    )(res2c__relu2)
    res2c__bn3 = layers.BatchNormalization(name="res2c__bn3")(res2c__conv3)
    res2c__add = layers.Add(name="res2c__add")([res2c__bn3, res2b__relu_out])
    res2c__relu_out = layers.ReLU(name="res2c__relu_out")(res2c__add)

    # Block res3a (Residual block "conv3_1 ↓2", 381,952 parameters)
    res3a__conv1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__conv1",
    )(res2c__relu_out)
    res3a__proj = layers.Conv2D(
        filters=512, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res3a__proj",
    )(res2c__relu_out)
    res3a__bn1 = layers.BatchNormalization(name="res3a__bn1")(res3a__conv1)
    res3a__proj_bn = layers.BatchNormalization(name="res3a__proj_bn")(res3a__proj)
    res3a__relu1 = layers.ReLU(name="res3a__relu1")(res3a__bn1)
    res3a__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res3a__conv2",
    )(res3a__relu1)
    res3a__bn2 = layers.BatchNormalization(name="res3a__bn2")(res3a__conv2)
    res3a__relu2 = layers.ReLU(name="res3a__relu2")(res3a__bn2)
    res3a__conv3 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__conv3",
    )(res3a__relu2)
    res3a__bn3 = layers.BatchNormalization(name="res3a__bn3")(res3a__conv3)
    res3a__add = layers.Add(name="res3a__add")([res3a__bn3, res3a__proj_bn])
    res3a__relu_out = layers.ReLU(name="res3a__relu_out")(res3a__add)

    # Block res3b (Residual block "conv3_2", 281,600 parameters)
    res3b__conv1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__conv1",
    )(res3a__relu_out)
    res3b__bn1 = layers.BatchNormalization(name="res3b__bn1")(res3b__conv1)
    res3b__relu1 = layers.ReLU(name="res3b__relu1")(res3b__bn1)
    res3b__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__conv2",
    )(res3b__relu1)
    res3b__bn2 = layers.BatchNormalization(name="res3b__bn2")(res3b__conv2)
    res3b__relu2 = layers.ReLU(name="res3b__relu2")(res3b__bn2)
    res3b__conv3 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__conv3",
    )(res3b__relu2)
    res3b__bn3 = layers.BatchNormalization(name="res3b__bn3")(res3b__conv3)
    res3b__add = layers.Add(name="res3b__add")([res3b__bn3, res3a__relu_out])
    res3b__relu_out = layers.ReLU(name="res3b__relu_out")(res3b__add)

    # Block res3c (Residual block "conv3_3", 281,600 parameters)
    res3c__conv1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__conv1",
    )(res3b__relu_out)
    res3c__bn1 = layers.BatchNormalization(name="res3c__bn1")(res3c__conv1)
    res3c__relu1 = layers.ReLU(name="res3c__relu1")(res3c__bn1)
    res3c__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__conv2",
    )(res3c__relu1)
    res3c__bn2 = layers.BatchNormalization(name="res3c__bn2")(res3c__conv2)
    res3c__relu2 = layers.ReLU(name="res3c__relu2")(res3c__bn2)
    res3c__conv3 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__conv3",
    )(res3c__relu2)
    res3c__bn3 = layers.BatchNormalization(name="res3c__bn3")(res3c__conv3)
    res3c__add = layers.Add(name="res3c__add")([res3c__bn3, res3b__relu_out])
    res3c__relu_out = layers.ReLU(name="res3c__relu_out")(res3c__add)

    # Block res3d (Residual block "conv3_4", 281,600 parameters)
    res3d__conv1 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__conv1",
    )(res3c__relu_out)
    res3d__bn1 = layers.BatchNormalization(name="res3d__bn1")(res3d__conv1)
    res3d__relu1 = layers.ReLU(name="res3d__relu1")(res3d__bn1)
    res3d__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__conv2",
    )(res3d__relu1)
    res3d__bn2 = layers.BatchNormalization(name="res3d__bn2")(res3d__conv2)
    res3d__relu2 = layers.ReLU(name="res3d__relu2")(res3d__bn2)
    res3d__conv3 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__conv3",
    )(res3d__relu2)
    res3d__bn3 = layers.BatchNormalization(name="res3d__bn3")(res3d__conv3)
    res3d__add = layers.Add(name="res3d__add")([res3d__bn3, res3c__relu_out])
    res3d__relu_out = layers.ReLU(name="res3d__relu_out")(res3d__add)

    # Block res4a (Residual block "conv4_1 ↓2", 1,517,568 parameters)
    res4a__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__conv1",
    )(res3d__relu_out)
    res4a__proj = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res4a__proj",
    )(res3d__relu_out)
    res4a__bn1 = layers.BatchNormalization(name="res4a__bn1")(res4a__conv1)
    res4a__proj_bn = layers.BatchNormalization(name="res4a__proj_bn")(res4a__proj)
    res4a__relu1 = layers.ReLU(name="res4a__relu1")(res4a__bn1)
    res4a__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res4a__conv2",
    )(res4a__relu1)
    res4a__bn2 = layers.BatchNormalization(name="res4a__bn2")(res4a__conv2)
    res4a__relu2 = layers.ReLU(name="res4a__relu2")(res4a__bn2)
    res4a__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__conv3",
    )(res4a__relu2)
    res4a__bn3 = layers.BatchNormalization(name="res4a__bn3")(res4a__conv3)
    res4a__add = layers.Add(name="res4a__add")([res4a__bn3, res4a__proj_bn])
    res4a__relu_out = layers.ReLU(name="res4a__relu_out")(res4a__add)

    # Block res4b (Residual block "conv4_2", 1,120,256 parameters)
    res4b__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__conv1",
    )(res4a__relu_out)
    res4b__bn1 = layers.BatchNormalization(name="res4b__bn1")(res4b__conv1)
    res4b__relu1 = layers.ReLU(name="res4b__relu1")(res4b__bn1)
    res4b__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__conv2",
    )(res4b__relu1)
    res4b__bn2 = layers.BatchNormalization(name="res4b__bn2")(res4b__conv2)
    res4b__relu2 = layers.ReLU(name="res4b__relu2")(res4b__bn2)
    res4b__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__conv3",
    )(res4b__relu2)
    res4b__bn3 = layers.BatchNormalization(name="res4b__bn3")(res4b__conv3)
    res4b__add = layers.Add(name="res4b__add")([res4b__bn3, res4a__relu_out])
    res4b__relu_out = layers.ReLU(name="res4b__relu_out")(res4b__add)

    # Block res4c (Residual block "conv4_3", 1,120,256 parameters)
    res4c__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__conv1",
    )(res4b__relu_out)
    res4c__bn1 = layers.BatchNormalization(name="res4c__bn1")(res4c__conv1)
    res4c__relu1 = layers.ReLU(name="res4c__relu1")(res4c__bn1)
    res4c__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__conv2",
    )(res4c__relu1)
    res4c__bn2 = layers.BatchNormalization(name="res4c__bn2")(res4c__conv2)
    res4c__relu2 = layers.ReLU(name="res4c__relu2")(res4c__bn2)
    res4c__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__conv3",
    )(res4c__relu2)
    res4c__bn3 = layers.BatchNormalization(name="res4c__bn3")(res4c__conv3)
    res4c__add = layers.Add(name="res4c__add")([res4c__bn3, res4b__relu_out])
    res4c__relu_out = layers.ReLU(name="res4c__relu_out")(res4c__add)

    # Block res4d (Residual block "conv4_4", 1,120,256 parameters)
    res4d__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__conv1",
    )(res4c__relu_out)
    res4d__bn1 = layers.BatchNormalization(name="res4d__bn1")(res4d__conv1)
    res4d__relu1 = layers.ReLU(name="res4d__relu1")(res4d__bn1)
    res4d__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__conv2",
    )(res4d__relu1)
    res4d__bn2 = layers.BatchNormalization(name="res4d__bn2")(res4d__conv2)
    res4d__relu2 = layers.ReLU(name="res4d__relu2")(res4d__bn2)
    res4d__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__conv3",
    )(res4d__relu2)
    res4d__bn3 = layers.BatchNormalization(name="res4d__bn3")(res4d__conv3)
    res4d__add = layers.Add(name="res4d__add")([res4d__bn3, res4c__relu_out])
    res4d__relu_out = layers.ReLU(name="res4d__relu_out")(res4d__add)

    # Block res4e (Residual block "conv4_5", 1,120,256 parameters)
    res4e__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__conv1",
    )(res4d__relu_out)
    res4e__bn1 = layers.BatchNormalization(name="res4e__bn1")(res4e__conv1)
    res4e__relu1 = layers.ReLU(name="res4e__relu1")(res4e__bn1)
    res4e__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__conv2",
    )(res4e__relu1)
    res4e__bn2 = layers.BatchNormalization(name="res4e__bn2")(res4e__conv2)
    res4e__relu2 = layers.ReLU(name="res4e__relu2")(res4e__bn2)
    res4e__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__conv3",
    )(res4e__relu2)
    res4e__bn3 = layers.BatchNormalization(name="res4e__bn3")(res4e__conv3)
    res4e__add = layers.Add(name="res4e__add")([res4e__bn3, res4d__relu_out])
    res4e__relu_out = layers.ReLU(name="res4e__relu_out")(res4e__add)

    # Block res4f (Residual block "conv4_6", 1,120,256 parameters)
    res4f__conv1 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__conv1",
    )(res4e__relu_out)
    res4f__bn1 = layers.BatchNormalization(name="res4f__bn1")(res4f__conv1)
    res4f__relu1 = layers.ReLU(name="res4f__relu1")(res4f__bn1)
    res4f__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__conv2",
    )(res4f__relu1)
    res4f__bn2 = layers.BatchNormalization(name="res4f__bn2")(res4f__conv2)
    res4f__relu2 = layers.ReLU(name="res4f__relu2")(res4f__bn2)
    res4f__conv3 = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__conv3",
    )(res4f__relu2)
    res4f__bn3 = layers.BatchNormalization(name="res4f__bn3")(res4f__conv3)
    res4f__add = layers.Add(name="res4f__add")([res4f__bn3, res4e__relu_out])
    res4f__relu_out = layers.ReLU(name="res4f__relu_out")(res4f__add)

    # Block res5a (Residual block "conv5_1 ↓2", 6,049,792 parameters)
    res5a__conv1 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__conv1",
    )(res4f__relu_out)
    res5a__proj = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res5a__proj",
    )(res4f__relu_out)
    res5a__bn1 = layers.BatchNormalization(name="res5a__bn1")(res5a__conv1)
    res5a__proj_bn = layers.BatchNormalization(name="res5a__proj_bn")(res5a__proj)
    res5a__relu1 = layers.ReLU(name="res5a__relu1")(res5a__bn1)
    res5a__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res5a__conv2",
    )(res5a__relu1)
    res5a__bn2 = layers.BatchNormalization(name="res5a__bn2")(res5a__conv2)
    res5a__relu2 = layers.ReLU(name="res5a__relu2")(res5a__bn2)
    res5a__conv3 = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__conv3",
    )(res5a__relu2)
    res5a__bn3 = layers.BatchNormalization(name="res5a__bn3")(res5a__conv3)
    res5a__add = layers.Add(name="res5a__add")([res5a__bn3, res5a__proj_bn])
    res5a__relu_out = layers.ReLU(name="res5a__relu_out")(res5a__add)

    # Block res5b (Residual block "conv5_2", 4,468,736 parameters)
    res5b__conv1 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__conv1",
    )(res5a__relu_out)
    res5b__bn1 = layers.BatchNormalization(name="res5b__bn1")(res5b__conv1)
    res5b__relu1 = layers.ReLU(name="res5b__relu1")(res5b__bn1)
    res5b__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__conv2",
    )(res5b__relu1)
    res5b__bn2 = layers.BatchNormalization(name="res5b__bn2")(res5b__conv2)
    res5b__relu2 = layers.ReLU(name="res5b__relu2")(res5b__bn2)
    res5b__conv3 = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__conv3",
    )(res5b__relu2)
    res5b__bn3 = layers.BatchNormalization(name="res5b__bn3")(res5b__conv3)
    res5b__add = layers.Add(name="res5b__add")([res5b__bn3, res5a__relu_out])
    res5b__relu_out = layers.ReLU(name="res5b__relu_out")(res5b__add)

    # Block res5c (Residual block "conv5_3", 4,468,736 parameters)
    res5c__conv1 = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__conv1",
    )(res5b__relu_out)
    res5c__bn1 = layers.BatchNormalization(name="res5c__bn1")(res5c__conv1)
    res5c__relu1 = layers.ReLU(name="res5c__relu1")(res5c__bn1)
    res5c__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__conv2",
    )(res5c__relu1)
    res5c__bn2 = layers.BatchNormalization(name="res5c__bn2")(res5c__conv2)
    res5c__relu2 = layers.ReLU(name="res5c__relu2")(res5c__bn2)
    res5c__conv3 = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__conv3",
    )(res5c__relu2)
    res5c__bn3 = layers.BatchNormalization(name="res5c__bn3")(res5c__conv3)
    res5c__add = layers.Add(name="res5c__add")([res5c__bn3, res5b__relu_out])
    res5c__relu_out = layers.ReLU(name="res5c__relu_out")(res5c__add)

    gap = layers.GlobalAveragePooling2D(name="gap")(res5c__relu_out)
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
