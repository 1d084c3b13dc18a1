"""ResNet-50 (mini)

ResNet-50's 3, 4, 6, 3 bottleneck blocks at an eighth of the width, with a 3×3/2 stem for 32×32
shapes.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": image Bx32x32x3 -> fc Bx3

Train on one machine, on every GPU of this machine, or on several machines:
  python resnet-50-mini.py --data DATA.npz [--strategy none|mirrored|multiworker]
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
    """Network "net": image Bx32x32x3 -> fc Bx3; 380,603 parameters."""
    image = keras.Input(shape=(32, 32, 3), dtype="float32", name="image")
    # conv1 3×3/2: Conv 2D 8@3x3 s2 same
    conv1 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="conv1",
    )(image)
    bn1 = layers.BatchNormalization(name="bn1")(conv1)
    relu1 = layers.ReLU(name="relu1")(bn1)
    pool1 = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same", name="pool1")(relu1)

    # Block res2a (Residual block "conv2_1", 1,472 parameters)
    res2a__conv1 = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__conv1",
    )(pool1)
    res2a__proj = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__proj",
    )(pool1)
    res2a__bn1 = layers.BatchNormalization(name="res2a__bn1")(res2a__conv1)
    res2a__proj_bn = layers.BatchNormalization(name="res2a__proj_bn")(res2a__proj)
    res2a__relu1 = layers.ReLU(name="res2a__relu1")(res2a__bn1)
    res2a__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res2a__conv2",
    )(res2a__relu1)
    res2a__bn2 = layers.BatchNormalization(name="res2a__bn2")(res2a__conv2)
    res2a__relu2 = layers.ReLU(name="res2a__relu2")(res2a__bn2)
    res2a__conv3 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2a__conv3",
    )(res2a__relu2)
    res2a__bn3 = layers.BatchNormalization(name="res2a__bn3")(res2a__conv3)
    res2a__add = layers.Add(name="res2a__add")([res2a__bn3, res2a__proj_bn])
    res2a__relu_out = layers.ReLU(name="res2a__relu_out")(res2a__add)

    # Block res2b (Residual block "conv2_2", 1,280 parameters)
    res2b__conv1 = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__conv1",
    )(res2a__relu_out)
    res2b__bn1 = layers.BatchNormalization(name="res2b__bn1")(res2b__conv1)
    res2b__relu1 = layers.ReLU(name="res2b__relu1")(res2b__bn1)
    res2b__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res2b__conv2",
    )(res2b__relu1)
    res2b__bn2 = layers.BatchNormalization(name="res2b__bn2")(res2b__conv2)
    res2b__relu2 = layers.ReLU(name="res2b__relu2")(res2b__bn2)
    res2b__conv3 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2b__conv3",
    )(res2b__relu2)
    res2b__bn3 = layers.BatchNormalization(name="res2b__bn3")(res2b__conv3)
    res2b__add = layers.Add(name="res2b__add")([res2b__bn3, res2a__relu_out])
    res2b__relu_out = layers.ReLU(name="res2b__relu_out")(res2b__add)

    # Block res2c (Residual block "conv2_3", 1,280 parameters)
    res2c__conv1 = layers.Conv2D(
        filters=8, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__conv1",
    )(res2b__relu_out)
    res2c__bn1 = layers.BatchNormalization(name="res2c__bn1")(res2c__conv1)
    res2c__relu1 = layers.ReLU(name="res2c__relu1")(res2c__bn1)
    res2c__conv2 = layers.Conv2D(
        filters=8, kernel_size=(3, 3), padding="same", use_bias=False, name="res2c__conv2",
    )(res2c__relu1)
    res2c__bn2 = layers.BatchNormalization(name="res2c__bn2")(res2c__conv2)
    res2c__relu2 = layers.ReLU(name="res2c__relu2")(res2c__bn2)
    res2c__conv3 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res2c__conv3",
    )(res2c__relu2)
    res2c__bn3 = layers.BatchNormalization(name="res2c__bn3")(res2c__conv3)
    res2c__add = layers.Add(name="res2c__add")([res2c__bn3, res2b__relu_out])
    res2c__relu_out = layers.ReLU(name="res2c__relu_out")(res2c__add)

    # Block res3a (Residual block "conv3_1 ↓2", 6,528 parameters)
    res3a__conv1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__conv1",
    )(res2c__relu_out)
    res3a__proj = layers.Conv2D(
        filters=64, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res3a__proj",
    )(res2c__relu_out)
    res3a__bn1 = layers.BatchNormalization(name="res3a__bn1")(res3a__conv1)
    res3a__proj_bn = layers.BatchNormalization(name="res3a__proj_bn")(res3a__proj)
    res3a__relu1 = layers.ReLU(name="res3a__relu1")(res3a__bn1)
    res3a__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res3a__conv2",
    )(res3a__relu1)
    res3a__bn2 = layers.BatchNormalization(name="res3a__bn2")(res3a__conv2)
    res3a__relu2 = layers.ReLU(name="res3a__relu2")(res3a__bn2)
    res3a__conv3 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res3a__conv3",
    )(res3a__relu2)
    res3a__bn3 = layers.BatchNormalization(name="res3a__bn3")(res3a__conv3)
    res3a__add = layers.Add(name="res3a__add")([res3a__bn3, res3a__proj_bn])
    res3a__relu_out = layers.ReLU(name="res3a__relu_out")(res3a__add)

    # Block res3b (Residual block "conv3_2", 4,736 parameters)
    res3b__conv1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__conv1",
    )(res3a__relu_out)
    res3b__bn1 = layers.BatchNormalization(name="res3b__bn1")(res3b__conv1)
    res3b__relu1 = layers.ReLU(name="res3b__relu1")(res3b__bn1)
    res3b__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res3b__conv2",
    )(res3b__relu1)
    res3b__bn2 = layers.BatchNormalization(name="res3b__bn2")(res3b__conv2)
    res3b__relu2 = layers.ReLU(name="res3b__relu2")(res3b__bn2)
    res3b__conv3 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res3b__conv3",
    )(res3b__relu2)
    res3b__bn3 = layers.BatchNormalization(name="res3b__bn3")(res3b__conv3)
    res3b__add = layers.Add(name="res3b__add")([res3b__bn3, res3a__relu_out])
    res3b__relu_out = layers.ReLU(name="res3b__relu_out")(res3b__add)

    # Block res3c (Residual block "conv3_3", 4,736 parameters)
    res3c__conv1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__conv1",
    )(res3b__relu_out)
    res3c__bn1 = layers.BatchNormalization(name="res3c__bn1")(res3c__conv1)
    res3c__relu1 = layers.ReLU(name="res3c__relu1")(res3c__bn1)
    res3c__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res3c__conv2",
    )(res3c__relu1)
    res3c__bn2 = layers.BatchNormalization(name="res3c__bn2")(res3c__conv2)
    res3c__relu2 = layers.ReLU(name="res3c__relu2")(res3c__bn2)
    res3c__conv3 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res3c__conv3",
    )(res3c__relu2)
    res3c__bn3 = layers.BatchNormalization(name="res3c__bn3")(res3c__conv3)
    res3c__add = layers.Add(name="res3c__add")([res3c__bn3, res3b__relu_out])
    res3c__relu_out = layers.ReLU(name="res3c__relu_out")(res3c__add)

    # Block res3d (Residual block "conv3_4", 4,736 parameters)
    res3d__conv1 = layers.Conv2D(
        filters=16, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__conv1",
    )(res3c__relu_out)
    res3d__bn1 = layers.BatchNormalization(name="res3d__bn1")(res3d__conv1)
    res3d__relu1 = layers.ReLU(name="res3d__relu1")(res3d__bn1)
    res3d__conv2 = layers.Conv2D(
        filters=16, kernel_size=(3, 3), padding="same", use_bias=False, name="res3d__conv2",
    )(res3d__relu1)
    res3d__bn2 = layers.BatchNormalization(name="res3d__bn2")(res3d__conv2)
    res3d__relu2 = layers.ReLU(name="res3d__relu2")(res3d__bn2)
    res3d__conv3 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res3d__conv3",
    )(res3d__relu2)
    res3d__bn3 = layers.BatchNormalization(name="res3d__bn3")(res3d__conv3)
    res3d__add = layers.Add(name="res3d__add")([res3d__bn3, res3c__relu_out])
    res3d__relu_out = layers.ReLU(name="res3d__relu_out")(res3d__add)

    # Block res4a (Residual block "conv4_1 ↓2", 24,832 parameters)
    res4a__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__conv1",
    )(res3d__relu_out)
    res4a__proj = layers.Conv2D(
        filters=128, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res4a__proj",
    )(res3d__relu_out)
    res4a__bn1 = layers.BatchNormalization(name="res4a__bn1")(res4a__conv1)
    res4a__proj_bn = layers.BatchNormalization(name="res4a__proj_bn")(res4a__proj)
    res4a__relu1 = layers.ReLU(name="res4a__relu1")(res4a__bn1)
    res4a__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res4a__conv2",
    )(res4a__relu1)
    res4a__bn2 = layers.BatchNormalization(name="res4a__bn2")(res4a__conv2)
    res4a__relu2 = layers.ReLU(name="res4a__relu2")(res4a__bn2)
    res4a__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4a__conv3",
    )(res4a__relu2)
    res4a__bn3 = layers.BatchNormalization(name="res4a__bn3")(res4a__conv3)
    res4a__add = layers.Add(name="res4a__add")([res4a__bn3, res4a__proj_bn])
    res4a__relu_out = layers.ReLU(name="res4a__relu_out")(res4a__add)

    # Block res4b (Residual block "conv4_2", 18,176 parameters)
    res4b__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__conv1",
    )(res4a__relu_out)
    res4b__bn1 = layers.BatchNormalization(name="res4b__bn1")(res4b__conv1)
    res4b__relu1 = layers.ReLU(name="res4b__relu1")(res4b__bn1)
    res4b__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res4b__conv2",
    )(res4b__relu1)
    res4b__bn2 = layers.BatchNormalization(name="res4b__bn2")(res4b__conv2)
    res4b__relu2 = layers.ReLU(name="res4b__relu2")(res4b__bn2)
    res4b__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4b__conv3",
    )(res4b__relu2)
    res4b__bn3 = layers.BatchNormalization(name="res4b__bn3")(res4b__conv3)
    res4b__add = layers.Add(name="res4b__add")([res4b__bn3, res4a__relu_out])
    res4b__relu_out = layers.ReLU(name="res4b__relu_out")(res4b__add)

    # Block res4c (Residual block "conv4_3", 18,176 parameters)
    res4c__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__conv1",
    )(res4b__relu_out)
    res4c__bn1 = layers.BatchNormalization(name="res4c__bn1")(res4c__conv1)
    res4c__relu1 = layers.ReLU(name="res4c__relu1")(res4c__bn1)
    res4c__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res4c__conv2",
    )(res4c__relu1)
    res4c__bn2 = layers.BatchNormalization(name="res4c__bn2")(res4c__conv2)
    res4c__relu2 = layers.ReLU(name="res4c__relu2")(res4c__bn2)
    res4c__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4c__conv3",
    )(res4c__relu2)
    res4c__bn3 = layers.BatchNormalization(name="res4c__bn3")(res4c__conv3)
    res4c__add = layers.Add(name="res4c__add")([res4c__bn3, res4b__relu_out])
    res4c__relu_out = layers.ReLU(name="res4c__relu_out")(res4c__add)

    # Block res4d (Residual block "conv4_4", 18,176 parameters)
    res4d__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__conv1",
    )(res4c__relu_out)
    res4d__bn1 = layers.BatchNormalization(name="res4d__bn1")(res4d__conv1)
    res4d__relu1 = layers.ReLU(name="res4d__relu1")(res4d__bn1)
    res4d__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res4d__conv2",
    )(res4d__relu1)
    res4d__bn2 = layers.BatchNormalization(name="res4d__bn2")(res4d__conv2)
    res4d__relu2 = layers.ReLU(name="res4d__relu2")(res4d__bn2)
    res4d__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4d__conv3",
    )(res4d__relu2)
    res4d__bn3 = layers.BatchNormalization(name="res4d__bn3")(res4d__conv3)
    res4d__add = layers.Add(name="res4d__add")([res4d__bn3, res4c__relu_out])
    res4d__relu_out = layers.ReLU(name="res4d__relu_out")(res4d__add)

    # Block res4e (Residual block "conv4_5", 18,176 parameters)
    res4e__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__conv1",
    )(res4d__relu_out)
    res4e__bn1 = layers.BatchNormalization(name="res4e__bn1")(res4e__conv1)
    res4e__relu1 = layers.ReLU(name="res4e__relu1")(res4e__bn1)
    res4e__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res4e__conv2",
    )(res4e__relu1)
    res4e__bn2 = layers.BatchNormalization(name="res4e__bn2")(res4e__conv2)
    res4e__relu2 = layers.ReLU(name="res4e__relu2")(res4e__bn2)
    res4e__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4e__conv3",
    )(res4e__relu2)
    res4e__bn3 = layers.BatchNormalization(name="res4e__bn3")(res4e__conv3)
    res4e__add = layers.Add(name="res4e__add")([res4e__bn3, res4d__relu_out])
    res4e__relu_out = layers.ReLU(name="res4e__relu_out")(res4e__add)

    # Block res4f (Residual block "conv4_6", 18,176 parameters)
    res4f__conv1 = layers.Conv2D(
        filters=32, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__conv1",
    )(res4e__relu_out)
    res4f__bn1 = layers.BatchNormalization(name="res4f__bn1")(res4f__conv1)
    res4f__relu1 = layers.ReLU(name="res4f__relu1")(res4f__bn1)
    res4f__conv2 = layers.Conv2D(
        filters=32, kernel_size=(3, 3), padding="same", use_bias=False, name="res4f__conv2",
    )(res4f__relu1)
    res4f__bn2 = layers.BatchNormalization(name="res4f__bn2")(res4f__conv2)
    res4f__relu2 = layers.ReLU(name="res4f__relu2")(res4f__bn2)
    res4f__conv3 = layers.Conv2D(
        filters=128, kernel_size=(1, 1), padding="same", use_bias=False, name="res4f__conv3",
    )(res4f__relu2)
    res4f__bn3 = layers.BatchNormalization(name="res4f__bn3")(res4f__conv3)
    res4f__add = layers.Add(name="res4f__add")([res4f__bn3, res4e__relu_out])
    res4f__relu_out = layers.ReLU(name="res4f__relu_out")(res4f__add)

    # Block res5a (Residual block "conv5_1 ↓2", 96,768 parameters)
    res5a__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__conv1",
    )(res4f__relu_out)
    res5a__proj = layers.Conv2D(
        filters=256, kernel_size=(1, 1), strides=(2, 2), padding="same", use_bias=False, name="res5a__proj",
    )(res4f__relu_out)
    res5a__bn1 = layers.BatchNormalization(name="res5a__bn1")(res5a__conv1)
    res5a__proj_bn = layers.BatchNormalization(name="res5a__proj_bn")(res5a__proj)
    res5a__relu1 = layers.ReLU(name="res5a__relu1")(res5a__bn1)
    res5a__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), strides=(2, 2), padding="same", use_bias=False, name="res5a__conv2",
    )(res5a__relu1)
    res5a__bn2 = layers.BatchNormalization(name="res5a__bn2")(res5a__conv2)
    res5a__relu2 = layers.ReLU(name="res5a__relu2")(res5a__bn2)
    res5a__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res5a__conv3",
    )(res5a__relu2)
    res5a__bn3 = layers.BatchNormalization(name="res5a__bn3")(res5a__conv3)
    res5a__add = layers.Add(name="res5a__add")([res5a__bn3, res5a__proj_bn])
    res5a__relu_out = layers.ReLU(name="res5a__relu_out")(res5a__add)

    # Block res5b (Residual block "conv5_2", 71,168 parameters)
    res5b__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__conv1",
    )(res5a__relu_out)
    res5b__bn1 = layers.BatchNormalization(name="res5b__bn1")(res5b__conv1)
    res5b__relu1 = layers.ReLU(name="res5b__relu1")(res5b__bn1)
    res5b__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res5b__conv2",
    )(res5b__relu1)
    res5b__bn2 = layers.BatchNormalization(name="res5b__bn2")(res5b__conv2)
    res5b__relu2 = layers.ReLU(name="res5b__relu2")(res5b__bn2)
    res5b__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res5b__conv3",
    )(res5b__relu2)
    res5b__bn3 = layers.BatchNormalization(name="res5b__bn3")(res5b__conv3)
    res5b__add = layers.Add(name="res5b__add")([res5b__bn3, res5a__relu_out])
    res5b__relu_out = layers.ReLU(name="res5b__relu_out")(res5b__add)

    # Block res5c (Residual block "conv5_3", 71,168 parameters)
    res5c__conv1 = layers.Conv2D(
        filters=64, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__conv1",
    )(res5b__relu_out)
    res5c__bn1 = layers.BatchNormalization(name="res5c__bn1")(res5c__conv1)
    res5c__relu1 = layers.ReLU(name="res5c__relu1")(res5c__bn1)
    res5c__conv2 = layers.Conv2D(
        filters=64, kernel_size=(3, 3), padding="same", use_bias=False, name="res5c__conv2",
    )(res5c__relu1)
    res5c__bn2 = layers.BatchNormalization(name="res5c__bn2")(res5c__conv2)
    res5c__relu2 = layers.ReLU(name="res5c__relu2")(res5c__bn2)
    res5c__conv3 = layers.Conv2D(
        filters=256, kernel_size=(1, 1), padding="same", use_bias=False, name="res5c__conv3",
    )(res5c__relu2)
    res5c__bn3 = layers.BatchNormalization(name="res5c__bn3")(res5c__conv3)
    res5c__add = layers.Add(name="res5c__add")([res5c__bn3, res5b__relu_out])
    res5c__relu_out = layers.ReLU(name="res5c__relu_out")(res5c__add)

    gap = layers.GlobalAveragePooling2D(name="gap")(res5c__relu_out)
    # Classifier: Dense 3 softmax
    fc = layers.Dense(units=3, activation="softmax", kernel_initializer="glorot_normal", name="fc")(gap)
    return keras.Model(inputs=[image], outputs=[fc], name="net")


def training_model_net(model):
    """The network with only the outputs that have a loss (fc), compiled with
    the document's losses, loss weights and optimizer. It shares every layer with `model`."""
    outputs = [model.outputs[i] for i in [0]]
    trainable = keras.Model(inputs=model.inputs, outputs=outputs, name=model.name + "_training")
    optimizer = keras.optimizers.SGD(learning_rate=0.02, momentum=0.9)
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
    parser = argparse.ArgumentParser(description="Train ResNet-50 (mini) as the Layerloom document sets it up.")
    parser.add_argument("--data", required=True, help="an .npz file with arrays named image, fc (one row per example)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="examples per replica and step")
    parser.add_argument("--strategy", choices=["none", "mirrored", "multiworker"], default=STRATEGY)
    parser.add_argument("--save", default="resnet-50-mini.keras", help="where to save the trained model")
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
