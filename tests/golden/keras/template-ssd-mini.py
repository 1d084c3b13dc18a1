"""SSD (mini)

SSD's VGG base, fc6/fc7, extra layers and multibox heads at a sixteenth of the width for 64×64 shape
scenes, with batch normalization in the VGG and extra-layer blocks so it trains from scratch: four
feature maps (8, 4, 2, 1) and 380 default boxes, 3 shape classes plus background.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx64x64x3 -> classes Bx380x4, boxes Bx380x4
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx64x64x3 -> classes Bx380x4, boxes Bx380x4; 152,476 parameters."""
    image = keras.Input(shape=(64, 64, 3), dtype="float32", name="image")

    # Block block1 (2 × conv 3×3, 284 parameters)
    block1__conv1 = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="block1__conv1",
    )(image)
    block1__bn1 = layers.BatchNormalization(name="block1__bn1")(block1__conv1)
    block1__relu1 = layers.ReLU(name="block1__relu1")(block1__bn1)
    block1__conv2 = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="block1__conv2",
    )(block1__relu1)
    block1__bn2 = layers.BatchNormalization(name="block1__bn2")(block1__conv2)
    block1__relu2 = layers.ReLU(name="block1__relu2")(block1__bn2)

    pool1 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1",
    )(block1__relu2)

    # Block block2 (2 × conv 3×3, 928 parameters)
    block2__conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="block2__conv1",
    )(pool1)
    block2__bn1 = layers.BatchNormalization(name="block2__bn1")(block2__conv1)
    block2__relu1 = layers.ReLU(name="block2__relu1")(block2__bn1)
    block2__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="block2__conv2",
    )(block2__relu1)
    block2__bn2 = layers.BatchNormalization(name="block2__bn2")(block2__conv2)
    block2__relu2 = layers.ReLU(name="block2__relu2")(block2__bn2)

    pool2 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2",
    )(block2__relu2)

    # Block block3 (3 × conv 3×3, 5,952 parameters)
    block3__conv1 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv1",
    )(pool2)
    block3__bn1 = layers.BatchNormalization(name="block3__bn1")(block3__conv1)
    block3__relu1 = layers.ReLU(name="block3__relu1")(block3__bn1)
    block3__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv2",
    )(block3__relu1)
    block3__bn2 = layers.BatchNormalization(name="block3__bn2")(block3__conv2)
    block3__relu2 = layers.ReLU(name="block3__relu2")(block3__bn2)
    block3__conv3 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="block3__conv3",
    )(block3__relu2)
    block3__bn3 = layers.BatchNormalization(name="block3__bn3")(block3__conv3)
    block3__relu3 = layers.ReLU(name="block3__relu3")(block3__bn3)

    # pool3 (rounds up): Max pooling 2D 2x2 s2 same
    pool3 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same", name="pool3")(block3__relu3)

    # Block block4 (3 × conv 3×3 "conv4_3 → map 1", 23,424 parameters)
    block4__conv1 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv1",
    )(pool3)
    block4__bn1 = layers.BatchNormalization(name="block4__bn1")(block4__conv1)
    block4__relu1 = layers.ReLU(name="block4__relu1")(block4__bn1)
    block4__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv2",
    )(block4__relu1)
    block4__bn2 = layers.BatchNormalization(name="block4__bn2")(block4__conv2)
    block4__relu2 = layers.ReLU(name="block4__relu2")(block4__bn2)
    block4__conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block4__conv3",
    )(block4__relu2)
    block4__bn3 = layers.BatchNormalization(name="block4__bn3")(block4__conv3)
    block4__relu3 = layers.ReLU(name="block4__relu3")(block4__bn3)

    pool4 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool4",
    )(block4__relu3)

    # Block head1 (Multibox head "Head on map 1 (4 boxes)", 9,248 parameters)
    head1__score_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head1__score_conv",
    )(block4__relu3)
    head1__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head1__offset_conv",
    )(block4__relu3)
    head1__score_rows = layers.Reshape(target_shape=(256, 4), name="head1__score_rows")(head1__score_conv)
    head1__offset_rows = layers.Reshape(target_shape=(256, 4), name="head1__offset_rows")(head1__offset_conv)

    # Block block5 (3 × conv 3×3, 28,032 parameters)
    block5__conv1 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv1",
    )(pool4)
    block5__bn1 = layers.BatchNormalization(name="block5__bn1")(block5__conv1)
    block5__relu1 = layers.ReLU(name="block5__relu1")(block5__bn1)
    block5__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv2",
    )(block5__relu1)
    block5__bn2 = layers.BatchNormalization(name="block5__bn2")(block5__conv2)
    block5__relu2 = layers.ReLU(name="block5__relu2")(block5__bn2)
    block5__conv3 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="block5__conv3",
    )(block5__relu2)
    block5__bn3 = layers.BatchNormalization(name="block5__bn3")(block5__conv3)
    block5__relu3 = layers.ReLU(name="block5__relu3")(block5__bn3)

    pool5 = layers.MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same", name="pool5")(block5__relu3)
    # fc6 as 3×3 conv: Conv 2D 64@3x3 s1 same relu
    fc6 = layers.Conv2D(filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="fc6")(pool5)
    # fc7 → map 2: Conv 2D 64@1x1 s1 same relu
    fc7 = layers.Conv2D(filters=64, kernel_size=(1, 1), padding="same", activation="relu", name="fc7")(fc6)

    # Block conv8 (Extra feature layer "conv8_2 → map 3", 5,824 parameters)
    conv8__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv8__reduce",
    )(fc7)
    conv8__bn1 = layers.BatchNormalization(name="conv8__bn1")(conv8__reduce)
    conv8__relu1 = layers.ReLU(name="conv8__relu1")(conv8__bn1)
    conv8__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv8__conv",
    )(conv8__relu1)
    conv8__bn2 = layers.BatchNormalization(name="conv8__bn2")(conv8__conv)
    conv8__relu2 = layers.ReLU(name="conv8__relu2")(conv8__bn2)

    # Block head2 (Multibox head "Head on map 2 (6 boxes)", 27,696 parameters)
    head2__score_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head2__score_conv",
    )(fc7)
    head2__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head2__offset_conv",
    )(fc7)
    head2__score_rows = layers.Reshape(target_shape=(96, 4), name="head2__score_rows")(head2__score_conv)
    head2__offset_rows = layers.Reshape(target_shape=(96, 4), name="head2__offset_rows")(head2__offset_conv)

    # Block conv9 (Extra feature layer "conv9_2 → map 4", 5,312 parameters)
    conv9__reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="conv9__reduce",
    )(conv8__relu2)
    conv9__bn1 = layers.BatchNormalization(name="conv9__bn1")(conv9__reduce)
    conv9__relu1 = layers.ReLU(name="conv9__relu1")(conv9__bn1)
    conv9__conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv9__conv",
    )(conv9__relu1)
    conv9__bn2 = layers.BatchNormalization(name="conv9__bn2")(conv9__conv)
    conv9__relu2 = layers.ReLU(name="conv9__relu2")(conv9__bn2)

    # Block head3 (Multibox head "Head on map 3 (6 boxes)", 13,872 parameters)
    head3__score_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head3__score_conv",
    )(conv8__relu2)
    head3__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head3__offset_conv",
    )(conv8__relu2)
    head3__score_rows = layers.Reshape(target_shape=(24, 4), name="head3__score_rows")(head3__score_conv)
    head3__offset_rows = layers.Reshape(target_shape=(24, 4), name="head3__offset_rows")(head3__offset_conv)

    # Block head4 (Multibox head "Head on map 4 (4 boxes)", 9,248 parameters)
    head4__score_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head4__score_conv",
    )(conv9__relu2)
    head4__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head4__offset_conv",
    )(conv9__relu2)
    head4__score_rows = layers.Reshape(target_shape=(4, 4), name="head4__score_rows")(head4__score_conv)
    head4__offset_rows = layers.Reshape(target_shape=(4, 4), name="head4__offset_rows")(head4__offset_conv)

    # All default boxes: Concatenate axis 1, 4 inputs
    scores = layers.Concatenate(
        axis=1, name="scores",
    )([head1__score_rows, head2__score_rows, head3__score_rows, head4__score_rows])
    # Box offsets: Concatenate axis 1, 4 inputs
    boxes = layers.Concatenate(
        axis=1, name="boxes",
    )([head1__offset_rows, head2__offset_rows, head3__offset_rows, head4__offset_rows])
    # Class probabilities: Softmax
    classes = layers.Softmax(axis=-1, name="classes")(scores)
    return keras.Model(inputs=[image], outputs=[classes, boxes], name="net")


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
