"""ResNeXt-50 (32×4d)

Xie et al. 2017, ResNeXt-50 with cardinality 32 and bottleneck width 4d: ResNet-50's layout where
each block's 3×3 stage is 32 parallel paths (4, 8, 16, 32 channels each by stage), aggregated and
expanded to 256, 512, 1024, 2048 channels.

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
    """Network "net": image Bx224x224x3 -> fc Bx1000; 25,097,128 parameters."""
    image = keras.Input(shape=(224, 224, 3), dtype="float32", name="image")
    # conv1 7×7/2: Conv 2D 64@7x7 s2 same
    conv1 = layers.Conv2D(
        filters=64, kernel_size=(7, 7), strides=(2, 2), padding="same", use_bias=False, name="conv1",
    )(image)
    bn1 = layers.BatchNormalization(name="bn1")(conv1)
    relu1 = layers.ReLU(name="relu1")(bn1)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(relu1)

    # Block res2a (ResNeXt block "conv2_1", 65,024 parameters)
    res2a__path0_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path0_reduce",
    )(pool1)
    res2a__path1_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path1_reduce",
    )(pool1)
    res2a__path2_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path2_reduce",
    )(pool1)
    res2a__path3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path3_reduce",
    )(pool1)
    res2a__path4_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path4_reduce",
    )(pool1)
    res2a__path5_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path5_reduce",
    )(pool1)
    res2a__path6_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path6_reduce",
    )(pool1)
    res2a__path7_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path7_reduce",
    )(pool1)
    res2a__path8_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path8_reduce",
    )(pool1)
    res2a__path9_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path9_reduce",
    )(pool1)
    res2a__path10_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path10_reduce",
    )(pool1)
    res2a__path11_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path11_reduce",
    )(pool1)
    res2a__path12_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path12_reduce",
    )(pool1)
    res2a__path13_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path13_reduce",
    )(pool1)
    res2a__path14_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path14_reduce",
    )(pool1)
    res2a__path15_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path15_reduce",
    )(pool1)
    res2a__path16_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path16_reduce",
    )(pool1)
    res2a__path17_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path17_reduce",
    )(pool1)
    res2a__path18_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path18_reduce",
    )(pool1)
    res2a__path19_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path19_reduce",
    )(pool1)
    res2a__path20_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path20_reduce",
    )(pool1)
    res2a__path21_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path21_reduce",
    )(pool1)
    res2a__path22_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path22_reduce",
    )(pool1)
    res2a__path23_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path23_reduce",
    )(pool1)
    res2a__path24_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path24_reduce",
    )(pool1)
    res2a__path25_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path25_reduce",
    )(pool1)
    res2a__path26_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path26_reduce",
    )(pool1)
    res2a__path27_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path27_reduce",
    )(pool1)
    res2a__path28_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path28_reduce",
    )(pool1)
    res2a__path29_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path29_reduce",
    )(pool1)
    res2a__path30_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path30_reduce",
    )(pool1)
    res2a__path31_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__path31_reduce",
    )(pool1)
    res2a__proj = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__proj",
    )(pool1)
    res2a__path0_bn = layers.BatchNormalization(name="res2a__path0_bn")(res2a__path0_reduce)
    res2a__path1_bn = layers.BatchNormalization(name="res2a__path1_bn")(res2a__path1_reduce)
    res2a__path2_bn = layers.BatchNormalization(name="res2a__path2_bn")(res2a__path2_reduce)
    res2a__path3_bn = layers.BatchNormalization(name="res2a__path3_bn")(res2a__path3_reduce)
    res2a__path4_bn = layers.BatchNormalization(name="res2a__path4_bn")(res2a__path4_reduce)
    res2a__path5_bn = layers.BatchNormalization(name="res2a__path5_bn")(res2a__path5_reduce)
    res2a__path6_bn = layers.BatchNormalization(name="res2a__path6_bn")(res2a__path6_reduce)
    res2a__path7_bn = layers.BatchNormalization(name="res2a__path7_bn")(res2a__path7_reduce)
    res2a__path8_bn = layers.BatchNormalization(name="res2a__path8_bn")(res2a__path8_reduce)
    res2a__path9_bn = layers.BatchNormalization(name="res2a__path9_bn")(res2a__path9_reduce)
    res2a__path10_bn = layers.BatchNormalization(name="res2a__path10_bn")(res2a__path10_reduce)
    res2a__path11_bn = layers.BatchNormalization(name="res2a__path11_bn")(res2a__path11_reduce)
    res2a__path12_bn = layers.BatchNormalization(name="res2a__path12_bn")(res2a__path12_reduce)
    res2a__path13_bn = layers.BatchNormalization(name="res2a__path13_bn")(res2a__path13_reduce)
    res2a__path14_bn = layers.BatchNormalization(name="res2a__path14_bn")(res2a__path14_reduce)
    res2a__path15_bn = layers.BatchNormalization(name="res2a__path15_bn")(res2a__path15_reduce)
    res2a__path16_bn = layers.BatchNormalization(name="res2a__path16_bn")(res2a__path16_reduce)
    res2a__path17_bn = layers.BatchNormalization(name="res2a__path17_bn")(res2a__path17_reduce)
    res2a__path18_bn = layers.BatchNormalization(name="res2a__path18_bn")(res2a__path18_reduce)
    res2a__path19_bn = layers.BatchNormalization(name="res2a__path19_bn")(res2a__path19_reduce)
    res2a__path20_bn = layers.BatchNormalization(name="res2a__path20_bn")(res2a__path20_reduce)
    res2a__path21_bn = layers.BatchNormalization(name="res2a__path21_bn")(res2a__path21_reduce)
    res2a__path22_bn = layers.BatchNormalization(name="res2a__path22_bn")(res2a__path22_reduce)
    res2a__path23_bn = layers.BatchNormalization(name="res2a__path23_bn")(res2a__path23_reduce)
    res2a__path24_bn = layers.BatchNormalization(name="res2a__path24_bn")(res2a__path24_reduce)
    res2a__path25_bn = layers.BatchNormalization(name="res2a__path25_bn")(res2a__path25_reduce)
    res2a__path26_bn = layers.BatchNormalization(name="res2a__path26_bn")(res2a__path26_reduce)
    res2a__path27_bn = layers.BatchNormalization(name="res2a__path27_bn")(res2a__path27_reduce)
    res2a__path28_bn = layers.BatchNormalization(name="res2a__path28_bn")(res2a__path28_reduce)
    res2a__path29_bn = layers.BatchNormalization(name="res2a__path29_bn")(res2a__path29_reduce)
    res2a__path30_bn = layers.BatchNormalization(name="res2a__path30_bn")(res2a__path30_reduce)
    res2a__path31_bn = layers.BatchNormalization(name="res2a__path31_bn")(res2a__path31_reduce)
    res2a__proj_bn = layers.BatchNormalization(name="res2a__proj_bn")(res2a__proj)
    res2a__path0_relu = layers.ReLU(name="res2a__path0_relu")(res2a__path0_bn)
    res2a__path1_relu = layers.ReLU(name="res2a__path1_relu")(res2a__path1_bn)
    res2a__path2_relu = layers.ReLU(name="res2a__path2_relu")(res2a__path2_bn)
    res2a__path3_relu = layers.ReLU(name="res2a__path3_relu")(res2a__path3_bn)
    res2a__path4_relu = layers.ReLU(name="res2a__path4_relu")(res2a__path4_bn)
    res2a__path5_relu = layers.ReLU(name="res2a__path5_relu")(res2a__path5_bn)
    res2a__path6_relu = layers.ReLU(name="res2a__path6_relu")(res2a__path6_bn)
    res2a__path7_relu = layers.ReLU(name="res2a__path7_relu")(res2a__path7_bn)
    res2a__path8_relu = layers.ReLU(name="res2a__path8_relu")(res2a__path8_bn)
    res2a__path9_relu = layers.ReLU(name="res2a__path9_relu")(res2a__path9_bn)
    res2a__path10_relu = layers.ReLU(name="res2a__path10_relu")(res2a__path10_bn)
    res2a__path11_relu = layers.ReLU(name="res2a__path11_relu")(res2a__path11_bn)
    res2a__path12_relu = layers.ReLU(name="res2a__path12_relu")(res2a__path12_bn)
    res2a__path13_relu = layers.ReLU(name="res2a__path13_relu")(res2a__path13_bn)
    res2a__path14_relu = layers.ReLU(name="res2a__path14_relu")(res2a__path14_bn)
    res2a__path15_relu = layers.ReLU(name="res2a__path15_relu")(res2a__path15_bn)
    res2a__path16_relu = layers.ReLU(name="res2a__path16_relu")(res2a__path16_bn)
    res2a__path17_relu = layers.ReLU(name="res2a__path17_relu")(res2a__path17_bn)
    res2a__path18_relu = layers.ReLU(name="res2a__path18_relu")(res2a__path18_bn)
    res2a__path19_relu = layers.ReLU(name="res2a__path19_relu")(res2a__path19_bn)
    res2a__path20_relu = layers.ReLU(name="res2a__path20_relu")(res2a__path20_bn)
    res2a__path21_relu = layers.ReLU(name="res2a__path21_relu")(res2a__path21_bn)
    res2a__path22_relu = layers.ReLU(name="res2a__path22_relu")(res2a__path22_bn)
    res2a__path23_relu = layers.ReLU(name="res2a__path23_relu")(res2a__path23_bn)
    res2a__path24_relu = layers.ReLU(name="res2a__path24_relu")(res2a__path24_bn)
    res2a__path25_relu = layers.ReLU(name="res2a__path25_relu")(res2a__path25_bn)
    res2a__path26_relu = layers.ReLU(name="res2a__path26_relu")(res2a__path26_bn)
    res2a__path27_relu = layers.ReLU(name="res2a__path27_relu")(res2a__path27_bn)
    res2a__path28_relu = layers.ReLU(name="res2a__path28_relu")(res2a__path28_bn)
    res2a__path29_relu = layers.ReLU(name="res2a__path29_relu")(res2a__path29_bn)
    res2a__path30_relu = layers.ReLU(name="res2a__path30_relu")(res2a__path30_bn)
    res2a__path31_relu = layers.ReLU(name="res2a__path31_relu")(res2a__path31_bn)
    res2a__path0_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path0_conv",
    )(res2a__path0_relu)
    res2a__path1_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path1_conv",
    )(res2a__path1_relu)
    res2a__path2_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path2_conv",
    )(res2a__path2_relu)
    res2a__path3_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path3_conv",
    )(res2a__path3_relu)
    res2a__path4_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path4_conv",
    )(res2a__path4_relu)
    res2a__path5_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path5_conv",
    )(res2a__path5_relu)
    res2a__path6_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path6_conv",
    )(res2a__path6_relu)
    res2a__path7_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path7_conv",
    )(res2a__path7_relu)
    res2a__path8_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path8_conv",
    )(res2a__path8_relu)
    res2a__path9_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path9_conv",
    )(res2a__path9_relu)
    res2a__path10_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path10_conv",
    )(res2a__path10_relu)
    res2a__path11_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path11_conv",
    )(res2a__path11_relu)
    res2a__path12_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path12_conv",
    )(res2a__path12_relu)
    res2a__path13_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path13_conv",
    )(res2a__path13_relu)
    res2a__path14_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path14_conv",
    )(res2a__path14_relu)
    res2a__path15_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path15_conv",
    )(res2a__path15_relu)
    res2a__path16_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path16_conv",
    )(res2a__path16_relu)
    res2a__path17_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path17_conv",
    )(res2a__path17_relu)
    res2a__path18_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path18_conv",
    )(res2a__path18_relu)
    res2a__path19_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path19_conv",
    )(res2a__path19_relu)
    res2a__path20_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path20_conv",
    )(res2a__path20_relu)
    res2a__path21_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path21_conv",
    )(res2a__path21_relu)
    res2a__path22_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path22_conv",
    )(res2a__path22_relu)
    res2a__path23_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path23_conv",
    )(res2a__path23_relu)
    res2a__path24_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path24_conv",
    )(res2a__path24_relu)
    res2a__path25_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path25_conv",
    )(res2a__path25_relu)
    res2a__path26_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path26_conv",
    )(res2a__path26_relu)
    res2a__path27_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path27_conv",
    )(res2a__path27_relu)
    res2a__path28_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path28_conv",
    )(res2a__path28_relu)
    res2a__path29_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path29_conv",
    )(res2a__path29_relu)
    res2a__path30_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path30_conv",
    )(res2a__path30_relu)
    res2a__path31_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__path31_conv",
    )(res2a__path31_relu)
    res2a__concat_0 = layers.Concatenate(
        axis=-1, name="res2a__concat_0",
    )([res2a__path0_conv, res2a__path1_conv, res2a__path2_conv, res2a__path3_conv, res2a__path4_conv, res2a__path5_conv, res2a__path6_conv, res2a__path7_conv, res2a__path8_conv, res2a__path9_conv, res2a__path10_conv, res2a__path11_conv, res2a__path12_conv, res2a__path13_conv, res2a__path14_conv, res2a__path15_conv])
    res2a__concat_1 = layers.Concatenate(
        axis=-1, name="res2a__concat_1",
    )([res2a__path16_conv, res2a__path17_conv, res2a__path18_conv, res2a__path19_conv, res2a__path20_conv, res2a__path21_conv, res2a__path22_conv, res2a__path23_conv, res2a__path24_conv, res2a__path25_conv, res2a__path26_conv, res2a__path27_conv, res2a__path28_conv, res2a__path29_conv, res2a__path30_conv, res2a__path31_conv])
    res2a__concat = layers.Concatenate(axis=-1, name="res2a__concat")([res2a__concat_0, res2a__concat_1])
    res2a__bn_mid = layers.BatchNormalization(name="res2a__bn_mid")(res2a__concat)
    res2a__relu_mid = layers.ReLU(name="res2a__relu_mid")(res2a__bn_mid)
    res2a__expand = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__expand",
    )(res2a__relu_mid)
    res2a__bn_out = layers.BatchNormalization(name="res2a__bn_out")(res2a__expand)
    res2a__add = layers.Add(name="res2a__add")([res2a__bn_out, res2a__proj_bn])
    res2a__relu_out = layers.ReLU(name="res2a__relu_out")(res2a__add)

    # Block res2b (ResNeXt block "conv2_2", 72,192 parameters)
    res2b__path0_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path0_reduce",
    )(res2a__relu_out)
    res2b__path1_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path1_reduce",
    )(res2a__relu_out)
    res2b__path2_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path2_reduce",
    )(res2a__relu_out)
    res2b__path3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path3_reduce",
    )(res2a__relu_out)
    res2b__path4_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path4_reduce",
    )(res2a__relu_out)
    res2b__path5_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path5_reduce",
    )(res2a__relu_out)
    res2b__path6_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path6_reduce",
    )(res2a__relu_out)
    res2b__path7_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path7_reduce",
    )(res2a__relu_out)
    res2b__path8_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path8_reduce",
    )(res2a__relu_out)
    res2b__path9_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path9_reduce",
    )(res2a__relu_out)
    res2b__path10_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path10_reduce",
    )(res2a__relu_out)
    res2b__path11_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path11_reduce",
    )(res2a__relu_out)
    res2b__path12_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path12_reduce",
    )(res2a__relu_out)
    res2b__path13_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path13_reduce",
    )(res2a__relu_out)
    res2b__path14_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path14_reduce",
    )(res2a__relu_out)
    res2b__path15_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path15_reduce",
    )(res2a__relu_out)
    res2b__path16_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path16_reduce",
    )(res2a__relu_out)
    res2b__path17_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path17_reduce",
    )(res2a__relu_out)
    res2b__path18_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path18_reduce",
    )(res2a__relu_out)
    res2b__path19_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path19_reduce",
    )(res2a__relu_out)
    res2b__path20_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path20_reduce",
    )(res2a__relu_out)
    res2b__path21_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path21_reduce",
    )(res2a__relu_out)
    res2b__path22_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path22_reduce",
    )(res2a__relu_out)
    res2b__path23_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path23_reduce",
    )(res2a__relu_out)
    res2b__path24_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path24_reduce",
    )(res2a__relu_out)
    res2b__path25_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path25_reduce",
    )(res2a__relu_out)
    res2b__path26_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path26_reduce",
    )(res2a__relu_out)
    res2b__path27_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path27_reduce",
    )(res2a__relu_out)
    res2b__path28_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path28_reduce",
    )(res2a__relu_out)
    res2b__path29_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path29_reduce",
    )(res2a__relu_out)
    res2b__path30_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path30_reduce",
    )(res2a__relu_out)
    res2b__path31_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__path31_reduce",
    )(res2a__relu_out)
    res2b__path0_bn = layers.BatchNormalization(name="res2b__path0_bn")(res2b__path0_reduce)
    res2b__path1_bn = layers.BatchNormalization(name="res2b__path1_bn")(res2b__path1_reduce)
    res2b__path2_bn = layers.BatchNormalization(name="res2b__path2_bn")(res2b__path2_reduce)
    res2b__path3_bn = layers.BatchNormalization(name="res2b__path3_bn")(res2b__path3_reduce)
    res2b__path4_bn = layers.BatchNormalization(name="res2b__path4_bn")(res2b__path4_reduce)
    res2b__path5_bn = layers.BatchNormalization(name="res2b__path5_bn")(res2b__path5_reduce)
    res2b__path6_bn = layers.BatchNormalization(name="res2b__path6_bn")(res2b__path6_reduce)
    res2b__path7_bn = layers.BatchNormalization(name="res2b__path7_bn")(res2b__path7_reduce)
    res2b__path8_bn = layers.BatchNormalization(name="res2b__path8_bn")(res2b__path8_reduce)
    res2b__path9_bn = layers.BatchNormalization(name="res2b__path9_bn")(res2b__path9_reduce)
    res2b__path10_bn = layers.BatchNormalization(name="res2b__path10_bn")(res2b__path10_reduce)
    res2b__path11_bn = layers.BatchNormalization(name="res2b__path11_bn")(res2b__path11_reduce)
    res2b__path12_bn = layers.BatchNormalization(name="res2b__path12_bn")(res2b__path12_reduce)
    res2b__path13_bn = layers.BatchNormalization(name="res2b__path13_bn")(res2b__path13_reduce)
    res2b__path14_bn = layers.BatchNormalization(name="res2b__path14_bn")(res2b__path14_reduce)
    res2b__path15_bn = layers.BatchNormalization(name="res2b__path15_bn")(res2b__path15_reduce)
    res2b__path16_bn = layers.BatchNormalization(name="res2b__path16_bn")(res2b__path16_reduce)
    res2b__path17_bn = layers.BatchNormalization(name="res2b__path17_bn")(res2b__path17_reduce)
    res2b__path18_bn = layers.BatchNormalization(name="res2b__path18_bn")(res2b__path18_reduce)
    res2b__path19_bn = layers.BatchNormalization(name="res2b__path19_bn")(res2b__path19_reduce)
    res2b__path20_bn = layers.BatchNormalization(name="res2b__path20_bn")(res2b__path20_reduce)
    res2b__path21_bn = layers.BatchNormalization(name="res2b__path21_bn")(res2b__path21_reduce)
    res2b__path22_bn = layers.BatchNormalization(name="res2b__path22_bn")(res2b__path22_reduce)
    res2b__path23_bn = layers.BatchNormalization(name="res2b__path23_bn")(res2b__path23_reduce)
    res2b__path24_bn = layers.BatchNormalization(name="res2b__path24_bn")(res2b__path24_reduce)
    res2b__path25_bn = layers.BatchNormalization(name="res2b__path25_bn")(res2b__path25_reduce)
    res2b__path26_bn = layers.BatchNormalization(name="res2b__path26_bn")(res2b__path26_reduce)
    res2b__path27_bn = layers.BatchNormalization(name="res2b__path27_bn")(res2b__path27_reduce)
    res2b__path28_bn = layers.BatchNormalization(name="res2b__path28_bn")(res2b__path28_reduce)
    res2b__path29_bn = layers.BatchNormalization(name="res2b__path29_bn")(res2b__path29_reduce)
    res2b__path30_bn = layers.BatchNormalization(name="res2b__path30_bn")(res2b__path30_reduce)
    res2b__path31_bn = layers.BatchNormalization(name="res2b__path31_bn")(res2b__path31_reduce)
    res2b__path0_relu = layers.ReLU(name="res2b__path0_relu")(res2b__path0_bn)
    res2b__path1_relu = layers.ReLU(name="res2b__path1_relu")(res2b__path1_bn)
    res2b__path2_relu = layers.ReLU(name="res2b__path2_relu")(res2b__path2_bn)
    res2b__path3_relu = layers.ReLU(name="res2b__path3_relu")(res2b__path3_bn)
    res2b__path4_relu = layers.ReLU(name="res2b__path4_relu")(res2b__path4_bn)
    res2b__path5_relu = layers.ReLU(name="res2b__path5_relu")(res2b__path5_bn)
    res2b__path6_relu = layers.ReLU(name="res2b__path6_relu")(res2b__path6_bn)
    res2b__path7_relu = layers.ReLU(name="res2b__path7_relu")(res2b__path7_bn)
    res2b__path8_relu = layers.ReLU(name="res2b__path8_relu")(res2b__path8_bn)
    res2b__path9_relu = layers.ReLU(name="res2b__path9_relu")(res2b__path9_bn)
    res2b__path10_relu = layers.ReLU(name="res2b__path10_relu")(res2b__path10_bn)
    res2b__path11_relu = layers.ReLU(name="res2b__path11_relu")(res2b__path11_bn)
    res2b__path12_relu = layers.ReLU(name="res2b__path12_relu")(res2b__path12_bn)
    res2b__path13_relu = layers.ReLU(name="res2b__path13_relu")(res2b__path13_bn)
    res2b__path14_relu = layers.ReLU(name="res2b__path14_relu")(res2b__path14_bn)
    res2b__path15_relu = layers.ReLU(name="res2b__path15_relu")(res2b__path15_bn)
    res2b__path16_relu = layers.ReLU(name="res2b__path16_relu")(res2b__path16_bn)
    res2b__path17_relu = layers.ReLU(name="res2b__path17_relu")(res2b__path17_bn)
    res2b__path18_relu = layers.ReLU(name="res2b__path18_relu")(res2b__path18_bn)
    res2b__path19_relu = layers.ReLU(name="res2b__path19_relu")(res2b__path19_bn)
    res2b__path20_relu = layers.ReLU(name="res2b__path20_relu")(res2b__path20_bn)
    res2b__path21_relu = layers.ReLU(name="res2b__path21_relu")(res2b__path21_bn)
    res2b__path22_relu = layers.ReLU(name="res2b__path22_relu")(res2b__path22_bn)
    res2b__path23_relu = layers.ReLU(name="res2b__path23_relu")(res2b__path23_bn)
    res2b__path24_relu = layers.ReLU(name="res2b__path24_relu")(res2b__path24_bn)
    res2b__path25_relu = layers.ReLU(name="res2b__path25_relu")(res2b__path25_bn)
    res2b__path26_relu = layers.ReLU(name="res2b__path26_relu")(res2b__path26_bn)
    res2b__path27_relu = layers.ReLU(name="res2b__path27_relu")(res2b__path27_bn)
    res2b__path28_relu = layers.ReLU(name="res2b__path28_relu")(res2b__path28_bn)
    res2b__path29_relu = layers.ReLU(name="res2b__path29_relu")(res2b__path29_bn)
    res2b__path30_relu = layers.ReLU(name="res2b__path30_relu")(res2b__path30_bn)
    res2b__path31_relu = layers.ReLU(name="res2b__path31_relu")(res2b__path31_bn)
    res2b__path0_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path0_conv",
    )(res2b__path0_relu)
    res2b__path1_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path1_conv",
    )(res2b__path1_relu)
    res2b__path2_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path2_conv",
    )(res2b__path2_relu)
    res2b__path3_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path3_conv",
    )(res2b__path3_relu)
    res2b__path4_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path4_conv",
    )(res2b__path4_relu)
    res2b__path5_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path5_conv",
    )(res2b__path5_relu)
    res2b__path6_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path6_conv",
    )(res2b__path6_relu)
    res2b__path7_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path7_conv",
    )(res2b__path7_relu)
    res2b__path8_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path8_conv",
    )(res2b__path8_relu)
    res2b__path9_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path9_conv",
    )(res2b__path9_relu)
    res2b__path10_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path10_conv",
    )(res2b__path10_relu)
    res2b__path11_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path11_conv",
    )(res2b__path11_relu)
    res2b__path12_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path12_conv",
    )(res2b__path12_relu)
    res2b__path13_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path13_conv",
    )(res2b__path13_relu)
    res2b__path14_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path14_conv",
    )(res2b__path14_relu)
    res2b__path15_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path15_conv",
    )(res2b__path15_relu)
    res2b__path16_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path16_conv",
    )(res2b__path16_relu)
    res2b__path17_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path17_conv",
    )(res2b__path17_relu)
    res2b__path18_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path18_conv",
    )(res2b__path18_relu)
    res2b__path19_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path19_conv",
    )(res2b__path19_relu)
    res2b__path20_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path20_conv",
    )(res2b__path20_relu)
    res2b__path21_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path21_conv",
    )(res2b__path21_relu)
    res2b__path22_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path22_conv",
    )(res2b__path22_relu)
    res2b__path23_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path23_conv",
    )(res2b__path23_relu)
    res2b__path24_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path24_conv",
    )(res2b__path24_relu)
    res2b__path25_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path25_conv",
    )(res2b__path25_relu)
    res2b__path26_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path26_conv",
    )(res2b__path26_relu)
    res2b__path27_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path27_conv",
    )(res2b__path27_relu)
    res2b__path28_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path28_conv",
    )(res2b__path28_relu)
    res2b__path29_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path29_conv",
    )(res2b__path29_relu)
    res2b__path30_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path30_conv",
    )(res2b__path30_relu)
    res2b__path31_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__path31_conv",
    )(res2b__path31_relu)
    res2b__concat_0 = layers.Concatenate(
        axis=-1, name="res2b__concat_0",
    )([res2b__path0_conv, res2b__path1_conv, res2b__path2_conv, res2b__path3_conv, res2b__path4_conv, res2b__path5_conv, res2b__path6_conv, res2b__path7_conv, res2b__path8_conv, res2b__path9_conv, res2b__path10_conv, res2b__path11_conv, res2b__path12_conv, res2b__path13_conv, res2b__path14_conv, res2b__path15_conv])
    res2b__concat_1 = layers.Concatenate(
        axis=-1, name="res2b__concat_1",
    )([res2b__path16_conv, res2b__path17_conv, res2b__path18_conv, res2b__path19_conv, res2b__path20_conv, res2b__path21_conv, res2b__path22_conv, res2b__path23_conv, res2b__path24_conv, res2b__path25_conv, res2b__path26_conv, res2b__path27_conv, res2b__path28_conv, res2b__path29_conv, res2b__path30_conv, res2b__path31_conv])
    res2b__concat = layers.Concatenate(axis=-1, name="res2b__concat")([res2b__concat_0, res2b__concat_1])
    res2b__bn_mid = layers.BatchNormalization(name="res2b__bn_mid")(res2b__concat)
    res2b__relu_mid = layers.ReLU(name="res2b__relu_mid")(res2b__bn_mid)
    res2b__expand = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__expand",
    )(res2b__relu_mid)
    res2b__bn_out = layers.BatchNormalization(name="res2b__bn_out")(res2b__expand)
    res2b__add = layers.Add(name="res2b__add")([res2b__bn_out, res2a__relu_out])
    res2b__relu_out = layers.ReLU(name="res2b__relu_out")(res2b__add)

    # Block res2c (ResNeXt block "conv2_3", 72,192 parameters)
    res2c__path0_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path0_reduce",
    )(res2b__relu_out)
    res2c__path1_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path1_reduce",
    )(res2b__relu_out)
    res2c__path2_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path2_reduce",
    )(res2b__relu_out)
    res2c__path3_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path3_reduce",
    )(res2b__relu_out)
    res2c__path4_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path4_reduce",
    )(res2b__relu_out)
    res2c__path5_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path5_reduce",
    )(res2b__relu_out)
    res2c__path6_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path6_reduce",
    )(res2b__relu_out)
    res2c__path7_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path7_reduce",
    )(res2b__relu_out)
    res2c__path8_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path8_reduce",
    )(res2b__relu_out)
    res2c__path9_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path9_reduce",
    )(res2b__relu_out)
    res2c__path10_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path10_reduce",
    )(res2b__relu_out)
    res2c__path11_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path11_reduce",
    )(res2b__relu_out)
    res2c__path12_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path12_reduce",
    )(res2b__relu_out)
    res2c__path13_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path13_reduce",
    )(res2b__relu_out)
    res2c__path14_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path14_reduce",
    )(res2b__relu_out)
    res2c__path15_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path15_reduce",
    )(res2b__relu_out)
    res2c__path16_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path16_reduce",
    )(res2b__relu_out)
    res2c__path17_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path17_reduce",
    )(res2b__relu_out)
    res2c__path18_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path18_reduce",
    )(res2b__relu_out)
    res2c__path19_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path19_reduce",
    )(res2b__relu_out)
    res2c__path20_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path20_reduce",
    )(res2b__relu_out)
    res2c__path21_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path21_reduce",
    )(res2b__relu_out)
    res2c__path22_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path22_reduce",
    )(res2b__relu_out)
    res2c__path23_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path23_reduce",
    )(res2b__relu_out)
    res2c__path24_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path24_reduce",
    )(res2b__relu_out)
    res2c__path25_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path25_reduce",
    )(res2b__relu_out)
    res2c__path26_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path26_reduce",
    )(res2b__relu_out)
    res2c__path27_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path27_reduce",
    )(res2b__relu_out)
    res2c__path28_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path28_reduce",
    )(res2b__relu_out)
    res2c__path29_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path29_reduce",
    )(res2b__relu_out)
    res2c__path30_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path30_reduce",
    )(res2b__relu_out)
    res2c__path31_reduce = layers.Conv2D(
        filters=4, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__path31_reduce",
    )(res2b__relu_out)
    res2c__path0_bn = layers.BatchNormalization(name="res2c__path0_bn")(res2c__path0_reduce)
    res2c__path1_bn = layers.BatchNormalization(name="res2c__path1_bn")(res2c__path1_reduce)
    res2c__path2_bn = layers.BatchNormalization(name="res2c__path2_bn")(res2c__path2_reduce)
    res2c__path3_bn = layers.BatchNormalization(name="res2c__path3_bn")(res2c__path3_reduce)
    res2c__path4_bn = layers.BatchNormalization(name="res2c__path4_bn")(res2c__path4_reduce)
    res2c__path5_bn = layers.BatchNormalization(name="res2c__path5_bn")(res2c__path5_reduce)
    res2c__path6_bn = layers.BatchNormalization(name="res2c__path6_bn")(res2c__path6_reduce)
    res2c__path7_bn = layers.BatchNormalization(name="res2c__path7_bn")(res2c__path7_reduce)
    res2c__path8_bn = layers.BatchNormalization(name="res2c__path8_bn")(res2c__path8_reduce)
    res2c__path9_bn = layers.BatchNormalization(name="res2c__path9_bn")(res2c__path9_reduce)
    res2c__path10_bn = layers.BatchNormalization(name="res2c__path10_bn")(res2c__path10_reduce)
    res2c__path11_bn = layers.BatchNormalization(name="res2c__path11_bn")(res2c__path11_reduce)
    res2c__path12_bn = layers.BatchNormalization(name="res2c__path12_bn")(res2c__path12_reduce)
    res2c__path13_bn = layers.BatchNormalization(name="res2c__path13_bn")(res2c__path13_reduce)
    res2c__path14_bn = layers.BatchNormalization(name="res2c__path14_bn")(res2c__path14_reduce)
    res2c__path15_bn = layers.BatchNormalization(name="res2c__path15_bn")(res2c__path15_reduce)
    res2c__path16_bn = layers.BatchNormalization(name="res2c__path16_bn")(res2c__path16_reduce)
    res2c__path17_bn = layers.BatchNormalization(name="res2c__path17_bn")(res2c__path17_reduce)
    res2c__path18_bn = layers.BatchNormalization(name="res2c__path18_bn")(res2c__path18_reduce)
    res2c__path19_bn = layers.BatchNormalization(name="res2c__path19_bn")(res2c__path19_reduce)
    res2c__path20_bn = layers.BatchNormalization(name="res2c__path20_bn")(res2c__path20_reduce)
    res2c__path21_bn = layers.BatchNormalization(name="res2c__path21_bn")(res2c__path21_reduce)
    res2c__path22_bn = layers.BatchNormalization(name="res2c__path22_bn")(res2c__path22_reduce)
    res2c__path23_bn = layers.BatchNormalization(name="res2c__path23_bn")(res2c__path23_reduce)
    res2c__path24_bn = layers.BatchNormalization(name="res2c__path24_bn")(res2c__path24_reduce)
    res2c__path25_bn = layers.BatchNormalization(name="res2c__path25_bn")(res2c__path25_reduce)
    res2c__path26_bn = layers.BatchNormalization(name="res2c__path26_bn")(res2c__path26_reduce)
    res2c__path27_bn = layers.BatchNormalization(name="res2c__path27_bn")(res2c__path27_reduce)
    res2c__path28_bn = layers.BatchNormalization(name="res2c__path28_bn")(res2c__path28_reduce)
    res2c__path29_bn = layers.BatchNormalization(name="res2c__path29_bn")(res2c__path29_reduce)
    res2c__path30_bn = layers.BatchNormalization(name="res2c__path30_bn")(res2c__path30_reduce)
    res2c__path31_bn = layers.BatchNormalization(name="res2c__path31_bn")(res2c__path31_reduce)
    res2c__path0_relu = layers.ReLU(name="res2c__path0_relu")(res2c__path0_bn)
    res2c__path1_relu = layers.ReLU(name="res2c__path1_relu")(res2c__path1_bn)
    res2c__path2_relu = layers.ReLU(name="res2c__path2_relu")(res2c__path2_bn)
    res2c__path3_relu = layers.ReLU(name="res2c__path3_relu")(res2c__path3_bn)
    res2c__path4_relu = layers.ReLU(name="res2c__path4_relu")(res2c__path4_bn)
    res2c__path5_relu = layers.ReLU(name="res2c__path5_relu")(res2c__path5_bn)
    res2c__path6_relu = layers.ReLU(name="res2c__path6_relu")(res2c__path6_bn)
    res2c__path7_relu = layers.ReLU(name="res2c__path7_relu")(res2c__path7_bn)
    res2c__path8_relu = layers.ReLU(name="res2c__path8_relu")(res2c__path8_bn)
    res2c__path9_relu = layers.ReLU(name="res2c__path9_relu")(res2c__path9_bn)
    res2c__path10_relu = layers.ReLU(name="res2c__path10_relu")(res2c__path10_bn)
    res2c__path11_relu = layers.ReLU(name="res2c__path11_relu")(res2c__path11_bn)
    res2c__path12_relu = layers.ReLU(name="res2c__path12_relu")(res2c__path12_bn)
    res2c__path13_relu = layers.ReLU(name="res2c__path13_relu")(res2c__path13_bn)
    res2c__path14_relu = layers.ReLU(name="res2c__path14_relu")(res2c__path14_bn)
    res2c__path15_relu = layers.ReLU(name="res2c__path15_relu")(res2c__path15_bn)
    res2c__path16_relu = layers.ReLU(name="res2c__path16_relu")(res2c__path16_bn)
    res2c__path17_relu = layers.ReLU(name="res2c__path17_relu")(res2c__path17_bn)
    res2c__path18_relu = layers.ReLU(name="res2c__path18_relu")(res2c__path18_bn)
    res2c__path19_relu = layers.ReLU(name="res2c__path19_relu")(res2c__path19_bn)
    res2c__path20_relu = layers.ReLU(name="res2c__path20_relu")(res2c__path20_bn)
    res2c__path21_relu = layers.ReLU(name="res2c__path21_relu")(res2c__path21_bn)
    res2c__path22_relu = layers.ReLU(name="res2c__path22_relu")(res2c__path22_bn)
    res2c__path23_relu = layers.ReLU(name="res2c__path23_relu")(res2c__path23_bn)
    res2c__path24_relu = layers.ReLU(name="res2c__path24_relu")(res2c__path24_bn)
    res2c__path25_relu = layers.ReLU(name="res2c__path25_relu")(res2c__path25_bn)
    res2c__path26_relu = layers.ReLU(name="res2c__path26_relu")(res2c__path26_bn)
    res2c__path27_relu = layers.ReLU(name="res2c__path27_relu")(res2c__path27_bn)
    res2c__path28_relu = layers.ReLU(name="res2c__path28_relu")(res2c__path28_bn)
    res2c__path29_relu = layers.ReLU(name="res2c__path29_relu")(res2c__path29_bn)
    res2c__path30_relu = layers.ReLU(name="res2c__path30_relu")(res2c__path30_bn)
    res2c__path31_relu = layers.ReLU(name="res2c__path31_relu")(res2c__path31_bn)
    res2c__path0_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path0_conv",
    )(res2c__path0_relu)
    res2c__path1_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path1_conv",
    )(res2c__path1_relu)
    res2c__path2_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path2_conv",
    )(res2c__path2_relu)
    res2c__path3_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path3_conv",
    )(res2c__path3_relu)
    res2c__path4_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path4_conv",
    )(res2c__path4_relu)
    res2c__path5_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path5_conv",
    )(res2c__path5_relu)
    res2c__path6_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path6_conv",
    )(res2c__path6_relu)
    res2c__path7_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path7_conv",
    )(res2c__path7_relu)
    res2c__path8_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path8_conv",
    )(res2c__path8_relu)
    res2c__path9_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path9_conv",
    )(res2c__path9_relu)
    res2c__path10_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path10_conv",
    )(res2c__path10_relu)
    res2c__path11_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path11_conv",
    )(res2c__path11_relu)
    res2c__path12_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path12_conv",
    )(res2c__path12_relu)
    res2c__path13_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path13_conv",
    )(res2c__path13_relu)
    res2c__path14_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path14_conv",
    )(res2c__path14_relu)
    res2c__path15_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path15_conv",
    )(res2c__path15_relu)
    res2c__path16_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path16_conv",
    )(res2c__path16_relu)
    res2c__path17_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path17_conv",
    )(res2c__path17_relu)
    res2c__path18_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path18_conv",
    )(res2c__path18_relu)
    res2c__path19_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path19_conv",
    )(res2c__path19_relu)
    res2c__path20_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path20_conv",
    )(res2c__path20_relu)
    res2c__path21_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path21_conv",
    )(res2c__path21_relu)
    res2c__path22_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path22_conv",
    )(res2c__path22_relu)
    res2c__path23_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path23_conv",
    )(res2c__path23_relu)
    res2c__path24_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path24_conv",
    )(res2c__path24_relu)
    res2c__path25_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path25_conv",
    )(res2c__path25_relu)
    res2c__path26_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path26_conv",
    )(res2c__path26_relu)
    res2c__path27_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path27_conv",
    )(res2c__path27_relu)
    res2c__path28_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path28_conv",
    )(res2c__path28_relu)
    res2c__path29_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path29_conv",
    )(res2c__path29_relu)
    res2c__path30_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path30_conv",
    )(res2c__path30_relu)
    res2c__path31_conv = layers.Conv2D(
        filters=4, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__path31_conv",
    )(res2c__path31_relu)
    res2c__concat_0 = layers.Concatenate(
        axis=-1, name="res2c__concat_0",
    )([res2c__path0_conv, res2c__path1_conv, res2c__path2_conv, res2c__path3_conv, res2c__path4_conv, res2c__path5_conv, res2c__path6_conv, res2c__path7_conv, res2c__path8_conv, res2c__path9_conv, res2c__path10_conv, res2c__path11_conv, res2c__path12_conv, res2c__path13_conv, res2c__path14_conv, res2c__path15_conv])
    res2c__concat_1 = layers.Concatenate(
        axis=-1, name="res2c__concat_1",
    )([res2c__path16_conv, res2c__path17_conv, res2c__path18_conv, res2c__path19_conv, res2c__path20_conv, res2c__path21_conv, res2c__path22_conv, res2c__path23_conv, res2c__path24_conv, res2c__path25_conv, res2c__path26_conv, res2c__path27_conv, res2c__path28_conv, res2c__path29_conv, res2c__path30_conv, res2c__path31_conv])
    res2c__concat = layers.Concatenate(axis=-1, name="res2c__concat")([res2c__concat_0, res2c__concat_1])
    res2c__bn_mid = layers.BatchNormalization(name="res2c__bn_mid")(res2c__concat)
    res2c__relu_mid = layers.ReLU(name="res2c__relu_mid")(res2c__bn_mid)
    res2c__expand = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__expand",
    )(res2c__relu_mid)
    res2c__bn_out = layers.BatchNormalization(name="res2c__bn_out")(res2c__expand)
    res2c__add = layers.Add(name="res2c__add")([res2c__bn_out, res2b__relu_out])
    res2c__relu_out = layers.ReLU(name="res2c__relu_out")(res2c__add)

    # Block res3a (ResNeXt block "conv3_1 ↓2", 352,256 parameters)
    res3a__path0_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path0_reduce",
    )(res2c__relu_out)
    res3a__path1_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path1_reduce",
    )(res2c__relu_out)
    res3a__path2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path2_reduce",
    )(res2c__relu_out)
    res3a__path3_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path3_reduce",
    )(res2c__relu_out)
    res3a__path4_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path4_reduce",
    )(res2c__relu_out)
    res3a__path5_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path5_reduce",
    )(res2c__relu_out)
    res3a__path6_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path6_reduce",
    )(res2c__relu_out)
    res3a__path7_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path7_reduce",
    )(res2c__relu_out)
    res3a__path8_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path8_reduce",
    )(res2c__relu_out)
    res3a__path9_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path9_reduce",
    )(res2c__relu_out)
    res3a__path10_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path10_reduce",
    )(res2c__relu_out)
    res3a__path11_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path11_reduce",
    )(res2c__relu_out)
    res3a__path12_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path12_reduce",
    )(res2c__relu_out)
    res3a__path13_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path13_reduce",
    )(res2c__relu_out)
    res3a__path14_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path14_reduce",
    )(res2c__relu_out)
    res3a__path15_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path15_reduce",
    )(res2c__relu_out)
    res3a__path16_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path16_reduce",
    )(res2c__relu_out)
    res3a__path17_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path17_reduce",
    )(res2c__relu_out)
    res3a__path18_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path18_reduce",
    )(res2c__relu_out)
    res3a__path19_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path19_reduce",
    )(res2c__relu_out)
    res3a__path20_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path20_reduce",
    )(res2c__relu_out)
    res3a__path21_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path21_reduce",
    )(res2c__relu_out)
    res3a__path22_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path22_reduce",
    )(res2c__relu_out)
    res3a__path23_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path23_reduce",
    )(res2c__relu_out)
    res3a__path24_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path24_reduce",
    )(res2c__relu_out)
    res3a__path25_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path25_reduce",
    )(res2c__relu_out)
    res3a__path26_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path26_reduce",
    )(res2c__relu_out)
    res3a__path27_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path27_reduce",
    )(res2c__relu_out)
    res3a__path28_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path28_reduce",
    )(res2c__relu_out)
    res3a__path29_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path29_reduce",
    )(res2c__relu_out)
    res3a__path30_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path30_reduce",
    )(res2c__relu_out)
    res3a__path31_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__path31_reduce",
    )(res2c__relu_out)
    res3a__proj = layers.Conv2D(
        filters=512, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res3a__proj",
    )(res2c__relu_out)
    res3a__path0_bn = layers.BatchNormalization(name="res3a__path0_bn")(res3a__path0_reduce)
    res3a__path1_bn = layers.BatchNormalization(name="res3a__path1_bn")(res3a__path1_reduce)
    res3a__path2_bn = layers.BatchNormalization(name="res3a__path2_bn")(res3a__path2_reduce)
    res3a__path3_bn = layers.BatchNormalization(name="res3a__path3_bn")(res3a__path3_reduce)
    res3a__path4_bn = layers.BatchNormalization(name="res3a__path4_bn")(res3a__path4_reduce)
    res3a__path5_bn = layers.BatchNormalization(name="res3a__path5_bn")(res3a__path5_reduce)
    res3a__path6_bn = layers.BatchNormalization(name="res3a__path6_bn")(res3a__path6_reduce)
    res3a__path7_bn = layers.BatchNormalization(name="res3a__path7_bn")(res3a__path7_reduce)
    res3a__path8_bn = layers.BatchNormalization(name="res3a__path8_bn")(res3a__path8_reduce)
    res3a__path9_bn = layers.BatchNormalization(name="res3a__path9_bn")(res3a__path9_reduce)
    res3a__path10_bn = layers.BatchNormalization(name="res3a__path10_bn")(res3a__path10_reduce)
    res3a__path11_bn = layers.BatchNormalization(name="res3a__path11_bn")(res3a__path11_reduce)
    res3a__path12_bn = layers.BatchNormalization(name="res3a__path12_bn")(res3a__path12_reduce)
    res3a__path13_bn = layers.BatchNormalization(name="res3a__path13_bn")(res3a__path13_reduce)
    res3a__path14_bn = layers.BatchNormalization(name="res3a__path14_bn")(res3a__path14_reduce)
    res3a__path15_bn = layers.BatchNormalization(name="res3a__path15_bn")(res3a__path15_reduce)
    res3a__path16_bn = layers.BatchNormalization(name="res3a__path16_bn")(res3a__path16_reduce)
    res3a__path17_bn = layers.BatchNormalization(name="res3a__path17_bn")(res3a__path17_reduce)
    res3a__path18_bn = layers.BatchNormalization(name="res3a__path18_bn")(res3a__path18_reduce)
    res3a__path19_bn = layers.BatchNormalization(name="res3a__path19_bn")(res3a__path19_reduce)
    res3a__path20_bn = layers.BatchNormalization(name="res3a__path20_bn")(res3a__path20_reduce)
    res3a__path21_bn = layers.BatchNormalization(name="res3a__path21_bn")(res3a__path21_reduce)
    res3a__path22_bn = layers.BatchNormalization(name="res3a__path22_bn")(res3a__path22_reduce)
    res3a__path23_bn = layers.BatchNormalization(name="res3a__path23_bn")(res3a__path23_reduce)
    res3a__path24_bn = layers.BatchNormalization(name="res3a__path24_bn")(res3a__path24_reduce)
    res3a__path25_bn = layers.BatchNormalization(name="res3a__path25_bn")(res3a__path25_reduce)
    res3a__path26_bn = layers.BatchNormalization(name="res3a__path26_bn")(res3a__path26_reduce)
    res3a__path27_bn = layers.BatchNormalization(name="res3a__path27_bn")(res3a__path27_reduce)
    res3a__path28_bn = layers.BatchNormalization(name="res3a__path28_bn")(res3a__path28_reduce)
    res3a__path29_bn = layers.BatchNormalization(name="res3a__path29_bn")(res3a__path29_reduce)
    res3a__path30_bn = layers.BatchNormalization(name="res3a__path30_bn")(res3a__path30_reduce)
    res3a__path31_bn = layers.BatchNormalization(name="res3a__path31_bn")(res3a__path31_reduce)
    res3a__proj_bn = layers.BatchNormalization(name="res3a__proj_bn")(res3a__proj)
    res3a__path0_relu = layers.ReLU(name="res3a__path0_relu")(res3a__path0_bn)
    res3a__path1_relu = layers.ReLU(name="res3a__path1_relu")(res3a__path1_bn)
    res3a__path2_relu = layers.ReLU(name="res3a__path2_relu")(res3a__path2_bn)
    res3a__path3_relu = layers.ReLU(name="res3a__path3_relu")(res3a__path3_bn)
    res3a__path4_relu = layers.ReLU(name="res3a__path4_relu")(res3a__path4_bn)
    res3a__path5_relu = layers.ReLU(name="res3a__path5_relu")(res3a__path5_bn)
    res3a__path6_relu = layers.ReLU(name="res3a__path6_relu")(res3a__path6_bn)
    res3a__path7_relu = layers.ReLU(name="res3a__path7_relu")(res3a__path7_bn)
    res3a__path8_relu = layers.ReLU(name="res3a__path8_relu")(res3a__path8_bn)
    res3a__path9_relu = layers.ReLU(name="res3a__path9_relu")(res3a__path9_bn)
    res3a__path10_relu = layers.ReLU(name="res3a__path10_relu")(res3a__path10_bn)
    res3a__path11_relu = layers.ReLU(name="res3a__path11_relu")(res3a__path11_bn)
    res3a__path12_relu = layers.ReLU(name="res3a__path12_relu")(res3a__path12_bn)
    res3a__path13_relu = layers.ReLU(name="res3a__path13_relu")(res3a__path13_bn)
    res3a__path14_relu = layers.ReLU(name="res3a__path14_relu")(res3a__path14_bn)
    res3a__path15_relu = layers.ReLU(name="res3a__path15_relu")(res3a__path15_bn)
    res3a__path16_relu = layers.ReLU(name="res3a__path16_relu")(res3a__path16_bn)
    res3a__path17_relu = layers.ReLU(name="res3a__path17_relu")(res3a__path17_bn)
    res3a__path18_relu = layers.ReLU(name="res3a__path18_relu")(res3a__path18_bn)
    res3a__path19_relu = layers.ReLU(name="res3a__path19_relu")(res3a__path19_bn)
    res3a__path20_relu = layers.ReLU(name="res3a__path20_relu")(res3a__path20_bn)
    res3a__path21_relu = layers.ReLU(name="res3a__path21_relu")(res3a__path21_bn)
    res3a__path22_relu = layers.ReLU(name="res3a__path22_relu")(res3a__path22_bn)
    res3a__path23_relu = layers.ReLU(name="res3a__path23_relu")(res3a__path23_bn)
    res3a__path24_relu = layers.ReLU(name="res3a__path24_relu")(res3a__path24_bn)
    res3a__path25_relu = layers.ReLU(name="res3a__path25_relu")(res3a__path25_bn)
    res3a__path26_relu = layers.ReLU(name="res3a__path26_relu")(res3a__path26_bn)
    res3a__path27_relu = layers.ReLU(name="res3a__path27_relu")(res3a__path27_bn)
    res3a__path28_relu = layers.ReLU(name="res3a__path28_relu")(res3a__path28_bn)
    res3a__path29_relu = layers.ReLU(name="res3a__path29_relu")(res3a__path29_bn)
    res3a__path30_relu = layers.ReLU(name="res3a__path30_relu")(res3a__path30_bn)
    res3a__path31_relu = layers.ReLU(name="res3a__path31_relu")(res3a__path31_bn)
    res3a__path0_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path0_conv",
    )(res3a__path0_relu)
    res3a__path1_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path1_conv",
    )(res3a__path1_relu)
    res3a__path2_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path2_conv",
    )(res3a__path2_relu)
    res3a__path3_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path3_conv",
    )(res3a__path3_relu)
    res3a__path4_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path4_conv",
    )(res3a__path4_relu)
    res3a__path5_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path5_conv",
    )(res3a__path5_relu)
    res3a__path6_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path6_conv",
    )(res3a__path6_relu)
    res3a__path7_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path7_conv",
    )(res3a__path7_relu)
    res3a__path8_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path8_conv",
    )(res3a__path8_relu)
    res3a__path9_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path9_conv",
    )(res3a__path9_relu)
    res3a__path10_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path10_conv",
    )(res3a__path10_relu)
    res3a__path11_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path11_conv",
    )(res3a__path11_relu)
    res3a__path12_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path12_conv",
    )(res3a__path12_relu)
    res3a__path13_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path13_conv",
    )(res3a__path13_relu)
    res3a__path14_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path14_conv",
    )(res3a__path14_relu)
    res3a__path15_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path15_conv",
    )(res3a__path15_relu)
    res3a__path16_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path16_conv",
    )(res3a__path16_relu)
    res3a__path17_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path17_conv",
    )(res3a__path17_relu)
    res3a__path18_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path18_conv",
    )(res3a__path18_relu)
    res3a__path19_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path19_conv",
    )(res3a__path19_relu)
    res3a__path20_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path20_conv",
    )(res3a__path20_relu)
    res3a__path21_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path21_conv",
    )(res3a__path21_relu)
    res3a__path22_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path22_conv",
    )(res3a__path22_relu)
    res3a__path23_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path23_conv",
    )(res3a__path23_relu)
    res3a__path24_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path24_conv",
    )(res3a__path24_relu)
    res3a__path25_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path25_conv",
    )(res3a__path25_relu)
    res3a__path26_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path26_conv",
    )(res3a__path26_relu)
    res3a__path27_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path27_conv",
    )(res3a__path27_relu)
    res3a__path28_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path28_conv",
    )(res3a__path28_relu)
    res3a__path29_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path29_conv",
    )(res3a__path29_relu)
    res3a__path30_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path30_conv",
    )(res3a__path30_relu)
    res3a__path31_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res3a__path31_conv",
    )(res3a__path31_relu)
    res3a__concat_0 = layers.Concatenate(
        axis=-1, name="res3a__concat_0",
    )([res3a__path0_conv, res3a__path1_conv, res3a__path2_conv, res3a__path3_conv, res3a__path4_conv, res3a__path5_conv, res3a__path6_conv, res3a__path7_conv, res3a__path8_conv, res3a__path9_conv, res3a__path10_conv, res3a__path11_conv, res3a__path12_conv, res3a__path13_conv, res3a__path14_conv, res3a__path15_conv])
    res3a__concat_1 = layers.Concatenate(
        axis=-1, name="res3a__concat_1",
    )([res3a__path16_conv, res3a__path17_conv, res3a__path18_conv, res3a__path19_conv, res3a__path20_conv, res3a__path21_conv, res3a__path22_conv, res3a__path23_conv, res3a__path24_conv, res3a__path25_conv, res3a__path26_conv, res3a__path27_conv, res3a__path28_conv, res3a__path29_conv, res3a__path30_conv, res3a__path31_conv])
    res3a__concat = layers.Concatenate(axis=-1, name="res3a__concat")([res3a__concat_0, res3a__concat_1])
    res3a__bn_mid = layers.BatchNormalization(name="res3a__bn_mid")(res3a__concat)
    res3a__relu_mid = layers.ReLU(name="res3a__relu_mid")(res3a__bn_mid)
    res3a__expand = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__expand",
    )(res3a__relu_mid)
    res3a__bn_out = layers.BatchNormalization(name="res3a__bn_out")(res3a__expand)
    res3a__add = layers.Add(name="res3a__add")([res3a__bn_out, res3a__proj_bn])
    res3a__relu_out = layers.ReLU(name="res3a__relu_out")(res3a__add)

    # Block res3b (ResNeXt block "conv3_2", 284,672 parameters)
    res3b__path0_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path0_reduce",
    )(res3a__relu_out)
    res3b__path1_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path1_reduce",
    )(res3a__relu_out)
    res3b__path2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path2_reduce",
    )(res3a__relu_out)
    res3b__path3_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path3_reduce",
    )(res3a__relu_out)
    res3b__path4_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path4_reduce",
    )(res3a__relu_out)
    res3b__path5_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path5_reduce",
    )(res3a__relu_out)
    res3b__path6_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path6_reduce",
    )(res3a__relu_out)
    res3b__path7_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path7_reduce",
    )(res3a__relu_out)
    res3b__path8_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path8_reduce",
    )(res3a__relu_out)
    res3b__path9_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path9_reduce",
    )(res3a__relu_out)
    res3b__path10_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path10_reduce",
    )(res3a__relu_out)
    res3b__path11_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path11_reduce",
    )(res3a__relu_out)
    res3b__path12_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path12_reduce",
    )(res3a__relu_out)
    res3b__path13_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path13_reduce",
    )(res3a__relu_out)
    res3b__path14_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path14_reduce",
    )(res3a__relu_out)
    res3b__path15_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path15_reduce",
    )(res3a__relu_out)
    res3b__path16_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path16_reduce",
    )(res3a__relu_out)
    res3b__path17_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path17_reduce",
    )(res3a__relu_out)
    res3b__path18_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path18_reduce",
    )(res3a__relu_out)
    res3b__path19_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path19_reduce",
    )(res3a__relu_out)
    res3b__path20_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path20_reduce",
    )(res3a__relu_out)
    res3b__path21_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path21_reduce",
    )(res3a__relu_out)
    res3b__path22_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path22_reduce",
    )(res3a__relu_out)
    res3b__path23_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path23_reduce",
    )(res3a__relu_out)
    res3b__path24_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path24_reduce",
    )(res3a__relu_out)
    res3b__path25_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path25_reduce",
    )(res3a__relu_out)
    res3b__path26_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path26_reduce",
    )(res3a__relu_out)
    res3b__path27_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path27_reduce",
    )(res3a__relu_out)
    res3b__path28_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path28_reduce",
    )(res3a__relu_out)
    res3b__path29_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path29_reduce",
    )(res3a__relu_out)
    res3b__path30_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path30_reduce",
    )(res3a__relu_out)
    res3b__path31_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__path31_reduce",
    )(res3a__relu_out)
    res3b__path0_bn = layers.BatchNormalization(name="res3b__path0_bn")(res3b__path0_reduce)
    res3b__path1_bn = layers.BatchNormalization(name="res3b__path1_bn")(res3b__path1_reduce)
    res3b__path2_bn = layers.BatchNormalization(name="res3b__path2_bn")(res3b__path2_reduce)
    res3b__path3_bn = layers.BatchNormalization(name="res3b__path3_bn")(res3b__path3_reduce)
    res3b__path4_bn = layers.BatchNormalization(name="res3b__path4_bn")(res3b__path4_reduce)
    res3b__path5_bn = layers.BatchNormalization(name="res3b__path5_bn")(res3b__path5_reduce)
    res3b__path6_bn = layers.BatchNormalization(name="res3b__path6_bn")(res3b__path6_reduce)
    res3b__path7_bn = layers.BatchNormalization(name="res3b__path7_bn")(res3b__path7_reduce)
    res3b__path8_bn = layers.BatchNormalization(name="res3b__path8_bn")(res3b__path8_reduce)
    res3b__path9_bn = layers.BatchNormalization(name="res3b__path9_bn")(res3b__path9_reduce)
    res3b__path10_bn = layers.BatchNormalization(name="res3b__path10_bn")(res3b__path10_reduce)
    res3b__path11_bn = layers.BatchNormalization(name="res3b__path11_bn")(res3b__path11_reduce)
    res3b__path12_bn = layers.BatchNormalization(name="res3b__path12_bn")(res3b__path12_reduce)
    res3b__path13_bn = layers.BatchNormalization(name="res3b__path13_bn")(res3b__path13_reduce)
    res3b__path14_bn = layers.BatchNormalization(name="res3b__path14_bn")(res3b__path14_reduce)
    res3b__path15_bn = layers.BatchNormalization(name="res3b__path15_bn")(res3b__path15_reduce)
    res3b__path16_bn = layers.BatchNormalization(name="res3b__path16_bn")(res3b__path16_reduce)
    res3b__path17_bn = layers.BatchNormalization(name="res3b__path17_bn")(res3b__path17_reduce)
    res3b__path18_bn = layers.BatchNormalization(name="res3b__path18_bn")(res3b__path18_reduce)
    res3b__path19_bn = layers.BatchNormalization(name="res3b__path19_bn")(res3b__path19_reduce)
    res3b__path20_bn = layers.BatchNormalization(name="res3b__path20_bn")(res3b__path20_reduce)
    res3b__path21_bn = layers.BatchNormalization(name="res3b__path21_bn")(res3b__path21_reduce)
    res3b__path22_bn = layers.BatchNormalization(name="res3b__path22_bn")(res3b__path22_reduce)
    res3b__path23_bn = layers.BatchNormalization(name="res3b__path23_bn")(res3b__path23_reduce)
    res3b__path24_bn = layers.BatchNormalization(name="res3b__path24_bn")(res3b__path24_reduce)
    res3b__path25_bn = layers.BatchNormalization(name="res3b__path25_bn")(res3b__path25_reduce)
    res3b__path26_bn = layers.BatchNormalization(name="res3b__path26_bn")(res3b__path26_reduce)
    res3b__path27_bn = layers.BatchNormalization(name="res3b__path27_bn")(res3b__path27_reduce)
    res3b__path28_bn = layers.BatchNormalization(name="res3b__path28_bn")(res3b__path28_reduce)
    res3b__path29_bn = layers.BatchNormalization(name="res3b__path29_bn")(res3b__path29_reduce)
    res3b__path30_bn = layers.BatchNormalization(name="res3b__path30_bn")(res3b__path30_reduce)
    res3b__path31_bn = layers.BatchNormalization(name="res3b__path31_bn")(res3b__path31_reduce)
    res3b__path0_relu = layers.ReLU(name="res3b__path0_relu")(res3b__path0_bn)
    res3b__path1_relu = layers.ReLU(name="res3b__path1_relu")(res3b__path1_bn)
    res3b__path2_relu = layers.ReLU(name="res3b__path2_relu")(res3b__path2_bn)
    res3b__path3_relu = layers.ReLU(name="res3b__path3_relu")(res3b__path3_bn)
    res3b__path4_relu = layers.ReLU(name="res3b__path4_relu")(res3b__path4_bn)
    res3b__path5_relu = layers.ReLU(name="res3b__path5_relu")(res3b__path5_bn)
    res3b__path6_relu = layers.ReLU(name="res3b__path6_relu")(res3b__path6_bn)
    res3b__path7_relu = layers.ReLU(name="res3b__path7_relu")(res3b__path7_bn)
    res3b__path8_relu = layers.ReLU(name="res3b__path8_relu")(res3b__path8_bn)
    res3b__path9_relu = layers.ReLU(name="res3b__path9_relu")(res3b__path9_bn)
    res3b__path10_relu = layers.ReLU(name="res3b__path10_relu")(res3b__path10_bn)
    res3b__path11_relu = layers.ReLU(name="res3b__path11_relu")(res3b__path11_bn)
    res3b__path12_relu = layers.ReLU(name="res3b__path12_relu")(res3b__path12_bn)
    res3b__path13_relu = layers.ReLU(name="res3b__path13_relu")(res3b__path13_bn)
    res3b__path14_relu = layers.ReLU(name="res3b__path14_relu")(res3b__path14_bn)
    res3b__path15_relu = layers.ReLU(name="res3b__path15_relu")(res3b__path15_bn)
    res3b__path16_relu = layers.ReLU(name="res3b__path16_relu")(res3b__path16_bn)
    res3b__path17_relu = layers.ReLU(name="res3b__path17_relu")(res3b__path17_bn)
    res3b__path18_relu = layers.ReLU(name="res3b__path18_relu")(res3b__path18_bn)
    res3b__path19_relu = layers.ReLU(name="res3b__path19_relu")(res3b__path19_bn)
    res3b__path20_relu = layers.ReLU(name="res3b__path20_relu")(res3b__path20_bn)
    res3b__path21_relu = layers.ReLU(name="res3b__path21_relu")(res3b__path21_bn)
    res3b__path22_relu = layers.ReLU(name="res3b__path22_relu")(res3b__path22_bn)
    res3b__path23_relu = layers.ReLU(name="res3b__path23_relu")(res3b__path23_bn)
    res3b__path24_relu = layers.ReLU(name="res3b__path24_relu")(res3b__path24_bn)
    res3b__path25_relu = layers.ReLU(name="res3b__path25_relu")(res3b__path25_bn)
    res3b__path26_relu = layers.ReLU(name="res3b__path26_relu")(res3b__path26_bn)
    res3b__path27_relu = layers.ReLU(name="res3b__path27_relu")(res3b__path27_bn)
    res3b__path28_relu = layers.ReLU(name="res3b__path28_relu")(res3b__path28_bn)
    res3b__path29_relu = layers.ReLU(name="res3b__path29_relu")(res3b__path29_bn)
    res3b__path30_relu = layers.ReLU(name="res3b__path30_relu")(res3b__path30_bn)
    res3b__path31_relu = layers.ReLU(name="res3b__path31_relu")(res3b__path31_bn)
    res3b__path0_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path0_conv",
    )(res3b__path0_relu)
    res3b__path1_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path1_conv",
    )(res3b__path1_relu)
    res3b__path2_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path2_conv",
    )(res3b__path2_relu)
    res3b__path3_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path3_conv",
    )(res3b__path3_relu)
    res3b__path4_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path4_conv",
    )(res3b__path4_relu)
    res3b__path5_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path5_conv",
    )(res3b__path5_relu)
    res3b__path6_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path6_conv",
    )(res3b__path6_relu)
    res3b__path7_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path7_conv",
    )(res3b__path7_relu)
    res3b__path8_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path8_conv",
    )(res3b__path8_relu)
    res3b__path9_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path9_conv",
    )(res3b__path9_relu)
    res3b__path10_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path10_conv",
    )(res3b__path10_relu)
    res3b__path11_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path11_conv",
    )(res3b__path11_relu)
    res3b__path12_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path12_conv",
    )(res3b__path12_relu)
    res3b__path13_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path13_conv",
    )(res3b__path13_relu)
    res3b__path14_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path14_conv",
    )(res3b__path14_relu)
    res3b__path15_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path15_conv",
    )(res3b__path15_relu)
    res3b__path16_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path16_conv",
    )(res3b__path16_relu)
    res3b__path17_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path17_conv",
    )(res3b__path17_relu)
    res3b__path18_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path18_conv",
    )(res3b__path18_relu)
    res3b__path19_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path19_conv",
    )(res3b__path19_relu)
    res3b__path20_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path20_conv",
    )(res3b__path20_relu)
    res3b__path21_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path21_conv",
    )(res3b__path21_relu)
    res3b__path22_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path22_conv",
    )(res3b__path22_relu)
    res3b__path23_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path23_conv",
    )(res3b__path23_relu)
    res3b__path24_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path24_conv",
    )(res3b__path24_relu)
    res3b__path25_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path25_conv",
    )(res3b__path25_relu)
    res3b__path26_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path26_conv",
    )(res3b__path26_relu)
    res3b__path27_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path27_conv",
    )(res3b__path27_relu)
    res3b__path28_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path28_conv",
    )(res3b__path28_relu)
    res3b__path29_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path29_conv",
    )(res3b__path29_relu)
    res3b__path30_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path30_conv",
    )(res3b__path30_relu)
    res3b__path31_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__path31_conv",
    )(res3b__path31_relu)
    res3b__concat_0 = layers.Concatenate(
        axis=-1, name="res3b__concat_0",
    )([res3b__path0_conv, res3b__path1_conv, res3b__path2_conv, res3b__path3_conv, res3b__path4_conv, res3b__path5_conv, res3b__path6_conv, res3b__path7_conv, res3b__path8_conv, res3b__path9_conv, res3b__path10_conv, res3b__path11_conv, res3b__path12_conv, res3b__path13_conv, res3b__path14_conv, res3b__path15_conv])
    res3b__concat_1 = layers.Concatenate(
        axis=-1, name="res3b__concat_1",
    )([res3b__path16_conv, res3b__path17_conv, res3b__path18_conv, res3b__path19_conv, res3b__path20_conv, res3b__path21_conv, res3b__path22_conv, res3b__path23_conv, res3b__path24_conv, res3b__path25_conv, res3b__path26_conv, res3b__path27_conv, res3b__path28_conv, res3b__path29_conv, res3b__path30_conv, res3b__path31_conv])
    res3b__concat = layers.Concatenate(axis=-1, name="res3b__concat")([res3b__concat_0, res3b__concat_1])
    res3b__bn_mid = layers.BatchNormalization(name="res3b__bn_mid")(res3b__concat)
    res3b__relu_mid = layers.ReLU(name="res3b__relu_mid")(res3b__bn_mid)
    res3b__expand = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__expand",
    )(res3b__relu_mid)
    res3b__bn_out = layers.BatchNormalization(name="res3b__bn_out")(res3b__expand)
    res3b__add = layers.Add(name="res3b__add")([res3b__bn_out, res3a__relu_out])
    res3b__relu_out = layers.ReLU(name="res3b__relu_out")(res3b__add)

    # Block res3c (ResNeXt block "conv3_3", 284,672 parameters)
    res3c__path0_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path0_reduce",
    )(res3b__relu_out)
    res3c__path1_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path1_reduce",
    )(res3b__relu_out)
    res3c__path2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path2_reduce",
    )(res3b__relu_out)
    res3c__path3_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path3_reduce",
    )(res3b__relu_out)
    res3c__path4_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path4_reduce",
    )(res3b__relu_out)
    res3c__path5_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path5_reduce",
    )(res3b__relu_out)
    res3c__path6_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path6_reduce",
    )(res3b__relu_out)
    res3c__path7_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path7_reduce",
    )(res3b__relu_out)
    res3c__path8_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path8_reduce",
    )(res3b__relu_out)
    res3c__path9_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path9_reduce",
    )(res3b__relu_out)
    res3c__path10_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path10_reduce",
    )(res3b__relu_out)
    res3c__path11_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path11_reduce",
    )(res3b__relu_out)
    res3c__path12_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path12_reduce",
    )(res3b__relu_out)
    res3c__path13_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path13_reduce",
    )(res3b__relu_out)
    res3c__path14_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path14_reduce",
    )(res3b__relu_out)
    res3c__path15_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path15_reduce",
    )(res3b__relu_out)
    res3c__path16_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path16_reduce",
    )(res3b__relu_out)
    res3c__path17_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path17_reduce",
    )(res3b__relu_out)
    res3c__path18_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path18_reduce",
    )(res3b__relu_out)
    res3c__path19_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path19_reduce",
    )(res3b__relu_out)
    res3c__path20_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path20_reduce",
    )(res3b__relu_out)
    res3c__path21_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path21_reduce",
    )(res3b__relu_out)
    res3c__path22_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path22_reduce",
    )(res3b__relu_out)
    res3c__path23_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path23_reduce",
    )(res3b__relu_out)
    res3c__path24_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path24_reduce",
    )(res3b__relu_out)
    res3c__path25_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path25_reduce",
    )(res3b__relu_out)
    res3c__path26_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path26_reduce",
    )(res3b__relu_out)
    res3c__path27_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path27_reduce",
    )(res3b__relu_out)
    res3c__path28_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path28_reduce",
    )(res3b__relu_out)
    res3c__path29_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path29_reduce",
    )(res3b__relu_out)
    res3c__path30_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path30_reduce",
    )(res3b__relu_out)
    res3c__path31_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__path31_reduce",
    )(res3b__relu_out)
    res3c__path0_bn = layers.BatchNormalization(name="res3c__path0_bn")(res3c__path0_reduce)
    res3c__path1_bn = layers.BatchNormalization(name="res3c__path1_bn")(res3c__path1_reduce)
    res3c__path2_bn = layers.BatchNormalization(name="res3c__path2_bn")(res3c__path2_reduce)
    res3c__path3_bn = layers.BatchNormalization(name="res3c__path3_bn")(res3c__path3_reduce)
    res3c__path4_bn = layers.BatchNormalization(name="res3c__path4_bn")(res3c__path4_reduce)
    res3c__path5_bn = layers.BatchNormalization(name="res3c__path5_bn")(res3c__path5_reduce)
    res3c__path6_bn = layers.BatchNormalization(name="res3c__path6_bn")(res3c__path6_reduce)
    res3c__path7_bn = layers.BatchNormalization(name="res3c__path7_bn")(res3c__path7_reduce)
    res3c__path8_bn = layers.BatchNormalization(name="res3c__path8_bn")(res3c__path8_reduce)
    res3c__path9_bn = layers.BatchNormalization(name="res3c__path9_bn")(res3c__path9_reduce)
    res3c__path10_bn = layers.BatchNormalization(name="res3c__path10_bn")(res3c__path10_reduce)
    res3c__path11_bn = layers.BatchNormalization(name="res3c__path11_bn")(res3c__path11_reduce)
    res3c__path12_bn = layers.BatchNormalization(name="res3c__path12_bn")(res3c__path12_reduce)
    res3c__path13_bn = layers.BatchNormalization(name="res3c__path13_bn")(res3c__path13_reduce)
    res3c__path14_bn = layers.BatchNormalization(name="res3c__path14_bn")(res3c__path14_reduce)
    res3c__path15_bn = layers.BatchNormalization(name="res3c__path15_bn")(res3c__path15_reduce)
    res3c__path16_bn = layers.BatchNormalization(name="res3c__path16_bn")(res3c__path16_reduce)
    res3c__path17_bn = layers.BatchNormalization(name="res3c__path17_bn")(res3c__path17_reduce)
    res3c__path18_bn = layers.BatchNormalization(name="res3c__path18_bn")(res3c__path18_reduce)
    res3c__path19_bn = layers.BatchNormalization(name="res3c__path19_bn")(res3c__path19_reduce)
    res3c__path20_bn = layers.BatchNormalization(name="res3c__path20_bn")(res3c__path20_reduce)
    res3c__path21_bn = layers.BatchNormalization(name="res3c__path21_bn")(res3c__path21_reduce)
    res3c__path22_bn = layers.BatchNormalization(name="res3c__path22_bn")(res3c__path22_reduce)
    res3c__path23_bn = layers.BatchNormalization(name="res3c__path23_bn")(res3c__path23_reduce)
    res3c__path24_bn = layers.BatchNormalization(name="res3c__path24_bn")(res3c__path24_reduce)
    res3c__path25_bn = layers.BatchNormalization(name="res3c__path25_bn")(res3c__path25_reduce)
    res3c__path26_bn = layers.BatchNormalization(name="res3c__path26_bn")(res3c__path26_reduce)
    res3c__path27_bn = layers.BatchNormalization(name="res3c__path27_bn")(res3c__path27_reduce)
    res3c__path28_bn = layers.BatchNormalization(name="res3c__path28_bn")(res3c__path28_reduce)
    res3c__path29_bn = layers.BatchNormalization(name="res3c__path29_bn")(res3c__path29_reduce)
    res3c__path30_bn = layers.BatchNormalization(name="res3c__path30_bn")(res3c__path30_reduce)
    res3c__path31_bn = layers.BatchNormalization(name="res3c__path31_bn")(res3c__path31_reduce)
    res3c__path0_relu = layers.ReLU(name="res3c__path0_relu")(res3c__path0_bn)
    res3c__path1_relu = layers.ReLU(name="res3c__path1_relu")(res3c__path1_bn)
    res3c__path2_relu = layers.ReLU(name="res3c__path2_relu")(res3c__path2_bn)
    res3c__path3_relu = layers.ReLU(name="res3c__path3_relu")(res3c__path3_bn)
    res3c__path4_relu = layers.ReLU(name="res3c__path4_relu")(res3c__path4_bn)
    res3c__path5_relu = layers.ReLU(name="res3c__path5_relu")(res3c__path5_bn)
    res3c__path6_relu = layers.ReLU(name="res3c__path6_relu")(res3c__path6_bn)
    res3c__path7_relu = layers.ReLU(name="res3c__path7_relu")(res3c__path7_bn)
    res3c__path8_relu = layers.ReLU(name="res3c__path8_relu")(res3c__path8_bn)
    res3c__path9_relu = layers.ReLU(name="res3c__path9_relu")(res3c__path9_bn)
    res3c__path10_relu = layers.ReLU(name="res3c__path10_relu")(res3c__path10_bn)
    res3c__path11_relu = layers.ReLU(name="res3c__path11_relu")(res3c__path11_bn)
    res3c__path12_relu = layers.ReLU(name="res3c__path12_relu")(res3c__path12_bn)
    res3c__path13_relu = layers.ReLU(name="res3c__path13_relu")(res3c__path13_bn)
    res3c__path14_relu = layers.ReLU(name="res3c__path14_relu")(res3c__path14_bn)
    res3c__path15_relu = layers.ReLU(name="res3c__path15_relu")(res3c__path15_bn)
    res3c__path16_relu = layers.ReLU(name="res3c__path16_relu")(res3c__path16_bn)
    res3c__path17_relu = layers.ReLU(name="res3c__path17_relu")(res3c__path17_bn)
    res3c__path18_relu = layers.ReLU(name="res3c__path18_relu")(res3c__path18_bn)
    res3c__path19_relu = layers.ReLU(name="res3c__path19_relu")(res3c__path19_bn)
    res3c__path20_relu = layers.ReLU(name="res3c__path20_relu")(res3c__path20_bn)
    res3c__path21_relu = layers.ReLU(name="res3c__path21_relu")(res3c__path21_bn)
    res3c__path22_relu = layers.ReLU(name="res3c__path22_relu")(res3c__path22_bn)
    res3c__path23_relu = layers.ReLU(name="res3c__path23_relu")(res3c__path23_bn)
    res3c__path24_relu = layers.ReLU(name="res3c__path24_relu")(res3c__path24_bn)
    res3c__path25_relu = layers.ReLU(name="res3c__path25_relu")(res3c__path25_bn)
    res3c__path26_relu = layers.ReLU(name="res3c__path26_relu")(res3c__path26_bn)
    res3c__path27_relu = layers.ReLU(name="res3c__path27_relu")(res3c__path27_bn)
    res3c__path28_relu = layers.ReLU(name="res3c__path28_relu")(res3c__path28_bn)
    res3c__path29_relu = layers.ReLU(name="res3c__path29_relu")(res3c__path29_bn)
    res3c__path30_relu = layers.ReLU(name="res3c__path30_relu")(res3c__path30_bn)
    res3c__path31_relu = layers.ReLU(name="res3c__path31_relu")(res3c__path31_bn)
    res3c__path0_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path0_conv",
    )(res3c__path0_relu)
    res3c__path1_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path1_conv",
    )(res3c__path1_relu)
    res3c__path2_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path2_conv",
    )(res3c__path2_relu)
    res3c__path3_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path3_conv",
    )(res3c__path3_relu)
    res3c__path4_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path4_conv",
    )(res3c__path4_relu)
    res3c__path5_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path5_conv",
    )(res3c__path5_relu)
    res3c__path6_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path6_conv",
    )(res3c__path6_relu)
    res3c__path7_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path7_conv",
    )(res3c__path7_relu)
    res3c__path8_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path8_conv",
    )(res3c__path8_relu)
    res3c__path9_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path9_conv",
    )(res3c__path9_relu)
    res3c__path10_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path10_conv",
    )(res3c__path10_relu)
    res3c__path11_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path11_conv",
    )(res3c__path11_relu)
    res3c__path12_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path12_conv",
    )(res3c__path12_relu)
    res3c__path13_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path13_conv",
    )(res3c__path13_relu)
    res3c__path14_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path14_conv",
    )(res3c__path14_relu)
    res3c__path15_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path15_conv",
    )(res3c__path15_relu)
    res3c__path16_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path16_conv",
    )(res3c__path16_relu)
    res3c__path17_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path17_conv",
    )(res3c__path17_relu)
    res3c__path18_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path18_conv",
    )(res3c__path18_relu)
    res3c__path19_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path19_conv",
    )(res3c__path19_relu)
    res3c__path20_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path20_conv",
    )(res3c__path20_relu)
    res3c__path21_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path21_conv",
    )(res3c__path21_relu)
    res3c__path22_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path22_conv",
    )(res3c__path22_relu)
    res3c__path23_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path23_conv",
    )(res3c__path23_relu)
    res3c__path24_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path24_conv",
    )(res3c__path24_relu)
    res3c__path25_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path25_conv",
    )(res3c__path25_relu)
    res3c__path26_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path26_conv",
    )(res3c__path26_relu)
    res3c__path27_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path27_conv",
    )(res3c__path27_relu)
    res3c__path28_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path28_conv",
    )(res3c__path28_relu)
    res3c__path29_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path29_conv",
    )(res3c__path29_relu)
    res3c__path30_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path30_conv",
    )(res3c__path30_relu)
    res3c__path31_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__path31_conv",
    )(res3c__path31_relu)
    res3c__concat_0 = layers.Concatenate(
        axis=-1, name="res3c__concat_0",
    )([res3c__path0_conv, res3c__path1_conv, res3c__path2_conv, res3c__path3_conv, res3c__path4_conv, res3c__path5_conv, res3c__path6_conv, res3c__path7_conv, res3c__path8_conv, res3c__path9_conv, res3c__path10_conv, res3c__path11_conv, res3c__path12_conv, res3c__path13_conv, res3c__path14_conv, res3c__path15_conv])
    res3c__concat_1 = layers.Concatenate(
        axis=-1, name="res3c__concat_1",
    )([res3c__path16_conv, res3c__path17_conv, res3c__path18_conv, res3c__path19_conv, res3c__path20_conv, res3c__path21_conv, res3c__path22_conv, res3c__path23_conv, res3c__path24_conv, res3c__path25_conv, res3c__path26_conv, res3c__path27_conv, res3c__path28_conv, res3c__path29_conv, res3c__path30_conv, res3c__path31_conv])
    res3c__concat = layers.Concatenate(axis=-1, name="res3c__concat")([res3c__concat_0, res3c__concat_1])
    res3c__bn_mid = layers.BatchNormalization(name="res3c__bn_mid")(res3c__concat)
    res3c__relu_mid = layers.ReLU(name="res3c__relu_mid")(res3c__bn_mid)
    res3c__expand = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__expand",
    )(res3c__relu_mid)
    res3c__bn_out = layers.BatchNormalization(name="res3c__bn_out")(res3c__expand)
    res3c__add = layers.Add(name="res3c__add")([res3c__bn_out, res3b__relu_out])
    res3c__relu_out = layers.ReLU(name="res3c__relu_out")(res3c__add)

    # Block res3d (ResNeXt block "conv3_4", 284,672 parameters)
    res3d__path0_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path0_reduce",
    )(res3c__relu_out)
    res3d__path1_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path1_reduce",
    )(res3c__relu_out)
    res3d__path2_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path2_reduce",
    )(res3c__relu_out)
    res3d__path3_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path3_reduce",
    )(res3c__relu_out)
    res3d__path4_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path4_reduce",
    )(res3c__relu_out)
    res3d__path5_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path5_reduce",
    )(res3c__relu_out)
    res3d__path6_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path6_reduce",
    )(res3c__relu_out)
    res3d__path7_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path7_reduce",
    )(res3c__relu_out)
    res3d__path8_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path8_reduce",
    )(res3c__relu_out)
    res3d__path9_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path9_reduce",
    )(res3c__relu_out)
    res3d__path10_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path10_reduce",
    )(res3c__relu_out)
    res3d__path11_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path11_reduce",
    )(res3c__relu_out)
    res3d__path12_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path12_reduce",
    )(res3c__relu_out)
    res3d__path13_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path13_reduce",
    )(res3c__relu_out)
    res3d__path14_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path14_reduce",
    )(res3c__relu_out)
    res3d__path15_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path15_reduce",
    )(res3c__relu_out)
    res3d__path16_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path16_reduce",
    )(res3c__relu_out)
    res3d__path17_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path17_reduce",
    )(res3c__relu_out)
    res3d__path18_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path18_reduce",
    )(res3c__relu_out)
    res3d__path19_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path19_reduce",
    )(res3c__relu_out)
    res3d__path20_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path20_reduce",
    )(res3c__relu_out)
    res3d__path21_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path21_reduce",
    )(res3c__relu_out)
    res3d__path22_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path22_reduce",
    )(res3c__relu_out)
    res3d__path23_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path23_reduce",
    )(res3c__relu_out)
    res3d__path24_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path24_reduce",
    )(res3c__relu_out)
    res3d__path25_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path25_reduce",
    )(res3c__relu_out)
    res3d__path26_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path26_reduce",
    )(res3c__relu_out)
    res3d__path27_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path27_reduce",
    )(res3c__relu_out)
    res3d__path28_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path28_reduce",
    )(res3c__relu_out)
    res3d__path29_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path29_reduce",
    )(res3c__relu_out)
    res3d__path30_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path30_reduce",
    )(res3c__relu_out)
    res3d__path31_reduce = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__path31_reduce",
    )(res3c__relu_out)
    res3d__path0_bn = layers.BatchNormalization(name="res3d__path0_bn")(res3d__path0_reduce)
    res3d__path1_bn = layers.BatchNormalization(name="res3d__path1_bn")(res3d__path1_reduce)
    res3d__path2_bn = layers.BatchNormalization(name="res3d__path2_bn")(res3d__path2_reduce)
    res3d__path3_bn = layers.BatchNormalization(name="res3d__path3_bn")(res3d__path3_reduce)
    res3d__path4_bn = layers.BatchNormalization(name="res3d__path4_bn")(res3d__path4_reduce)
    res3d__path5_bn = layers.BatchNormalization(name="res3d__path5_bn")(res3d__path5_reduce)
    res3d__path6_bn = layers.BatchNormalization(name="res3d__path6_bn")(res3d__path6_reduce)
    res3d__path7_bn = layers.BatchNormalization(name="res3d__path7_bn")(res3d__path7_reduce)
    res3d__path8_bn = layers.BatchNormalization(name="res3d__path8_bn")(res3d__path8_reduce)
    res3d__path9_bn = layers.BatchNormalization(name="res3d__path9_bn")(res3d__path9_reduce)
    res3d__path10_bn = layers.BatchNormalization(name="res3d__path10_bn")(res3d__path10_reduce)
    res3d__path11_bn = layers.BatchNormalization(name="res3d__path11_bn")(res3d__path11_reduce)
    res3d__path12_bn = layers.BatchNormalization(name="res3d__path12_bn")(res3d__path12_reduce)
    res3d__path13_bn = layers.BatchNormalization(name="res3d__path13_bn")(res3d__path13_reduce)
    res3d__path14_bn = layers.BatchNormalization(name="res3d__path14_bn")(res3d__path14_reduce)
    res3d__path15_bn = layers.BatchNormalization(name="res3d__path15_bn")(res3d__path15_reduce)
    res3d__path16_bn = layers.BatchNormalization(name="res3d__path16_bn")(res3d__path16_reduce)
    res3d__path17_bn = layers.BatchNormalization(name="res3d__path17_bn")(res3d__path17_reduce)
    res3d__path18_bn = layers.BatchNormalization(name="res3d__path18_bn")(res3d__path18_reduce)
    res3d__path19_bn = layers.BatchNormalization(name="res3d__path19_bn")(res3d__path19_reduce)
    res3d__path20_bn = layers.BatchNormalization(name="res3d__path20_bn")(res3d__path20_reduce)
    res3d__path21_bn = layers.BatchNormalization(name="res3d__path21_bn")(res3d__path21_reduce)
    res3d__path22_bn = layers.BatchNormalization(name="res3d__path22_bn")(res3d__path22_reduce)
    res3d__path23_bn = layers.BatchNormalization(name="res3d__path23_bn")(res3d__path23_reduce)
    res3d__path24_bn = layers.BatchNormalization(name="res3d__path24_bn")(res3d__path24_reduce)
    res3d__path25_bn = layers.BatchNormalization(name="res3d__path25_bn")(res3d__path25_reduce)
    res3d__path26_bn = layers.BatchNormalization(name="res3d__path26_bn")(res3d__path26_reduce)
    res3d__path27_bn = layers.BatchNormalization(name="res3d__path27_bn")(res3d__path27_reduce)
    res3d__path28_bn = layers.BatchNormalization(name="res3d__path28_bn")(res3d__path28_reduce)
    res3d__path29_bn = layers.BatchNormalization(name="res3d__path29_bn")(res3d__path29_reduce)
    res3d__path30_bn = layers.BatchNormalization(name="res3d__path30_bn")(res3d__path30_reduce)
    res3d__path31_bn = layers.BatchNormalization(name="res3d__path31_bn")(res3d__path31_reduce)
    res3d__path0_relu = layers.ReLU(name="res3d__path0_relu")(res3d__path0_bn)
    res3d__path1_relu = layers.ReLU(name="res3d__path1_relu")(res3d__path1_bn)
    res3d__path2_relu = layers.ReLU(name="res3d__path2_relu")(res3d__path2_bn)
    res3d__path3_relu = layers.ReLU(name="res3d__path3_relu")(res3d__path3_bn)
    res3d__path4_relu = layers.ReLU(name="res3d__path4_relu")(res3d__path4_bn)
    res3d__path5_relu = layers.ReLU(name="res3d__path5_relu")(res3d__path5_bn)
    res3d__path6_relu = layers.ReLU(name="res3d__path6_relu")(res3d__path6_bn)
    res3d__path7_relu = layers.ReLU(name="res3d__path7_relu")(res3d__path7_bn)
    res3d__path8_relu = layers.ReLU(name="res3d__path8_relu")(res3d__path8_bn)
    res3d__path9_relu = layers.ReLU(name="res3d__path9_relu")(res3d__path9_bn)
    res3d__path10_relu = layers.ReLU(name="res3d__path10_relu")(res3d__path10_bn)
    res3d__path11_relu = layers.ReLU(name="res3d__path11_relu")(res3d__path11_bn)
    res3d__path12_relu = layers.ReLU(name="res3d__path12_relu")(res3d__path12_bn)
    res3d__path13_relu = layers.ReLU(name="res3d__path13_relu")(res3d__path13_bn)
    res3d__path14_relu = layers.ReLU(name="res3d__path14_relu")(res3d__path14_bn)
    res3d__path15_relu = layers.ReLU(name="res3d__path15_relu")(res3d__path15_bn)
    res3d__path16_relu = layers.ReLU(name="res3d__path16_relu")(res3d__path16_bn)
    res3d__path17_relu = layers.ReLU(name="res3d__path17_relu")(res3d__path17_bn)
    res3d__path18_relu = layers.ReLU(name="res3d__path18_relu")(res3d__path18_bn)
    res3d__path19_relu = layers.ReLU(name="res3d__path19_relu")(res3d__path19_bn)
    res3d__path20_relu = layers.ReLU(name="res3d__path20_relu")(res3d__path20_bn)
    res3d__path21_relu = layers.ReLU(name="res3d__path21_relu")(res3d__path21_bn)
    res3d__path22_relu = layers.ReLU(name="res3d__path22_relu")(res3d__path22_bn)
    res3d__path23_relu = layers.ReLU(name="res3d__path23_relu")(res3d__path23_bn)
    res3d__path24_relu = layers.ReLU(name="res3d__path24_relu")(res3d__path24_bn)
    res3d__path25_relu = layers.ReLU(name="res3d__path25_relu")(res3d__path25_bn)
    res3d__path26_relu = layers.ReLU(name="res3d__path26_relu")(res3d__path26_bn)
    res3d__path27_relu = layers.ReLU(name="res3d__path27_relu")(res3d__path27_bn)
    res3d__path28_relu = layers.ReLU(name="res3d__path28_relu")(res3d__path28_bn)
    res3d__path29_relu = layers.ReLU(name="res3d__path29_relu")(res3d__path29_bn)
    res3d__path30_relu = layers.ReLU(name="res3d__path30_relu")(res3d__path30_bn)
    res3d__path31_relu = layers.ReLU(name="res3d__path31_relu")(res3d__path31_bn)
    res3d__path0_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path0_conv",
    )(res3d__path0_relu)
    res3d__path1_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path1_conv",
    )(res3d__path1_relu)
    res3d__path2_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path2_conv",
    )(res3d__path2_relu)
    res3d__path3_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path3_conv",
    )(res3d__path3_relu)
    res3d__path4_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path4_conv",
    )(res3d__path4_relu)
    res3d__path5_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path5_conv",
    )(res3d__path5_relu)
    res3d__path6_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path6_conv",
    )(res3d__path6_relu)
    res3d__path7_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path7_conv",
    )(res3d__path7_relu)
    res3d__path8_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path8_conv",
    )(res3d__path8_relu)
    res3d__path9_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path9_conv",
    )(res3d__path9_relu)
    res3d__path10_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path10_conv",
    )(res3d__path10_relu)
    res3d__path11_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path11_conv",
    )(res3d__path11_relu)
    res3d__path12_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path12_conv",
    )(res3d__path12_relu)
    res3d__path13_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path13_conv",
    )(res3d__path13_relu)
    res3d__path14_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path14_conv",
    )(res3d__path14_relu)
    res3d__path15_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path15_conv",
    )(res3d__path15_relu)
    res3d__path16_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path16_conv",
    )(res3d__path16_relu)
    res3d__path17_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path17_conv",
    )(res3d__path17_relu)
    res3d__path18_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path18_conv",
    )(res3d__path18_relu)
    res3d__path19_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path19_conv",
    )(res3d__path19_relu)
    res3d__path20_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path20_conv",
    )(res3d__path20_relu)
    res3d__path21_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path21_conv",
    )(res3d__path21_relu)
    res3d__path22_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path22_conv",
    )(res3d__path22_relu)
    res3d__path23_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path23_conv",
    )(res3d__path23_relu)
    res3d__path24_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path24_conv",
    )(res3d__path24_relu)
    res3d__path25_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path25_conv",
    )(res3d__path25_relu)
    res3d__path26_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path26_conv",
    )(res3d__path26_relu)
    res3d__path27_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path27_conv",
    )(res3d__path27_relu)
    res3d__path28_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path28_conv",
    )(res3d__path28_relu)
    res3d__path29_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path29_conv",
    )(res3d__path29_relu)
    res3d__path30_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path30_conv",
    )(res3d__path30_relu)
    res3d__path31_conv = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__path31_conv",
    )(res3d__path31_relu)
    res3d__concat_0 = layers.Concatenate(
        axis=-1, name="res3d__concat_0",
    )([res3d__path0_conv, res3d__path1_conv, res3d__path2_conv, res3d__path3_conv, res3d__path4_conv, res3d__path5_conv, res3d__path6_conv, res3d__path7_conv, res3d__path8_conv, res3d__path9_conv, res3d__path10_conv, res3d__path11_conv, res3d__path12_conv, res3d__path13_conv, res3d__path14_conv, res3d__path15_conv])
    res3d__concat_1 = layers.Concatenate(
        axis=-1, name="res3d__concat_1",
    )([res3d__path16_conv, res3d__path17_conv, res3d__path18_conv, res3d__path19_conv, res3d__path20_conv, res3d__path21_conv, res3d__path22_conv, res3d__path23_conv, res3d__path24_conv, res3d__path25_conv, res3d__path26_conv, res3d__path27_conv, res3d__path28_conv, res3d__path29_conv, res3d__path30_conv, res3d__path31_conv])
    res3d__concat = layers.Concatenate(axis=-1, name="res3d__concat")([res3d__concat_0, res3d__concat_1])
    res3d__bn_mid = layers.BatchNormalization(name="res3d__bn_mid")(res3d__concat)
    res3d__relu_mid = layers.ReLU(name="res3d__relu_mid")(res3d__bn_mid)
    res3d__expand = layers.Conv2D(
        filters=512, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__expand",
    )(res3d__relu_mid)
    res3d__bn_out = layers.BatchNormalization(name="res3d__bn_out")(res3d__expand)
    res3d__add = layers.Add(name="res3d__add")([res3d__bn_out, res3c__relu_out])
    res3d__relu_out = layers.ReLU(name="res3d__relu_out")(res3d__add)

    # Block res4a (ResNeXt block "conv4_1 ↓2", 1,396,736 parameters)
    res4a__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path0_reduce",
    )(res3d__relu_out)
    res4a__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path1_reduce",
    )(res3d__relu_out)
    res4a__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path2_reduce",
    )(res3d__relu_out)
    res4a__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path3_reduce",
    )(res3d__relu_out)
    res4a__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path4_reduce",
    )(res3d__relu_out)
    res4a__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path5_reduce",
    )(res3d__relu_out)
    res4a__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path6_reduce",
    )(res3d__relu_out)
    res4a__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path7_reduce",
    )(res3d__relu_out)
    res4a__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path8_reduce",
    )(res3d__relu_out)
    res4a__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path9_reduce",
    )(res3d__relu_out)
    res4a__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path10_reduce",
    )(res3d__relu_out)
    res4a__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path11_reduce",
    )(res3d__relu_out)
    res4a__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path12_reduce",
    )(res3d__relu_out)
    res4a__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path13_reduce",
    )(res3d__relu_out)
    res4a__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path14_reduce",
    )(res3d__relu_out)
    res4a__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path15_reduce",
    )(res3d__relu_out)
    res4a__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path16_reduce",
    )(res3d__relu_out)
    res4a__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path17_reduce",
    )(res3d__relu_out)
    res4a__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path18_reduce",
    )(res3d__relu_out)
    res4a__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path19_reduce",
    )(res3d__relu_out)
    res4a__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path20_reduce",
    )(res3d__relu_out)
    res4a__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path21_reduce",
    )(res3d__relu_out)
    res4a__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path22_reduce",
    )(res3d__relu_out)
    res4a__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path23_reduce",
    )(res3d__relu_out)
    res4a__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path24_reduce",
    )(res3d__relu_out)
    res4a__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path25_reduce",
    )(res3d__relu_out)
    res4a__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path26_reduce",
    )(res3d__relu_out)
    res4a__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path27_reduce",
    )(res3d__relu_out)
    res4a__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path28_reduce",
    )(res3d__relu_out)
    res4a__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path29_reduce",
    )(res3d__relu_out)
    res4a__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path30_reduce",
    )(res3d__relu_out)
    res4a__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__path31_reduce",
    )(res3d__relu_out)
    res4a__proj = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res4a__proj",
    )(res3d__relu_out)
    res4a__path0_bn = layers.BatchNormalization(name="res4a__path0_bn")(res4a__path0_reduce)
    res4a__path1_bn = layers.BatchNormalization(name="res4a__path1_bn")(res4a__path1_reduce)
    res4a__path2_bn = layers.BatchNormalization(name="res4a__path2_bn")(res4a__path2_reduce)
    res4a__path3_bn = layers.BatchNormalization(name="res4a__path3_bn")(res4a__path3_reduce)
    res4a__path4_bn = layers.BatchNormalization(name="res4a__path4_bn")(res4a__path4_reduce)
    res4a__path5_bn = layers.BatchNormalization(name="res4a__path5_bn")(res4a__path5_reduce)
    res4a__path6_bn = layers.BatchNormalization(name="res4a__path6_bn")(res4a__path6_reduce)
    res4a__path7_bn = layers.BatchNormalization(name="res4a__path7_bn")(res4a__path7_reduce)
    res4a__path8_bn = layers.BatchNormalization(name="res4a__path8_bn")(res4a__path8_reduce)
    res4a__path9_bn = layers.BatchNormalization(name="res4a__path9_bn")(res4a__path9_reduce)
    res4a__path10_bn = layers.BatchNormalization(name="res4a__path10_bn")(res4a__path10_reduce)
    res4a__path11_bn = layers.BatchNormalization(name="res4a__path11_bn")(res4a__path11_reduce)
    res4a__path12_bn = layers.BatchNormalization(name="res4a__path12_bn")(res4a__path12_reduce)
    res4a__path13_bn = layers.BatchNormalization(name="res4a__path13_bn")(res4a__path13_reduce)
    res4a__path14_bn = layers.BatchNormalization(name="res4a__path14_bn")(res4a__path14_reduce)
    res4a__path15_bn = layers.BatchNormalization(name="res4a__path15_bn")(res4a__path15_reduce)
    res4a__path16_bn = layers.BatchNormalization(name="res4a__path16_bn")(res4a__path16_reduce)
    res4a__path17_bn = layers.BatchNormalization(name="res4a__path17_bn")(res4a__path17_reduce)
    res4a__path18_bn = layers.BatchNormalization(name="res4a__path18_bn")(res4a__path18_reduce)
    res4a__path19_bn = layers.BatchNormalization(name="res4a__path19_bn")(res4a__path19_reduce)
    res4a__path20_bn = layers.BatchNormalization(name="res4a__path20_bn")(res4a__path20_reduce)
    res4a__path21_bn = layers.BatchNormalization(name="res4a__path21_bn")(res4a__path21_reduce)
    res4a__path22_bn = layers.BatchNormalization(name="res4a__path22_bn")(res4a__path22_reduce)
    res4a__path23_bn = layers.BatchNormalization(name="res4a__path23_bn")(res4a__path23_reduce)
    res4a__path24_bn = layers.BatchNormalization(name="res4a__path24_bn")(res4a__path24_reduce)
    res4a__path25_bn = layers.BatchNormalization(name="res4a__path25_bn")(res4a__path25_reduce)
    res4a__path26_bn = layers.BatchNormalization(name="res4a__path26_bn")(res4a__path26_reduce)
    res4a__path27_bn = layers.BatchNormalization(name="res4a__path27_bn")(res4a__path27_reduce)
    res4a__path28_bn = layers.BatchNormalization(name="res4a__path28_bn")(res4a__path28_reduce)
    res4a__path29_bn = layers.BatchNormalization(name="res4a__path29_bn")(res4a__path29_reduce)
    res4a__path30_bn = layers.BatchNormalization(name="res4a__path30_bn")(res4a__path30_reduce)
    res4a__path31_bn = layers.BatchNormalization(name="res4a__path31_bn")(res4a__path31_reduce)
    res4a__proj_bn = layers.BatchNormalization(name="res4a__proj_bn")(res4a__proj)
    res4a__path0_relu = layers.ReLU(name="res4a__path0_relu")(res4a__path0_bn)
    res4a__path1_relu = layers.ReLU(name="res4a__path1_relu")(res4a__path1_bn)
    res4a__path2_relu = layers.ReLU(name="res4a__path2_relu")(res4a__path2_bn)
    res4a__path3_relu = layers.ReLU(name="res4a__path3_relu")(res4a__path3_bn)
    res4a__path4_relu = layers.ReLU(name="res4a__path4_relu")(res4a__path4_bn)
    res4a__path5_relu = layers.ReLU(name="res4a__path5_relu")(res4a__path5_bn)
    res4a__path6_relu = layers.ReLU(name="res4a__path6_relu")(res4a__path6_bn)
    res4a__path7_relu = layers.ReLU(name="res4a__path7_relu")(res4a__path7_bn)
    res4a__path8_relu = layers.ReLU(name="res4a__path8_relu")(res4a__path8_bn)
    res4a__path9_relu = layers.ReLU(name="res4a__path9_relu")(res4a__path9_bn)
    res4a__path10_relu = layers.ReLU(name="res4a__path10_relu")(res4a__path10_bn)
    res4a__path11_relu = layers.ReLU(name="res4a__path11_relu")(res4a__path11_bn)
    res4a__path12_relu = layers.ReLU(name="res4a__path12_relu")(res4a__path12_bn)
    res4a__path13_relu = layers.ReLU(name="res4a__path13_relu")(res4a__path13_bn)
    res4a__path14_relu = layers.ReLU(name="res4a__path14_relu")(res4a__path14_bn)
    res4a__path15_relu = layers.ReLU(name="res4a__path15_relu")(res4a__path15_bn)
    res4a__path16_relu = layers.ReLU(name="res4a__path16_relu")(res4a__path16_bn)
    res4a__path17_relu = layers.ReLU(name="res4a__path17_relu")(res4a__path17_bn)
    res4a__path18_relu = layers.ReLU(name="res4a__path18_relu")(res4a__path18_bn)
    res4a__path19_relu = layers.ReLU(name="res4a__path19_relu")(res4a__path19_bn)
    res4a__path20_relu = layers.ReLU(name="res4a__path20_relu")(res4a__path20_bn)
    res4a__path21_relu = layers.ReLU(name="res4a__path21_relu")(res4a__path21_bn)
    res4a__path22_relu = layers.ReLU(name="res4a__path22_relu")(res4a__path22_bn)
    res4a__path23_relu = layers.ReLU(name="res4a__path23_relu")(res4a__path23_bn)
    res4a__path24_relu = layers.ReLU(name="res4a__path24_relu")(res4a__path24_bn)
    res4a__path25_relu = layers.ReLU(name="res4a__path25_relu")(res4a__path25_bn)
    res4a__path26_relu = layers.ReLU(name="res4a__path26_relu")(res4a__path26_bn)
    res4a__path27_relu = layers.ReLU(name="res4a__path27_relu")(res4a__path27_bn)
    res4a__path28_relu = layers.ReLU(name="res4a__path28_relu")(res4a__path28_bn)
    res4a__path29_relu = layers.ReLU(name="res4a__path29_relu")(res4a__path29_bn)
    res4a__path30_relu = layers.ReLU(name="res4a__path30_relu")(res4a__path30_bn)
    res4a__path31_relu = layers.ReLU(name="res4a__path31_relu")(res4a__path31_bn)
    res4a__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path0_conv",
    )(res4a__path0_relu)
    res4a__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path1_conv",
    )(res4a__path1_relu)
    res4a__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path2_conv",
    )(res4a__path2_relu)
    res4a__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path3_conv",
    )(res4a__path3_relu)
    res4a__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path4_conv",
    )(res4a__path4_relu)
    res4a__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path5_conv",
    )(res4a__path5_relu)
    res4a__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path6_conv",
    )(res4a__path6_relu)
    res4a__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path7_conv",
    )(res4a__path7_relu)
    res4a__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path8_conv",
    )(res4a__path8_relu)
    res4a__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path9_conv",
    )(res4a__path9_relu)
    res4a__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path10_conv",
    )(res4a__path10_relu)
    res4a__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path11_conv",
    )(res4a__path11_relu)
    res4a__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path12_conv",
    )(res4a__path12_relu)
    res4a__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path13_conv",
    )(res4a__path13_relu)
    res4a__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path14_conv",
    )(res4a__path14_relu)
    res4a__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path15_conv",
    )(res4a__path15_relu)
    res4a__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path16_conv",
    )(res4a__path16_relu)
    res4a__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path17_conv",
    )(res4a__path17_relu)
    res4a__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path18_conv",
    )(res4a__path18_relu)
    res4a__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path19_conv",
    )(res4a__path19_relu)
    res4a__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path20_conv",
    )(res4a__path20_relu)
    res4a__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path21_conv",
    )(res4a__path21_relu)
    res4a__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path22_conv",
    )(res4a__path22_relu)
    res4a__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path23_conv",
    )(res4a__path23_relu)
    res4a__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path24_conv",
    )(res4a__path24_relu)
    res4a__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path25_conv",
    )(res4a__path25_relu)
    res4a__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path26_conv",
    )(res4a__path26_relu)
    res4a__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path27_conv",
    )(res4a__path27_relu)
    res4a__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path28_conv",
    )(res4a__path28_relu)
    res4a__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path29_conv",
    )(res4a__path29_relu)
    res4a__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path30_conv",
    )(res4a__path30_relu)
    res4a__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res4a__path31_conv",
    )(res4a__path31_relu)
    res4a__concat_0 = layers.Concatenate(
        axis=-1, name="res4a__concat_0",
    )([res4a__path0_conv, res4a__path1_conv, res4a__path2_conv, res4a__path3_conv, res4a__path4_conv, res4a__path5_conv, res4a__path6_conv, res4a__path7_conv, res4a__path8_conv, res4a__path9_conv, res4a__path10_conv, res4a__path11_conv, res4a__path12_conv, res4a__path13_conv, res4a__path14_conv, res4a__path15_conv])
    res4a__concat_1 = layers.Concatenate(
        axis=-1, name="res4a__concat_1",
    )([res4a__path16_conv, res4a__path17_conv, res4a__path18_conv, res4a__path19_conv, res4a__path20_conv, res4a__path21_conv, res4a__path22_conv, res4a__path23_conv, res4a__path24_conv, res4a__path25_conv, res4a__path26_conv, res4a__path27_conv, res4a__path28_conv, res4a__path29_conv, res4a__path30_conv, res4a__path31_conv])
    res4a__concat = layers.Concatenate(axis=-1, name="res4a__concat")([res4a__concat_0, res4a__concat_1])
    res4a__bn_mid = layers.BatchNormalization(name="res4a__bn_mid")(res4a__concat)
    res4a__relu_mid = layers.ReLU(name="res4a__relu_mid")(res4a__bn_mid)
    res4a__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__expand",
    )(res4a__relu_mid)
    res4a__bn_out = layers.BatchNormalization(name="res4a__bn_out")(res4a__expand)
    res4a__add = layers.Add(name="res4a__add")([res4a__bn_out, res4a__proj_bn])
    res4a__relu_out = layers.ReLU(name="res4a__relu_out")(res4a__add)

    # Block res4b (ResNeXt block "conv4_2", 1,130,496 parameters)
    res4b__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path0_reduce",
    )(res4a__relu_out)
    res4b__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path1_reduce",
    )(res4a__relu_out)
    res4b__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path2_reduce",
    )(res4a__relu_out)
    res4b__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path3_reduce",
    )(res4a__relu_out)
    res4b__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path4_reduce",
    )(res4a__relu_out)
    res4b__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path5_reduce",
    )(res4a__relu_out)
    res4b__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path6_reduce",
    )(res4a__relu_out)
    res4b__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path7_reduce",
    )(res4a__relu_out)
    res4b__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path8_reduce",
    )(res4a__relu_out)
    res4b__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path9_reduce",
    )(res4a__relu_out)
    res4b__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path10_reduce",
    )(res4a__relu_out)
    res4b__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path11_reduce",
    )(res4a__relu_out)
    res4b__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path12_reduce",
    )(res4a__relu_out)
    res4b__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path13_reduce",
    )(res4a__relu_out)
    res4b__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path14_reduce",
    )(res4a__relu_out)
    res4b__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path15_reduce",
    )(res4a__relu_out)
    res4b__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path16_reduce",
    )(res4a__relu_out)
    res4b__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path17_reduce",
    )(res4a__relu_out)
    res4b__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path18_reduce",
    )(res4a__relu_out)
    res4b__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path19_reduce",
    )(res4a__relu_out)
    res4b__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path20_reduce",
    )(res4a__relu_out)
    res4b__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path21_reduce",
    )(res4a__relu_out)
    res4b__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path22_reduce",
    )(res4a__relu_out)
    res4b__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path23_reduce",
    )(res4a__relu_out)
    res4b__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path24_reduce",
    )(res4a__relu_out)
    res4b__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path25_reduce",
    )(res4a__relu_out)
    res4b__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path26_reduce",
    )(res4a__relu_out)
    res4b__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path27_reduce",
    )(res4a__relu_out)
    res4b__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path28_reduce",
    )(res4a__relu_out)
    res4b__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path29_reduce",
    )(res4a__relu_out)
    res4b__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path30_reduce",
    )(res4a__relu_out)
    res4b__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__path31_reduce",
    )(res4a__relu_out)
    res4b__path0_bn = layers.BatchNormalization(name="res4b__path0_bn")(res4b__path0_reduce)
    res4b__path1_bn = layers.BatchNormalization(name="res4b__path1_bn")(res4b__path1_reduce)
    res4b__path2_bn = layers.BatchNormalization(name="res4b__path2_bn")(res4b__path2_reduce)
    res4b__path3_bn = layers.BatchNormalization(name="res4b__path3_bn")(res4b__path3_reduce)
    res4b__path4_bn = layers.BatchNormalization(name="res4b__path4_bn")(res4b__path4_reduce)
    res4b__path5_bn = layers.BatchNormalization(name="res4b__path5_bn")(res4b__path5_reduce)
    res4b__path6_bn = layers.BatchNormalization(name="res4b__path6_bn")(res4b__path6_reduce)
    res4b__path7_bn = layers.BatchNormalization(name="res4b__path7_bn")(res4b__path7_reduce)
    res4b__path8_bn = layers.BatchNormalization(name="res4b__path8_bn")(res4b__path8_reduce)
    res4b__path9_bn = layers.BatchNormalization(name="res4b__path9_bn")(res4b__path9_reduce)
    res4b__path10_bn = layers.BatchNormalization(name="res4b__path10_bn")(res4b__path10_reduce)
    res4b__path11_bn = layers.BatchNormalization(name="res4b__path11_bn")(res4b__path11_reduce)
    res4b__path12_bn = layers.BatchNormalization(name="res4b__path12_bn")(res4b__path12_reduce)
    res4b__path13_bn = layers.BatchNormalization(name="res4b__path13_bn")(res4b__path13_reduce)
    res4b__path14_bn = layers.BatchNormalization(name="res4b__path14_bn")(res4b__path14_reduce)
    res4b__path15_bn = layers.BatchNormalization(name="res4b__path15_bn")(res4b__path15_reduce)
    res4b__path16_bn = layers.BatchNormalization(name="res4b__path16_bn")(res4b__path16_reduce)
    res4b__path17_bn = layers.BatchNormalization(name="res4b__path17_bn")(res4b__path17_reduce)
    res4b__path18_bn = layers.BatchNormalization(name="res4b__path18_bn")(res4b__path18_reduce)
    res4b__path19_bn = layers.BatchNormalization(name="res4b__path19_bn")(res4b__path19_reduce)
    res4b__path20_bn = layers.BatchNormalization(name="res4b__path20_bn")(res4b__path20_reduce)
    res4b__path21_bn = layers.BatchNormalization(name="res4b__path21_bn")(res4b__path21_reduce)
    res4b__path22_bn = layers.BatchNormalization(name="res4b__path22_bn")(res4b__path22_reduce)
    res4b__path23_bn = layers.BatchNormalization(name="res4b__path23_bn")(res4b__path23_reduce)
    res4b__path24_bn = layers.BatchNormalization(name="res4b__path24_bn")(res4b__path24_reduce)
    res4b__path25_bn = layers.BatchNormalization(name="res4b__path25_bn")(res4b__path25_reduce)
    res4b__path26_bn = layers.BatchNormalization(name="res4b__path26_bn")(res4b__path26_reduce)
    res4b__path27_bn = layers.BatchNormalization(name="res4b__path27_bn")(res4b__path27_reduce)
    res4b__path28_bn = layers.BatchNormalization(name="res4b__path28_bn")(res4b__path28_reduce)
    res4b__path29_bn = layers.BatchNormalization(name="res4b__path29_bn")(res4b__path29_reduce)
    res4b__path30_bn = layers.BatchNormalization(name="res4b__path30_bn")(res4b__path30_reduce)
    res4b__path31_bn = layers.BatchNormalization(name="res4b__path31_bn")(res4b__path31_reduce)
    res4b__path0_relu = layers.ReLU(name="res4b__path0_relu")(res4b__path0_bn)
    res4b__path1_relu = layers.ReLU(name="res4b__path1_relu")(res4b__path1_bn)
    res4b__path2_relu = layers.ReLU(name="res4b__path2_relu")(res4b__path2_bn)
    res4b__path3_relu = layers.ReLU(name="res4b__path3_relu")(res4b__path3_bn)
    res4b__path4_relu = layers.ReLU(name="res4b__path4_relu")(res4b__path4_bn)
    res4b__path5_relu = layers.ReLU(name="res4b__path5_relu")(res4b__path5_bn)
    res4b__path6_relu = layers.ReLU(name="res4b__path6_relu")(res4b__path6_bn)
    res4b__path7_relu = layers.ReLU(name="res4b__path7_relu")(res4b__path7_bn)
    res4b__path8_relu = layers.ReLU(name="res4b__path8_relu")(res4b__path8_bn)
    res4b__path9_relu = layers.ReLU(name="res4b__path9_relu")(res4b__path9_bn)
    res4b__path10_relu = layers.ReLU(name="res4b__path10_relu")(res4b__path10_bn)
    res4b__path11_relu = layers.ReLU(name="res4b__path11_relu")(res4b__path11_bn)
    res4b__path12_relu = layers.ReLU(name="res4b__path12_relu")(res4b__path12_bn)
    res4b__path13_relu = layers.ReLU(name="res4b__path13_relu")(res4b__path13_bn)
    res4b__path14_relu = layers.ReLU(name="res4b__path14_relu")(res4b__path14_bn)
    res4b__path15_relu = layers.ReLU(name="res4b__path15_relu")(res4b__path15_bn)
    res4b__path16_relu = layers.ReLU(name="res4b__path16_relu")(res4b__path16_bn)
    res4b__path17_relu = layers.ReLU(name="res4b__path17_relu")(res4b__path17_bn)
    res4b__path18_relu = layers.ReLU(name="res4b__path18_relu")(res4b__path18_bn)
    res4b__path19_relu = layers.ReLU(name="res4b__path19_relu")(res4b__path19_bn)
    res4b__path20_relu = layers.ReLU(name="res4b__path20_relu")(res4b__path20_bn)
    res4b__path21_relu = layers.ReLU(name="res4b__path21_relu")(res4b__path21_bn)
    res4b__path22_relu = layers.ReLU(name="res4b__path22_relu")(res4b__path22_bn)
    res4b__path23_relu = layers.ReLU(name="res4b__path23_relu")(res4b__path23_bn)
    res4b__path24_relu = layers.ReLU(name="res4b__path24_relu")(res4b__path24_bn)
    res4b__path25_relu = layers.ReLU(name="res4b__path25_relu")(res4b__path25_bn)
    res4b__path26_relu = layers.ReLU(name="res4b__path26_relu")(res4b__path26_bn)
    res4b__path27_relu = layers.ReLU(name="res4b__path27_relu")(res4b__path27_bn)
    res4b__path28_relu = layers.ReLU(name="res4b__path28_relu")(res4b__path28_bn)
    res4b__path29_relu = layers.ReLU(name="res4b__path29_relu")(res4b__path29_bn)
    res4b__path30_relu = layers.ReLU(name="res4b__path30_relu")(res4b__path30_bn)
    res4b__path31_relu = layers.ReLU(name="res4b__path31_relu")(res4b__path31_bn)
    res4b__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path0_conv",
    )(res4b__path0_relu)
    res4b__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path1_conv",
    )(res4b__path1_relu)
    res4b__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path2_conv",
    )(res4b__path2_relu)
    res4b__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path3_conv",
    )(res4b__path3_relu)
    res4b__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path4_conv",
    )(res4b__path4_relu)
    res4b__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path5_conv",
    )(res4b__path5_relu)
    res4b__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path6_conv",
    )(res4b__path6_relu)
    res4b__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path7_conv",
    )(res4b__path7_relu)
    res4b__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path8_conv",
    )(res4b__path8_relu)
    res4b__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path9_conv",
    )(res4b__path9_relu)
    res4b__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path10_conv",
    )(res4b__path10_relu)
    res4b__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path11_conv",
    )(res4b__path11_relu)
    res4b__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path12_conv",
    )(res4b__path12_relu)
    res4b__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path13_conv",
    )(res4b__path13_relu)
    res4b__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path14_conv",
    )(res4b__path14_relu)
    res4b__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path15_conv",
    )(res4b__path15_relu)
    res4b__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path16_conv",
    )(res4b__path16_relu)
    res4b__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path17_conv",
    )(res4b__path17_relu)
    res4b__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path18_conv",
    )(res4b__path18_relu)
    res4b__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path19_conv",
    )(res4b__path19_relu)
    res4b__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path20_conv",
    )(res4b__path20_relu)
    res4b__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path21_conv",
    )(res4b__path21_relu)
    res4b__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path22_conv",
    )(res4b__path22_relu)
    res4b__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path23_conv",
    )(res4b__path23_relu)
    res4b__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path24_conv",
    )(res4b__path24_relu)
    res4b__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path25_conv",
    )(res4b__path25_relu)
    res4b__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path26_conv",
    )(res4b__path26_relu)
    res4b__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path27_conv",
    )(res4b__path27_relu)
    res4b__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path28_conv",
    )(res4b__path28_relu)
    res4b__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path29_conv",
    )(res4b__path29_relu)
    res4b__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path30_conv",
    )(res4b__path30_relu)
    res4b__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__path31_conv",
    )(res4b__path31_relu)
    res4b__concat_0 = layers.Concatenate(
        axis=-1, name="res4b__concat_0",
    )([res4b__path0_conv, res4b__path1_conv, res4b__path2_conv, res4b__path3_conv, res4b__path4_conv, res4b__path5_conv, res4b__path6_conv, res4b__path7_conv, res4b__path8_conv, res4b__path9_conv, res4b__path10_conv, res4b__path11_conv, res4b__path12_conv, res4b__path13_conv, res4b__path14_conv, res4b__path15_conv])
    res4b__concat_1 = layers.Concatenate(
        axis=-1, name="res4b__concat_1",
    )([res4b__path16_conv, res4b__path17_conv, res4b__path18_conv, res4b__path19_conv, res4b__path20_conv, res4b__path21_conv, res4b__path22_conv, res4b__path23_conv, res4b__path24_conv, res4b__path25_conv, res4b__path26_conv, res4b__path27_conv, res4b__path28_conv, res4b__path29_conv, res4b__path30_conv, res4b__path31_conv])
    res4b__concat = layers.Concatenate(axis=-1, name="res4b__concat")([res4b__concat_0, res4b__concat_1])
    res4b__bn_mid = layers.BatchNormalization(name="res4b__bn_mid")(res4b__concat)
    res4b__relu_mid = layers.ReLU(name="res4b__relu_mid")(res4b__bn_mid)
    res4b__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__expand",
    )(res4b__relu_mid)
    res4b__bn_out = layers.BatchNormalization(name="res4b__bn_out")(res4b__expand)
    res4b__add = layers.Add(name="res4b__add")([res4b__bn_out, res4a__relu_out])
    res4b__relu_out = layers.ReLU(name="res4b__relu_out")(res4b__add)

    # Block res4c (ResNeXt block "conv4_3", 1,130,496 parameters)
    res4c__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path0_reduce",
    )(res4b__relu_out)
    res4c__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path1_reduce",
    )(res4b__relu_out)
    res4c__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path2_reduce",
    )(res4b__relu_out)
    res4c__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path3_reduce",
    )(res4b__relu_out)
    res4c__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path4_reduce",
    )(res4b__relu_out)
    res4c__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path5_reduce",
    )(res4b__relu_out)
    res4c__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path6_reduce",
    )(res4b__relu_out)
    res4c__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path7_reduce",
    )(res4b__relu_out)
    res4c__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path8_reduce",
    )(res4b__relu_out)
    res4c__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path9_reduce",
    )(res4b__relu_out)
    res4c__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path10_reduce",
    )(res4b__relu_out)
    res4c__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path11_reduce",
    )(res4b__relu_out)
    res4c__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path12_reduce",
    )(res4b__relu_out)
    res4c__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path13_reduce",
    )(res4b__relu_out)
    res4c__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path14_reduce",
    )(res4b__relu_out)
    res4c__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path15_reduce",
    )(res4b__relu_out)
    res4c__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path16_reduce",
    )(res4b__relu_out)
    res4c__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path17_reduce",
    )(res4b__relu_out)
    res4c__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path18_reduce",
    )(res4b__relu_out)
    res4c__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path19_reduce",
    )(res4b__relu_out)
    res4c__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path20_reduce",
    )(res4b__relu_out)
    res4c__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path21_reduce",
    )(res4b__relu_out)
    res4c__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path22_reduce",
    )(res4b__relu_out)
    res4c__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path23_reduce",
    )(res4b__relu_out)
    res4c__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path24_reduce",
    )(res4b__relu_out)
    res4c__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path25_reduce",
    )(res4b__relu_out)
    res4c__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path26_reduce",
    )(res4b__relu_out)
    res4c__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path27_reduce",
    )(res4b__relu_out)
    res4c__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path28_reduce",
    )(res4b__relu_out)
    res4c__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path29_reduce",
    )(res4b__relu_out)
    res4c__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path30_reduce",
    )(res4b__relu_out)
    res4c__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__path31_reduce",
    )(res4b__relu_out)
    res4c__path0_bn = layers.BatchNormalization(name="res4c__path0_bn")(res4c__path0_reduce)
    res4c__path1_bn = layers.BatchNormalization(name="res4c__path1_bn")(res4c__path1_reduce)
    res4c__path2_bn = layers.BatchNormalization(name="res4c__path2_bn")(res4c__path2_reduce)
    res4c__path3_bn = layers.BatchNormalization(name="res4c__path3_bn")(res4c__path3_reduce)
    res4c__path4_bn = layers.BatchNormalization(name="res4c__path4_bn")(res4c__path4_reduce)
    res4c__path5_bn = layers.BatchNormalization(name="res4c__path5_bn")(res4c__path5_reduce)
    res4c__path6_bn = layers.BatchNormalization(name="res4c__path6_bn")(res4c__path6_reduce)
    res4c__path7_bn = layers.BatchNormalization(name="res4c__path7_bn")(res4c__path7_reduce)
    res4c__path8_bn = layers.BatchNormalization(name="res4c__path8_bn")(res4c__path8_reduce)
    res4c__path9_bn = layers.BatchNormalization(name="res4c__path9_bn")(res4c__path9_reduce)
    res4c__path10_bn = layers.BatchNormalization(name="res4c__path10_bn")(res4c__path10_reduce)
    res4c__path11_bn = layers.BatchNormalization(name="res4c__path11_bn")(res4c__path11_reduce)
    res4c__path12_bn = layers.BatchNormalization(name="res4c__path12_bn")(res4c__path12_reduce)
    res4c__path13_bn = layers.BatchNormalization(name="res4c__path13_bn")(res4c__path13_reduce)
    res4c__path14_bn = layers.BatchNormalization(name="res4c__path14_bn")(res4c__path14_reduce)
    res4c__path15_bn = layers.BatchNormalization(name="res4c__path15_bn")(res4c__path15_reduce)
    res4c__path16_bn = layers.BatchNormalization(name="res4c__path16_bn")(res4c__path16_reduce)
    res4c__path17_bn = layers.BatchNormalization(name="res4c__path17_bn")(res4c__path17_reduce)
    res4c__path18_bn = layers.BatchNormalization(name="res4c__path18_bn")(res4c__path18_reduce)
    res4c__path19_bn = layers.BatchNormalization(name="res4c__path19_bn")(res4c__path19_reduce)
    res4c__path20_bn = layers.BatchNormalization(name="res4c__path20_bn")(res4c__path20_reduce)
    res4c__path21_bn = layers.BatchNormalization(name="res4c__path21_bn")(res4c__path21_reduce)
    res4c__path22_bn = layers.BatchNormalization(name="res4c__path22_bn")(res4c__path22_reduce)
    res4c__path23_bn = layers.BatchNormalization(name="res4c__path23_bn")(res4c__path23_reduce)
    res4c__path24_bn = layers.BatchNormalization(name="res4c__path24_bn")(res4c__path24_reduce)
    res4c__path25_bn = layers.BatchNormalization(name="res4c__path25_bn")(res4c__path25_reduce)
    res4c__path26_bn = layers.BatchNormalization(name="res4c__path26_bn")(res4c__path26_reduce)
    res4c__path27_bn = layers.BatchNormalization(name="res4c__path27_bn")(res4c__path27_reduce)
    res4c__path28_bn = layers.BatchNormalization(name="res4c__path28_bn")(res4c__path28_reduce)
    res4c__path29_bn = layers.BatchNormalization(name="res4c__path29_bn")(res4c__path29_reduce)
    res4c__path30_bn = layers.BatchNormalization(name="res4c__path30_bn")(res4c__path30_reduce)
    res4c__path31_bn = layers.BatchNormalization(name="res4c__path31_bn")(res4c__path31_reduce)
    res4c__path0_relu = layers.ReLU(name="res4c__path0_relu")(res4c__path0_bn)
    res4c__path1_relu = layers.ReLU(name="res4c__path1_relu")(res4c__path1_bn)
    res4c__path2_relu = layers.ReLU(name="res4c__path2_relu")(res4c__path2_bn)
    res4c__path3_relu = layers.ReLU(name="res4c__path3_relu")(res4c__path3_bn)
    res4c__path4_relu = layers.ReLU(name="res4c__path4_relu")(res4c__path4_bn)
    res4c__path5_relu = layers.ReLU(name="res4c__path5_relu")(res4c__path5_bn)
    res4c__path6_relu = layers.ReLU(name="res4c__path6_relu")(res4c__path6_bn)
    res4c__path7_relu = layers.ReLU(name="res4c__path7_relu")(res4c__path7_bn)
    res4c__path8_relu = layers.ReLU(name="res4c__path8_relu")(res4c__path8_bn)
    res4c__path9_relu = layers.ReLU(name="res4c__path9_relu")(res4c__path9_bn)
    res4c__path10_relu = layers.ReLU(name="res4c__path10_relu")(res4c__path10_bn)
    res4c__path11_relu = layers.ReLU(name="res4c__path11_relu")(res4c__path11_bn)
    res4c__path12_relu = layers.ReLU(name="res4c__path12_relu")(res4c__path12_bn)
    res4c__path13_relu = layers.ReLU(name="res4c__path13_relu")(res4c__path13_bn)
    res4c__path14_relu = layers.ReLU(name="res4c__path14_relu")(res4c__path14_bn)
    res4c__path15_relu = layers.ReLU(name="res4c__path15_relu")(res4c__path15_bn)
    res4c__path16_relu = layers.ReLU(name="res4c__path16_relu")(res4c__path16_bn)
    res4c__path17_relu = layers.ReLU(name="res4c__path17_relu")(res4c__path17_bn)
    res4c__path18_relu = layers.ReLU(name="res4c__path18_relu")(res4c__path18_bn)
    res4c__path19_relu = layers.ReLU(name="res4c__path19_relu")(res4c__path19_bn)
    res4c__path20_relu = layers.ReLU(name="res4c__path20_relu")(res4c__path20_bn)
    res4c__path21_relu = layers.ReLU(name="res4c__path21_relu")(res4c__path21_bn)
    res4c__path22_relu = layers.ReLU(name="res4c__path22_relu")(res4c__path22_bn)
    res4c__path23_relu = layers.ReLU(name="res4c__path23_relu")(res4c__path23_bn)
    res4c__path24_relu = layers.ReLU(name="res4c__path24_relu")(res4c__path24_bn)
    res4c__path25_relu = layers.ReLU(name="res4c__path25_relu")(res4c__path25_bn)
    res4c__path26_relu = layers.ReLU(name="res4c__path26_relu")(res4c__path26_bn)
    res4c__path27_relu = layers.ReLU(name="res4c__path27_relu")(res4c__path27_bn)
    res4c__path28_relu = layers.ReLU(name="res4c__path28_relu")(res4c__path28_bn)
    res4c__path29_relu = layers.ReLU(name="res4c__path29_relu")(res4c__path29_bn)
    res4c__path30_relu = layers.ReLU(name="res4c__path30_relu")(res4c__path30_bn)
    res4c__path31_relu = layers.ReLU(name="res4c__path31_relu")(res4c__path31_bn)
    res4c__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path0_conv",
    )(res4c__path0_relu)
    res4c__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path1_conv",
    )(res4c__path1_relu)
    res4c__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path2_conv",
    )(res4c__path2_relu)
    res4c__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path3_conv",
    )(res4c__path3_relu)
    res4c__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path4_conv",
    )(res4c__path4_relu)
    res4c__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path5_conv",
    )(res4c__path5_relu)
    res4c__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path6_conv",
    )(res4c__path6_relu)
    res4c__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path7_conv",
    )(res4c__path7_relu)
    res4c__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path8_conv",
    )(res4c__path8_relu)
    res4c__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path9_conv",
    )(res4c__path9_relu)
    res4c__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path10_conv",
    )(res4c__path10_relu)
    res4c__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path11_conv",
    )(res4c__path11_relu)
    res4c__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path12_conv",
    )(res4c__path12_relu)
    res4c__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path13_conv",
    )(res4c__path13_relu)
    res4c__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path14_conv",
    )(res4c__path14_relu)
    res4c__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path15_conv",
    )(res4c__path15_relu)
    res4c__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path16_conv",
    )(res4c__path16_relu)
    res4c__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path17_conv",
    )(res4c__path17_relu)
    res4c__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path18_conv",
    )(res4c__path18_relu)
    res4c__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path19_conv",
    )(res4c__path19_relu)
    res4c__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path20_conv",
    )(res4c__path20_relu)
    res4c__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path21_conv",
    )(res4c__path21_relu)
    res4c__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path22_conv",
    )(res4c__path22_relu)
    res4c__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path23_conv",
    )(res4c__path23_relu)
    res4c__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path24_conv",
    )(res4c__path24_relu)
    res4c__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path25_conv",
    )(res4c__path25_relu)
    res4c__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path26_conv",
    )(res4c__path26_relu)
    res4c__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path27_conv",
    )(res4c__path27_relu)
    res4c__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path28_conv",
    )(res4c__path28_relu)
    res4c__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path29_conv",
    )(res4c__path29_relu)
    res4c__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path30_conv",
    )(res4c__path30_relu)
    res4c__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__path31_conv",
    )(res4c__path31_relu)
    res4c__concat_0 = layers.Concatenate(
        axis=-1, name="res4c__concat_0",
    )([res4c__path0_conv, res4c__path1_conv, res4c__path2_conv, res4c__path3_conv, res4c__path4_conv, res4c__path5_conv, res4c__path6_conv, res4c__path7_conv, res4c__path8_conv, res4c__path9_conv, res4c__path10_conv, res4c__path11_conv, res4c__path12_conv, res4c__path13_conv, res4c__path14_conv, res4c__path15_conv])
    res4c__concat_1 = layers.Concatenate(
        axis=-1, name="res4c__concat_1",
    )([res4c__path16_conv, res4c__path17_conv, res4c__path18_conv, res4c__path19_conv, res4c__path20_conv, res4c__path21_conv, res4c__path22_conv, res4c__path23_conv, res4c__path24_conv, res4c__path25_conv, res4c__path26_conv, res4c__path27_conv, res4c__path28_conv, res4c__path29_conv, res4c__path30_conv, res4c__path31_conv])
    res4c__concat = layers.Concatenate(axis=-1, name="res4c__concat")([res4c__concat_0, res4c__concat_1])
    res4c__bn_mid = layers.BatchNormalization(name="res4c__bn_mid")(res4c__concat)
    res4c__relu_mid = layers.ReLU(name="res4c__relu_mid")(res4c__bn_mid)
    res4c__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__expand",
    )(res4c__relu_mid)
    res4c__bn_out = layers.BatchNormalization(name="res4c__bn_out")(res4c__expand)
    res4c__add = layers.Add(name="res4c__add")([res4c__bn_out, res4b__relu_out])
    res4c__relu_out = layers.ReLU(name="res4c__relu_out")(res4c__add)

    # Block res4d (ResNeXt block "conv4_4", 1,130,496 parameters)
    res4d__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path0_reduce",
    )(res4c__relu_out)
    res4d__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path1_reduce",
    )(res4c__relu_out)
    res4d__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path2_reduce",
    )(res4c__relu_out)
    res4d__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path3_reduce",
    )(res4c__relu_out)
    res4d__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path4_reduce",
    )(res4c__relu_out)
    res4d__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path5_reduce",
    )(res4c__relu_out)
    res4d__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path6_reduce",
    )(res4c__relu_out)
    res4d__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path7_reduce",
    )(res4c__relu_out)
    res4d__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path8_reduce",
    )(res4c__relu_out)
    res4d__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path9_reduce",
    )(res4c__relu_out)
    res4d__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path10_reduce",
    )(res4c__relu_out)
    res4d__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path11_reduce",
    )(res4c__relu_out)
    res4d__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path12_reduce",
    )(res4c__relu_out)
    res4d__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path13_reduce",
    )(res4c__relu_out)
    res4d__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path14_reduce",
    )(res4c__relu_out)
    res4d__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path15_reduce",
    )(res4c__relu_out)
    res4d__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path16_reduce",
    )(res4c__relu_out)
    res4d__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path17_reduce",
    )(res4c__relu_out)
    res4d__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path18_reduce",
    )(res4c__relu_out)
    res4d__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path19_reduce",
    )(res4c__relu_out)
    res4d__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path20_reduce",
    )(res4c__relu_out)
    res4d__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path21_reduce",
    )(res4c__relu_out)
    res4d__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path22_reduce",
    )(res4c__relu_out)
    res4d__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path23_reduce",
    )(res4c__relu_out)
    res4d__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path24_reduce",
    )(res4c__relu_out)
    res4d__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path25_reduce",
    )(res4c__relu_out)
    res4d__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path26_reduce",
    )(res4c__relu_out)
    res4d__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path27_reduce",
    )(res4c__relu_out)
    res4d__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path28_reduce",
    )(res4c__relu_out)
    res4d__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path29_reduce",
    )(res4c__relu_out)
    res4d__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path30_reduce",
    )(res4c__relu_out)
    res4d__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__path31_reduce",
    )(res4c__relu_out)
    res4d__path0_bn = layers.BatchNormalization(name="res4d__path0_bn")(res4d__path0_reduce)
    res4d__path1_bn = layers.BatchNormalization(name="res4d__path1_bn")(res4d__path1_reduce)
    res4d__path2_bn = layers.BatchNormalization(name="res4d__path2_bn")(res4d__path2_reduce)
    res4d__path3_bn = layers.BatchNormalization(name="res4d__path3_bn")(res4d__path3_reduce)
    res4d__path4_bn = layers.BatchNormalization(name="res4d__path4_bn")(res4d__path4_reduce)
    res4d__path5_bn = layers.BatchNormalization(name="res4d__path5_bn")(res4d__path5_reduce)
    res4d__path6_bn = layers.BatchNormalization(name="res4d__path6_bn")(res4d__path6_reduce)
    res4d__path7_bn = layers.BatchNormalization(name="res4d__path7_bn")(res4d__path7_reduce)
    res4d__path8_bn = layers.BatchNormalization(name="res4d__path8_bn")(res4d__path8_reduce)
    res4d__path9_bn = layers.BatchNormalization(name="res4d__path9_bn")(res4d__path9_reduce)
    res4d__path10_bn = layers.BatchNormalization(name="res4d__path10_bn")(res4d__path10_reduce)
    res4d__path11_bn = layers.BatchNormalization(name="res4d__path11_bn")(res4d__path11_reduce)
    res4d__path12_bn = layers.BatchNormalization(name="res4d__path12_bn")(res4d__path12_reduce)
    res4d__path13_bn = layers.BatchNormalization(name="res4d__path13_bn")(res4d__path13_reduce)
    res4d__path14_bn = layers.BatchNormalization(name="res4d__path14_bn")(res4d__path14_reduce)
    res4d__path15_bn = layers.BatchNormalization(name="res4d__path15_bn")(res4d__path15_reduce)
    res4d__path16_bn = layers.BatchNormalization(name="res4d__path16_bn")(res4d__path16_reduce)
    res4d__path17_bn = layers.BatchNormalization(name="res4d__path17_bn")(res4d__path17_reduce)
    res4d__path18_bn = layers.BatchNormalization(name="res4d__path18_bn")(res4d__path18_reduce)
    res4d__path19_bn = layers.BatchNormalization(name="res4d__path19_bn")(res4d__path19_reduce)
    res4d__path20_bn = layers.BatchNormalization(name="res4d__path20_bn")(res4d__path20_reduce)
    res4d__path21_bn = layers.BatchNormalization(name="res4d__path21_bn")(res4d__path21_reduce)
    res4d__path22_bn = layers.BatchNormalization(name="res4d__path22_bn")(res4d__path22_reduce)
    res4d__path23_bn = layers.BatchNormalization(name="res4d__path23_bn")(res4d__path23_reduce)
    res4d__path24_bn = layers.BatchNormalization(name="res4d__path24_bn")(res4d__path24_reduce)
    res4d__path25_bn = layers.BatchNormalization(name="res4d__path25_bn")(res4d__path25_reduce)
    res4d__path26_bn = layers.BatchNormalization(name="res4d__path26_bn")(res4d__path26_reduce)
    res4d__path27_bn = layers.BatchNormalization(name="res4d__path27_bn")(res4d__path27_reduce)
    res4d__path28_bn = layers.BatchNormalization(name="res4d__path28_bn")(res4d__path28_reduce)
    res4d__path29_bn = layers.BatchNormalization(name="res4d__path29_bn")(res4d__path29_reduce)
    res4d__path30_bn = layers.BatchNormalization(name="res4d__path30_bn")(res4d__path30_reduce)
    res4d__path31_bn = layers.BatchNormalization(name="res4d__path31_bn")(res4d__path31_reduce)
    res4d__path0_relu = layers.ReLU(name="res4d__path0_relu")(res4d__path0_bn)
    res4d__path1_relu = layers.ReLU(name="res4d__path1_relu")(res4d__path1_bn)
    res4d__path2_relu = layers.ReLU(name="res4d__path2_relu")(res4d__path2_bn)
    res4d__path3_relu = layers.ReLU(name="res4d__path3_relu")(res4d__path3_bn)
    res4d__path4_relu = layers.ReLU(name="res4d__path4_relu")(res4d__path4_bn)
    res4d__path5_relu = layers.ReLU(name="res4d__path5_relu")(res4d__path5_bn)
    res4d__path6_relu = layers.ReLU(name="res4d__path6_relu")(res4d__path6_bn)
    res4d__path7_relu = layers.ReLU(name="res4d__path7_relu")(res4d__path7_bn)
    res4d__path8_relu = layers.ReLU(name="res4d__path8_relu")(res4d__path8_bn)
    res4d__path9_relu = layers.ReLU(name="res4d__path9_relu")(res4d__path9_bn)
    res4d__path10_relu = layers.ReLU(name="res4d__path10_relu")(res4d__path10_bn)
    res4d__path11_relu = layers.ReLU(name="res4d__path11_relu")(res4d__path11_bn)
    res4d__path12_relu = layers.ReLU(name="res4d__path12_relu")(res4d__path12_bn)
    res4d__path13_relu = layers.ReLU(name="res4d__path13_relu")(res4d__path13_bn)
    res4d__path14_relu = layers.ReLU(name="res4d__path14_relu")(res4d__path14_bn)
    res4d__path15_relu = layers.ReLU(name="res4d__path15_relu")(res4d__path15_bn)
    res4d__path16_relu = layers.ReLU(name="res4d__path16_relu")(res4d__path16_bn)
    res4d__path17_relu = layers.ReLU(name="res4d__path17_relu")(res4d__path17_bn)
    res4d__path18_relu = layers.ReLU(name="res4d__path18_relu")(res4d__path18_bn)
    res4d__path19_relu = layers.ReLU(name="res4d__path19_relu")(res4d__path19_bn)
    res4d__path20_relu = layers.ReLU(name="res4d__path20_relu")(res4d__path20_bn)
    res4d__path21_relu = layers.ReLU(name="res4d__path21_relu")(res4d__path21_bn)
    res4d__path22_relu = layers.ReLU(name="res4d__path22_relu")(res4d__path22_bn)
    res4d__path23_relu = layers.ReLU(name="res4d__path23_relu")(res4d__path23_bn)
    res4d__path24_relu = layers.ReLU(name="res4d__path24_relu")(res4d__path24_bn)
    res4d__path25_relu = layers.ReLU(name="res4d__path25_relu")(res4d__path25_bn)
    res4d__path26_relu = layers.ReLU(name="res4d__path26_relu")(res4d__path26_bn)
    res4d__path27_relu = layers.ReLU(name="res4d__path27_relu")(res4d__path27_bn)
    res4d__path28_relu = layers.ReLU(name="res4d__path28_relu")(res4d__path28_bn)
    res4d__path29_relu = layers.ReLU(name="res4d__path29_relu")(res4d__path29_bn)
    res4d__path30_relu = layers.ReLU(name="res4d__path30_relu")(res4d__path30_bn)
    res4d__path31_relu = layers.ReLU(name="res4d__path31_relu")(res4d__path31_bn)
    res4d__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path0_conv",
    )(res4d__path0_relu)
    res4d__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path1_conv",
    )(res4d__path1_relu)
    res4d__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path2_conv",
    )(res4d__path2_relu)
    res4d__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path3_conv",
    )(res4d__path3_relu)
    res4d__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path4_conv",
    )(res4d__path4_relu)
    res4d__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path5_conv",
    )(res4d__path5_relu)
    res4d__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path6_conv",
    )(res4d__path6_relu)
    res4d__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path7_conv",
    )(res4d__path7_relu)
    res4d__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path8_conv",
    )(res4d__path8_relu)
    res4d__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path9_conv",
    )(res4d__path9_relu)
    res4d__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path10_conv",
    )(res4d__path10_relu)
    res4d__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path11_conv",
    )(res4d__path11_relu)
    res4d__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path12_conv",
    )(res4d__path12_relu)
    res4d__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path13_conv",
    )(res4d__path13_relu)
    res4d__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path14_conv",
    )(res4d__path14_relu)
    res4d__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path15_conv",
    )(res4d__path15_relu)
    res4d__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path16_conv",
    )(res4d__path16_relu)
    res4d__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path17_conv",
    )(res4d__path17_relu)
    res4d__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path18_conv",
    )(res4d__path18_relu)
    res4d__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path19_conv",
    )(res4d__path19_relu)
    res4d__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path20_conv",
    )(res4d__path20_relu)
    res4d__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path21_conv",
    )(res4d__path21_relu)
    res4d__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path22_conv",
    )(res4d__path22_relu)
    res4d__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path23_conv",
    )(res4d__path23_relu)
    res4d__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path24_conv",
    )(res4d__path24_relu)
    res4d__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path25_conv",
    )(res4d__path25_relu)
    res4d__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path26_conv",
    )(res4d__path26_relu)
    res4d__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path27_conv",
    )(res4d__path27_relu)
    res4d__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path28_conv",
    )(res4d__path28_relu)
    res4d__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path29_conv",
    )(res4d__path29_relu)
    res4d__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path30_conv",
    )(res4d__path30_relu)
    res4d__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__path31_conv",
    )(res4d__path31_relu)
    res4d__concat_0 = layers.Concatenate(
        axis=-1, name="res4d__concat_0",
    )([res4d__path0_conv, res4d__path1_conv, res4d__path2_conv, res4d__path3_conv, res4d__path4_conv, res4d__path5_conv, res4d__path6_conv, res4d__path7_conv, res4d__path8_conv, res4d__path9_conv, res4d__path10_conv, res4d__path11_conv, res4d__path12_conv, res4d__path13_conv, res4d__path14_conv, res4d__path15_conv])
    res4d__concat_1 = layers.Concatenate(
        axis=-1, name="res4d__concat_1",
    )([res4d__path16_conv, res4d__path17_conv, res4d__path18_conv, res4d__path19_conv, res4d__path20_conv, res4d__path21_conv, res4d__path22_conv, res4d__path23_conv, res4d__path24_conv, res4d__path25_conv, res4d__path26_conv, res4d__path27_conv, res4d__path28_conv, res4d__path29_conv, res4d__path30_conv, res4d__path31_conv])
    res4d__concat = layers.Concatenate(axis=-1, name="res4d__concat")([res4d__concat_0, res4d__concat_1])
    res4d__bn_mid = layers.BatchNormalization(name="res4d__bn_mid")(res4d__concat)
    res4d__relu_mid = layers.ReLU(name="res4d__relu_mid")(res4d__bn_mid)
    res4d__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__expand",
    )(res4d__relu_mid)
    res4d__bn_out = layers.BatchNormalization(name="res4d__bn_out")(res4d__expand)
    res4d__add = layers.Add(name="res4d__add")([res4d__bn_out, res4c__relu_out])
    res4d__relu_out = layers.ReLU(name="res4d__relu_out")(res4d__add)

    # Block res4e (ResNeXt block "conv4_5", 1,130,496 parameters)
    res4e__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path0_reduce",
    )(res4d__relu_out)
    res4e__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path1_reduce",
    )(res4d__relu_out)
    res4e__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path2_reduce",
    )(res4d__relu_out)
    res4e__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path3_reduce",
    )(res4d__relu_out)
    res4e__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path4_reduce",
    )(res4d__relu_out)
    res4e__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path5_reduce",
    )(res4d__relu_out)
    res4e__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path6_reduce",
    )(res4d__relu_out)
    res4e__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path7_reduce",
    )(res4d__relu_out)
    res4e__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path8_reduce",
    )(res4d__relu_out)
    res4e__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path9_reduce",
    )(res4d__relu_out)
    res4e__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path10_reduce",
    )(res4d__relu_out)
    res4e__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path11_reduce",
    )(res4d__relu_out)
    res4e__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path12_reduce",
    )(res4d__relu_out)
    res4e__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path13_reduce",
    )(res4d__relu_out)
    res4e__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path14_reduce",
    )(res4d__relu_out)
    res4e__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path15_reduce",
    )(res4d__relu_out)
    res4e__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path16_reduce",
    )(res4d__relu_out)
    res4e__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path17_reduce",
    )(res4d__relu_out)
    res4e__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path18_reduce",
    )(res4d__relu_out)
    res4e__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path19_reduce",
    )(res4d__relu_out)
    res4e__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path20_reduce",
    )(res4d__relu_out)
    res4e__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path21_reduce",
    )(res4d__relu_out)
    res4e__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path22_reduce",
    )(res4d__relu_out)
    res4e__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path23_reduce",
    )(res4d__relu_out)
    res4e__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path24_reduce",
    )(res4d__relu_out)
    res4e__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path25_reduce",
    )(res4d__relu_out)
    res4e__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path26_reduce",
    )(res4d__relu_out)
    res4e__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path27_reduce",
    )(res4d__relu_out)
    res4e__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path28_reduce",
    )(res4d__relu_out)
    res4e__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path29_reduce",
    )(res4d__relu_out)
    res4e__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path30_reduce",
    )(res4d__relu_out)
    res4e__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__path31_reduce",
    )(res4d__relu_out)
    res4e__path0_bn = layers.BatchNormalization(name="res4e__path0_bn")(res4e__path0_reduce)
    res4e__path1_bn = layers.BatchNormalization(name="res4e__path1_bn")(res4e__path1_reduce)
    res4e__path2_bn = layers.BatchNormalization(name="res4e__path2_bn")(res4e__path2_reduce)
    res4e__path3_bn = layers.BatchNormalization(name="res4e__path3_bn")(res4e__path3_reduce)
    res4e__path4_bn = layers.BatchNormalization(name="res4e__path4_bn")(res4e__path4_reduce)
    res4e__path5_bn = layers.BatchNormalization(name="res4e__path5_bn")(res4e__path5_reduce)
    res4e__path6_bn = layers.BatchNormalization(name="res4e__path6_bn")(res4e__path6_reduce)
    res4e__path7_bn = layers.BatchNormalization(name="res4e__path7_bn")(res4e__path7_reduce)
    res4e__path8_bn = layers.BatchNormalization(name="res4e__path8_bn")(res4e__path8_reduce)
    res4e__path9_bn = layers.BatchNormalization(name="res4e__path9_bn")(res4e__path9_reduce)
    res4e__path10_bn = layers.BatchNormalization(name="res4e__path10_bn")(res4e__path10_reduce)
    res4e__path11_bn = layers.BatchNormalization(name="res4e__path11_bn")(res4e__path11_reduce)
    res4e__path12_bn = layers.BatchNormalization(name="res4e__path12_bn")(res4e__path12_reduce)
    res4e__path13_bn = layers.BatchNormalization(name="res4e__path13_bn")(res4e__path13_reduce)
    res4e__path14_bn = layers.BatchNormalization(name="res4e__path14_bn")(res4e__path14_reduce)
    res4e__path15_bn = layers.BatchNormalization(name="res4e__path15_bn")(res4e__path15_reduce)
    res4e__path16_bn = layers.BatchNormalization(name="res4e__path16_bn")(res4e__path16_reduce)
    res4e__path17_bn = layers.BatchNormalization(name="res4e__path17_bn")(res4e__path17_reduce)
    res4e__path18_bn = layers.BatchNormalization(name="res4e__path18_bn")(res4e__path18_reduce)
    res4e__path19_bn = layers.BatchNormalization(name="res4e__path19_bn")(res4e__path19_reduce)
    res4e__path20_bn = layers.BatchNormalization(name="res4e__path20_bn")(res4e__path20_reduce)
    res4e__path21_bn = layers.BatchNormalization(name="res4e__path21_bn")(res4e__path21_reduce)
    res4e__path22_bn = layers.BatchNormalization(name="res4e__path22_bn")(res4e__path22_reduce)
    res4e__path23_bn = layers.BatchNormalization(name="res4e__path23_bn")(res4e__path23_reduce)
    res4e__path24_bn = layers.BatchNormalization(name="res4e__path24_bn")(res4e__path24_reduce)
    res4e__path25_bn = layers.BatchNormalization(name="res4e__path25_bn")(res4e__path25_reduce)
    res4e__path26_bn = layers.BatchNormalization(name="res4e__path26_bn")(res4e__path26_reduce)
    res4e__path27_bn = layers.BatchNormalization(name="res4e__path27_bn")(res4e__path27_reduce)
    res4e__path28_bn = layers.BatchNormalization(name="res4e__path28_bn")(res4e__path28_reduce)
    res4e__path29_bn = layers.BatchNormalization(name="res4e__path29_bn")(res4e__path29_reduce)
    res4e__path30_bn = layers.BatchNormalization(name="res4e__path30_bn")(res4e__path30_reduce)
    res4e__path31_bn = layers.BatchNormalization(name="res4e__path31_bn")(res4e__path31_reduce)
    res4e__path0_relu = layers.ReLU(name="res4e__path0_relu")(res4e__path0_bn)
    res4e__path1_relu = layers.ReLU(name="res4e__path1_relu")(res4e__path1_bn)
    res4e__path2_relu = layers.ReLU(name="res4e__path2_relu")(res4e__path2_bn)
    res4e__path3_relu = layers.ReLU(name="res4e__path3_relu")(res4e__path3_bn)
    res4e__path4_relu = layers.ReLU(name="res4e__path4_relu")(res4e__path4_bn)
    res4e__path5_relu = layers.ReLU(name="res4e__path5_relu")(res4e__path5_bn)
    res4e__path6_relu = layers.ReLU(name="res4e__path6_relu")(res4e__path6_bn)
    res4e__path7_relu = layers.ReLU(name="res4e__path7_relu")(res4e__path7_bn)
    res4e__path8_relu = layers.ReLU(name="res4e__path8_relu")(res4e__path8_bn)
    res4e__path9_relu = layers.ReLU(name="res4e__path9_relu")(res4e__path9_bn)
    res4e__path10_relu = layers.ReLU(name="res4e__path10_relu")(res4e__path10_bn)
    res4e__path11_relu = layers.ReLU(name="res4e__path11_relu")(res4e__path11_bn)
    res4e__path12_relu = layers.ReLU(name="res4e__path12_relu")(res4e__path12_bn)
    res4e__path13_relu = layers.ReLU(name="res4e__path13_relu")(res4e__path13_bn)
    res4e__path14_relu = layers.ReLU(name="res4e__path14_relu")(res4e__path14_bn)
    res4e__path15_relu = layers.ReLU(name="res4e__path15_relu")(res4e__path15_bn)
    res4e__path16_relu = layers.ReLU(name="res4e__path16_relu")(res4e__path16_bn)
    res4e__path17_relu = layers.ReLU(name="res4e__path17_relu")(res4e__path17_bn)
    res4e__path18_relu = layers.ReLU(name="res4e__path18_relu")(res4e__path18_bn)
    res4e__path19_relu = layers.ReLU(name="res4e__path19_relu")(res4e__path19_bn)
    res4e__path20_relu = layers.ReLU(name="res4e__path20_relu")(res4e__path20_bn)
    res4e__path21_relu = layers.ReLU(name="res4e__path21_relu")(res4e__path21_bn)
    res4e__path22_relu = layers.ReLU(name="res4e__path22_relu")(res4e__path22_bn)
    res4e__path23_relu = layers.ReLU(name="res4e__path23_relu")(res4e__path23_bn)
    res4e__path24_relu = layers.ReLU(name="res4e__path24_relu")(res4e__path24_bn)
    res4e__path25_relu = layers.ReLU(name="res4e__path25_relu")(res4e__path25_bn)
    res4e__path26_relu = layers.ReLU(name="res4e__path26_relu")(res4e__path26_bn)
    res4e__path27_relu = layers.ReLU(name="res4e__path27_relu")(res4e__path27_bn)
    res4e__path28_relu = layers.ReLU(name="res4e__path28_relu")(res4e__path28_bn)
    res4e__path29_relu = layers.ReLU(name="res4e__path29_relu")(res4e__path29_bn)
    res4e__path30_relu = layers.ReLU(name="res4e__path30_relu")(res4e__path30_bn)
    res4e__path31_relu = layers.ReLU(name="res4e__path31_relu")(res4e__path31_bn)
    res4e__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path0_conv",
    )(res4e__path0_relu)
    res4e__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path1_conv",
    )(res4e__path1_relu)
    res4e__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path2_conv",
    )(res4e__path2_relu)
    res4e__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path3_conv",
    )(res4e__path3_relu)
    res4e__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path4_conv",
    )(res4e__path4_relu)
    res4e__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path5_conv",
    )(res4e__path5_relu)
    res4e__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path6_conv",
    )(res4e__path6_relu)
    res4e__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path7_conv",
    )(res4e__path7_relu)
    res4e__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path8_conv",
    )(res4e__path8_relu)
    res4e__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path9_conv",
    )(res4e__path9_relu)
    res4e__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path10_conv",
    )(res4e__path10_relu)
    res4e__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path11_conv",
    )(res4e__path11_relu)
    res4e__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path12_conv",
    )(res4e__path12_relu)
    res4e__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path13_conv",
    )(res4e__path13_relu)
    res4e__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path14_conv",
    )(res4e__path14_relu)
    res4e__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path15_conv",
    )(res4e__path15_relu)
    res4e__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path16_conv",
    )(res4e__path16_relu)
    res4e__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path17_conv",
    )(res4e__path17_relu)
    res4e__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path18_conv",
    )(res4e__path18_relu)
    res4e__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path19_conv",
    )(res4e__path19_relu)
    res4e__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path20_conv",
    )(res4e__path20_relu)
    res4e__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path21_conv",
    )(res4e__path21_relu)
    res4e__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path22_conv",
    )(res4e__path22_relu)
    res4e__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path23_conv",
    )(res4e__path23_relu)
    res4e__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path24_conv",
    )(res4e__path24_relu)
    res4e__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path25_conv",
    )(res4e__path25_relu)
    res4e__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path26_conv",
    )(res4e__path26_relu)
    res4e__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path27_conv",
    )(res4e__path27_relu)
    res4e__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path28_conv",
    )(res4e__path28_relu)
    res4e__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path29_conv",
    )(res4e__path29_relu)
    res4e__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path30_conv",
    )(res4e__path30_relu)
    res4e__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__path31_conv",
    )(res4e__path31_relu)
    res4e__concat_0 = layers.Concatenate(
        axis=-1, name="res4e__concat_0",
    )([res4e__path0_conv, res4e__path1_conv, res4e__path2_conv, res4e__path3_conv, res4e__path4_conv, res4e__path5_conv, res4e__path6_conv, res4e__path7_conv, res4e__path8_conv, res4e__path9_conv, res4e__path10_conv, res4e__path11_conv, res4e__path12_conv, res4e__path13_conv, res4e__path14_conv, res4e__path15_conv])
    res4e__concat_1 = layers.Concatenate(
        axis=-1, name="res4e__concat_1",
    )([res4e__path16_conv, res4e__path17_conv, res4e__path18_conv, res4e__path19_conv, res4e__path20_conv, res4e__path21_conv, res4e__path22_conv, res4e__path23_conv, res4e__path24_conv, res4e__path25_conv, res4e__path26_conv, res4e__path27_conv, res4e__path28_conv, res4e__path29_conv, res4e__path30_conv, res4e__path31_conv])
    res4e__concat = layers.Concatenate(axis=-1, name="res4e__concat")([res4e__concat_0, res4e__concat_1])
    res4e__bn_mid = layers.BatchNormalization(name="res4e__bn_mid")(res4e__concat)
    res4e__relu_mid = layers.ReLU(name="res4e__relu_mid")(res4e__bn_mid)
    res4e__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__expand",
    )(res4e__relu_mid)
    res4e__bn_out = layers.BatchNormalization(name="res4e__bn_out")(res4e__expand)
    res4e__add = layers.Add(name="res4e__add")([res4e__bn_out, res4d__relu_out])
    res4e__relu_out = layers.ReLU(name="res4e__relu_out")(res4e__add)

    # Block res4f (ResNeXt block "conv4_6", 1,130,496 parameters)
    res4f__path0_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path0_reduce",
    )(res4e__relu_out)
    res4f__path1_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path1_reduce",
    )(res4e__relu_out)
    res4f__path2_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path2_reduce",
    )(res4e__relu_out)
    res4f__path3_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path3_reduce",
    )(res4e__relu_out)
    res4f__path4_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path4_reduce",
    )(res4e__relu_out)
    res4f__path5_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path5_reduce",
    )(res4e__relu_out)
    res4f__path6_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path6_reduce",
    )(res4e__relu_out)
    res4f__path7_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path7_reduce",
    )(res4e__relu_out)
    res4f__path8_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path8_reduce",
    )(res4e__relu_out)
    res4f__path9_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path9_reduce",
    )(res4e__relu_out)
    res4f__path10_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path10_reduce",
    )(res4e__relu_out)
    res4f__path11_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path11_reduce",
    )(res4e__relu_out)
    res4f__path12_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path12_reduce",
    )(res4e__relu_out)
    res4f__path13_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path13_reduce",
    )(res4e__relu_out)
    res4f__path14_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path14_reduce",
    )(res4e__relu_out)
    res4f__path15_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path15_reduce",
    )(res4e__relu_out)
    res4f__path16_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path16_reduce",
    )(res4e__relu_out)
    res4f__path17_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path17_reduce",
    )(res4e__relu_out)
    res4f__path18_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path18_reduce",
    )(res4e__relu_out)
    res4f__path19_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path19_reduce",
    )(res4e__relu_out)
    res4f__path20_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path20_reduce",
    )(res4e__relu_out)
    res4f__path21_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path21_reduce",
    )(res4e__relu_out)
    res4f__path22_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path22_reduce",
    )(res4e__relu_out)
    res4f__path23_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path23_reduce",
    )(res4e__relu_out)
    res4f__path24_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path24_reduce",
    )(res4e__relu_out)
    res4f__path25_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path25_reduce",
    )(res4e__relu_out)
    res4f__path26_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path26_reduce",
    )(res4e__relu_out)
    res4f__path27_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path27_reduce",
    )(res4e__relu_out)
    res4f__path28_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path28_reduce",
    )(res4e__relu_out)
    res4f__path29_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path29_reduce",
    )(res4e__relu_out)
    res4f__path30_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path30_reduce",
    )(res4e__relu_out)
    res4f__path31_reduce = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__path31_reduce",
    )(res4e__relu_out)
    res4f__path0_bn = layers.BatchNormalization(name="res4f__path0_bn")(res4f__path0_reduce)
    res4f__path1_bn = layers.BatchNormalization(name="res4f__path1_bn")(res4f__path1_reduce)
    res4f__path2_bn = layers.BatchNormalization(name="res4f__path2_bn")(res4f__path2_reduce)
    res4f__path3_bn = layers.BatchNormalization(name="res4f__path3_bn")(res4f__path3_reduce)
    res4f__path4_bn = layers.BatchNormalization(name="res4f__path4_bn")(res4f__path4_reduce)
    res4f__path5_bn = layers.BatchNormalization(name="res4f__path5_bn")(res4f__path5_reduce)
    res4f__path6_bn = layers.BatchNormalization(name="res4f__path6_bn")(res4f__path6_reduce)
    res4f__path7_bn = layers.BatchNormalization(name="res4f__path7_bn")(res4f__path7_reduce)
    res4f__path8_bn = layers.BatchNormalization(name="res4f__path8_bn")(res4f__path8_reduce)
    res4f__path9_bn = layers.BatchNormalization(name="res4f__path9_bn")(res4f__path9_reduce)
    res4f__path10_bn = layers.BatchNormalization(name="res4f__path10_bn")(res4f__path10_reduce)
    res4f__path11_bn = layers.BatchNormalization(name="res4f__path11_bn")(res4f__path11_reduce)
    res4f__path12_bn = layers.BatchNormalization(name="res4f__path12_bn")(res4f__path12_reduce)
    res4f__path13_bn = layers.BatchNormalization(name="res4f__path13_bn")(res4f__path13_reduce)
    res4f__path14_bn = layers.BatchNormalization(name="res4f__path14_bn")(res4f__path14_reduce)
    res4f__path15_bn = layers.BatchNormalization(name="res4f__path15_bn")(res4f__path15_reduce)
    res4f__path16_bn = layers.BatchNormalization(name="res4f__path16_bn")(res4f__path16_reduce)
    res4f__path17_bn = layers.BatchNormalization(name="res4f__path17_bn")(res4f__path17_reduce)
    res4f__path18_bn = layers.BatchNormalization(name="res4f__path18_bn")(res4f__path18_reduce)
    res4f__path19_bn = layers.BatchNormalization(name="res4f__path19_bn")(res4f__path19_reduce)
    res4f__path20_bn = layers.BatchNormalization(name="res4f__path20_bn")(res4f__path20_reduce)
    res4f__path21_bn = layers.BatchNormalization(name="res4f__path21_bn")(res4f__path21_reduce)
    res4f__path22_bn = layers.BatchNormalization(name="res4f__path22_bn")(res4f__path22_reduce)
    res4f__path23_bn = layers.BatchNormalization(name="res4f__path23_bn")(res4f__path23_reduce)
    res4f__path24_bn = layers.BatchNormalization(name="res4f__path24_bn")(res4f__path24_reduce)
    res4f__path25_bn = layers.BatchNormalization(name="res4f__path25_bn")(res4f__path25_reduce)
    res4f__path26_bn = layers.BatchNormalization(name="res4f__path26_bn")(res4f__path26_reduce)
    res4f__path27_bn = layers.BatchNormalization(name="res4f__path27_bn")(res4f__path27_reduce)
    res4f__path28_bn = layers.BatchNormalization(name="res4f__path28_bn")(res4f__path28_reduce)
    res4f__path29_bn = layers.BatchNormalization(name="res4f__path29_bn")(res4f__path29_reduce)
    res4f__path30_bn = layers.BatchNormalization(name="res4f__path30_bn")(res4f__path30_reduce)
    res4f__path31_bn = layers.BatchNormalization(name="res4f__path31_bn")(res4f__path31_reduce)
    res4f__path0_relu = layers.ReLU(name="res4f__path0_relu")(res4f__path0_bn)
    res4f__path1_relu = layers.ReLU(name="res4f__path1_relu")(res4f__path1_bn)
    res4f__path2_relu = layers.ReLU(name="res4f__path2_relu")(res4f__path2_bn)
    res4f__path3_relu = layers.ReLU(name="res4f__path3_relu")(res4f__path3_bn)
    res4f__path4_relu = layers.ReLU(name="res4f__path4_relu")(res4f__path4_bn)
    res4f__path5_relu = layers.ReLU(name="res4f__path5_relu")(res4f__path5_bn)
    res4f__path6_relu = layers.ReLU(name="res4f__path6_relu")(res4f__path6_bn)
    res4f__path7_relu = layers.ReLU(name="res4f__path7_relu")(res4f__path7_bn)
    res4f__path8_relu = layers.ReLU(name="res4f__path8_relu")(res4f__path8_bn)
    res4f__path9_relu = layers.ReLU(name="res4f__path9_relu")(res4f__path9_bn)
    res4f__path10_relu = layers.ReLU(name="res4f__path10_relu")(res4f__path10_bn)
    res4f__path11_relu = layers.ReLU(name="res4f__path11_relu")(res4f__path11_bn)
    res4f__path12_relu = layers.ReLU(name="res4f__path12_relu")(res4f__path12_bn)
    res4f__path13_relu = layers.ReLU(name="res4f__path13_relu")(res4f__path13_bn)
    res4f__path14_relu = layers.ReLU(name="res4f__path14_relu")(res4f__path14_bn)
    res4f__path15_relu = layers.ReLU(name="res4f__path15_relu")(res4f__path15_bn)
    res4f__path16_relu = layers.ReLU(name="res4f__path16_relu")(res4f__path16_bn)
    res4f__path17_relu = layers.ReLU(name="res4f__path17_relu")(res4f__path17_bn)
    res4f__path18_relu = layers.ReLU(name="res4f__path18_relu")(res4f__path18_bn)
    res4f__path19_relu = layers.ReLU(name="res4f__path19_relu")(res4f__path19_bn)
    res4f__path20_relu = layers.ReLU(name="res4f__path20_relu")(res4f__path20_bn)
    res4f__path21_relu = layers.ReLU(name="res4f__path21_relu")(res4f__path21_bn)
    res4f__path22_relu = layers.ReLU(name="res4f__path22_relu")(res4f__path22_bn)
    res4f__path23_relu = layers.ReLU(name="res4f__path23_relu")(res4f__path23_bn)
    res4f__path24_relu = layers.ReLU(name="res4f__path24_relu")(res4f__path24_bn)
    res4f__path25_relu = layers.ReLU(name="res4f__path25_relu")(res4f__path25_bn)
    res4f__path26_relu = layers.ReLU(name="res4f__path26_relu")(res4f__path26_bn)
    res4f__path27_relu = layers.ReLU(name="res4f__path27_relu")(res4f__path27_bn)
    res4f__path28_relu = layers.ReLU(name="res4f__path28_relu")(res4f__path28_bn)
    res4f__path29_relu = layers.ReLU(name="res4f__path29_relu")(res4f__path29_bn)
    res4f__path30_relu = layers.ReLU(name="res4f__path30_relu")(res4f__path30_bn)
    res4f__path31_relu = layers.ReLU(name="res4f__path31_relu")(res4f__path31_bn)
    res4f__path0_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path0_conv",
    )(res4f__path0_relu)
    res4f__path1_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path1_conv",
    )(res4f__path1_relu)
    res4f__path2_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path2_conv",
    )(res4f__path2_relu)
    res4f__path3_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path3_conv",
    )(res4f__path3_relu)
    res4f__path4_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path4_conv",
    )(res4f__path4_relu)
    res4f__path5_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path5_conv",
    )(res4f__path5_relu)
    res4f__path6_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path6_conv",
    )(res4f__path6_relu)
    res4f__path7_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path7_conv",
    )(res4f__path7_relu)
    res4f__path8_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path8_conv",
    )(res4f__path8_relu)
    res4f__path9_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path9_conv",
    )(res4f__path9_relu)
    res4f__path10_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path10_conv",
    )(res4f__path10_relu)
    res4f__path11_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path11_conv",
    )(res4f__path11_relu)
    res4f__path12_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path12_conv",
    )(res4f__path12_relu)
    res4f__path13_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path13_conv",
    )(res4f__path13_relu)
    res4f__path14_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path14_conv",
    )(res4f__path14_relu)
    res4f__path15_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path15_conv",
    )(res4f__path15_relu)
    res4f__path16_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path16_conv",
    )(res4f__path16_relu)
    res4f__path17_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path17_conv",
    )(res4f__path17_relu)
    res4f__path18_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path18_conv",
    )(res4f__path18_relu)
    res4f__path19_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path19_conv",
    )(res4f__path19_relu)
    res4f__path20_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path20_conv",
    )(res4f__path20_relu)
    res4f__path21_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path21_conv",
    )(res4f__path21_relu)
    res4f__path22_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path22_conv",
    )(res4f__path22_relu)
    res4f__path23_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path23_conv",
    )(res4f__path23_relu)
    res4f__path24_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path24_conv",
    )(res4f__path24_relu)
    res4f__path25_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path25_conv",
    )(res4f__path25_relu)
    res4f__path26_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path26_conv",
    )(res4f__path26_relu)
    res4f__path27_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path27_conv",
    )(res4f__path27_relu)
    res4f__path28_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path28_conv",
    )(res4f__path28_relu)
    res4f__path29_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path29_conv",
    )(res4f__path29_relu)
    res4f__path30_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path30_conv",
    )(res4f__path30_relu)
    res4f__path31_conv = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__path31_conv",
    )(res4f__path31_relu)
    res4f__concat_0 = layers.Concatenate(
        axis=-1, name="res4f__concat_0",
    )([res4f__path0_conv, res4f__path1_conv, res4f__path2_conv, res4f__path3_conv, res4f__path4_conv, res4f__path5_conv, res4f__path6_conv, res4f__path7_conv, res4f__path8_conv, res4f__path9_conv, res4f__path10_conv, res4f__path11_conv, res4f__path12_conv, res4f__path13_conv, res4f__path14_conv, res4f__path15_conv])
    res4f__concat_1 = layers.Concatenate(
        axis=-1, name="res4f__concat_1",
    )([res4f__path16_conv, res4f__path17_conv, res4f__path18_conv, res4f__path19_conv, res4f__path20_conv, res4f__path21_conv, res4f__path22_conv, res4f__path23_conv, res4f__path24_conv, res4f__path25_conv, res4f__path26_conv, res4f__path27_conv, res4f__path28_conv, res4f__path29_conv, res4f__path30_conv, res4f__path31_conv])
    res4f__concat = layers.Concatenate(axis=-1, name="res4f__concat")([res4f__concat_0, res4f__concat_1])
    res4f__bn_mid = layers.BatchNormalization(name="res4f__bn_mid")(res4f__concat)
    res4f__relu_mid = layers.ReLU(name="res4f__relu_mid")(res4f__bn_mid)
    res4f__expand = layers.Conv2D(
        filters=1024, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__expand",
    )(res4f__relu_mid)
    res4f__bn_out = layers.BatchNormalization(name="res4f__bn_out")(res4f__expand)
    res4f__add = layers.Add(name="res4f__add")([res4f__bn_out, res4e__relu_out])
    res4f__relu_out = layers.ReLU(name="res4f__relu_out")(res4f__add)

    # Block res5a (ResNeXt block "conv5_1 ↓2", 5,562,368 parameters)
    res5a__path0_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path0_reduce",
    )(res4f__relu_out)
    res5a__path1_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path1_reduce",
    )(res4f__relu_out)
    res5a__path2_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path2_reduce",
    )(res4f__relu_out)
    res5a__path3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path3_reduce",
    )(res4f__relu_out)
    res5a__path4_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path4_reduce",
    )(res4f__relu_out)
    res5a__path5_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path5_reduce",
    )(res4f__relu_out)
    res5a__path6_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path6_reduce",
    )(res4f__relu_out)
    res5a__path7_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path7_reduce",
    )(res4f__relu_out)
    res5a__path8_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path8_reduce",
    )(res4f__relu_out)
    res5a__path9_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path9_reduce",
    )(res4f__relu_out)
    res5a__path10_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path10_reduce",
    )(res4f__relu_out)
    res5a__path11_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path11_reduce",
    )(res4f__relu_out)
    res5a__path12_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path12_reduce",
    )(res4f__relu_out)
    res5a__path13_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path13_reduce",
    )(res4f__relu_out)
    res5a__path14_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path14_reduce",
    )(res4f__relu_out)
    res5a__path15_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path15_reduce",
    )(res4f__relu_out)
    res5a__path16_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path16_reduce",
    )(res4f__relu_out)
    res5a__path17_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path17_reduce",
    )(res4f__relu_out)
    res5a__path18_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path18_reduce",
    )(res4f__relu_out)
    res5a__path19_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path19_reduce",
    )(res4f__relu_out)
    res5a__path20_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path20_reduce",
    )(res4f__relu_out)
    res5a__path21_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path21_reduce",
    )(res4f__relu_out)
    res5a__path22_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path22_reduce",
    )(res4f__relu_out)
    res5a__path23_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path23_reduce",
    )(res4f__relu_out)
    res5a__path24_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path24_reduce",
    )(res4f__relu_out)
    res5a__path25_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path25_reduce",
    )(res4f__relu_out)
    res5a__path26_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path26_reduce",
    )(res4f__relu_out)
    res5a__path27_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path27_reduce",
    )(res4f__relu_out)
    res5a__path28_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path28_reduce",
    )(res4f__relu_out)
    res5a__path29_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path29_reduce",
    )(res4f__relu_out)
    res5a__path30_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path30_reduce",
    )(res4f__relu_out)
    res5a__path31_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__path31_reduce",
    )(res4f__relu_out)
    res5a__proj = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res5a__proj",
    )(res4f__relu_out)
    res5a__path0_bn = layers.BatchNormalization(name="res5a__path0_bn")(res5a__path0_reduce)
    res5a__path1_bn = layers.BatchNormalization(name="res5a__path1_bn")(res5a__path1_reduce)
    res5a__path2_bn = layers.BatchNormalization(name="res5a__path2_bn")(res5a__path2_reduce)
    res5a__path3_bn = layers.BatchNormalization(name="res5a__path3_bn")(res5a__path3_reduce)
    res5a__path4_bn = layers.BatchNormalization(name="res5a__path4_bn")(res5a__path4_reduce)
    res5a__path5_bn = layers.BatchNormalization(name="res5a__path5_bn")(res5a__path5_reduce)
    res5a__path6_bn = layers.BatchNormalization(name="res5a__path6_bn")(res5a__path6_reduce)
    res5a__path7_bn = layers.BatchNormalization(name="res5a__path7_bn")(res5a__path7_reduce)
    res5a__path8_bn = layers.BatchNormalization(name="res5a__path8_bn")(res5a__path8_reduce)
    res5a__path9_bn = layers.BatchNormalization(name="res5a__path9_bn")(res5a__path9_reduce)
    res5a__path10_bn = layers.BatchNormalization(name="res5a__path10_bn")(res5a__path10_reduce)
    res5a__path11_bn = layers.BatchNormalization(name="res5a__path11_bn")(res5a__path11_reduce)
    res5a__path12_bn = layers.BatchNormalization(name="res5a__path12_bn")(res5a__path12_reduce)
    res5a__path13_bn = layers.BatchNormalization(name="res5a__path13_bn")(res5a__path13_reduce)
    res5a__path14_bn = layers.BatchNormalization(name="res5a__path14_bn")(res5a__path14_reduce)
    res5a__path15_bn = layers.BatchNormalization(name="res5a__path15_bn")(res5a__path15_reduce)
    res5a__path16_bn = layers.BatchNormalization(name="res5a__path16_bn")(res5a__path16_reduce)
    res5a__path17_bn = layers.BatchNormalization(name="res5a__path17_bn")(res5a__path17_reduce)
    res5a__path18_bn = layers.BatchNormalization(name="res5a__path18_bn")(res5a__path18_reduce)
    res5a__path19_bn = layers.BatchNormalization(name="res5a__path19_bn")(res5a__path19_reduce)
    res5a__path20_bn = layers.BatchNormalization(name="res5a__path20_bn")(res5a__path20_reduce)
    res5a__path21_bn = layers.BatchNormalization(name="res5a__path21_bn")(res5a__path21_reduce)
    res5a__path22_bn = layers.BatchNormalization(name="res5a__path22_bn")(res5a__path22_reduce)
    res5a__path23_bn = layers.BatchNormalization(name="res5a__path23_bn")(res5a__path23_reduce)
    res5a__path24_bn = layers.BatchNormalization(name="res5a__path24_bn")(res5a__path24_reduce)
    res5a__path25_bn = layers.BatchNormalization(name="res5a__path25_bn")(res5a__path25_reduce)
    res5a__path26_bn = layers.BatchNormalization(name="res5a__path26_bn")(res5a__path26_reduce)
    res5a__path27_bn = layers.BatchNormalization(name="res5a__path27_bn")(res5a__path27_reduce)
    res5a__path28_bn = layers.BatchNormalization(name="res5a__path28_bn")(res5a__path28_reduce)
    res5a__path29_bn = layers.BatchNormalization(name="res5a__path29_bn")(res5a__path29_reduce)
    res5a__path30_bn = layers.BatchNormalization(name="res5a__path30_bn")(res5a__path30_reduce)
    res5a__path31_bn = layers.BatchNormalization(name="res5a__path31_bn")(res5a__path31_reduce)
    res5a__proj_bn = layers.BatchNormalization(name="res5a__proj_bn")(res5a__proj)
    res5a__path0_relu = layers.ReLU(name="res5a__path0_relu")(res5a__path0_bn)
    res5a__path1_relu = layers.ReLU(name="res5a__path1_relu")(res5a__path1_bn)
    res5a__path2_relu = layers.ReLU(name="res5a__path2_relu")(res5a__path2_bn)
    res5a__path3_relu = layers.ReLU(name="res5a__path3_relu")(res5a__path3_bn)
    res5a__path4_relu = layers.ReLU(name="res5a__path4_relu")(res5a__path4_bn)
    res5a__path5_relu = layers.ReLU(name="res5a__path5_relu")(res5a__path5_bn)
    res5a__path6_relu = layers.ReLU(name="res5a__path6_relu")(res5a__path6_bn)
    res5a__path7_relu = layers.ReLU(name="res5a__path7_relu")(res5a__path7_bn)
    res5a__path8_relu = layers.ReLU(name="res5a__path8_relu")(res5a__path8_bn)
    res5a__path9_relu = layers.ReLU(name="res5a__path9_relu")(res5a__path9_bn)
    res5a__path10_relu = layers.ReLU(name="res5a__path10_relu")(res5a__path10_bn)
    res5a__path11_relu = layers.ReLU(name="res5a__path11_relu")(res5a__path11_bn)
    res5a__path12_relu = layers.ReLU(name="res5a__path12_relu")(res5a__path12_bn)
    res5a__path13_relu = layers.ReLU(name="res5a__path13_relu")(res5a__path13_bn)
    res5a__path14_relu = layers.ReLU(name="res5a__path14_relu")(res5a__path14_bn)
    res5a__path15_relu = layers.ReLU(name="res5a__path15_relu")(res5a__path15_bn)
    res5a__path16_relu = layers.ReLU(name="res5a__path16_relu")(res5a__path16_bn)
    res5a__path17_relu = layers.ReLU(name="res5a__path17_relu")(res5a__path17_bn)
    res5a__path18_relu = layers.ReLU(name="res5a__path18_relu")(res5a__path18_bn)
    res5a__path19_relu = layers.ReLU(name="res5a__path19_relu")(res5a__path19_bn)
    res5a__path20_relu = layers.ReLU(name="res5a__path20_relu")(res5a__path20_bn)
    res5a__path21_relu = layers.ReLU(name="res5a__path21_relu")(res5a__path21_bn)
    res5a__path22_relu = layers.ReLU(name="res5a__path22_relu")(res5a__path22_bn)
    res5a__path23_relu = layers.ReLU(name="res5a__path23_relu")(res5a__path23_bn)
    res5a__path24_relu = layers.ReLU(name="res5a__path24_relu")(res5a__path24_bn)
    res5a__path25_relu = layers.ReLU(name="res5a__path25_relu")(res5a__path25_bn)
    res5a__path26_relu = layers.ReLU(name="res5a__path26_relu")(res5a__path26_bn)
    res5a__path27_relu = layers.ReLU(name="res5a__path27_relu")(res5a__path27_bn)
    res5a__path28_relu = layers.ReLU(name="res5a__path28_relu")(res5a__path28_bn)
    res5a__path29_relu = layers.ReLU(name="res5a__path29_relu")(res5a__path29_bn)
    res5a__path30_relu = layers.ReLU(name="res5a__path30_relu")(res5a__path30_bn)
    res5a__path31_relu = layers.ReLU(name="res5a__path31_relu")(res5a__path31_bn)
    res5a__path0_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path0_conv",
    )(res5a__path0_relu)
    res5a__path1_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path1_conv",
    )(res5a__path1_relu)
    res5a__path2_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path2_conv",
    )(res5a__path2_relu)
    res5a__path3_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path3_conv",
    )(res5a__path3_relu)
    res5a__path4_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path4_conv",
    )(res5a__path4_relu)
    res5a__path5_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path5_conv",
    )(res5a__path5_relu)
    res5a__path6_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path6_conv",
    )(res5a__path6_relu)
    res5a__path7_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path7_conv",
    )(res5a__path7_relu)
    res5a__path8_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path8_conv",
    )(res5a__path8_relu)
    res5a__path9_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path9_conv",
    )(res5a__path9_relu)
    res5a__path10_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path10_conv",
    )(res5a__path10_relu)
    res5a__path11_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path11_conv",
    )(res5a__path11_relu)
    res5a__path12_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path12_conv",
    )(res5a__path12_relu)
    res5a__path13_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path13_conv",
    )(res5a__path13_relu)
    res5a__path14_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path14_conv",
    )(res5a__path14_relu)
    res5a__path15_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path15_conv",
    )(res5a__path15_relu)
    res5a__path16_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path16_conv",
    )(res5a__path16_relu)
    res5a__path17_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path17_conv",
    )(res5a__path17_relu)
    res5a__path18_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path18_conv",
    )(res5a__path18_relu)
    res5a__path19_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path19_conv",
    )(res5a__path19_relu)
    res5a__path20_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path20_conv",
    )(res5a__path20_relu)
    res5a__path21_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path21_conv",
    )(res5a__path21_relu)
    res5a__path22_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path22_conv",
    )(res5a__path22_relu)
    res5a__path23_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path23_conv",
    )(res5a__path23_relu)
    res5a__path24_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path24_conv",
    )(res5a__path24_relu)
    res5a__path25_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path25_conv",
    )(res5a__path25_relu)
    res5a__path26_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path26_conv",
    )(res5a__path26_relu)
    res5a__path27_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path27_conv",
    )(res5a__path27_relu)
    res5a__path28_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path28_conv",
    )(res5a__path28_relu)
    res5a__path29_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path29_conv",
    )(res5a__path29_relu)
    res5a__path30_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path30_conv",
    )(res5a__path30_relu)
    res5a__path31_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False,
        name="res5a__path31_conv",
    )(res5a__path31_relu)
    res5a__concat_0 = layers.Concatenate(
        axis=-1, name="res5a__concat_0",
    )([res5a__path0_conv, res5a__path1_conv, res5a__path2_conv, res5a__path3_conv, res5a__path4_conv, res5a__path5_conv, res5a__path6_conv, res5a__path7_conv, res5a__path8_conv, res5a__path9_conv, res5a__path10_conv, res5a__path11_conv, res5a__path12_conv, res5a__path13_conv, res5a__path14_conv, res5a__path15_conv])
    res5a__concat_1 = layers.Concatenate(
        axis=-1, name="res5a__concat_1",
    )([res5a__path16_conv, res5a__path17_conv, res5a__path18_conv, res5a__path19_conv, res5a__path20_conv, res5a__path21_conv, res5a__path22_conv, res5a__path23_conv, res5a__path24_conv, res5a__path25_conv, res5a__path26_conv, res5a__path27_conv, res5a__path28_conv, res5a__path29_conv, res5a__path30_conv, res5a__path31_conv])
    res5a__concat = layers.Concatenate(axis=-1, name="res5a__concat")([res5a__concat_0, res5a__concat_1])
    res5a__bn_mid = layers.BatchNormalization(name="res5a__bn_mid")(res5a__concat)
    res5a__relu_mid = layers.ReLU(name="res5a__relu_mid")(res5a__bn_mid)
    res5a__expand = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__expand",
    )(res5a__relu_mid)
    res5a__bn_out = layers.BatchNormalization(name="res5a__bn_out")(res5a__expand)
    res5a__add = layers.Add(name="res5a__add")([res5a__bn_out, res5a__proj_bn])
    res5a__relu_out = layers.ReLU(name="res5a__relu_out")(res5a__add)

    # Block res5b (ResNeXt block "conv5_2", 4,505,600 parameters)
    res5b__path0_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path0_reduce",
    )(res5a__relu_out)
    res5b__path1_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path1_reduce",
    )(res5a__relu_out)
    res5b__path2_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path2_reduce",
    )(res5a__relu_out)
    res5b__path3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path3_reduce",
    )(res5a__relu_out)
    res5b__path4_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path4_reduce",
    )(res5a__relu_out)
    res5b__path5_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path5_reduce",
    )(res5a__relu_out)
    res5b__path6_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path6_reduce",
    )(res5a__relu_out)
    res5b__path7_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path7_reduce",
    )(res5a__relu_out)
    res5b__path8_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path8_reduce",
    )(res5a__relu_out)
    res5b__path9_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path9_reduce",
    )(res5a__relu_out)
    res5b__path10_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path10_reduce",
    )(res5a__relu_out)
    res5b__path11_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path11_reduce",
    )(res5a__relu_out)
    res5b__path12_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path12_reduce",
    )(res5a__relu_out)
    res5b__path13_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path13_reduce",
    )(res5a__relu_out)
    res5b__path14_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path14_reduce",
    )(res5a__relu_out)
    res5b__path15_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path15_reduce",
    )(res5a__relu_out)
    res5b__path16_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path16_reduce",
    )(res5a__relu_out)
    res5b__path17_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path17_reduce",
    )(res5a__relu_out)
    res5b__path18_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path18_reduce",
    )(res5a__relu_out)
    res5b__path19_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path19_reduce",
    )(res5a__relu_out)
    res5b__path20_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path20_reduce",
    )(res5a__relu_out)
    res5b__path21_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path21_reduce",
    )(res5a__relu_out)
    res5b__path22_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path22_reduce",
    )(res5a__relu_out)
    res5b__path23_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path23_reduce",
    )(res5a__relu_out)
    res5b__path24_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path24_reduce",
    )(res5a__relu_out)
    res5b__path25_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path25_reduce",
    )(res5a__relu_out)
    res5b__path26_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path26_reduce",
    )(res5a__relu_out)
    res5b__path27_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path27_reduce",
    )(res5a__relu_out)
    res5b__path28_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path28_reduce",
    )(res5a__relu_out)
    res5b__path29_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path29_reduce",
    )(res5a__relu_out)
    res5b__path30_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path30_reduce",
    )(res5a__relu_out)
    res5b__path31_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__path31_reduce",
    )(res5a__relu_out)
    res5b__path0_bn = layers.BatchNormalization(name="res5b__path0_bn")(res5b__path0_reduce)
    res5b__path1_bn = layers.BatchNormalization(name="res5b__path1_bn")(res5b__path1_reduce)
    res5b__path2_bn = layers.BatchNormalization(name="res5b__path2_bn")(res5b__path2_reduce)
    res5b__path3_bn = layers.BatchNormalization(name="res5b__path3_bn")(res5b__path3_reduce)
    res5b__path4_bn = layers.BatchNormalization(name="res5b__path4_bn")(res5b__path4_reduce)
    res5b__path5_bn = layers.BatchNormalization(name="res5b__path5_bn")(res5b__path5_reduce)
    res5b__path6_bn = layers.BatchNormalization(name="res5b__path6_bn")(res5b__path6_reduce)
    res5b__path7_bn = layers.BatchNormalization(name="res5b__path7_bn")(res5b__path7_reduce)
    res5b__path8_bn = layers.BatchNormalization(name="res5b__path8_bn")(res5b__path8_reduce)
    res5b__path9_bn = layers.BatchNormalization(name="res5b__path9_bn")(res5b__path9_reduce)
    res5b__path10_bn = layers.BatchNormalization(name="res5b__path10_bn")(res5b__path10_reduce)
    res5b__path11_bn = layers.BatchNormalization(name="res5b__path11_bn")(res5b__path11_reduce)
    res5b__path12_bn = layers.BatchNormalization(name="res5b__path12_bn")(res5b__path12_reduce)
    res5b__path13_bn = layers.BatchNormalization(name="res5b__path13_bn")(res5b__path13_reduce)
    res5b__path14_bn = layers.BatchNormalization(name="res5b__path14_bn")(res5b__path14_reduce)
    res5b__path15_bn = layers.BatchNormalization(name="res5b__path15_bn")(res5b__path15_reduce)
    res5b__path16_bn = layers.BatchNormalization(name="res5b__path16_bn")(res5b__path16_reduce)
    res5b__path17_bn = layers.BatchNormalization(name="res5b__path17_bn")(res5b__path17_reduce)
    res5b__path18_bn = layers.BatchNormalization(name="res5b__path18_bn")(res5b__path18_reduce)
    res5b__path19_bn = layers.BatchNormalization(name="res5b__path19_bn")(res5b__path19_reduce)
    res5b__path20_bn = layers.BatchNormalization(name="res5b__path20_bn")(res5b__path20_reduce)
    res5b__path21_bn = layers.BatchNormalization(name="res5b__path21_bn")(res5b__path21_reduce)
    res5b__path22_bn = layers.BatchNormalization(name="res5b__path22_bn")(res5b__path22_reduce)
    res5b__path23_bn = layers.BatchNormalization(name="res5b__path23_bn")(res5b__path23_reduce)
    res5b__path24_bn = layers.BatchNormalization(name="res5b__path24_bn")(res5b__path24_reduce)
    res5b__path25_bn = layers.BatchNormalization(name="res5b__path25_bn")(res5b__path25_reduce)
    res5b__path26_bn = layers.BatchNormalization(name="res5b__path26_bn")(res5b__path26_reduce)
    res5b__path27_bn = layers.BatchNormalization(name="res5b__path27_bn")(res5b__path27_reduce)
    res5b__path28_bn = layers.BatchNormalization(name="res5b__path28_bn")(res5b__path28_reduce)
    res5b__path29_bn = layers.BatchNormalization(name="res5b__path29_bn")(res5b__path29_reduce)
    res5b__path30_bn = layers.BatchNormalization(name="res5b__path30_bn")(res5b__path30_reduce)
    res5b__path31_bn = layers.BatchNormalization(name="res5b__path31_bn")(res5b__path31_reduce)
    res5b__path0_relu = layers.ReLU(name="res5b__path0_relu")(res5b__path0_bn)
    res5b__path1_relu = layers.ReLU(name="res5b__path1_relu")(res5b__path1_bn)
    res5b__path2_relu = layers.ReLU(name="res5b__path2_relu")(res5b__path2_bn)
    res5b__path3_relu = layers.ReLU(name="res5b__path3_relu")(res5b__path3_bn)
    res5b__path4_relu = layers.ReLU(name="res5b__path4_relu")(res5b__path4_bn)
    res5b__path5_relu = layers.ReLU(name="res5b__path5_relu")(res5b__path5_bn)
    res5b__path6_relu = layers.ReLU(name="res5b__path6_relu")(res5b__path6_bn)
    res5b__path7_relu = layers.ReLU(name="res5b__path7_relu")(res5b__path7_bn)
    res5b__path8_relu = layers.ReLU(name="res5b__path8_relu")(res5b__path8_bn)
    res5b__path9_relu = layers.ReLU(name="res5b__path9_relu")(res5b__path9_bn)
    res5b__path10_relu = layers.ReLU(name="res5b__path10_relu")(res5b__path10_bn)
    res5b__path11_relu = layers.ReLU(name="res5b__path11_relu")(res5b__path11_bn)
    res5b__path12_relu = layers.ReLU(name="res5b__path12_relu")(res5b__path12_bn)
    res5b__path13_relu = layers.ReLU(name="res5b__path13_relu")(res5b__path13_bn)
    res5b__path14_relu = layers.ReLU(name="res5b__path14_relu")(res5b__path14_bn)
    res5b__path15_relu = layers.ReLU(name="res5b__path15_relu")(res5b__path15_bn)
    res5b__path16_relu = layers.ReLU(name="res5b__path16_relu")(res5b__path16_bn)
    res5b__path17_relu = layers.ReLU(name="res5b__path17_relu")(res5b__path17_bn)
    res5b__path18_relu = layers.ReLU(name="res5b__path18_relu")(res5b__path18_bn)
    res5b__path19_relu = layers.ReLU(name="res5b__path19_relu")(res5b__path19_bn)
    res5b__path20_relu = layers.ReLU(name="res5b__path20_relu")(res5b__path20_bn)
    res5b__path21_relu = layers.ReLU(name="res5b__path21_relu")(res5b__path21_bn)
    res5b__path22_relu = layers.ReLU(name="res5b__path22_relu")(res5b__path22_bn)
    res5b__path23_relu = layers.ReLU(name="res5b__path23_relu")(res5b__path23_bn)
    res5b__path24_relu = layers.ReLU(name="res5b__path24_relu")(res5b__path24_bn)
    res5b__path25_relu = layers.ReLU(name="res5b__path25_relu")(res5b__path25_bn)
    res5b__path26_relu = layers.ReLU(name="res5b__path26_relu")(res5b__path26_bn)
    res5b__path27_relu = layers.ReLU(name="res5b__path27_relu")(res5b__path27_bn)
    res5b__path28_relu = layers.ReLU(name="res5b__path28_relu")(res5b__path28_bn)
    res5b__path29_relu = layers.ReLU(name="res5b__path29_relu")(res5b__path29_bn)
    res5b__path30_relu = layers.ReLU(name="res5b__path30_relu")(res5b__path30_bn)
    res5b__path31_relu = layers.ReLU(name="res5b__path31_relu")(res5b__path31_bn)
    res5b__path0_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path0_conv",
    )(res5b__path0_relu)
    res5b__path1_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path1_conv",
    )(res5b__path1_relu)
    res5b__path2_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path2_conv",
    )(res5b__path2_relu)
    res5b__path3_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path3_conv",
    )(res5b__path3_relu)
    res5b__path4_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path4_conv",
    )(res5b__path4_relu)
    res5b__path5_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path5_conv",
    )(res5b__path5_relu)
    res5b__path6_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path6_conv",
    )(res5b__path6_relu)
    res5b__path7_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path7_conv",
    )(res5b__path7_relu)
    res5b__path8_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path8_conv",
    )(res5b__path8_relu)
    res5b__path9_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path9_conv",
    )(res5b__path9_relu)
    res5b__path10_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path10_conv",
    )(res5b__path10_relu)
    res5b__path11_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path11_conv",
    )(res5b__path11_relu)
    res5b__path12_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path12_conv",
    )(res5b__path12_relu)
    res5b__path13_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path13_conv",
    )(res5b__path13_relu)
    res5b__path14_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path14_conv",
    )(res5b__path14_relu)
    res5b__path15_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path15_conv",
    )(res5b__path15_relu)
    res5b__path16_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path16_conv",
    )(res5b__path16_relu)
    res5b__path17_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path17_conv",
    )(res5b__path17_relu)
    res5b__path18_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path18_conv",
    )(res5b__path18_relu)
    res5b__path19_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path19_conv",
    )(res5b__path19_relu)
    res5b__path20_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path20_conv",
    )(res5b__path20_relu)
    res5b__path21_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path21_conv",
    )(res5b__path21_relu)
    res5b__path22_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path22_conv",
    )(res5b__path22_relu)
    res5b__path23_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path23_conv",
    )(res5b__path23_relu)
    res5b__path24_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path24_conv",
    )(res5b__path24_relu)
    res5b__path25_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path25_conv",
    )(res5b__path25_relu)
    res5b__path26_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path26_conv",
    )(res5b__path26_relu)
    res5b__path27_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path27_conv",
    )(res5b__path27_relu)
    res5b__path28_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path28_conv",
    )(res5b__path28_relu)
    res5b__path29_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path29_conv",
    )(res5b__path29_relu)
    res5b__path30_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path30_conv",
    )(res5b__path30_relu)
    res5b__path31_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__path31_conv",
    )(res5b__path31_relu)
    res5b__concat_0 = layers.Concatenate(
        axis=-1, name="res5b__concat_0",
    )([res5b__path0_conv, res5b__path1_conv, res5b__path2_conv, res5b__path3_conv, res5b__path4_conv, res5b__path5_conv, res5b__path6_conv, res5b__path7_conv, res5b__path8_conv, res5b__path9_conv, res5b__path10_conv, res5b__path11_conv, res5b__path12_conv, res5b__path13_conv, res5b__path14_conv, res5b__path15_conv])
    res5b__concat_1 = layers.Concatenate(
        axis=-1, name="res5b__concat_1",
    )([res5b__path16_conv, res5b__path17_conv, res5b__path18_conv, res5b__path19_conv, res5b__path20_conv, res5b__path21_conv, res5b__path22_conv, res5b__path23_conv, res5b__path24_conv, res5b__path25_conv, res5b__path26_conv, res5b__path27_conv, res5b__path28_conv, res5b__path29_conv, res5b__path30_conv, res5b__path31_conv])
    res5b__concat = layers.Concatenate(axis=-1, name="res5b__concat")([res5b__concat_0, res5b__concat_1])
    res5b__bn_mid = layers.BatchNormalization(name="res5b__bn_mid")(res5b__concat)
    res5b__relu_mid = layers.ReLU(name="res5b__relu_mid")(res5b__bn_mid)
    res5b__expand = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__expand",
    )(res5b__relu_mid)
    res5b__bn_out = layers.BatchNormalization(name="res5b__bn_out")(res5b__expand)
    res5b__add = layers.Add(name="res5b__add")([res5b__bn_out, res5a__relu_out])
    res5b__relu_out = layers.ReLU(name="res5b__relu_out")(res5b__add)

    # Block res5c (ResNeXt block "conv5_3", 4,505,600 parameters)
    res5c__path0_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path0_reduce",
    )(res5b__relu_out)
    res5c__path1_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path1_reduce",
    )(res5b__relu_out)
    res5c__path2_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path2_reduce",
    )(res5b__relu_out)
    res5c__path3_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path3_reduce",
    )(res5b__relu_out)
    res5c__path4_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path4_reduce",
    )(res5b__relu_out)
    res5c__path5_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path5_reduce",
    )(res5b__relu_out)
    res5c__path6_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path6_reduce",
    )(res5b__relu_out)
    res5c__path7_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path7_reduce",
    )(res5b__relu_out)
    res5c__path8_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path8_reduce",
    )(res5b__relu_out)
    res5c__path9_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path9_reduce",
    )(res5b__relu_out)
    res5c__path10_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path10_reduce",
    )(res5b__relu_out)
    res5c__path11_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path11_reduce",
    )(res5b__relu_out)
    res5c__path12_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path12_reduce",
    )(res5b__relu_out)
    res5c__path13_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path13_reduce",
    )(res5b__relu_out)
    res5c__path14_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path14_reduce",
    )(res5b__relu_out)
    res5c__path15_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path15_reduce",
    )(res5b__relu_out)
    res5c__path16_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path16_reduce",
    )(res5b__relu_out)
    res5c__path17_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path17_reduce",
    )(res5b__relu_out)
    res5c__path18_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path18_reduce",
    )(res5b__relu_out)
    res5c__path19_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path19_reduce",
    )(res5b__relu_out)
    res5c__path20_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path20_reduce",
    )(res5b__relu_out)
    res5c__path21_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path21_reduce",
    )(res5b__relu_out)
    res5c__path22_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path22_reduce",
    )(res5b__relu_out)
    res5c__path23_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path23_reduce",
    )(res5b__relu_out)
    res5c__path24_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path24_reduce",
    )(res5b__relu_out)
    res5c__path25_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path25_reduce",
    )(res5b__relu_out)
    res5c__path26_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path26_reduce",
    )(res5b__relu_out)
    res5c__path27_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path27_reduce",
    )(res5b__relu_out)
    res5c__path28_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path28_reduce",
    )(res5b__relu_out)
    res5c__path29_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path29_reduce",
    )(res5b__relu_out)
    res5c__path30_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path30_reduce",
    )(res5b__relu_out)
    res5c__path31_reduce = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__path31_reduce",
    )(res5b__relu_out)
    res5c__path0_bn = layers.BatchNormalization(name="res5c__path0_bn")(res5c__path0_reduce)
    res5c__path1_bn = layers.BatchNormalization(name="res5c__path1_bn")(res5c__path1_reduce)
    res5c__path2_bn = layers.BatchNormalization(name="res5c__path2_bn")(res5c__path2_reduce)
    res5c__path3_bn = layers.BatchNormalization(name="res5c__path3_bn")(res5c__path3_reduce)
    res5c__path4_bn = layers.BatchNormalization(name="res5c__path4_bn")(res5c__path4_reduce)
    res5c__path5_bn = layers.BatchNormalization(name="res5c__path5_bn")(res5c__path5_reduce)
    res5c__path6_bn = layers.BatchNormalization(name="res5c__path6_bn")(res5c__path6_reduce)
    res5c__path7_bn = layers.BatchNormalization(name="res5c__path7_bn")(res5c__path7_reduce)
    res5c__path8_bn = layers.BatchNormalization(name="res5c__path8_bn")(res5c__path8_reduce)
    res5c__path9_bn = layers.BatchNormalization(name="res5c__path9_bn")(res5c__path9_reduce)
    res5c__path10_bn = layers.BatchNormalization(name="res5c__path10_bn")(res5c__path10_reduce)
    res5c__path11_bn = layers.BatchNormalization(name="res5c__path11_bn")(res5c__path11_reduce)
    res5c__path12_bn = layers.BatchNormalization(name="res5c__path12_bn")(res5c__path12_reduce)
    res5c__path13_bn = layers.BatchNormalization(name="res5c__path13_bn")(res5c__path13_reduce)
    res5c__path14_bn = layers.BatchNormalization(name="res5c__path14_bn")(res5c__path14_reduce)
    res5c__path15_bn = layers.BatchNormalization(name="res5c__path15_bn")(res5c__path15_reduce)
    res5c__path16_bn = layers.BatchNormalization(name="res5c__path16_bn")(res5c__path16_reduce)
    res5c__path17_bn = layers.BatchNormalization(name="res5c__path17_bn")(res5c__path17_reduce)
    res5c__path18_bn = layers.BatchNormalization(name="res5c__path18_bn")(res5c__path18_reduce)
    res5c__path19_bn = layers.BatchNormalization(name="res5c__path19_bn")(res5c__path19_reduce)
    res5c__path20_bn = layers.BatchNormalization(name="res5c__path20_bn")(res5c__path20_reduce)
    res5c__path21_bn = layers.BatchNormalization(name="res5c__path21_bn")(res5c__path21_reduce)
    res5c__path22_bn = layers.BatchNormalization(name="res5c__path22_bn")(res5c__path22_reduce)
    res5c__path23_bn = layers.BatchNormalization(name="res5c__path23_bn")(res5c__path23_reduce)
    res5c__path24_bn = layers.BatchNormalization(name="res5c__path24_bn")(res5c__path24_reduce)
    res5c__path25_bn = layers.BatchNormalization(name="res5c__path25_bn")(res5c__path25_reduce)
    res5c__path26_bn = layers.BatchNormalization(name="res5c__path26_bn")(res5c__path26_reduce)
    res5c__path27_bn = layers.BatchNormalization(name="res5c__path27_bn")(res5c__path27_reduce)
    res5c__path28_bn = layers.BatchNormalization(name="res5c__path28_bn")(res5c__path28_reduce)
    res5c__path29_bn = layers.BatchNormalization(name="res5c__path29_bn")(res5c__path29_reduce)
    res5c__path30_bn = layers.BatchNormalization(name="res5c__path30_bn")(res5c__path30_reduce)
    res5c__path31_bn = layers.BatchNormalization(name="res5c__path31_bn")(res5c__path31_reduce)
    res5c__path0_relu = layers.ReLU(name="res5c__path0_relu")(res5c__path0_bn)
    res5c__path1_relu = layers.ReLU(name="res5c__path1_relu")(res5c__path1_bn)
    res5c__path2_relu = layers.ReLU(name="res5c__path2_relu")(res5c__path2_bn)
    res5c__path3_relu = layers.ReLU(name="res5c__path3_relu")(res5c__path3_bn)
    res5c__path4_relu = layers.ReLU(name="res5c__path4_relu")(res5c__path4_bn)
    res5c__path5_relu = layers.ReLU(name="res5c__path5_relu")(res5c__path5_bn)
    res5c__path6_relu = layers.ReLU(name="res5c__path6_relu")(res5c__path6_bn)
    res5c__path7_relu = layers.ReLU(name="res5c__path7_relu")(res5c__path7_bn)
    res5c__path8_relu = layers.ReLU(name="res5c__path8_relu")(res5c__path8_bn)
    res5c__path9_relu = layers.ReLU(name="res5c__path9_relu")(res5c__path9_bn)
    res5c__path10_relu = layers.ReLU(name="res5c__path10_relu")(res5c__path10_bn)
    res5c__path11_relu = layers.ReLU(name="res5c__path11_relu")(res5c__path11_bn)
    res5c__path12_relu = layers.ReLU(name="res5c__path12_relu")(res5c__path12_bn)
    res5c__path13_relu = layers.ReLU(name="res5c__path13_relu")(res5c__path13_bn)
    res5c__path14_relu = layers.ReLU(name="res5c__path14_relu")(res5c__path14_bn)
    res5c__path15_relu = layers.ReLU(name="res5c__path15_relu")(res5c__path15_bn)
    res5c__path16_relu = layers.ReLU(name="res5c__path16_relu")(res5c__path16_bn)
    res5c__path17_relu = layers.ReLU(name="res5c__path17_relu")(res5c__path17_bn)
    res5c__path18_relu = layers.ReLU(name="res5c__path18_relu")(res5c__path18_bn)
    res5c__path19_relu = layers.ReLU(name="res5c__path19_relu")(res5c__path19_bn)
    res5c__path20_relu = layers.ReLU(name="res5c__path20_relu")(res5c__path20_bn)
    res5c__path21_relu = layers.ReLU(name="res5c__path21_relu")(res5c__path21_bn)
    res5c__path22_relu = layers.ReLU(name="res5c__path22_relu")(res5c__path22_bn)
    res5c__path23_relu = layers.ReLU(name="res5c__path23_relu")(res5c__path23_bn)
    res5c__path24_relu = layers.ReLU(name="res5c__path24_relu")(res5c__path24_bn)
    res5c__path25_relu = layers.ReLU(name="res5c__path25_relu")(res5c__path25_bn)
    res5c__path26_relu = layers.ReLU(name="res5c__path26_relu")(res5c__path26_bn)
    res5c__path27_relu = layers.ReLU(name="res5c__path27_relu")(res5c__path27_bn)
    res5c__path28_relu = layers.ReLU(name="res5c__path28_relu")(res5c__path28_bn)
    res5c__path29_relu = layers.ReLU(name="res5c__path29_relu")(res5c__path29_bn)
    res5c__path30_relu = layers.ReLU(name="res5c__path30_relu")(res5c__path30_bn)
    res5c__path31_relu = layers.ReLU(name="res5c__path31_relu")(res5c__path31_bn)
    res5c__path0_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path0_conv",
    )(res5c__path0_relu)
    res5c__path1_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path1_conv",
    )(res5c__path1_relu)
    res5c__path2_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path2_conv",
    )(res5c__path2_relu)
    res5c__path3_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path3_conv",
    )(res5c__path3_relu)
    res5c__path4_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path4_conv",
    )(res5c__path4_relu)
    res5c__path5_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path5_conv",
    )(res5c__path5_relu)
    res5c__path6_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path6_conv",
    )(res5c__path6_relu)
    res5c__path7_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path7_conv",
    )(res5c__path7_relu)
    res5c__path8_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path8_conv",
    )(res5c__path8_relu)
    res5c__path9_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path9_conv",
    )(res5c__path9_relu)
    res5c__path10_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path10_conv",
    )(res5c__path10_relu)
    res5c__path11_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path11_conv",
    )(res5c__path11_relu)
    res5c__path12_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path12_conv",
    )(res5c__path12_relu)
    res5c__path13_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path13_conv",
    )(res5c__path13_relu)
    res5c__path14_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path14_conv",
    )(res5c__path14_relu)
    res5c__path15_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path15_conv",
    )(res5c__path15_relu)
    res5c__path16_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path16_conv",
    )(res5c__path16_relu)
    res5c__path17_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path17_conv",
    )(res5c__path17_relu)
    res5c__path18_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path18_conv",
    )(res5c__path18_relu)
    res5c__path19_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path19_conv",
    )(res5c__path19_relu)
    res5c__path20_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path20_conv",
    )(res5c__path20_relu)
    res5c__path21_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path21_conv",
    )(res5c__path21_relu)
    res5c__path22_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path22_conv",
    )(res5c__path22_relu)
    res5c__path23_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path23_conv",
    )(res5c__path23_relu)
    res5c__path24_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path24_conv",
    )(res5c__path24_relu)
    res5c__path25_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path25_conv",
    )(res5c__path25_relu)
    res5c__path26_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path26_conv",
    )(res5c__path26_relu)
    res5c__path27_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path27_conv",
    )(res5c__path27_relu)
    res5c__path28_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path28_conv",
    )(res5c__path28_relu)
    res5c__path29_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path29_conv",
    )(res5c__path29_relu)
    res5c__path30_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path30_conv",
    )(res5c__path30_relu)
    res5c__path31_conv = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__path31_conv",
    )(res5c__path31_relu)
    res5c__concat_0 = layers.Concatenate(
        axis=-1, name="res5c__concat_0",
    )([res5c__path0_conv, res5c__path1_conv, res5c__path2_conv, res5c__path3_conv, res5c__path4_conv, res5c__path5_conv, res5c__path6_conv, res5c__path7_conv, res5c__path8_conv, res5c__path9_conv, res5c__path10_conv, res5c__path11_conv, res5c__path12_conv, res5c__path13_conv, res5c__path14_conv, res5c__path15_conv])
    res5c__concat_1 = layers.Concatenate(
        axis=-1, name="res5c__concat_1",
    )([res5c__path16_conv, res5c__path17_conv, res5c__path18_conv, res5c__path19_conv, res5c__path20_conv, res5c__path21_conv, res5c__path22_conv, res5c__path23_conv, res5c__path24_conv, res5c__path25_conv, res5c__path26_conv, res5c__path27_conv, res5c__path28_conv, res5c__path29_conv, res5c__path30_conv, res5c__path31_conv])
    res5c__concat = layers.Concatenate(axis=-1, name="res5c__concat")([res5c__concat_0, res5c__concat_1])
    res5c__bn_mid = layers.BatchNormalization(name="res5c__bn_mid")(res5c__concat)
    res5c__relu_mid = layers.ReLU(name="res5c__relu_mid")(res5c__bn_mid)
    res5c__expand = layers.Conv2D(
        filters=2048, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__expand",
    )(res5c__relu_mid)
    res5c__bn_out = layers.BatchNormalization(name="res5c__bn_out")(res5c__expand)
    res5c__add = layers.Add(name="res5c__add")([res5c__bn_out, res5b__relu_out])
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
