"""ResNeXt (mini, 8×2d)

ResNeXt-50's aggregated blocks, one per stage, with 8 paths of width 2, 4, 8, 16 by stage (an eighth
of the output width), with a 3×3/2 stem for 32×32 shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> fc Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python resnext-mini-8-2d.py --data DATA.npz [--strategy none|mirrored|multiworker]
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


def build_net():
    """Network "net": image Bx32x32x3 -> fc Bx3; 139,675 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # conv1 3×3/2: Conv 2D 8@3x3 s2 same
    conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv1",
    )(image)
    bn1 = layers.BatchNormalization(name="bn1")(conv1)
    relu1 = layers.ReLU(name="relu1")(bn1)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(relu1)

    # Block res2a (ResNeXt block "conv2_1", 1,568 parameters)
    res2a__path0_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path0_reduce",
    )(pool1)
    res2a__path1_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path1_reduce",
    )(pool1)
    res2a__path2_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path2_reduce",
    )(pool1)
    res2a__path3_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path3_reduce",
    )(pool1)
    res2a__path4_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path4_reduce",
    )(pool1)
    res2a__path5_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path5_reduce",
    )(pool1)
    res2a__path6_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path6_reduce",
    )(pool1)
    res2a__path7_reduce = layers.Conv2D(
        filters=2, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path7_reduce",
    )(pool1)
    res2a__proj = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__proj",
    )(pool1)
    res2a__path0_bn = layers.BatchNormalization(name="res2a__path0_bn")(res2a__path0_reduce)
    res2a__path1_bn = layers.BatchNormalization(name="res2a__path1_bn")(res2a__path1_reduce)
    res2a__path2_bn = layers.BatchNormalization(name="res2a__path2_bn")(res2a__path2_reduce)
    res2a__path3_bn = layers.BatchNormalization(name="res2a__path3_bn")(res2a__path3_reduce)
    res2a__path4_bn = layers.BatchNormalization(name="res2a__path4_bn")(res2a__path4_reduce)
    res2a__path5_bn = layers.BatchNormalization(name="res2a__path5_bn")(res2a__path5_reduce)
    res2a__path6_bn = layers.BatchNormalization(name="res2a__path6_bn")(res2a__path6_reduce)
    res2a__path7_bn = layers.BatchNormalization(name="res2a__path7_bn")(res2a__path7_reduce)
    res2a__proj_bn = layers.BatchNormalization(name="res2a__proj_bn")(res2a__proj)
    res2a__path0_relu = layers.ReLU(name="res2a__path0_relu")(res2a__path0_bn)
    res2a__path1_relu = layers.ReLU(name="res2a__path1_relu")(res2a__path1_bn)
    res2a__path2_relu = layers.ReLU(name="res2a__path2_relu")(res2a__path2_bn)
    res2a__path3_relu = layers.ReLU(name="res2a__path3_relu")(res2a__path3_bn)
    res2a__path4_relu = layers.ReLU(name="res2a__path4_relu")(res2a__path4_bn)
    res2a__path5_relu = layers.ReLU(name="res2a__path5_relu")(res2a__path5_bn)
    res2a__path6_relu = layers.ReLU(name="res2a__path6_relu")(res2a__path6_bn)
    res2a__path7_relu = layers.ReLU(name="res2a__path7_relu")(res2a__path7_bn)
    res2a__path0_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path0_conv",
    )(res2a__path0_relu)
    res2a__path1_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path1_conv",
    )(res2a__path1_relu)
    res2a__path2_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path2_conv",
    )(res2a__path2_relu)
    res2a__path3_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path3_conv",
    )(res2a__path3_relu)
    res2a__path4_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path4_conv",
    )(res2a__path4_relu)
    res2a__path5_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path5_conv",
    )(res2a__path5_relu)
    res2a__path6_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path6_conv",
    )(res2a__path6_relu)
    res2a__path7_conv = layers.Conv2D(
        filters=2, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path7_conv",
    )(res2a__path7_relu)
    res2a__concat = layers.Concatenate(
        axis=-1, name="res2a__concat",
    )([res2a__path0_conv, res2a__path1_conv, res2a__path2_conv, res2a__path3_conv, res2a__path4_conv, res2a__path5_conv, res2a__path6_conv, res2a__path7_conv])
    res2a__bn_mid = layers.BatchNormalization(name="res2a__bn_mid")(res2a__concat)
    res2a__relu_mid = layers.ReLU(name="res2a__relu_mid")(res2a__bn_mid)
    res2a__expand = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__expand",
    )(res2a__relu_mid)
    res2a__bn_out = layers.BatchNormalization(name="res2a__bn_out")(res2a__expand)
    res2a__add = layers.Add(name="res2a__add")([res2a__bn_out, res2a__proj_bn])
    res2a__relu_out = layers.ReLU(name="res2a__relu_out")(res2a__add)

    # Block res3a (ResNeXt block "conv3_1 ↓2", 7,040 parameters)
    res3a__path0_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path0_reduce",
    )(res2a__relu_out)
    res3a__path1_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path1_reduce",
    )(res2a__relu_out)
    res3a__path2_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path2_reduce",
    )(res2a__relu_out)
    res3a__path3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path3_reduce",
    )(res2a__relu_out)
    res3a__path4_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path4_reduce",
    )(res2a__relu_out)
    res3a__path5_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path5_reduce",
    )(res2a__relu_out)
    res3a__path6_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path6_reduce",
    )(res2a__relu_out)
    res3a__path7_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path7_reduce",
    )(res2a__relu_out)
    res3a__proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res3a__proj",
    )(res2a__relu_out)
    res3a__path0_bn = layers.BatchNormalization(name="res3a__path0_bn")(res3a__path0_reduce)
    res3a__path1_bn = layers.BatchNormalization(name="res3a__path1_bn")(res3a__path1_reduce)
    res3a__path2_bn = layers.BatchNormalization(name="res3a__path2_bn")(res3a__path2_reduce)
    res3a__path3_bn = layers.BatchNormalization(name="res3a__path3_bn")(res3a__path3_reduce)
    res3a__path4_bn = layers.BatchNormalization(name="res3a__path4_bn")(res3a__path4_reduce)
    res3a__path5_bn = layers.BatchNormalization(name="res3a__path5_bn")(res3a__path5_reduce)
    res3a__path6_bn = layers.BatchNormalization(name="res3a__path6_bn")(res3a__path6_reduce)
    res3a__path7_bn = layers.BatchNormalization(name="res3a__path7_bn")(res3a__path7_reduce)
    res3a__proj_bn = layers.BatchNormalization(name="res3a__proj_bn")(res3a__proj)
    res3a__path0_relu = layers.ReLU(name="res3a__path0_relu")(res3a__path0_bn)
    res3a__path1_relu = layers.ReLU(name="res3a__path1_relu")(res3a__path1_bn)
    res3a__path2_relu = layers.ReLU(name="res3a__path2_relu")(res3a__path2_bn)
    res3a__path3_relu = layers.ReLU(name="res3a__path3_relu")(res3a__path3_bn)
    res3a__path4_relu = layers.ReLU(name="res3a__path4_relu")(res3a__path4_bn)
    res3a__path5_relu = layers.ReLU(name="res3a__path5_relu")(res3a__path5_bn)
    res3a__path6_relu = layers.ReLU(name="res3a__path6_relu")(res3a__path6_bn)
    res3a__path7_relu = layers.ReLU(name="res3a__path7_relu")(res3a__path7_bn)
    res3a__path0_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path0_conv",
    )(res3a__path0_relu)
    res3a__path1_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path1_conv",
    )(res3a__path1_relu)
    res3a__path2_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path2_conv",
    )(res3a__path2_relu)
    res3a__path3_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path3_conv",
    )(res3a__path3_relu)
    res3a__path4_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path4_conv",
    )(res3a__path4_relu)
    res3a__path5_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path5_conv",
    )(res3a__path5_relu)
    res3a__path6_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path6_conv",
    )(res3a__path6_relu)
    res3a__path7_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path7_conv",
    )(res3a__path7_relu)
    res3a__concat = layers.Concatenate(
        axis=-1, name="res3a__concat",
    )([res3a__path0_conv, res3a__path1_conv, res3a__path2_conv, res3a__path3_conv, res3a__path4_conv, res3a__path5_conv, res3a__path6_conv, res3a__path7_conv])
    res3a__bn_mid = layers.BatchNormalization(name="res3a__bn_mid")(res3a__concat)
    res3a__relu_mid = layers.ReLU(name="res3a__relu_mid")(res3a__bn_mid)
    res3a__expand = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__expand",
    )(res3a__relu_mid)
    res3a__bn_out = layers.BatchNormalization(name="res3a__bn_out")(res3a__expand)
    res3a__add = layers.Add(name="res3a__add")([res3a__bn_out, res3a__proj_bn])
    res3a__relu_out = layers.ReLU(name="res3a__relu_out")(res3a__add)

    # Block res4a (ResNeXt block "conv4_1 ↓2", 26,624 parameters)
    res4a__path0_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path0_reduce",
    )(res3a__relu_out)
    res4a__path1_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path1_reduce",
    )(res3a__relu_out)
    res4a__path2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path2_reduce",
    )(res3a__relu_out)
    res4a__path3_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path3_reduce",
    )(res3a__relu_out)
    res4a__path4_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path4_reduce",
    )(res3a__relu_out)
    res4a__path5_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path5_reduce",
    )(res3a__relu_out)
    res4a__path6_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path6_reduce",
    )(res3a__relu_out)
    res4a__path7_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path7_reduce",
    )(res3a__relu_out)
    res4a__proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res4a__proj",
    )(res3a__relu_out)
    res4a__path0_bn = layers.BatchNormalization(name="res4a__path0_bn")(res4a__path0_reduce)
    res4a__path1_bn = layers.BatchNormalization(name="res4a__path1_bn")(res4a__path1_reduce)
    res4a__path2_bn = layers.BatchNormalization(name="res4a__path2_bn")(res4a__path2_reduce)
    res4a__path3_bn = layers.BatchNormalization(name="res4a__path3_bn")(res4a__path3_reduce)
    res4a__path4_bn = layers.BatchNormalization(name="res4a__path4_bn")(res4a__path4_reduce)
    res4a__path5_bn = layers.BatchNormalization(name="res4a__path5_bn")(res4a__path5_reduce)
    res4a__path6_bn = layers.BatchNormalization(name="res4a__path6_bn")(res4a__path6_reduce)
    res4a__path7_bn = layers.BatchNormalization(name="res4a__path7_bn")(res4a__path7_reduce)
    res4a__proj_bn = layers.BatchNormalization(name="res4a__proj_bn")(res4a__proj)
    res4a__path0_relu = layers.ReLU(name="res4a__path0_relu")(res4a__path0_bn)
    res4a__path1_relu = layers.ReLU(name="res4a__path1_relu")(res4a__path1_bn)
    res4a__path2_relu = layers.ReLU(name="res4a__path2_relu")(res4a__path2_bn)
    res4a__path3_relu = layers.ReLU(name="res4a__path3_relu")(res4a__path3_bn)
    res4a__path4_relu = layers.ReLU(name="res4a__path4_relu")(res4a__path4_bn)
    res4a__path5_relu = layers.ReLU(name="res4a__path5_relu")(res4a__path5_bn)
    res4a__path6_relu = layers.ReLU(name="res4a__path6_relu")(res4a__path6_bn)
    res4a__path7_relu = layers.ReLU(name="res4a__path7_relu")(res4a__path7_bn)
    res4a__path0_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path0_conv",
    )(res4a__path0_relu)
    res4a__path1_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path1_conv",
    )(res4a__path1_relu)
    res4a__path2_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path2_conv",
    )(res4a__path2_relu)
    res4a__path3_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path3_conv",
    )(res4a__path3_relu)
    res4a__path4_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path4_conv",
    )(res4a__path4_relu)
    res4a__path5_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path5_conv",
    )(res4a__path5_relu)
    res4a__path6_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path6_conv",
    )(res4a__path6_relu)
    res4a__path7_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path7_conv",
    )(res4a__path7_relu)
    res4a__concat = layers.Concatenate(
        axis=-1, name="res4a__concat",
    )([res4a__path0_conv, res4a__path1_conv, res4a__path2_conv, res4a__path3_conv, res4a__path4_conv, res4a__path5_conv, res4a__path6_conv, res4a__path7_conv])
    res4a__bn_mid = layers.BatchNormalization(name="res4a__bn_mid")(res4a__concat)
    res4a__relu_mid = layers.ReLU(name="res4a__relu_mid")(res4a__bn_mid)
    res4a__expand = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__expand",
    )(res4a__relu_mid)
    res4a__bn_out = layers.BatchNormalization(name="res4a__bn_out")(res4a__expand)
    res4a__add = layers.Add(name="res4a__add")([res4a__bn_out, res4a__proj_bn])
    res4a__relu_out = layers.ReLU(name="res4a__relu_out")(res4a__add)

    # Block res5a (ResNeXt block "conv5_1 ↓2", 103,424 parameters)
    res5a__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path0_reduce",
    )(res4a__relu_out)
    res5a__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path1_reduce",
    )(res4a__relu_out)
    res5a__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path2_reduce",
    )(res4a__relu_out)
    res5a__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path3_reduce",
    )(res4a__relu_out)
    res5a__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path4_reduce",
    )(res4a__relu_out)
    res5a__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path5_reduce",
    )(res4a__relu_out)
    res5a__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path6_reduce",
    )(res4a__relu_out)
    res5a__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path7_reduce",
    )(res4a__relu_out)
    res5a__proj = layers.Conv2D(
        filters=256, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res5a__proj",
    )(res4a__relu_out)
    res5a__path0_bn = layers.BatchNormalization(name="res5a__path0_bn")(res5a__path0_reduce)
    res5a__path1_bn = layers.BatchNormalization(name="res5a__path1_bn")(res5a__path1_reduce)
    res5a__path2_bn = layers.BatchNormalization(name="res5a__path2_bn")(res5a__path2_reduce)
    res5a__path3_bn = layers.BatchNormalization(name="res5a__path3_bn")(res5a__path3_reduce)
    res5a__path4_bn = layers.BatchNormalization(name="res5a__path4_bn")(res5a__path4_reduce)
    res5a__path5_bn = layers.BatchNormalization(name="res5a__path5_bn")(res5a__path5_reduce)
    res5a__path6_bn = layers.BatchNormalization(name="res5a__path6_bn")(res5a__path6_reduce)
    res5a__path7_bn = layers.BatchNormalization(name="res5a__path7_bn")(res5a__path7_reduce)
    res5a__proj_bn = layers.BatchNormalization(name="res5a__proj_bn")(res5a__proj)
    res5a__path0_relu = layers.ReLU(name="res5a__path0_relu")(res5a__path0_bn)
    res5a__path1_relu = layers.ReLU(name="res5a__path1_relu")(res5a__path1_bn)
    res5a__path2_relu = layers.ReLU(name="res5a__path2_relu")(res5a__path2_bn)
    res5a__path3_relu = layers.ReLU(name="res5a__path3_relu")(res5a__path3_bn)
    res5a__path4_relu = layers.ReLU(name="res5a__path4_relu")(res5a__path4_bn)
    res5a__path5_relu = layers.ReLU(name="res5a__path5_relu")(res5a__path5_bn)
    res5a__path6_relu = layers.ReLU(name="res5a__path6_relu")(res5a__path6_bn)
    res5a__path7_relu = layers.ReLU(name="res5a__path7_relu")(res5a__path7_bn)
    res5a__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path0_conv",
    )(res5a__path0_relu)
    res5a__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path1_conv",
    )(res5a__path1_relu)
    res5a__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path2_conv",
    )(res5a__path2_relu)
    res5a__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path3_conv",
    )(res5a__path3_relu)
    res5a__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path4_conv",
    )(res5a__path4_relu)
    res5a__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path5_conv",
    )(res5a__path5_relu)
    res5a__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path6_conv",
    )(res5a__path6_relu)
    res5a__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path7_conv",
    )(res5a__path7_relu)
    res5a__concat = layers.Concatenate(
        axis=-1, name="res5a__concat",
    )([res5a__path0_conv, res5a__path1_conv, res5a__path2_conv, res5a__path3_conv, res5a__path4_conv, res5a__path5_conv, res5a__path6_conv, res5a__path7_conv])
    res5a__bn_mid = layers.BatchNormalization(name="res5a__bn_mid")(res5a__concat)
    res5a__relu_mid = layers.ReLU(name="res5a__relu_mid")(res5a__bn_mid)
    res5a__expand = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__expand",
    )(res5a__relu_mid)
    res5a__bn_out = layers.BatchNormalization(name="res5a__bn_out")(res5a__expand)
    res5a__add = layers.Add(name="res5a__add")([res5a__bn_out, res5a__proj_bn])
    res5a__relu_out = layers.ReLU(name="res5a__relu_out")(res5a__add)

    gap = layers.GlobalAveragePooling2D(name="gap")(res5a__relu_out)
    # Classifier: Dense 3 softmax
    fc = layers.Dense(units=3, activation="softmax", kernel_initializer="glorot_normal", name="fc")(gap)
    return keras.Model(inputs=[image], outputs=[fc], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (fc), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
    trainable.compile(
        optimizer=optimizer,
        loss=["categorical_crossentropy"],
        loss_weights=[1],
        metrics=["accuracy"],
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
    parser = argparse.ArgumentParser(description="Train ResNeXt (mini, 8×2d) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, fc (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="resnext-mini-8-2d.keras", help="where to save the trained model")
    args = parser.parse_args()
    strategy = make_strategy(args.strategy)
    global_batch = args.batch_size * strategy.num_replicas_in_sync
    with strategy.scope():
        model = build_net()
        trainable = training_model_net(model)
    data = np.load(args.data)
    inputs = tuple(data[name] for name in ["image"])
    targets = tuple(data[name] for name in ["fc"])
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).shuffle(len(inputs[0])).batch(global_batch)
    trainable.fit(dataset, epochs=args.epochs)
    model.save(args.save)


if __name__ == "__main__":
    main()
