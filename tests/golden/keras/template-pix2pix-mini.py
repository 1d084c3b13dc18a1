"""pix2pix (mini)

pix2pix at 32×32: a U-Net of five downsampling and five upsampling steps (8 to 32 channels) with
skip connections, and a PatchGAN giving 6×6 patch scores. Learns to fill shape outlines.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": source Bx32x32x3 -> g_out Bx32x32x3
  build_d()  network "D": source Bx32x32x3, image Bx32x32x3 -> d_out Bx6x6x1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": source Bx32x32x3 -> g_out Bx32x32x3; 114,467 parameters."""
    # Outline: Input 32×32×3
    source = keras.Input(shape=(32, 32, 3), dtype="float32", name="source")
    # down 8 4×4/2: Conv 2D 8@4x4 s2 same
    e1_conv = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e1_conv",
    )(source)
    e2_lrelu = layers.LeakyReLU(0.2, name="e2_lrelu")(e1_conv)
    # down 16 4×4/2: Conv 2D 16@4x4 s2 same
    e2_conv = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e2_conv",
    )(e2_lrelu)
    e2_bn = layers.BatchNormalization(name="e2_bn")(e2_conv)
    e3_lrelu = layers.LeakyReLU(0.2, name="e3_lrelu")(e2_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e3_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e3_conv",
    )(e3_lrelu)
    e3_bn = layers.BatchNormalization(name="e3_bn")(e3_conv)
    e4_lrelu = layers.LeakyReLU(0.2, name="e4_lrelu")(e3_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e4_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e4_conv",
    )(e4_lrelu)
    e4_bn = layers.BatchNormalization(name="e4_bn")(e4_conv)
    e5_lrelu = layers.LeakyReLU(0.2, name="e5_lrelu")(e4_bn)
    # down 32 4×4/2: Conv 2D 32@4x4 s2 same
    e5_conv = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e5_conv",
    )(e5_lrelu)
    d5_relu = layers.ReLU(name="d5_relu")(e5_conv)
    # up 32 4×4/2: Conv 2D transpose 32@4x4 s2 same
    d5_up = layers.Conv2DTranspose(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d5_up",
    )(d5_relu)
    d5_bn = layers.BatchNormalization(name="d5_bn")(d5_up)
    # skip: Concatenate
    d5_skip = layers.Concatenate(axis=-1, name="d5_skip")([d5_bn, e4_bn])
    d4_relu = layers.ReLU(name="d4_relu")(d5_skip)
    # up 32 4×4/2: Conv 2D transpose 32@4x4 s2 same
    d4_up = layers.Conv2DTranspose(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d4_up",
    )(d4_relu)
    d4_bn = layers.BatchNormalization(name="d4_bn")(d4_up)
    d4_drop = layers.Dropout(rate=0.5, name="d4_drop")(d4_bn)
    # skip: Concatenate
    d4_skip = layers.Concatenate(axis=-1, name="d4_skip")([d4_drop, e3_bn])
    d3_relu = layers.ReLU(name="d3_relu")(d4_skip)
    # up 16 4×4/2: Conv 2D transpose 16@4x4 s2 same
    d3_up = layers.Conv2DTranspose(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d3_up",
    )(d3_relu)
    d3_bn = layers.BatchNormalization(name="d3_bn")(d3_up)
    d3_drop = layers.Dropout(rate=0.5, name="d3_drop")(d3_bn)
    # skip: Concatenate
    d3_skip = layers.Concatenate(axis=-1, name="d3_skip")([d3_drop, e2_bn])
    d2_relu = layers.ReLU(name="d2_relu")(d3_skip)
    # up 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    d2_up = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d2_up",
    )(d2_relu)
    d2_bn = layers.BatchNormalization(name="d2_bn")(d2_up)
    d2_drop = layers.Dropout(rate=0.5, name="d2_drop")(d2_bn)
    # skip: Concatenate
    d2_skip = layers.Concatenate(axis=-1, name="d2_skip")([d2_drop, e1_conv])
    d1_relu = layers.ReLU(name="d1_relu")(d2_skip)
    # Translated image: Conv 2D transpose 3@4x4 s2 same sigmoid
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="sigmoid", name="g_out",
    )(d1_relu)
    return keras.Model(inputs=[source], outputs=[g_out], name="G")


def build_d():
    """Network "D": source Bx32x32x3, image Bx32x32x3 -> d_out Bx6x6x1; 11,721 parameters."""
    # Outline: Input 32×32×3
    source = keras.Input(shape=(32, 32, 3), dtype="float32", name="source")
    # Image (real or generated): Input 32×32×3
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # source | image: Concatenate
    pair = layers.Concatenate(axis=-1, name="pair")([source, image])
    # 8 4×4/2: Conv 2D 8@4x4 s2 same
    p1_conv = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", name="p1_conv",
    )(pair)
    p1_lrelu = layers.LeakyReLU(0.2, name="p1_lrelu")(p1_conv)
    # 16 4×4/2: Conv 2D 16@4x4 s2 same
    p2_conv = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="p2_conv",
    )(p1_lrelu)
    p2_bn = layers.BatchNormalization(name="p2_bn")(p2_conv)
    p2_lrelu = layers.LeakyReLU(0.2, name="p2_lrelu")(p2_bn)
    p3_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p3_pad")(p2_lrelu)
    # 32 4×4/1: Conv 2D 32@4x4 s1 valid
    p3_conv = layers.Conv2D(filters=32, kernel_size=(4, 4), use_bias=False, name="p3_conv")(p3_pad)
    p3_bn = layers.BatchNormalization(name="p3_bn")(p3_conv)
    p3_lrelu = layers.LeakyReLU(0.2, name="p3_lrelu")(p3_bn)
    p_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p_pad")(p3_lrelu)
    # P(real) per patch: Conv 2D 1@4x4 s1 valid sigmoid
    d_out = layers.Conv2D(filters=1, kernel_size=(4, 4), activation="sigmoid", name="d_out")(p_pad)
    return keras.Model(inputs=[source, image], outputs=[d_out], name="D")


def make_strategy(name):
    """none: the default device; mirrored: every GPU of this machine; multiworker: several machines (TF_CONFIG)."""
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


if __name__ == "__main__":
    with make_strategy(STRATEGY).scope():
        build_g().summary()
        build_d().summary()
