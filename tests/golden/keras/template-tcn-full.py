"""TCN (polyphonic music)

Bai, Kolter and Koltun 2018's generic TCN as its reference code runs on polyphonic music: four
temporal blocks of 150 channels, kernel 5, dilations 1, 2, 4, 8 (121 steps of context), predicting
which of 88 keys sound at the next step.

Exported from Layerloom as a Keras script (functional API, TensorFlow 2.13 or later).
  build_net()  network "net": signal Bx128x88 -> next Bx128x88
"""
import argparse

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers

# The tf.distribute strategy chosen at export; --strategy overrides it.
STRATEGY = "mirrored"


def build_net():
    """Network "net": signal Bx128x88 -> next Bx128x88; 881,338 parameters."""
    # Piano roll (88 keys): Input 128×88
    signal = keras.Input(shape=(128, 88), dtype="float32", name="signal")

    # Block level1 (Temporal block (1×1 shortcut) "d1", 192,150 parameters)
    level1__conv1 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", activation="relu", name="level1__conv1",
    )(signal)
    level1__shortcut = layers.Conv1D(filters=150, kernel_size=(1,), name="level1__shortcut")(signal)
    level1__drop1 = layers.Dropout(rate=0.25, name="level1__drop1")(level1__conv1)
    level1__conv2 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", activation="relu", name="level1__conv2",
    )(level1__drop1)
    level1__drop2 = layers.Dropout(rate=0.25, name="level1__drop2")(level1__conv2)
    level1__add = layers.Add(name="level1__add")([level1__drop2, level1__shortcut])
    level1__relu = layers.ReLU(name="level1__relu")(level1__add)

    # Block level2 (Temporal block "d2", 225,300 parameters)
    level2__conv1 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(2,), activation="relu",
        name="level2__conv1",
    )(level1__relu)
    level2__drop1 = layers.Dropout(rate=0.25, name="level2__drop1")(level2__conv1)
    level2__conv2 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(2,), activation="relu",
        name="level2__conv2",
    )(level2__drop1)
    level2__drop2 = layers.Dropout(rate=0.25, name="level2__drop2")(level2__conv2)
    level2__add = layers.Add(name="level2__add")([level2__drop2, level1__relu])
    level2__relu = layers.ReLU(name="level2__relu")(level2__add)

    # Block level3 (Temporal block "d4", 225,300 parameters)
    level3__conv1 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(4,), activation="relu",
        name="level3__conv1",
    )(level2__relu)
    level3__drop1 = layers.Dropout(rate=0.25, name="level3__drop1")(level3__conv1)
    level3__conv2 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(4,), activation="relu",
        name="level3__conv2",
    )(level3__drop1)
    level3__drop2 = layers.Dropout(rate=0.25, name="level3__drop2")(level3__conv2)
    level3__add = layers.Add(name="level3__add")([level3__drop2, level2__relu])
    level3__relu = layers.ReLU(name="level3__relu")(level3__add)

    # Block level4 (Temporal block "d8", 225,300 parameters)
    level4__conv1 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(8,), activation="relu",
        name="level4__conv1",
    )(level3__relu)
    level4__drop1 = layers.Dropout(rate=0.25, name="level4__drop1")(level4__conv1)
    level4__conv2 = layers.Conv1D(
        filters=150, kernel_size=(5,), padding="causal", dilation_rate=(8,), activation="relu",
        name="level4__conv2",
    )(level4__drop1)
    level4__drop2 = layers.Dropout(rate=0.25, name="level4__drop2")(level4__conv2)
    level4__add = layers.Add(name="level4__add")([level4__drop2, level3__relu])
    level4__relu = layers.ReLU(name="level4__relu")(level4__add)

    # Next notes: Dense 88 sigmoid
    next = layers.Dense(
        units=88, activation="sigmoid", kernel_initializer="glorot_normal", name="next",
    )(level4__relu)
    return keras.Model(inputs=[signal], outputs=[next], name="net")


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
