"""WGAN with weight clipping (mini)

The WGAN critic and DCGAN generator at 32×32 and a small fraction of the width, trained as the
paper: RMSprop, five critic steps per generator step, critic weights clipped to ±0.01. Trains on
synthetic shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx32 -> g_out Bx32x32x3
  build_d()  network "D": image Bx32x32x3 -> d_out Bx1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": z Bx32 -> g_out Bx32x32x3; 29,152 parameters."""
    # Noise z: Latent noise z ∈ ℝ^32 normal
    z = keras.Input(shape=(32,), dtype="float32", name="z")
    # project: Dense 512
    g_project = layers.Dense(
        units=512, use_bias=False, kernel_initializer="glorot_normal", name="g_project",
    )(z)
    g_bn0 = layers.BatchNormalization(name="g_bn0")(g_project)
    g_relu0 = layers.ReLU(name="g_relu0")(g_bn0)
    g_reshape = layers.Reshape(target_shape=(4, 4, 32), name="g_reshape")(g_relu0)
    # 16 4×4/2: Conv 2D transpose 16@4x4 s2 same
    g_up1 = layers.Conv2DTranspose(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up1",
    )(g_reshape)
    g_bn1 = layers.BatchNormalization(name="g_bn1")(g_up1)
    g_relu1 = layers.ReLU(name="g_relu1")(g_bn1)
    # 8 4×4/2: Conv 2D transpose 8@4x4 s2 same
    g_up2 = layers.Conv2DTranspose(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up2",
    )(g_relu1)
    g_bn2 = layers.BatchNormalization(name="g_bn2")(g_up2)
    g_relu2 = layers.ReLU(name="g_relu2")(g_bn2)
    # Generated image: Conv 2D transpose 3@4x4 s2 same sigmoid
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="sigmoid", use_bias=False,
        name="g_out",
    )(g_relu2)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": image Bx32x32x3 -> d_out Bx1; 11,329 parameters."""
    # Image: Input 32×32×3
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # 8 4×4/2: Conv 2D 8@4x4 s2 same
    d_conv1 = layers.Conv2D(
        filters=8, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv1",
    )(image)
    d_lrelu1 = layers.LeakyReLU(0.2, name="d_lrelu1")(d_conv1)
    # 16 4×4/2: Conv 2D 16@4x4 s2 same
    d_conv2 = layers.Conv2D(
        filters=16, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv2",
    )(d_lrelu1)
    d_bn2 = layers.BatchNormalization(name="d_bn2")(d_conv2)
    d_lrelu2 = layers.LeakyReLU(0.2, name="d_lrelu2")(d_bn2)
    # 32 4×4/2: Conv 2D 32@4x4 s2 same
    d_conv3 = layers.Conv2D(
        filters=32, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv3",
    )(d_lrelu2)
    d_bn3 = layers.BatchNormalization(name="d_bn3")(d_conv3)
    d_lrelu3 = layers.LeakyReLU(0.2, name="d_lrelu3")(d_bn3)
    d_flat = layers.Flatten(name="d_flat")(d_lrelu3)
    # Critic score: Dense 1
    d_out = layers.Dense(units=1, kernel_initializer="glorot_normal", name="d_out")(d_flat)
    return keras.Model(inputs=[image], outputs=[d_out], name="D")


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
