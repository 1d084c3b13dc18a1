"""pix2pix (256×256)

Isola et al. 2017 at 256×256: a U-Net generator of eight 4×4/2 downsampling convolutions (64 to 512
channels) and eight upsampling ones with skip connections and dropout; a 70×70 PatchGAN judges
(source, image) pairs per patch.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": source Bx256x256x3 -> g_out Bx256x256x3
  build_d()  network "D": source Bx256x256x3, image Bx256x256x3 -> d_out Bx30x30x1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": source Bx256x256x3 -> g_out Bx256x256x3; 54,423,811 parameters."""
    # Source image: Input 256×256×3
    source = keras.Input(shape=(256, 256, 3), dtype="float32", name="source")
    # down 64 4×4/2: Conv 2D 64@4x4 s2 same
    e1_conv = layers.Conv2D(
        filters=64, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e1_conv",
    )(source)
    e2_lrelu = layers.LeakyReLU(0.2, name="e2_lrelu")(e1_conv)
    # down 128 4×4/2: Conv 2D 128@4x4 s2 same
    e2_conv = layers.Conv2D(
        filters=128, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e2_conv",
    )(e2_lrelu)
    e2_bn = layers.BatchNormalization(name="e2_bn")(e2_conv)
    e3_lrelu = layers.LeakyReLU(0.2, name="e3_lrelu")(e2_bn)
    # down 256 4×4/2: Conv 2D 256@4x4 s2 same
    e3_conv = layers.Conv2D(
        filters=256, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e3_conv",
    )(e3_lrelu)
    e3_bn = layers.BatchNormalization(name="e3_bn")(e3_conv)
    e4_lrelu = layers.LeakyReLU(0.2, name="e4_lrelu")(e3_bn)
    # down 512 4×4/2: Conv 2D 512@4x4 s2 same
    e4_conv = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e4_conv",
    )(e4_lrelu)
    e4_bn = layers.BatchNormalization(name="e4_bn")(e4_conv)
    e5_lrelu = layers.LeakyReLU(0.2, name="e5_lrelu")(e4_bn)
    # down 512 4×4/2: Conv 2D 512@4x4 s2 same
    e5_conv = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e5_conv",
    )(e5_lrelu)
    e5_bn = layers.BatchNormalization(name="e5_bn")(e5_conv)
    e6_lrelu = layers.LeakyReLU(0.2, name="e6_lrelu")(e5_bn)
    # down 512 4×4/2: Conv 2D 512@4x4 s2 same
    e6_conv = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e6_conv",
    )(e6_lrelu)
    e6_bn = layers.BatchNormalization(name="e6_bn")(e6_conv)
    e7_lrelu = layers.LeakyReLU(0.2, name="e7_lrelu")(e6_bn)
    # down 512 4×4/2: Conv 2D 512@4x4 s2 same
    e7_conv = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e7_conv",
    )(e7_lrelu)
    e7_bn = layers.BatchNormalization(name="e7_bn")(e7_conv)
    e8_lrelu = layers.LeakyReLU(0.2, name="e8_lrelu")(e7_bn)
    # down 512 4×4/2: Conv 2D 512@4x4 s2 same
    e8_conv = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="e8_conv",
    )(e8_lrelu)
    d8_relu = layers.ReLU(name="d8_relu")(e8_conv)
    # up 512 4×4/2: Conv 2D transpose 512@4x4 s2 same
    d8_up = layers.Conv2DTranspose(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d8_up",
    )(d8_relu)
    d8_bn = layers.BatchNormalization(name="d8_bn")(d8_up)
    # skip: Concatenate
    d8_skip = layers.Concatenate(axis=-1, name="d8_skip")([d8_bn, e7_bn])
    d7_relu = layers.ReLU(name="d7_relu")(d8_skip)
    # up 512 4×4/2: Conv 2D transpose 512@4x4 s2 same
    d7_up = layers.Conv2DTranspose(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d7_up",
    )(d7_relu)
    d7_bn = layers.BatchNormalization(name="d7_bn")(d7_up)
    d7_drop = layers.Dropout(rate=0.5, name="d7_drop")(d7_bn)
    # skip: Concatenate
    d7_skip = layers.Concatenate(axis=-1, name="d7_skip")([d7_drop, e6_bn])
    d6_relu = layers.ReLU(name="d6_relu")(d7_skip)
    # up 512 4×4/2: Conv 2D transpose 512@4x4 s2 same
    d6_up = layers.Conv2DTranspose(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d6_up",
    )(d6_relu)
    d6_bn = layers.BatchNormalization(name="d6_bn")(d6_up)
    d6_drop = layers.Dropout(rate=0.5, name="d6_drop")(d6_bn)
    # skip: Concatenate
    d6_skip = layers.Concatenate(axis=-1, name="d6_skip")([d6_drop, e5_bn])
    d5_relu = layers.ReLU(name="d5_relu")(d6_skip)
    # up 512 4×4/2: Conv 2D transpose 512@4x4 s2 same
    d5_up = layers.Conv2DTranspose(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d5_up",
    )(d5_relu)
    d5_bn = layers.BatchNormalization(name="d5_bn")(d5_up)
    d5_drop = layers.Dropout(rate=0.5, name="d5_drop")(d5_bn)
    # skip: Concatenate
    d5_skip = layers.Concatenate(axis=-1, name="d5_skip")([d5_drop, e4_bn])
    d4_relu = layers.ReLU(name="d4_relu")(d5_skip)
    # up 256 4×4/2: Conv 2D transpose 256@4x4 s2 same
    d4_up = layers.Conv2DTranspose(
        filters=256, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d4_up",
    )(d4_relu)
    d4_bn = layers.BatchNormalization(name="d4_bn")(d4_up)
    # skip: Concatenate
    d4_skip = layers.Concatenate(axis=-1, name="d4_skip")([d4_bn, e3_bn])
    d3_relu = layers.ReLU(name="d3_relu")(d4_skip)
    # up 128 4×4/2: Conv 2D transpose 128@4x4 s2 same
    d3_up = layers.Conv2DTranspose(
        filters=128, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d3_up",
    )(d3_relu)
    d3_bn = layers.BatchNormalization(name="d3_bn")(d3_up)
    # skip: Concatenate
    d3_skip = layers.Concatenate(axis=-1, name="d3_skip")([d3_bn, e2_bn])
    d2_relu = layers.ReLU(name="d2_relu")(d3_skip)
    # up 64 4×4/2: Conv 2D transpose 64@4x4 s2 same
    d2_up = layers.Conv2DTranspose(
        filters=64, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d2_up",
    )(d2_relu)
    d2_bn = layers.BatchNormalization(name="d2_bn")(d2_up)
    # skip: Concatenate
    d2_skip = layers.Concatenate(axis=-1, name="d2_skip")([d2_bn, e1_conv])
    d1_relu = layers.ReLU(name="d1_relu")(d2_skip)
    # Translated image: Conv 2D transpose 3@4x4 s2 same tanh
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="tanh", name="g_out",
    )(d1_relu)
    return keras.Model(inputs=[source], outputs=[g_out], name="G")


def build_d():
    """Network "D": source Bx256x256x3, image Bx256x256x3 -> d_out Bx30x30x1; 2,770,497 parameters."""
    # Source image: Input 256×256×3
    source = keras.Input(shape=(256, 256, 3), dtype="float32", name="source")
    # Image (real or generated): Input 256×256×3
    image = keras.Input(shape=(256, 256, 3), dtype="float32", name="image")
    # source | image: Concatenate
    pair = layers.Concatenate(axis=-1, name="pair")([source, image])
    # 64 4×4/2: Conv 2D 64@4x4 s2 same
    p1_conv = layers.Conv2D(
        filters=64, kernel_size=(4, 4), strides=(2, 2), padding="same", name="p1_conv",
    )(pair)
    p1_lrelu = layers.LeakyReLU(0.2, name="p1_lrelu")(p1_conv)
    # 128 4×4/2: Conv 2D 128@4x4 s2 same
    p2_conv = layers.Conv2D(
        filters=128, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="p2_conv",
    )(p1_lrelu)
    p2_bn = layers.BatchNormalization(name="p2_bn")(p2_conv)
    p2_lrelu = layers.LeakyReLU(0.2, name="p2_lrelu")(p2_bn)
    # 256 4×4/2: Conv 2D 256@4x4 s2 same
    p3_conv = layers.Conv2D(
        filters=256, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="p3_conv",
    )(p2_lrelu)
    p3_bn = layers.BatchNormalization(name="p3_bn")(p3_conv)
    p3_lrelu = layers.LeakyReLU(0.2, name="p3_lrelu")(p3_bn)
    p4_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p4_pad")(p3_lrelu)
    # 512 4×4/1: Conv 2D 512@4x4 s1 valid
    p4_conv = layers.Conv2D(filters=512, kernel_size=(4, 4), use_bias=False, name="p4_conv")(p4_pad)
    p4_bn = layers.BatchNormalization(name="p4_bn")(p4_conv)
    p4_lrelu = layers.LeakyReLU(0.2, name="p4_lrelu")(p4_bn)
    p_pad = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="p_pad")(p4_lrelu)
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
