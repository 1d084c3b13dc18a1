"""DCGAN (64×64)

Radford et al. 2016 at 64×64: 100-D noise through five 4×4 transposed convolutions (512, 256, 128,
64 channels, then RGB with tanh) with batch norm and ReLU; the discriminator mirrors it with strided
convolutions and leaky ReLU.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_g()  network "G": z Bx100 -> g_out Bx64x64x3
  build_d()  network "D": image Bx64x64x3 -> d_out Bx1
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_g():
    """Network "G": z Bx100 -> g_out Bx64x64x3; 3,578,624 parameters."""
    # Noise z: Latent noise z ∈ ℝ^100 uniform
    z = keras.Input(shape=(100,), dtype="float32", name="z")
    g_reshape = layers.Reshape(target_shape=(1, 1, 100), name="g_reshape")(z)
    # 512 4×4: Conv 2D transpose 512@4x4 s1 valid
    g_up0 = layers.Conv2DTranspose(filters=512, kernel_size=(4, 4), use_bias=False, name="g_up0")(g_reshape)
    g_bn0 = layers.BatchNormalization(name="g_bn0")(g_up0)
    g_relu0 = layers.ReLU(name="g_relu0")(g_bn0)
    # 256 4×4/2: Conv 2D transpose 256@4x4 s2 same
    g_up1 = layers.Conv2DTranspose(
        filters=256, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up1",
    )(g_relu0)
    g_bn1 = layers.BatchNormalization(name="g_bn1")(g_up1)
    g_relu1 = layers.ReLU(name="g_relu1")(g_bn1)
    # 128 4×4/2: Conv 2D transpose 128@4x4 s2 same
    g_up2 = layers.Conv2DTranspose(
        filters=128, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up2",
    )(g_relu1)
    g_bn2 = layers.BatchNormalization(name="g_bn2")(g_up2)
    g_relu2 = layers.ReLU(name="g_relu2")(g_bn2)
    # 64 4×4/2: Conv 2D transpose 64@4x4 s2 same
    g_up3 = layers.Conv2DTranspose(
        filters=64, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="g_up3",
    )(g_relu2)
    g_bn3 = layers.BatchNormalization(name="g_bn3")(g_up3)
    g_relu3 = layers.ReLU(name="g_relu3")(g_bn3)
    # Generated image: Conv 2D transpose 3@4x4 s2 same tanh
    g_out = layers.Conv2DTranspose(
        filters=3, kernel_size=(4, 4), strides=(2, 2), padding="same", activation="tanh", use_bias=False,
        name="g_out",
    )(g_relu3)
    return keras.Model(inputs=[z], outputs=[g_out], name="G")


def build_d():
    """Network "D": image Bx64x64x3 -> d_out Bx1; 2,767,360 parameters."""
    # Image: Input 64×64×3
    image = keras.Input(shape=(64, 64, 3), dtype="float32", name="image")
    # 64 4×4/2: Conv 2D 64@4x4 s2 same
    d_conv1 = layers.Conv2D(
        filters=64, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv1",
    )(image)
    d_lrelu1 = layers.LeakyReLU(0.2, name="d_lrelu1")(d_conv1)
    # 128 4×4/2: Conv 2D 128@4x4 s2 same
    d_conv2 = layers.Conv2D(
        filters=128, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv2",
    )(d_lrelu1)
    d_bn2 = layers.BatchNormalization(name="d_bn2")(d_conv2)
    d_lrelu2 = layers.LeakyReLU(0.2, name="d_lrelu2")(d_bn2)
    # 256 4×4/2: Conv 2D 256@4x4 s2 same
    d_conv3 = layers.Conv2D(
        filters=256, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv3",
    )(d_lrelu2)
    d_bn3 = layers.BatchNormalization(name="d_bn3")(d_conv3)
    d_lrelu3 = layers.LeakyReLU(0.2, name="d_lrelu3")(d_bn3)
    # 512 4×4/2: Conv 2D 512@4x4 s2 same
    d_conv4 = layers.Conv2D(
        filters=512, kernel_size=(4, 4), strides=(2, 2), padding="same", use_bias=False, name="d_conv4",
    )(d_lrelu3)
    d_bn4 = layers.BatchNormalization(name="d_bn4")(d_conv4)
    d_lrelu4 = layers.LeakyReLU(0.2, name="d_lrelu4")(d_bn4)
    # 4×4 score: Conv 2D 1@4x4 s1 valid sigmoid
    d_score = layers.Conv2D(
        filters=1, kernel_size=(4, 4), activation="sigmoid", use_bias=False, name="d_score",
    )(d_lrelu4)
    # P(real): Flatten
    d_out = layers.Flatten(name="d_out")(d_score)
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
