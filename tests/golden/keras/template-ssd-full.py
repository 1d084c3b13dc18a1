"""SSD300

Liu et al. 2016, SSD300 with a VGG-16 base as torchvision builds it: pool5 becomes 3×3/1 and fc6,
fc7 become a dilated 3×3 and a 1×1 convolution; four extra layers give six feature maps (38, 19, 10,
5, 3, 1), each with a multibox head over 4 or 6 default boxes per position: 8,732 boxes, 91 COCO
classes (background included).

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx300x300x3 -> classes Bx8732x91, boxes Bx8732x4
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": image Bx300x300x3 -> classes Bx8732x91, boxes Bx8732x4; 35,641,314 parameters."""
    image = keras.Input(shape=(300, 300, 3), dtype="float32", name="image")

    # Block block1 (2 × conv 3×3, 38,720 parameters)
    block1__conv1 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="block1__conv1",
    )(image)
    block1__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", activation="relu", name="block1__conv2",
    )(block1__conv1)

    pool1 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1",
    )(block1__conv2)

    # Block block2 (2 × conv 3×3, 221,440 parameters)
    block2__conv1 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="block2__conv1",
    )(pool1)
    block2__conv2 = layers.Conv2D(
        filters=128, kernel_size=(3, 3), padding="same", activation="relu", name="block2__conv2",
    )(block2__conv1)

    pool2 = layers.MaxPooling2D(
        pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2",
    )(block2__conv2)

    # Block block3 (3 × conv 3×3, 1,475,328 parameters)
    block3__conv1 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv1",
    )(pool2)
    block3__conv2 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv2",
    )(block3__conv1)
    block3__conv3 = layers.Conv2D(
        filters=256, kernel_size=(3, 3), padding="same", activation="relu", name="block3__conv3",
    )(block3__conv2)

    # pool3 (rounds up): Max pooling 2D 2x2 s2 same
    pool3 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same", name="pool3")(block3__conv3)

    # Block block4 (3 × conv 3×3 "conv4_3 → map 1", 5,899,776 parameters)
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

    # Block head1 (Multibox head "Head on map 1 (4 boxes)", 1,751,420 parameters)
    head1__score_conv = layers.Conv2D(
        filters=364, kernel_size=(3, 3), padding="same", name="head1__score_conv",
    )(block4__conv3)
    head1__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head1__offset_conv",
    )(block4__conv3)
    head1__score_rows = layers.Reshape(target_shape=(5776, 91), name="head1__score_rows")(head1__score_conv)
    head1__offset_rows = layers.Reshape(target_shape=(5776, 4), name="head1__offset_rows")(head1__offset_conv)

    # Block block5 (3 × conv 3×3, 7,079,424 parameters)
    block5__conv1 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv1",
    )(pool4)
    block5__conv2 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv2",
    )(block5__conv1)
    block5__conv3 = layers.Conv2D(
        filters=512, kernel_size=(3, 3), padding="same", activation="relu", name="block5__conv3",
    )(block5__conv2)

    pool5 = layers.MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same", name="pool5")(block5__conv3)
    # fc6 as dilated 3×3 conv: Conv 2D 1024@3x3 s1 d6 same relu
    fc6 = layers.Conv2D(
        filters=1024, kernel_size=(3, 3), padding="same", dilation_rate=(6, 6), activation="relu", name="fc6",
    )(pool5)
    # fc7 → map 2: Conv 2D 1024@1x1 s1 same relu
    fc7 = layers.Conv2D(filters=1024, kernel_size=(1, 1), padding="same", activation="relu", name="fc7")(fc6)

    # Block conv8 (Extra feature layer "conv8_2 → map 3", 1,442,560 parameters)
    conv8__reduce = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", activation="relu", name="conv8__reduce",
    )(fc7)
    conv8__conv = layers.Conv2D(
        filters=512, kernel_size=(3, 3), strides=(2, 2), padding="same", activation="relu",
        name="conv8__conv",
    )(conv8__reduce)

    # Block head2 (Multibox head "Head on map 2 (6 boxes)", 5,253,690 parameters)
    head2__score_conv = layers.Conv2D(
        filters=546, kernel_size=(3, 3), padding="same", name="head2__score_conv",
    )(fc7)
    head2__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head2__offset_conv",
    )(fc7)
    head2__score_rows = layers.Reshape(target_shape=(2166, 91), name="head2__score_rows")(head2__score_conv)
    head2__offset_rows = layers.Reshape(target_shape=(2166, 4), name="head2__offset_rows")(head2__offset_conv)

    # Block conv9 (Extra feature layer "conv9_2 → map 4", 360,832 parameters)
    conv9__reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="conv9__reduce",
    )(conv8__conv)
    conv9__conv = layers.Conv2D(
        filters=256, kernel_size=(3, 3), strides=(2, 2), padding="same", activation="relu",
        name="conv9__conv",
    )(conv9__reduce)

    # Block head3 (Multibox head "Head on map 3 (6 boxes)", 2,627,130 parameters)
    head3__score_conv = layers.Conv2D(
        filters=546, kernel_size=(3, 3), padding="same", name="head3__score_conv",
    )(conv8__conv)
    head3__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head3__offset_conv",
    )(conv8__conv)
    head3__score_rows = layers.Reshape(target_shape=(600, 91), name="head3__score_rows")(head3__score_conv)
    head3__offset_rows = layers.Reshape(target_shape=(600, 4), name="head3__offset_rows")(head3__offset_conv)

    # Block conv10 (Extra feature layer "conv10_2 → map 5", 328,064 parameters)
    conv10__reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="conv10__reduce",
    )(conv9__conv)
    conv10__conv = layers.Conv2D(
        filters=256, kernel_size=(3, 3), activation="relu", name="conv10__conv",
    )(conv10__reduce)

    # Block head4 (Multibox head "Head on map 4 (6 boxes)", 1,313,850 parameters)
    head4__score_conv = layers.Conv2D(
        filters=546, kernel_size=(3, 3), padding="same", name="head4__score_conv",
    )(conv9__conv)
    head4__offset_conv = layers.Conv2D(
        filters=24, kernel_size=(3, 3), padding="same", name="head4__offset_conv",
    )(conv9__conv)
    head4__score_rows = layers.Reshape(target_shape=(150, 91), name="head4__score_rows")(head4__score_conv)
    head4__offset_rows = layers.Reshape(target_shape=(150, 4), name="head4__offset_rows")(head4__offset_conv)

    # Block conv11 (Extra feature layer "conv11_2 → map 6", 328,064 parameters)
    conv11__reduce = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", activation="relu", name="conv11__reduce",
    )(conv10__conv)
    conv11__conv = layers.Conv2D(
        filters=256, kernel_size=(3, 3), activation="relu", name="conv11__conv",
    )(conv11__reduce)

    # Block head5 (Multibox head "Head on map 5 (4 boxes)", 875,900 parameters)
    head5__score_conv = layers.Conv2D(
        filters=364, kernel_size=(3, 3), padding="same", name="head5__score_conv",
    )(conv10__conv)
    head5__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head5__offset_conv",
    )(conv10__conv)
    head5__score_rows = layers.Reshape(target_shape=(36, 91), name="head5__score_rows")(head5__score_conv)
    head5__offset_rows = layers.Reshape(target_shape=(36, 4), name="head5__offset_rows")(head5__offset_conv)

    # Block head6 (Multibox head "Head on map 6 (4 boxes)", 875,900 parameters)
    head6__score_conv = layers.Conv2D(
        filters=364, kernel_size=(3, 3), padding="same", name="head6__score_conv",
    )(conv11__conv)
    head6__offset_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", name="head6__offset_conv",
    )(conv11__conv)
    head6__score_rows = layers.Reshape(target_shape=(4, 91), name="head6__score_rows")(head6__score_conv)
    head6__offset_rows = layers.Reshape(target_shape=(4, 4), name="head6__offset_rows")(head6__offset_conv)

    # All default boxes: Concatenate axis 1, 6 inputs
    scores = layers.Concatenate(
        axis=1, name="scores",
    )([head1__score_rows, head2__score_rows, head3__score_rows, head4__score_rows, head5__score_rows, head6__score_rows])
    # Box offsets: Concatenate axis 1, 6 inputs
    boxes = layers.Concatenate(
        axis=1, name="boxes",
    )([head1__offset_rows, head2__offset_rows, head3__offset_rows, head4__offset_rows, head5__offset_rows, head6__offset_rows])
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
